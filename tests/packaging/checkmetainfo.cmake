# SPDX-License-Identifier: GPL-3.0-or-later
# ctest script (cmake -P): the configured AppStream metadata passes `appstreamcli validate
# --strict` offline, its newest <release> is the top-level project() VERSION (one version for
# everything), its id is the application id, it launches the desktop entry, and every screenshot
# is a PNG of resources/screenshots with the width and height the file declares.
# Inputs: METAINFO_FILE, VERSION, APP_ID, DESKTOP_FILE, SCREENSHOT_DIR.
cmake_minimum_required(VERSION 3.21)
foreach(var METAINFO_FILE VERSION APP_ID DESKTOP_FILE SCREENSHOT_DIR)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "missing -D${var}")
    endif()
endforeach()

find_program(APPSTREAMCLI appstreamcli)
if(NOT APPSTREAMCLI)
    message(FATAL_ERROR "appstreamcli not found: install appstream (./dev.sh test does)")
endif()
execute_process(COMMAND "${APPSTREAMCLI}" validate --no-net --strict --explain "${METAINFO_FILE}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "appstreamcli validate --strict ${METAINFO_FILE}:\n${out}")
endif()
message(STATUS "appstreamcli validate --strict: ${out}")

file(READ "${METAINFO_FILE}" xml)
string(REGEX MATCH "<release version=\"([^\"]+)\"" _ "${xml}")
if(NOT CMAKE_MATCH_1 STREQUAL VERSION)
    message(FATAL_ERROR "the newest <release> is '${CMAKE_MATCH_1}', project() VERSION is ${VERSION}: "
                        "add a <release> entry to resources/linux/chronoscope.metainfo.xml.in")
endif()
string(REGEX MATCH "<id>([^<]+)</id>" _ "${xml}")
if(NOT CMAKE_MATCH_1 STREQUAL APP_ID)
    message(FATAL_ERROR "component id '${CMAKE_MATCH_1}' is not the application id ${APP_ID}")
endif()
get_filename_component(desktop_name "${DESKTOP_FILE}" NAME)
if(NOT xml MATCHES "<launchable type=\"desktop-id\">${desktop_name}</launchable>")
    message(FATAL_ERROR "the metainfo does not launch ${desktop_name}")
endif()
message(STATUS "release ${VERSION}, id ${APP_ID}, launches ${desktop_name}")

string(REGEX MATCHALL "<image type=\"source\" width=\"[0-9]+\" height=\"[0-9]+\">[^<]+</image>" images "${xml}")
if(NOT images)
    message(FATAL_ERROR "no screenshots")
endif()
foreach(image IN LISTS images)
    string(REGEX MATCH "width=\"([0-9]+)\" height=\"([0-9]+)\">([^<]+)<" _ "${image}")
    set(width ${CMAKE_MATCH_1})
    set(height ${CMAKE_MATCH_2})
    get_filename_component(name "${CMAKE_MATCH_3}" NAME)
    set(png "${SCREENSHOT_DIR}/${name}")
    if(NOT EXISTS "${png}")
        message(FATAL_ERROR "screenshot ${name} is not in ${SCREENSHOT_DIR}")
    endif()
    # PNG: 8-byte signature, IHDR length and type, then width and height as big-endian 32-bit.
    file(READ "${png}" header OFFSET 16 LIMIT 8 HEX)
    string(SUBSTRING "${header}" 0 8 w)
    string(SUBSTRING "${header}" 8 8 h)
    math(EXPR w "0x${w}")
    math(EXPR h "0x${h}")
    if(NOT w EQUAL width OR NOT h EQUAL height)
        message(FATAL_ERROR "screenshot ${name} is ${w}x${h}, the metainfo says ${width}x${height}")
    endif()
    message(STATUS "screenshot ${name} ${w}x${h}")
endforeach()

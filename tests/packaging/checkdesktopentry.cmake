# SPDX-License-Identifier: GPL-3.0-or-later
# ctest script (cmake -P): the desktop entry passes desktop-file-validate, its file name is the
# desktop-file id that app/gui/main.cpp passes to QGuiApplication::setDesktopFileName (Wayland
# compositors match windows to entries by it), and its Icon= names an icon that is installed in
# every hicolor size plus scalable. Inputs: DESKTOP_FILE, GUI_MAIN, ICON_DIR.
cmake_minimum_required(VERSION 3.21)
foreach(var DESKTOP_FILE GUI_MAIN ICON_DIR)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "missing -D${var}")
    endif()
endforeach()

find_program(VALIDATE desktop-file-validate)
if(NOT VALIDATE)
    message(FATAL_ERROR "desktop-file-validate not found: install desktop-file-utils (./dev.sh test does)")
endif()
execute_process(COMMAND "${VALIDATE}" "${DESKTOP_FILE}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
# desktop-file-validate exits 0 with hints; warnings and errors make it fail. Hints fail us too.
if(NOT rc EQUAL 0 OR NOT out STREQUAL "")
    message(FATAL_ERROR "desktop-file-validate ${DESKTOP_FILE}:\n${out}")
endif()
message(STATUS "desktop-file-validate: clean")

get_filename_component(desktop_id "${DESKTOP_FILE}" NAME_WE)
file(STRINGS "${GUI_MAIN}" announced REGEX "setDesktopFileName\\(")
string(REGEX MATCH "setDesktopFileName\\(u?\"([^\"]+)\"" _ "${announced}")
if(NOT CMAKE_MATCH_1 STREQUAL desktop_id)
    message(FATAL_ERROR "app/gui/main.cpp announces desktop file '${CMAKE_MATCH_1}', but the entry is "
                        "${desktop_id}.desktop: rename one of them")
endif()
message(STATUS "desktop-file id ${desktop_id} matches setDesktopFileName")

file(STRINGS "${DESKTOP_FILE}" entry)
foreach(line IN LISTS entry)
    if(line MATCHES "^Icon=(.*)$")
        set(icon "${CMAKE_MATCH_1}")
    elseif(line MATCHES "^Exec=([^ ]*)")
        set(exec "${CMAKE_MATCH_1}")
    endif()
endforeach()
if(NOT exec STREQUAL "chronoscope")
    message(FATAL_ERROR "Exec= runs '${exec}', not the chronoscope program")
endif()
if(NOT EXISTS "${ICON_DIR}/${icon}.svg")
    message(FATAL_ERROR "Icon=${icon}: no ${ICON_DIR}/${icon}.svg for hicolor/scalable")
endif()
foreach(size 16 32 48 64 128 256)
    if(NOT EXISTS "${ICON_DIR}/hicolor/${size}x${size}/apps/${icon}.png")
        message(FATAL_ERROR "Icon=${icon}: no ${size}x${size} PNG in ${ICON_DIR}/hicolor")
    endif()
endforeach()
message(STATUS "Icon=${icon}: scalable SVG and 16-256 px PNGs present")

# SPDX-License-Identifier: GPL-3.0-or-later
# ctest script (cmake -P): runs the Windows and macOS packaging code on Linux through the stub
# project in platformstub/ — configure, build the stand-in programs, then
#   Windows: cpack -G NSIS with makensis (a real NSIS installer of the stand-ins: our icon, Start
#            menu entries, uninstaller, PATH page) and the generated version/icon/manifest resources;
#   macOS:   the bundle's install layout (component macos_app only), the macdeployqt call, the
#            launchd plist and the Info.plist template, the DragNDrop settings.
# Nothing here proves the installers work on Windows or macOS (see the README); it keeps the code
# that is only configured there from rotting. Inputs: SOURCE_DIR, WORK_DIR, VERSION, HOMEPAGE, APP_ID.
cmake_minimum_required(VERSION 3.21)
foreach(var SOURCE_DIR WORK_DIR VERSION HOMEPAGE APP_ID)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "missing -D${var}")
    endif()
endforeach()

function(run)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
    if(NOT rc EQUAL 0)
        string(REPLACE ";" " " cmd "${ARGN}")
        message(FATAL_ERROR "${cmd} failed (${rc}):\n${out}")
    endif()
    set(run_output "${out}" PARENT_SCOPE)
endfunction()
function(require_file path)
    if(NOT EXISTS "${path}")
        message(FATAL_ERROR "missing: ${path}")
    endif()
endfunction()
function(stub platform dir)
    file(REMOVE_RECURSE "${dir}")
    run(${CMAKE_COMMAND} -S "${SOURCE_DIR}/tests/packaging/platformstub" -B "${dir}" -G Ninja
        -DSTUB_PLATFORM=${platform} -DSTUB_SOURCE_DIR=${SOURCE_DIR} -DSTUB_VERSION=${VERSION}
        -DSTUB_HOMEPAGE=${HOMEPAGE})
    run(${CMAKE_COMMAND} --build "${dir}")
endfunction()
string(REPLACE "." ";" parts "${VERSION}")
list(JOIN parts "," rc_version)

# --- Windows ------------------------------------------------------------------------------------
set(win "${WORK_DIR}/windows")
stub(Windows "${win}")
foreach(target chronoscope chronoscope-cli chronoscope-helper)
    file(READ "${win}/windows/${target}.rc" rc)
    if(NOT rc MATCHES "FILEVERSION ${rc_version},0" OR NOT rc MATCHES "\"ProductVersion\", \"${VERSION}\""
       OR NOT rc MATCHES "ICON \"[^\"]*/packaging/windows/chronoscope.ico\"")
        message(FATAL_ERROR "${target}.rc lacks the version ${VERSION} or the icon:\n${rc}")
    endif()
endforeach()
file(READ "${win}/windows/chronoscope-helper.rc" rc)
if(NOT rc MATCHES "#define CHRONOSCOPE_RC_MANIFEST" OR NOT rc MATCHES "RT_MANIFEST \"[^\"]*chronoscope-helper.manifest\"")
    message(FATAL_ERROR "the helper's resources do not embed its manifest:\n${rc}")
endif()
file(READ "${SOURCE_DIR}/packaging/windows/chronoscope-helper.manifest" manifest)
if(NOT manifest MATCHES "level=\"requireAdministrator\"")
    message(FATAL_ERROR "the helper manifest does not require administrator rights")
endif()
file(READ "${win}/windows/chronoscope.rc" rc)
if(rc MATCHES "#define CHRONOSCOPE_RC_MANIFEST")
    message(FATAL_ERROR "the GUI must not carry the helper's elevation manifest")
endif()
message(STATUS "Windows: version and icon resources for 3 programs, requireAdministrator for the helper")

find_program(MAKENSIS makensis)
if(NOT MAKENSIS)
    message(FATAL_ERROR "makensis not found: install nsis (./dev.sh test does)")
endif()
run(${CMAKE_COMMAND} -E chdir "${win}" cpack -G NSIS)
set(installer "${win}/Chronoscope-${VERSION}-win64.exe")
require_file("${installer}")
file(READ "${installer}" mz LIMIT 2 HEX)
if(NOT mz STREQUAL "4d5a")
    message(FATAL_ERROR "${installer} is not a Windows executable")
endif()
file(READ "${win}/_CPack_Packages/win64/NSIS/project.nsi" nsi)
foreach(expected
        "CreateShortCut \"$SMPROGRAMS\\$STARTMENU_FOLDER\\Chronoscope.lnk\" \"$INSTDIR\\bin\\chronoscope.exe\""
        "CreateShortCut \"$SMPROGRAMS\\$STARTMENU_FOLDER\\Uninstall.lnk\""
        "WriteUninstaller \"$INSTDIR\\Uninstall Chronoscope.exe\"" "Push \"DisplayVersion\""
        "MUI_ICON \"${SOURCE_DIR}/packaging/windows/chronoscope.ico\"" "RequestExecutionLevel admin")
    string(FIND "${nsi}" "${expected}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "the generated NSIS script lacks '${expected}'")
    endif()
endforeach()
file(READ "${win}/deploy.log" deploy)
if(NOT deploy MATCHES "qt_generate_deploy_app_script\\(TARGET;chronoscope")
    message(FATAL_ERROR "the installer did not run the Qt deployment step: ${deploy}")
endif()
message(STATUS "Windows: makensis built ${installer} (Start menu, uninstaller, Qt deployment step)")

# --- macOS --------------------------------------------------------------------------------------
set(mac "${WORK_DIR}/macos")
stub(Darwin "${mac}")
set(root "${mac}/dmgroot")
run(${CMAKE_COMMAND} --install "${mac}" --component macos_app --prefix "${root}")
set(label "${APP_ID}.helper")
foreach(path Chronoscope.app/Contents/MacOS/Chronoscope Chronoscope.app/Contents/MacOS/chronoscope-cli
             Chronoscope.app/Contents/Library/LaunchServices/${label})
    require_file("${root}/${path}")
endforeach()
file(GLOB top RELATIVE "${root}" "${root}/*")
if(NOT top STREQUAL "Chronoscope.app")
    message(FATAL_ERROR "the disk image would hold more than the bundle: ${top}")
endif()
file(READ "${mac}/deploy.log" deploy)
if(NOT deploy MATCHES "EXECUTABLE;Chronoscope.app;ADDITIONAL_EXECUTABLES;Chronoscope.app/Contents/MacOS/chronoscope-cli")
    message(FATAL_ERROR "macdeployqt is not run on the bundle and the CLI: ${deploy}")
endif()
include("${mac}/CPackConfig.cmake")
if(NOT CPACK_GENERATOR STREQUAL "DragNDrop" OR NOT CPACK_INSTALL_CMAKE_PROJECTS MATCHES ";macos_app;")
    message(FATAL_ERROR "DragNDrop settings: '${CPACK_GENERATOR}', '${CPACK_INSTALL_CMAKE_PROJECTS}'")
endif()

# The bundle as CMake builds it (it does so on Linux too once APPLE is set): Info.plist from our
# template, the icon and the launchd plist at their MACOSX_PACKAGE_LOCATIONs, all in the image.
find_program(XMLLINT xmllint)
if(NOT XMLLINT)
    message(FATAL_ERROR "xmllint not found: install libxml2-utils (./dev.sh test does)")
endif()
set(contents "${root}/Chronoscope.app/Contents")
foreach(path Info.plist Resources/chronoscope.icns Library/LaunchDaemons/${label}.plist)
    require_file("${contents}/${path}")
endforeach()
run("${XMLLINT}" --noout "${contents}/Library/LaunchDaemons/${label}.plist")
file(READ "${contents}/Library/LaunchDaemons/${label}.plist" plist)
if(NOT plist MATCHES "<string>Contents/Library/LaunchServices/${label}</string>"
   OR NOT plist MATCHES "<key>Listeners</key>[ \t\n]*<dict>[ \t\n]*<key>SockPathName</key>[ \t\n]*<string>/var/run/${label}.sock</string>"
   OR NOT plist MATCHES "<key>SockPathMode</key>[ \t\n]*<integer>438</integer>"
   OR NOT plist MATCHES "<string>${APP_ID}</string>")
    message(FATAL_ERROR "the launchd plist lacks BundleProgram, the Listeners socket (0666) or the app id:\n${plist}")
endif()
run("${XMLLINT}" --noout "${contents}/Info.plist")
file(READ "${contents}/Info.plist" info)
foreach(expected "<string>${APP_ID}</string>" "<string>${VERSION}</string>" "<string>Chronoscope</string>"
                 "<string>chronoscope.icns</string>" "<key>LSMinimumSystemVersion</key>")
    string(FIND "${info}" "${expected}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "Info.plist lacks ${expected}:\n${info}")
    endif()
endforeach()
if(info MATCHES "\\$\\{")
    message(FATAL_ERROR "Info.plist has placeholders CMake does not know:\n${info}")
endif()
file(READ "${contents}/Resources/chronoscope.icns" magic LIMIT 4 HEX)
if(NOT magic STREQUAL "69636e73")
    message(FATAL_ERROR "chronoscope.icns is not an icns file")
endif()
message(STATUS "macOS: bundle layout, macdeployqt call, launchd plist, Info.plist, DragNDrop settings")
file(REMOVE_RECURSE "${WORK_DIR}")

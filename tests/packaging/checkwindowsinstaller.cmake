# SPDX-License-Identifier: GPL-3.0-or-later
# packaging_windows_installer (ctest script, cmake -P): the NSIS installer built on Linux from the
# REAL cross-compiled helper (HELPER_EXE, the mingw-helper build) with stand-ins only for the Qt
# programs (tests/packaging/platformstub: Linux executables under the programs' names, which print
# that they are stand-ins, so that the shortcuts and PATH entry are the real ones), then installed and
# uninstalled silently under wine (WINE_RUN: tests/windows/wine-run.sh, in the cross build's
# prefix, CHRONOSCOPE_WINEPREFIX):
#  - the NSIS script registers the service after the files and removes it before deleting them;
#  - the installer is a PE executable, kept as Chronoscope-<version>-win64-standin-gui.exe (a 64-bit
#    one, NSIS Target amd64-unicode: the wine here runs no 32-bit programs);
#  - installed: bin\chronoscope-helper.exe is byte for byte the cross-built helper, and the
#    service ChronoscopeHelper is registered (demand start, "--service") with its event source;
#  - uninstalled: the service, the event source and the helper are gone.
# The service is never started here (tests/windows/tst_win_service.cpp starts a dry-run one).
# Inputs: SOURCE_DIR, WORK_DIR, VERSION, HOMEPAGE, HELPER_EXE, WINE_RUN.
cmake_minimum_required(VERSION 3.21)
foreach(var SOURCE_DIR WORK_DIR VERSION HOMEPAGE HELPER_EXE WINE_RUN)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "missing -D${var}")
    endif()
endforeach()
if(NOT DEFINED ENV{CHRONOSCOPE_WINEPREFIX})
    message(FATAL_ERROR "CHRONOSCOPE_WINEPREFIX is not set (ctest sets it)")
endif()
set(prefix "$ENV{CHRONOSCOPE_WINEPREFIX}")

function(run)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
    if(NOT rc EQUAL 0)
        string(REPLACE ";" " " cmd "${ARGN}")
        message(FATAL_ERROR "${cmd} failed (${rc}):\n${out}")
    endif()
    set(run_output "${out}" PARENT_SCOPE)
endfunction()
# The service's registry key as wine's reg.exe prints it; `found` is FALSE when it does not exist.
function(query_service key out found)
    execute_process(COMMAND "${WINE_RUN}" reg query "${key}" RESULT_VARIABLE rc OUTPUT_VARIABLE text ERROR_QUIET)
    set(${out} "${text}" PARENT_SCOPE)
    if(rc EQUAL 0)
        set(${found} TRUE PARENT_SCOPE)
    else()
        set(${found} FALSE PARENT_SCOPE)
    endif()
endfunction()

if(NOT EXISTS "${HELPER_EXE}")
    message(FATAL_ERROR "${HELPER_EXE} missing: windows_crossbuild builds it")
endif()
file(REMOVE_RECURSE "${WORK_DIR}")
run(${CMAKE_COMMAND} -S "${SOURCE_DIR}/tests/packaging/platformstub" -B "${WORK_DIR}" -G Ninja
    -DSTUB_PLATFORM=Windows -DSTUB_SOURCE_DIR=${SOURCE_DIR} -DSTUB_VERSION=${VERSION}
    -DSTUB_HOMEPAGE=${HOMEPAGE} -DSTUB_HELPER_EXE=${HELPER_EXE})
run(${CMAKE_COMMAND} --build "${WORK_DIR}")
run(${CMAKE_COMMAND} -E chdir "${WORK_DIR}" cpack -G NSIS)

file(READ "${WORK_DIR}/_CPack_Packages/win64/NSIS/project.nsi" nsi)
string(FIND "${nsi}" "ExecWait '\"$INSTDIR\\bin\\chronoscope-helper.exe\" --install-service' $0" install_at)
string(FIND "${nsi}" "ExecWait '\"$INSTDIR\\bin\\chronoscope-helper.exe\" --uninstall-service' $0" uninstall_at)
string(FIND "${nsi}" "Section \"Uninstall\"" uninstall_section)
string(FIND "${nsi}" "Delete \"$INSTDIR\\bin\\chronoscope-helper.exe\"" delete_at)
if(install_at EQUAL -1 OR uninstall_at EQUAL -1 OR delete_at EQUAL -1)
    message(FATAL_ERROR "the NSIS script does not install and remove the service and the helper")
endif()
if(uninstall_at LESS uninstall_section OR delete_at LESS uninstall_at)
    message(FATAL_ERROR "the uninstaller must remove the service before it deletes the helper")
endif()

set(built "${WORK_DIR}/Chronoscope-${VERSION}-win64.exe")
set(installer "${WORK_DIR}/Chronoscope-${VERSION}-win64-standin-gui.exe")
file(RENAME "${built}" "${installer}")
file(READ "${installer}" mz LIMIT 2 HEX)
if(NOT mz STREQUAL "4d5a")
    message(FATAL_ERROR "${installer} is not a Windows executable")
endif()
message(STATUS "makensis built ${installer} with the real helper")

# Install silently into C:\chronoscope-installer-test (NSIS: /D= last, unquoted).
set(target_dir "${prefix}/drive_c/chronoscope-installer-test")
set(service_key "HKLM\\System\\CurrentControlSet\\Services\\ChronoscopeHelper")
set(source_key "HKLM\\System\\CurrentControlSet\\Services\\EventLog\\Application\\Chronoscope Helper")
file(REMOVE_RECURSE "${target_dir}")
run("${WINE_RUN}" --prepare)
run("${WINE_RUN}" "${installer}" /S "/D=C:\\chronoscope-installer-test")
file(SHA256 "${HELPER_EXE}" expected)
set(installed "${target_dir}/bin/chronoscope-helper.exe")
if(NOT EXISTS "${installed}")
    message(FATAL_ERROR "the installer did not install bin\\chronoscope-helper.exe")
endif()
file(SHA256 "${installed}" actual)
if(NOT actual STREQUAL expected)
    message(FATAL_ERROR "the installed helper is not the cross-built one (${actual} vs ${expected})")
endif()
foreach(path bin/chronoscope.exe bin/chronoscope-cli.exe "Uninstall Chronoscope.exe")
    if(NOT EXISTS "${target_dir}/${path}")
        message(FATAL_ERROR "the installer did not install ${path}")
    endif()
endforeach()
query_service("${service_key}" service found)
if(NOT found)
    message(FATAL_ERROR "the installer did not register the service ChronoscopeHelper")
endif()
string(REGEX MATCH "ImagePath[ \t]+REG_[A-Z_]+[ \t]+([^\r\n]*)" _ "${service}")
set(image "${CMAKE_MATCH_1}")
if(NOT image MATCHES "chronoscope-installer-test\\\\bin\\\\chronoscope-helper.exe\" --service$"
   OR NOT service MATCHES "Start[ \t]+REG_DWORD[ \t]+0x3")
    message(FATAL_ERROR "the service is not registered as a demand-start '--service' of the installed helper:\n${service}")
endif()
query_service("${source_key}" source found)
if(NOT found)
    message(FATAL_ERROR "the installer did not register the event source")
endif()
message(STATUS "installed under wine: the cross-built helper, service ${image} (demand start), event source")

# Uninstall in place (_?=: without copying itself to a temporary directory first).
run("${WINE_RUN}" "${target_dir}/Uninstall Chronoscope.exe" /S "_?=C:\\chronoscope-installer-test")
query_service("${service_key}" service found)
if(found)
    message(FATAL_ERROR "the uninstaller left the service registered:\n${service}")
endif()
query_service("${source_key}" source found)
if(found)
    message(FATAL_ERROR "the uninstaller left the event source registered")
endif()
if(EXISTS "${installed}")
    message(FATAL_ERROR "the uninstaller left bin\\chronoscope-helper.exe")
endif()
message(STATUS "uninstalled under wine: service, event source and helper removed")
file(REMOVE_RECURSE "${target_dir}")

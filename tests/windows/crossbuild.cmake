# SPDX-License-Identifier: GPL-3.0-or-later
# windows_crossbuild: configures (once) and builds the Windows helper and its tests with
# mingw-w64 in BUILD_DIR, as the mingw-helper preset does, with warnings as errors, then checks
# that the cross build's ctest entries are exactly CHRONOSCOPE_WINDOWS_TESTS (windowstests.cmake),
# which the Linux build runs one by one. Inputs: SOURCE_DIR, BUILD_DIR, MINGW_CXX, LAUNCHER.
if(NOT MINGW_CXX)
    message(FATAL_ERROR "x86_64-w64-mingw32-g++-posix not found: install g++-mingw-w64-x86-64-posix "
                        "(./dev.sh test does)")
endif()
include(${CMAKE_CURRENT_LIST_DIR}/windowstests.cmake)
set(jobs $ENV{JOBS})
if(NOT jobs)
    set(jobs 2)
endif()

function(run)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE status)
    if(NOT status EQUAL 0)
        string(REPLACE ";" " " text "${ARGN}")
        message(FATAL_ERROR "failed (${status}): ${text}")
    endif()
endfunction()

if(NOT EXISTS "${BUILD_DIR}/CMakeCache.txt")
    set(launcher "")
    if(LAUNCHER)
        set(launcher "-DCMAKE_CXX_COMPILER_LAUNCHER=${LAUNCHER}" "-DCMAKE_C_COMPILER_LAUNCHER=${LAUNCHER}")
    endif()
    run(${CMAKE_COMMAND} -S "${SOURCE_DIR}" -B "${BUILD_DIR}" -G Ninja
        "-DCMAKE_TOOLCHAIN_FILE=${SOURCE_DIR}/cmake/toolchains/mingw-w64-x86_64-posix.cmake"
        -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCHRONOSCOPE_HELPER_ONLY=ON -DCMAKE_CXX_FLAGS=-Werror
        ${launcher})
endif()
run(${CMAKE_COMMAND} --build "${BUILD_DIR}" -j ${jobs})

execute_process(COMMAND ${CMAKE_CTEST_COMMAND} --test-dir "${BUILD_DIR}" -N
    OUTPUT_VARIABLE listing RESULT_VARIABLE status)
string(REGEX MATCHALL "Test +#[0-9]+: windows_[A-Za-z0-9_]+" entries "${listing}")
set(found "")
foreach(entry IN LISTS entries)
    string(REGEX REPLACE ".*: windows_" "" name "${entry}")
    list(APPEND found ${name})
endforeach()
set(listed ${CHRONOSCOPE_WINDOWS_TESTS})
list(SORT found)
list(SORT listed)
if(NOT status EQUAL 0 OR NOT found STREQUAL listed)
    message(FATAL_ERROR "the cross build's tests are '${found}', tests/windows/windowstests.cmake lists "
                        "'${CHRONOSCOPE_WINDOWS_TESTS}': keep them in step")
endif()
message(STATUS "built ${BUILD_DIR}/bin/chronoscope-helper.exe and the tests: ${found}")

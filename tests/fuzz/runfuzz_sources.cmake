# SPDX-License-Identifier: GPL-3.0-or-later
# ctest script (cmake -P) for builds whose compiler has no libFuzzer (GCC): compiles fuzz target
# NAME (tests/fuzz/NAME.cpp) with clang, with the parser sources instrumented, and runs it for a
# short while. Inputs: CLANG, SOURCE_DIR, WORK_DIR, SECONDS, NAME, and |-separated lists SOURCES
# (parser .cpp files), QT_INCLUDES and LIBS (extra link flags, e.g. -lnettle); QT_CORE is the
# QtCore library to link.
file(MAKE_DIRECTORY "${WORK_DIR}/corpus")
set(fuzzer "${WORK_DIR}/${NAME}")
string(REPLACE "|" ";" sources "${SOURCES}")
string(REPLACE "|" ";" includes "${QT_INCLUDES}")
string(REPLACE "|" ";" libs "${LIBS}")
set(include_flags)
foreach(dir IN LISTS includes)
    list(APPEND include_flags -isystem "${dir}")
endforeach()
execute_process(
    COMMAND "${CLANG}" -std=c++20 -O1 -g -fPIC -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
            -DQT_CORE_LIB -DQT_NO_CAST_FROM_ASCII -DQT_NO_CAST_TO_ASCII -I "${SOURCE_DIR}" ${include_flags}
            "${SOURCE_DIR}/tests/fuzz/${NAME}.cpp" ${sources} "${QT_CORE}" ${libs} -o "${fuzzer}"
    RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "building ${NAME} with ${CLANG} failed (libclang-rt-14-dev installed?):\n${err}")
endif()
execute_process(
    COMMAND "${fuzzer}" -max_total_time=${SECONDS} -seed=1 "${WORK_DIR}/corpus"
    RESULT_VARIABLE rc ERROR_VARIABLE log)
string(REGEX MATCH "#[0-9]+[^\n]*DONE[^\n]*" done "${log}")
message(STATUS "${done}")
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "the fuzzer found a problem:\n${log}")
endif()

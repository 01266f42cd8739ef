# SPDX-License-Identifier: GPL-3.0-or-later
# ctest script (cmake -P) for builds whose compiler has no libFuzzer (GCC): compiles the cmdmon
# fuzzer with clang, with the decoder sources instrumented and the system QtCore and QtNetwork, and
# runs it for a short while. Inputs: CLANG, SOURCE_DIR, WORK_DIR, SECONDS, and |-separated lists
# SOURCES and QT_INCLUDES; QT_CORE and QT_NETWORK are the Qt libraries to link.
file(MAKE_DIRECTORY "${WORK_DIR}/corpus")
set(fuzzer "${WORK_DIR}/fuzz_cmdmon")
string(REPLACE "|" ";" sources "${SOURCES}")
string(REPLACE "|" ";" includes "${QT_INCLUDES}")
set(include_flags)
foreach(dir IN LISTS includes)
    list(APPEND include_flags -isystem "${dir}")
endforeach()
execute_process(
    COMMAND "${CLANG}" -std=c++20 -O1 -g -fPIC -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
            -DQT_CORE_LIB -DQT_NETWORK_LIB -DQT_NO_CAST_FROM_ASCII -DQT_NO_CAST_TO_ASCII -I "${SOURCE_DIR}" ${include_flags}
            "${SOURCE_DIR}/tests/fuzz/fuzz_cmdmon.cpp" ${sources} "${QT_CORE}" "${QT_NETWORK}" -o "${fuzzer}"
    RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "building the fuzzer with ${CLANG} failed (libclang-rt-14-dev installed?):\n${err}")
endif()
execute_process(
    COMMAND "${fuzzer}" -max_total_time=${SECONDS} -seed=1 -dict=${SOURCE_DIR}/tests/fuzz/cmdmon.dict
            "${WORK_DIR}/corpus" "${SOURCE_DIR}/tests/fuzz/seeds_cmdmon"
    RESULT_VARIABLE rc ERROR_VARIABLE log)
string(REGEX MATCH "#[0-9]+[^\n]*DONE[^\n]*" done "${log}")
message(STATUS "${done}")
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "the fuzzer found a problem:\n${log}")
endif()

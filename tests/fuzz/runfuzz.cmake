# SPDX-License-Identifier: GPL-3.0-or-later
# ctest script (cmake -P) for builds whose compiler has no libFuzzer (GCC): compiles the
# protocol fuzzer with clang and runs it for a short while. Inputs: CLANG, SOURCE_DIR, WORK_DIR,
# SECONDS.
file(MAKE_DIRECTORY "${WORK_DIR}/corpus")
set(fuzzer "${WORK_DIR}/fuzz_helperprotocol")
file(GLOB protocol_sources "${SOURCE_DIR}/core/protocol/*.cpp")
execute_process(
    COMMAND "${CLANG}" -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
            -I "${SOURCE_DIR}" "${SOURCE_DIR}/tests/fuzz/fuzz_helperprotocol.cpp" ${protocol_sources}
            -o "${fuzzer}"
    RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "building the fuzzer with ${CLANG} failed (libclang-rt-14-dev installed?):\n${err}")
endif()
execute_process(
    COMMAND "${fuzzer}" -max_total_time=${SECONDS} -seed=1 -dict=${SOURCE_DIR}/tests/fuzz/helperprotocol.dict
            "${WORK_DIR}/corpus"
    RESULT_VARIABLE rc ERROR_VARIABLE log)
string(REGEX MATCH "#[0-9]+[^\n]*DONE[^\n]*" done "${log}")
message(STATUS "${done}")
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "the fuzzer found a problem:\n${log}")
endif()

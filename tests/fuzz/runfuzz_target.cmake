# SPDX-License-Identifier: GPL-3.0-or-later
# ctest / fuzz-long script (cmake -P) for the fuzz targets added by chronoscope_add_fuzzer.
# Builds the fuzzer with clang when FUZZER does not name a built one (GCC builds), runs it on a
# private corpus plus the seeds in the repository, and prints one line:
#   NAME: executions E, coverage C (edges), features F, corpus N, crashes K, time T s
# (also appended to REPORT when given). Inputs:
#   NAME, WORK_DIR, SEEDS, DICT (may be empty), MAX_LEN; SECONDS or RUNS (executions);
#   FUZZER (a built fuzzer) or CLANG, SOURCE_DIR, SOURCES, QT_INCLUDES, LIBS (|-separated lists).
file(MAKE_DIRECTORY "${WORK_DIR}/corpus")
if(NOT FUZZER)
    set(FUZZER "${WORK_DIR}/${NAME}")
    string(REPLACE "|" ";" sources "${SOURCES}")
    string(REPLACE "|" ";" includes "${QT_INCLUDES}")
    string(REPLACE "|" ";" libs "${LIBS}")
    set(rebuild TRUE)
    if(EXISTS "${FUZZER}")
        set(rebuild FALSE)
        foreach(source IN LISTS sources)
            if("${source}" IS_NEWER_THAN "${FUZZER}")
                set(rebuild TRUE)
            endif()
        endforeach()
    endif()
    if(rebuild)
        set(include_flags)
        foreach(dir IN LISTS includes)
            list(APPEND include_flags -isystem "${dir}")
        endforeach()
        execute_process(
            COMMAND "${CLANG}" -std=c++20 -O1 -g -fPIC -fsanitize=fuzzer,address,undefined
                    -fno-sanitize-recover=undefined -DQT_CORE_LIB -DQT_NETWORK_LIB -DQT_NO_CAST_FROM_ASCII
                    -DQT_NO_CAST_TO_ASCII -DQT_USE_QSTRINGBUILDER -DQT_NO_URL_CAST_FROM_STRING
                    -DCHRONOSCOPE_VERSION="fuzz" -I "${SOURCE_DIR}" ${include_flags} ${sources} ${libs}
                    -o "${FUZZER}"
            RESULT_VARIABLE rc ERROR_VARIABLE err)
        if(NOT rc EQUAL 0)
            message(FATAL_ERROR "building ${NAME} with ${CLANG} failed (libclang-rt-14-dev installed?):\n${err}")
        endif()
    endif()
endif()

if(RUNS)
    set(limit -runs=${RUNS})
else()
    set(limit -max_total_time=${SECONDS})
endif()
set(dict_arg)
if(DICT)
    set(dict_arg -dict=${DICT})
endif()
file(GLOB old_artifacts "${WORK_DIR}/crash-*" "${WORK_DIR}/leak-*" "${WORK_DIR}/timeout-*" "${WORK_DIR}/oom-*")
if(old_artifacts)
    file(REMOVE ${old_artifacts})
endif()
string(TIMESTAMP started "%s")
execute_process(
    # -entropic=0: libFuzzer 14's entropic scheduler spends most of the time on its own
    # feature bookkeeping with these text parsers (measured: 55 % of the run).
    COMMAND "${FUZZER}" ${limit} -seed=1 -max_len=${MAX_LEN} -timeout=10 -rss_limit_mb=2048 -entropic=0
            -print_final_stats=1 ${dict_arg} -artifact_prefix=${WORK_DIR}/ "${WORK_DIR}/corpus" "${SEEDS}"
    RESULT_VARIABLE rc ERROR_VARIABLE log OUTPUT_VARIABLE out)
string(TIMESTAMP finished "%s")
math(EXPR elapsed "${finished} - ${started}")
string(REGEX MATCH "stat::number_of_executed_units: ([0-9]+)" _ "${log}")
set(executions "${CMAKE_MATCH_1}")
string(REGEX MATCHALL "#[0-9]+[^\n]*cov: [0-9]+ ft: [0-9]+ corp: [0-9]+" progress "${log}")
set(last "")
if(progress)
    list(GET progress -1 last)
endif()
string(REGEX MATCH "cov: ([0-9]+) ft: ([0-9]+) corp: ([0-9]+)" _ "${last}")
set(coverage "${CMAKE_MATCH_1}")
set(features "${CMAKE_MATCH_2}")
set(corpus "${CMAKE_MATCH_3}")
file(GLOB artifacts "${WORK_DIR}/crash-*" "${WORK_DIR}/leak-*" "${WORK_DIR}/timeout-*" "${WORK_DIR}/oom-*")
list(LENGTH artifacts crashes)
if(NOT rc EQUAL 0 AND crashes EQUAL 0)
    set(crashes 1)
endif()
set(summary "${NAME}: executions ${executions}, coverage ${coverage} (edges), features ${features}, corpus ${corpus}, crashes ${crashes}, time ${elapsed} s")
message(STATUS "${summary}")
if(REPORT)
    file(APPEND "${REPORT}" "${summary}\n")
endif()
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${NAME} found a problem (artifacts: ${artifacts}):\n${log}")
endif()

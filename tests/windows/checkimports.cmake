# SPDX-License-Identifier: GPL-3.0-or-later
# windows_no_clock_imports: proves from the linker's cross-reference tables (<program>.exe.map,
# linked with -Map --cref) which code can reach the calls that change the clock.
#  - HELPER (chronoscope-helper.exe) is a PE32+ x86-64 console program whose real backend
#    (systemwindowstimeapi_win.cpp) calls SetSystemTime and SetSystemTimeAdjustment: the check
#    sees what it looks for.
#  - In no program of TESTS does any of our code reference them, nor the name of the Precise form
#    the helper looks up at run time. The one other reference mingw-w64 links in is
#    winpthread's clock_settime, which in turn nothing references.
# So whatever these tests do under wine, they cannot change the clock. Inputs: OBJDUMP, HELPER, TESTS.
cmake_minimum_required(VERSION 3.21)
set(clock_imports __imp_SetSystemTime __imp_SetSystemTimeAdjustment __imp_SetLocalTime)
set(allowed_referrer "libwinpthread_la-clock.o")

# The files referencing `symbol` in the cross-reference table `map` (a list of lines).
function(referrers lines symbol out)
    set(found "")
    set(inside FALSE)
    foreach(line IN LISTS lines)
        if(inside)
            if(line MATCHES "^[ \t]+([^ \t].*)$")
                list(APPEND found "${CMAKE_MATCH_1}")
                continue()
            endif()
            break()
        elseif(line MATCHES "^${symbol}[ \t]")
            set(inside TRUE)
        endif()
    endforeach()
    set(${out} "${found}" PARENT_SCOPE)
endfunction()

function(read_cref program out)
    if(NOT EXISTS "${program}.map")
        message(FATAL_ERROR "${program}.map missing: link with -Wl,-Map=<exe>.map,--cref")
    endif()
    file(READ "${program}.map" text)
    string(FIND "${text}" "Cross Reference Table" at)
    if(at LESS 0)
        message(FATAL_ERROR "${program}.map has no cross-reference table (--cref)")
    endif()
    string(SUBSTRING "${text}" ${at} -1 text)
    # One list element per line; brackets and semicolons would confuse CMake's lists.
    string(REGEX REPLACE "[][;]" "_" text "${text}")
    string(REPLACE "\n" ";" lines "${text}")
    set(${out} "${lines}" PARENT_SCOPE)
endfunction()

execute_process(COMMAND ${OBJDUMP} -f -p "${HELPER}" OUTPUT_VARIABLE helper RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "${OBJDUMP} cannot read ${HELPER}")
endif()
foreach(expected "file format pei-x86-64" "(Windows CUI)" "DLL Name: KERNEL32.dll" "DLL Name: ADVAPI32.dll")
    string(FIND "${helper}" "${expected}" at)
    if(at LESS 0)
        message(FATAL_ERROR "${HELPER}: objdump shows no '${expected}'")
    endif()
endforeach()
read_cref("${HELPER}" lines)
foreach(symbol __imp_SetSystemTime __imp_SetSystemTimeAdjustment)
    referrers("${lines}" ${symbol} refs)
    if(NOT refs MATCHES "systemwindowstimeapi_win")
        message(FATAL_ERROR "${HELPER}: ${symbol} is not referenced by the real backend (${refs}): "
                            "this check would prove nothing")
    endif()
endforeach()
message(STATUS "${HELPER}: PE32+ x86-64 console program; its real backend calls SetSystemTime(Adjustment)")

foreach(test IN LISTS TESTS)
    read_cref("${test}" lines)
    foreach(symbol IN LISTS clock_imports)
        referrers("${lines}" ${symbol} refs)
        foreach(ref IN LISTS refs)
            if(NOT ref MATCHES "${allowed_referrer}")
                message(FATAL_ERROR "${test}: ${ref} references ${symbol}")
            endif()
        endforeach()
    endforeach()
    referrers("${lines}" clock_settime refs)
    if(refs)
        message(FATAL_ERROR "${test}: clock_settime (which calls SetSystemTime) is referenced by ${refs}")
    endif()
    file(STRINGS "${test}" named REGEX "SetSystemTimeAdjustmentPrecise")
    if(named)
        message(FATAL_ERROR "${test} names SetSystemTimeAdjustmentPrecise (a run-time lookup of a clock call)")
    endif()
    message(STATUS "${test}: none of its code can reach a clock-changing call")
endforeach()

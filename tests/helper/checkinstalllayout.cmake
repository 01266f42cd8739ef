# SPDX-License-Identifier: GPL-3.0-or-later
# ctest script (cmake -P): validates the generated polkit policy against polkit's DTD, installs
# the project into a DESTDIR test root and checks that the helper lands exactly where the
# policy's exec.path points, with one action per verb (step, slew, configure-time-service,
# read-time-service).
# Inputs: BUILD_DIR, PREFIX, POLICY_FILE, POLICY_DIR (relative to PREFIX), HELPER_PATH, APP_ID,
# DTD, WORK_DIR.
foreach(var BUILD_DIR PREFIX POLICY_FILE POLICY_DIR HELPER_PATH APP_ID DTD WORK_DIR)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "missing -D${var}")
    endif()
endforeach()

find_program(XMLLINT xmllint)
if(NOT XMLLINT)
    message(FATAL_ERROR "xmllint not found: install libxml2-utils (./dev.sh test does)")
endif()
if(NOT EXISTS "${DTD}")
    message(FATAL_ERROR "${DTD} not found: install polkitd (./dev.sh test does)")
endif()

function(validate file)
    execute_process(COMMAND "${XMLLINT}" --noout --dtdvalid "${DTD}" "${file}"
        RESULT_VARIABLE rc ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "${file} does not validate against ${DTD}:\n${err}")
    endif()
    message(STATUS "valid: ${file}")
endfunction()

validate("${POLICY_FILE}")

set(root "${WORK_DIR}/destdir")
file(REMOVE_RECURSE "${root}")
execute_process(COMMAND ${CMAKE_COMMAND} -E env "DESTDIR=${root}" ${CMAKE_COMMAND} --install "${BUILD_DIR}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cmake --install failed:\n${out}\n${err}")
endif()

set(installed_helper "${root}${HELPER_PATH}")
if(NOT EXISTS "${installed_helper}" OR IS_DIRECTORY "${installed_helper}")
    message(FATAL_ERROR "the helper is not installed at ${HELPER_PATH} (looked in ${installed_helper})")
endif()
file(GET_RUNTIME_DEPENDENCIES EXECUTABLES "${installed_helper}" RESOLVED_DEPENDENCIES_VAR deps
    UNRESOLVED_DEPENDENCIES_VAR unresolved)
foreach(dep IN LISTS deps unresolved)
    if(dep MATCHES "libQt")
        message(FATAL_ERROR "the privileged helper links Qt (${dep}); it must not")
    endif()
endforeach()
execute_process(COMMAND "${installed_helper}" --version RESULT_VARIABLE rc OUTPUT_VARIABLE version)
if(NOT rc EQUAL 0 OR NOT version MATCHES "^chronoscope-helper ")
    message(FATAL_ERROR "the installed helper does not run: ${rc} ${version}")
endif()

set(installed_policy "${root}${PREFIX}/${POLICY_DIR}/${APP_ID}.policy")
if(NOT EXISTS "${installed_policy}")
    message(FATAL_ERROR "the polkit policy is not installed at ${PREFIX}/${POLICY_DIR}/${APP_ID}.policy")
endif()
validate("${installed_policy}")
file(READ "${installed_policy}" policy)
# action suffix : argv1 (the time-service verb has its own action, HELPER.md §1.5 B)
foreach(pair clock.step:step clock.slew:slew timeservice.configure:configure-time-service
             timeservice.read:read-time-service)
    string(REPLACE ":" ";" pair "${pair}")
    list(GET pair 0 suffix)
    list(GET pair 1 verb)
    string(FIND "${policy}" "<action id=\"${APP_ID}.${suffix}\">" begin)
    if(begin EQUAL -1)
        message(FATAL_ERROR "no action ${APP_ID}.${suffix} in the policy")
    endif()
    string(SUBSTRING "${policy}" ${begin} -1 action)
    string(FIND "${action}" "</action>" end)
    string(SUBSTRING "${action}" 0 ${end} action)
    string(REGEX MATCH "exec\\.path\">([^<]*)<" _ "${action}")
    if(NOT CMAKE_MATCH_1 STREQUAL HELPER_PATH)
        message(FATAL_ERROR "action ${verb}: exec.path is '${CMAKE_MATCH_1}', the helper is at '${HELPER_PATH}'")
    endif()
    string(REGEX MATCH "exec\\.argv1\">([^<]*)<" _ "${action}")
    if(NOT CMAKE_MATCH_1 STREQUAL verb)
        message(FATAL_ERROR "action ${verb}: exec.argv1 is '${CMAKE_MATCH_1}'")
    endif()
    if(NOT action MATCHES "<allow_active>auth_admin_keep</allow_active>"
       OR NOT action MATCHES "<allow_any>auth_admin</allow_any>")
        message(FATAL_ERROR "action ${verb}: defaults are not admin authentication")
    endif()
    message(STATUS "action ${APP_ID}.${suffix} -> ${HELPER_PATH} ${verb}")
endforeach()
file(REMOVE_RECURSE "${root}")

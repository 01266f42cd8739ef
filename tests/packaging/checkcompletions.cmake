# SPDX-License-Identifier: GPL-3.0-or-later
# ctest script (cmake -P): the shell completion files of chronoscope-cli stay in step with the
# program (issue 17). For every command `chronoscope-cli --help` lists and every keys action, each
# option that `chronoscope-cli COMMAND --help` prints must be offered by the bash completion when
# it is run for "chronoscope-cli COMMAND --", and be named in the zsh completion; both name every
# command. The bash completion also completes file names after --keys and --nts-ca.
# Inputs: CLI, BASH_FILE, ZSH_FILE.
cmake_minimum_required(VERSION 3.21)
foreach(var CLI BASH_FILE ZSH_FILE)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "missing -D${var}")
    endif()
endforeach()
include("${CMAKE_CURRENT_LIST_DIR}/clihelp.cmake")
find_program(BASH bash REQUIRED)
set(driver "${CMAKE_CURRENT_LIST_DIR}/runbashcompletion.sh")

# Candidates of the bash completion for the words (the last one is being completed).
function(bash_candidates out)
    execute_process(COMMAND "${BASH}" "${driver}" "${BASH_FILE}" chronoscope-cli ${ARGN}
        RESULT_VARIABLE rc OUTPUT_VARIABLE text ERROR_VARIABLE err)
    if(NOT rc EQUAL 0 OR NOT err STREQUAL "")
        message(FATAL_ERROR "bash completion of 'chronoscope-cli ${ARGN}' failed (${rc}):\n${err}")
    endif()
    string(STRIP "${text}" text)
    string(REPLACE "\n" ";" candidates "${text}")
    set(${out} "${candidates}" PARENT_SCOPE)
endfunction()

file(READ "${ZSH_FILE}" zsh)
chronoscope_cli_commands("${CLI}" commands)
set(missing "")
bash_candidates(top "<empty>")
set(checked 0)
foreach(command IN LISTS commands)
    separate_arguments(words UNIX_COMMAND "${command}")
    list(GET words -1 name)
    if(NOT command MATCHES "^(keys|system) ")
        list(FIND top "${name}" at)
        if(at EQUAL -1)
            list(APPEND missing "bash: command ${name}")
        endif()
    endif()
    if(NOT zsh MATCHES "[\n (']${name}[:)]")
        list(APPEND missing "zsh: command ${command}")
    endif()
    chronoscope_cli_options("${CLI}" "${command}" options)
    bash_candidates(offered ${words} --)
    foreach(option IN LISTS options)
        list(FIND offered "${option}" at)
        if(at EQUAL -1)
            list(APPEND missing "bash: ${command} ${option}")
        endif()
        string(FIND "${zsh}" "${option}[" at)
        if(at EQUAL -1)
            string(FIND "${zsh}" "${option}'[" at)   # '(-y --yes)'{-y,--yes}'[...]'
        endif()
        if(at EQUAL -1)
            string(FIND "${zsh}" "${option}}'[" at)
        endif()
        if(at EQUAL -1)
            list(APPEND missing "zsh: ${command} ${option}")
        endif()
        math(EXPR checked "${checked} + 1")
    endforeach()
endforeach()

# File names after the options that take files.
foreach(option --keys --nts-ca)
    bash_candidates(offered check ${option} "<empty>")
    if(NOT offered STREQUAL "<files>")
        list(APPEND missing "bash: no file names after check ${option} (got '${offered}')")
    endif()
endforeach()

if(missing)
    list(JOIN missing "\n  " missing)
    message(FATAL_ERROR "the completion files are behind chronoscope-cli's help:\n  ${missing}\n"
                        "(packaging/completions/)")
endif()
list(LENGTH commands count)
message(STATUS "bash and zsh completion offer all ${checked} options of ${count} commands")

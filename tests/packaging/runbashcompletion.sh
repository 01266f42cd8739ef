#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the bash completion of chronoscope-cli for one command line and prints the candidates,
# one per line. Usage: runbashcompletion.sh COMPLETION_FILE WORD... (the last word is the one
# being completed; '' or <empty> for an empty one). bash-completion's helpers are replaced by stubs:
# file names complete as "<files>", host names as "<hosts>".
file=$1
shift
_init_completion() {
    words=("${COMP_WORDS[@]}")
    cword=$COMP_CWORD
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD - 1]}
    split=false
}
_filedir() { COMPREPLY=("<files>"); }
_known_hosts_real() { COMPREPLY=("<hosts>"); }
complete() { :; }
# shellcheck source=/dev/null
source "$file" || exit 1
COMP_WORDS=("${@/#<empty>/}")
COMP_CWORD=$(($# - 1))
COMPREPLY=()
_chronoscope_cli
printf '%s\n' "${COMPREPLY[@]}"

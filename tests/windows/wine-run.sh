#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# ctest's emulator for the cross-compiled Windows tests: runs PROGRAM [ARGS...] under wine64 in a
# private prefix (CHRONOSCOPE_WINEPREFIX, created on first use), quietly, without a display.
# `wine-run.sh --kill-server` stops that prefix's wineserver and every wine process in it.
# As root it first drops CAP_SYS_TIME from the bounding and inheritable sets (setpriv), so that
# no wine process of the test run, nor anything it starts (services included), could set this
# machine's clock even if a test reached a real clock call: wine's SetSystemTime would get EPERM.
set -eu
: "${CHRONOSCOPE_WINEPREFIX:?set by ctest: the private wine prefix}"
export WINEPREFIX="$CHRONOSCOPE_WINEPREFIX" WINEARCH=win64 WINEDEBUG=-all
# No Mono/Gecko installer dialogs when the prefix is created.
export WINEDLLOVERRIDES="mscoree,mshtml="
unset DISPLAY WAYLAND_DISPLAY
wine=${CHRONOSCOPE_WINE64:-/usr/lib/wine/wine64}
if [ "${1:-}" = --kill-server ]; then
    server=$(dirname "$wine")/wineserver
    [ -x "$server" ] || server=$(command -v wineserver)
    "$server" -k 2>/dev/null || true # none running: nothing to stop
    exit 0
fi
[ -x "$wine" ] || wine=$(command -v wine64 || command -v wine)
if [ "$(id -u)" -eq 0 ]; then
    exec setpriv --inh-caps -sys_time --bounding-set -sys_time "$wine" "$@"
fi
exec "$wine" "$@"

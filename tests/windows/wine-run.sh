#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# ctest's emulator for the cross-compiled Windows tests: runs PROGRAM [ARGS...] under wine64 in a
# private prefix (CHRONOSCOPE_WINEPREFIX), quietly, without a display.
#   wine-run.sh --prepare       create the prefix if it is missing (once; 20-40 s, ~700 MB), and
#                               start its wineserver and services
#   wine-run.sh --kill-server   stop that prefix's wineserver and every wine process in it
# The prefix is created under a lock, so tests started in parallel wait for one creation. The
# wineserver is started to linger LINGER_S after its last process: starting it (and wine's
# services) costs ~6 s, so the tests of one run share it (a test then takes ~0.4 s).
# As root it first drops CAP_SYS_TIME from the bounding and inheritable sets (setpriv), so that
# no wine process of the test run, nor anything it starts (services included), could set this
# machine's clock even if a test reached a real clock call: wine's SetSystemTime would get EPERM.
set -eu
: "${CHRONOSCOPE_WINEPREFIX:?set by ctest: the private wine prefix}"
export WINEPREFIX="$CHRONOSCOPE_WINEPREFIX" WINEARCH=win64 WINEDEBUG=-all
# No Mono/Gecko installer dialogs when the prefix is created.
export WINEDLLOVERRIDES="mscoree,mshtml="
unset DISPLAY WAYLAND_DISPLAY
LINGER_S=20
wine=${CHRONOSCOPE_WINE64:-/usr/lib/wine/wine64}
[ -x "$wine" ] || wine=$(command -v wine64 || command -v wine)
# Debian's wineserver wrapper forces -p0; the real server takes -pN.
server=$(dirname "$wine")/wineserver64
[ -x "$server" ] || server=$(dirname "$wine")/wineserver
[ -x "$server" ] || server=$(command -v wineserver)

unprivileged() {
    if [ "$(id -u)" -eq 0 ]; then
        setpriv --inh-caps -sys_time --bounding-set -sys_time "$@"
    else
        "$@"
    fi
}

if [ "${1:-}" = --kill-server ]; then
    [ -d "$WINEPREFIX" ] || exit 0
    "$server" -k 2>/dev/null || true # none running: nothing to stop
    exit 0
fi

mkdir -p "$(dirname "$WINEPREFIX")"
(
    flock 9
    if [ ! -f "$WINEPREFIX/.chronoscope-ready" ]; then
        rm -rf "$WINEPREFIX"
        start=$(date +%s)
        unprivileged "$wine" wineboot -i >/dev/null 2>&1
        "$server" -w
        touch "$WINEPREFIX/.chronoscope-ready"
        echo "wine-run.sh: created the wine prefix $WINEPREFIX in $(($(date +%s) - start)) s" >&2
    fi
) 9>"$WINEPREFIX.lock"
# Already running: this one exits at once (status 2), the running one stays.
unprivileged "$server" -p"$LINGER_S" 2>/dev/null || true
if [ "${1:-}" = --prepare ]; then
    # Start wine's services now, alone: two programs that start them at the same moment make
    # one of them wait ~20 s.
    unprivileged "$wine" cmd /c exit 0 >/dev/null 2>&1
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    exec setpriv --inh-caps -sys_time --bounding-set -sys_time "$wine" "$@"
fi
exec "$wine" "$@"

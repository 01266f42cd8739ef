#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders the README screenshots into resources/screenshots/: the main window watching three
# true and one false local chronyd (charts, selection picture, drift, details, event log), the
# server dialog and the dark theme. Runs the chronoscope_screenshots tool under Xvfb (a real X
# server, so charts draw as on a desktop); settings are isolated, no public server is used,
# the chronyd instances cannot change the clock (see tests/interop/chronydinstance.h).
#   packaging/scripts/screenshots.sh [BUILD_DIR] [SECONDS]
# Needs: xvfb xauth chrony faketime (dev.sh's TEST_PACKAGES plus xvfb/xauth).
set -euo pipefail
cd "$(dirname "$0")/../.."

BUILD_DIR=${1:-build/dev}
SECONDS_TO_MEASURE=${2:-150}
OUT=resources/screenshots

for tool in xvfb-run chronyd; do
    if ! command -v "$tool" >/dev/null && [ ! -x "/usr/sbin/$tool" ]; then
        echo "screenshots.sh: $tool is missing (apt-get install xvfb xauth chrony faketime)" >&2
        exit 1
    fi
done
if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
    cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$BUILD_DIR" -j "${JOBS:-2}" --target chronoscope_screenshots

tool=$(find "$BUILD_DIR" -type f -name chronoscope_screenshots -perm -u+x | head -n1)
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
mkdir -p "$OUT"
# English, a fixed DPI and the Fusion style, so that screenshots look the same on every machine.
env HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" XDG_RUNTIME_DIR="$home" \
    LC_ALL=C.UTF-8 LANG=C.UTF-8 QT_QPA_PLATFORM=xcb QT_STYLE_OVERRIDE=Fusion QT_FONT_DPI=96 \
    xvfb-run -a -s "-screen 0 1600x1100x24 -dpi 96" "$tool" "$OUT" "$SECONDS_TO_MEASURE"
ls -l "$OUT"

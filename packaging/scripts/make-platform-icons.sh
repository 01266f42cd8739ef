#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates the committed platform icons from the hicolor PNGs in resources/icons:
#   packaging/windows/chronoscope.ico   16, 32, 48, 64, 128, 256 px (ImageMagick's convert)
#   packaging/macos/chronoscope.icns    16, 32, 48, 128, 256 px and 512 px rendered from the SVG
#                                       (png2icns from icnsutils, rsvg-convert from librsvg2-bin)
# Run it after the application icon changes: apt-get install imagemagick icnsutils librsvg2-bin.
set -euo pipefail
cd "$(dirname "$0")/../.."
hicolor=resources/icons/hicolor
# /usr/bin/convert explicitly: it must be ImageMagick itself, not a wrapper earlier in PATH.
convert=/usr/bin/convert
[ -x "$convert" ] || convert=$(command -v convert)
for tool in png2icns rsvg-convert; do
    command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install icnsutils librsvg2-bin" >&2; exit 1; }
done

"$convert" "$hicolor"/{16x16,32x32,48x48,64x64,128x128,256x256}/apps/chronoscope.png \
    packaging/windows/chronoscope.ico

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for size in 16 32 48 128 256; do
    cp "$hicolor/${size}x${size}/apps/chronoscope.png" "$work/$size.png"
done
rsvg-convert --width 512 --height 512 --format png --output "$work/512.png" resources/icons/chronoscope.svg
png2icns packaging/macos/chronoscope.icns "$work"/{16,32,48,128,256,512}.png >/dev/null
file packaging/windows/chronoscope.ico packaging/macos/chronoscope.icns

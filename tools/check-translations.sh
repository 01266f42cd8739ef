#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks that the checked-in translations are complete for the sources as they are now. It runs
# what `cmake --build <dir> --target update_translations` runs (Qt's lupdate project for the GUI
# library: its sources and include paths), but into temporary copies of the .ts files, and then
# requires every message to be finished (no type="unfinished") and still used (no "vanished" or
# "obsolete"). On failure it names each such source text; the fix is to run update_translations
# and translate what it added.
# Usage: check-translations.sh LUPDATE GENERATE_LUPDATE_PROJECT_CMAKE LUPDATE_PROJECT_CMAKE
set -eu
lupdate=$1
generate=$2
project=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

translations=$(sed -n 's/^set(lupdate_translations "\(.*\)")$/\1/p' "$project" | tr ';' ' ')
[ -n "$translations" ] || { echo "no lupdate_translations in $project" >&2; exit 1; }
copies=""
for ts in $translations; do
    cp "$ts" "$tmp/"
    copies="$copies;$tmp/$(basename "$ts")"
done
sed "s#^set(lupdate_translations .*#set(lupdate_translations \"${copies#;}\")#" "$project" >"$tmp/project.cmake"
cmake -DIN_FILE="$tmp/project.cmake" -DOUT_FILE="$tmp/project.json" -P "$generate" >/dev/null
(cd "$(dirname "$project")/.." && "$lupdate" -project "$tmp/project.json" -locations none) >"$tmp/lupdate.log" 2>&1 || {
    cat "$tmp/lupdate.log"
    echo "lupdate failed" >&2
    exit 1
}
if grep -q "error" "$tmp/lupdate.log"; then
    cat "$tmp/lupdate.log"
    exit 1
fi

status=0
for ts in $translations; do
    copy="$tmp/$(basename "$ts")"
    # Messages are <message>...<source>TEXT</source>...<translation type="...">; print the
    # source text of each unfinished or stale one.
    bad=$(awk '
        /<message/        { source = ""; insource = 0 }
        /<source>/        { insource = 1; source = "" }
        insource          { source = source $0 }
        /<\/source>/      { insource = 0 }
        /<translation type="(unfinished|vanished|obsolete)"/ {
            match($0, /type="[a-z]+"/); kind = substr($0, RSTART + 6, RLENGTH - 7)
            gsub(/.*<source>|<\/source>.*/, "", source)
            printf "  %s: %s\n", kind, source
        }' "$copy")
    if [ -n "$bad" ]; then
        echo "$(basename "$ts"): $(printf '%s\n' "$bad" | wc -l) messages are not finished:"
        printf '%s\n' "$bad"
        status=1
    else
        echo "$(basename "$ts"): complete ($(grep -c '<message' "$copy") messages)"
    fi
done
exit $status

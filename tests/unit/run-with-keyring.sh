#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a test inside a private D-Bus session with its own unlocked gnome-keyring (Secret Service
# only), a temporary HOME and XDG_RUNTIME_DIR: QtKeychain reaches a real keyring and the user's
# own keyring is never touched (BUILD-FACTS.md, QtKeychain). Needs dbus-run-session (dbus) and
# gnome-keyring-daemon (gnome-keyring); libsecret-1-0 comes with libsecret-tools.
set -eu
for tool in dbus-run-session gnome-keyring-daemon; do
    command -v "$tool" >/dev/null 2>&1 || { echo "run-with-keyring: $tool not found (./dev.sh test installs it)" >&2; exit 1; }
done
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT INT TERM
mkdir -p "$scratch/home" "$scratch/run"
chmod 700 "$scratch/run"
export HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/run" XDG_DATA_HOME="$scratch/home/.local/share"
export XDG_CONFIG_HOME="$scratch/home/.config" XDG_CURRENT_DESKTOP=""
# The daemon runs in the foreground of this private session; it is stopped (by its pid) when the
# test has finished, and the session bus goes with dbus-run-session.
exec dbus-run-session -- sh -c '
    printf "chronoscope-test" | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
    keyring=$!
    tries=0
    until dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner \
            string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; do
        tries=$((tries + 1))
        if [ $tries -gt 200 ] || ! kill -0 $keyring 2>/dev/null; then
            echo "run-with-keyring: gnome-keyring-daemon did not come up on the private session bus" >&2
            kill $keyring 2>/dev/null
            exit 1
        fi
        sleep 0.05
    done
    "$@"
    status=$?
    kill $keyring 2>/dev/null
    wait $keyring 2>/dev/null
    exit $status
' run-with-keyring "$@"

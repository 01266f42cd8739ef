#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The two developer commands of the README, for a fresh Debian 12 / Ubuntu machine:
#   ./dev.sh run   install what is missing, build, launch the app
#   ./dev.sh test  install what is missing (with chrony and faketime), build, run every test
# Extra arguments to `run` are passed to the app (e.g. servers); to `test`, to ctest.
# Quiet by default: each install step prints one line and its full output goes to
# build/logs/dev-sh.log (printed when the step fails). `./dev.sh -v COMMAND` or VERBOSE=1 shows it all.
set -euo pipefail
cd "$(dirname "$0")"

VERBOSE=${VERBOSE:-0}
if [ "${1:-}" = -v ] || [ "${1:-}" = --verbose ]; then VERBOSE=1; shift; fi
STEP_LOG=build/logs/dev-sh.log

BUILD_DIR=${BUILD_DIR:-build/dev}
JOBS=${JOBS:-2}
BUILD_PACKAGES=(g++ cmake ninja-build pkg-config qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-svg-dev
                qt6-tools-dev qt6-l10n-tools libssl-dev qtkeychain-qt6-dev nettle-dev)
# The metrics endpoint (issue 16): QtHttpServer, whose CMake package needs QtWebSockets' too
# (Debian's qt6-httpserver-dev does not depend on it).
BUILD_PACKAGES+=(qt6-httpserver-dev qt6-websockets-dev)
# The doc-reference check (tests/docs, tools/check-doc-references.py) needs python3 at configure
# time whenever tests are built.
BUILD_PACKAGES+=(python3)
# Test tools. chrony itself is not installed system-wide (that would start a time service and
# replace systemd-timesyncd on a desktop): ensure_chronyd unpacks it privately if it is absent.
# libxml2-utils + polkitd: validate the polkit policy against its DTD; pkexec: the helper's
# elevation path; clang-14 + libclang-rt-14-dev: the short libFuzzer run of the helper protocol.
TEST_PACKAGES=(faketime iproute2 util-linux libxml2-utils polkitd pkexec clang-14 libclang-rt-14-dev)
# The key store's keyring test: a private gnome-keyring (Secret Service via libsecret) on a
# private D-Bus session (tests/unit/run-with-keyring.sh).
TEST_PACKAGES+=(gnome-keyring libsecret-tools dbus-bin dbus-daemon)
# `./dev.sh bench` only: ntpdig, the second peer of the precision benchmark.
BENCH_PACKAGES=(ntpsec-ntpdig)
# Packaging (issue 7): CPack's shlibdeps (dpkg-dev, file), the .rpm (rpm), the validators
# (desktop-file-utils, appstream), man pages (man-db), the installed GUI on X11 (xvfb, xauth) in the
# package stage, and makensis for the Windows installer tests (nsis): on stand-in programs, and
# from the cross-compiled helper, installed under wine (packaging_windows_installer).
TEST_PACKAGES+=(dpkg-dev file rpm desktop-file-utils appstream man-db xvfb xauth nsis)
# Metrics (issue 16): a real Prometheus scrapes monitor --metrics (the tests run it as nobody on
# 127.0.0.1 with a temporary config); promtool checks our exposition, alert rules and dashboard
# queries. On a desktop with systemd, installing it also enables Debian's prometheus service.
TEST_PACKAGES+=(prometheus)
# The Windows helper (issue 19): cross-compiled with mingw-w64 (posix threads; binutils brings
# objdump and windmc), its tests run under wine64 (the windows_* tests, tests/windows).
TEST_PACKAGES+=(g++-mingw-w64-x86-64-posix binutils-mingw-w64-x86-64 wine64)

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# quietly LABEL COMMAND...: runs an install step. Quiet: one line, the output appended to
# $STEP_LOG, and on failure the step's last 60 lines and the log's path. Verbose: as is.
quietly() {
    local label=$1 start rc=0
    shift
    if [ "$VERBOSE" = 1 ]; then log "$label"; "$@"; return; fi
    mkdir -p "$(dirname "$STEP_LOG")"
    start=0
    [ -f "$STEP_LOG" ] && start=$(wc -l < "$STEP_LOG")
    printf '==> %s ... ' "$label"
    { echo "### $(date -u +%FT%TZ) $label: $*"; "$@"; } >>"$STEP_LOG" 2>&1 || rc=$?
    if [ $rc -eq 0 ]; then echo done; return 0; fi
    echo "FAILED (exit $rc)"
    tail -n +"$((start + 1))" "$STEP_LOG" | tail -n 60 >&2
    echo "full log: $STEP_LOG (rerun with ./dev.sh -v for all output)" >&2
    return $rc
}

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=0
install_missing() {
    local missing=() pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ $apt_updated -eq 0 ]; then quietly "apt-get update" as_root apt-get update -qq; apt_updated=1; fi
    quietly "installing ${#missing[@]} packages: ${missing[*]}" \
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Finds chronyd, or unpacks Debian's chrony package into build/tools/chrony without installing
# it (no service, no clock changes). Exports CHRONOSCOPE_CHRONYD for the interop tests.
ensure_chronyd() {
    local found=""
    if [ -z "${CHRONOSCOPE_PRIVATE_CHRONY:-}" ]; then
        found=$(command -v chronyd || true)
        [ -z "$found" ] && [ -x /usr/sbin/chronyd ] && found=/usr/sbin/chronyd
    fi
    if [ -z "$found" ]; then
        local tools="$PWD/build/tools"
        found="$tools/chrony/usr/sbin/chronyd"
        if [ ! -x "$found" ]; then
            log "unpacking chrony privately into $tools/chrony (not installed as a service)"
            mkdir -p "$tools"
            if [ $apt_updated -eq 0 ]; then quietly "apt-get update" as_root apt-get update -qq; apt_updated=1; fi
            quietly "downloading chrony" sh -c "cd '$tools' && rm -f chrony_*.deb && apt-get download chrony"
            local deb depends
            deb=$(ls "$tools"/chrony_*.deb)
            # Install only the shared libraries chronyd links against.
            depends=$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/[|(].*//; s/ //g' | grep '^lib' || true)
            # shellcheck disable=SC2086
            install_missing $depends
            dpkg-deb -x "$deb" "$tools/chrony"
        fi
    fi
    export CHRONOSCOPE_CHRONYD="$found"
    log "chronyd for tests: $CHRONOSCOPE_CHRONYD"
}

# Unpacks Debian's ntpsec package into build/tools/ntpsec, never installing it (it conflicts with
# chrony and would start a time service). Its ntpd shows real mode 6 answers to the exposure
# probe and to `system --ntpd`, compared there with its own ntpq (python3-ntp, unpacked too); the
# tests run it on loopback without CAP_SYS_TIME. Exports CHRONOSCOPE_NTPSEC_NTPD.
ensure_ntpsec() {
    local tools="$PWD/build/tools" ntpd="$PWD/build/tools/ntpsec/usr/sbin/ntpd"
    if [ ! -x "$ntpd" ]; then
        log "unpacking ntpsec privately into $tools/ntpsec (not installed as a service)"
        mkdir -p "$tools"
        if [ $apt_updated -eq 0 ]; then quietly "apt-get update" as_root apt-get update -qq; apt_updated=1; fi
        quietly "downloading ntpsec" sh -c "cd '$tools' && rm -f ntpsec_*.deb && apt-get download ntpsec"
        local deb depends
        deb=$(ls "$tools"/ntpsec_*.deb)
        depends=$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/[|(].*//; s/ //g' | grep '^lib' || true)
        # shellcheck disable=SC2086
        install_missing $depends
        dpkg-deb -x "$deb" "$tools/ntpsec"
    fi
    # ntpq (a Python program) needs python3-ntp: unpacked next to it, its libntpc where ntp/ looks.
    if [ ! -e "$tools/ntpsec/usr/lib/python3/dist-packages/ntp/libntpc.so" ]; then
        if [ $apt_updated -eq 0 ]; then quietly "apt-get update" as_root apt-get update -qq; apt_updated=1; fi
        quietly "downloading python3-ntp" sh -c "cd '$tools' && rm -f python3-ntp_*.deb && apt-get download python3-ntp"
        dpkg-deb -x "$(ls "$tools"/python3-ntp_*.deb)" "$tools/ntpsec"
        ln -sf "$(ls "$tools"/ntpsec/usr/lib/*/ntp/libntpc.so.1 | head -n 1)" "$tools/ntpsec/usr/lib/python3/dist-packages/ntp/libntpc.so"
    fi
    export CHRONOSCOPE_NTPSEC_NTPD="$ntpd"
    log "ntpsec's ntpd for tests: $CHRONOSCOPE_NTPSEC_NTPD"
}

configure_and_build() {
    if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
        # Prefix /usr, as the packages have it: the package stage then packages this very tree.
        quietly "configuring $BUILD_DIR" cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
            -DCMAKE_INSTALL_PREFIX=/usr "$@"
    fi
    cmake --build "$BUILD_DIR" -j "$JOBS"
}

case "${1:-}" in
run)
    shift
    install_missing "${BUILD_PACKAGES[@]}"
    configure_and_build
    log "starting Chronoscope"
    exec "$BUILD_DIR/bin/chronoscope" "$@"
    ;;
test)
    shift
    install_missing "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    ensure_chronyd
    ensure_ntpsec
    configure_and_build
    log "running the tests"
    (cd "$BUILD_DIR" && ctest --output-on-failure -j "$JOBS" "$@")
    # Then the package stage: package the tree just tested (prefix /usr; a tree configured
    # before dev.sh did that gets a Release tree of its own in $BUILD_DIR-usr), install, run and
    # remove the .deb (CI runs it). It is skipped when ctest options select tests;
    # CHRONOSCOPE_PACKAGE_STAGE=1 forces it, =0 skips it.
    stage=${CHRONOSCOPE_PACKAGE_STAGE:-auto}
    if [ "$stage" = 1 ] || { [ "$stage" = auto ] && [ $# -eq 0 ]; }; then
        log "package stage"
        package_tree="$BUILD_DIR-usr"
        grep -qx 'CMAKE_INSTALL_PREFIX:PATH=/usr' "$BUILD_DIR/CMakeCache.txt" && package_tree="$BUILD_DIR"
        exec packaging/linux/package-stage.sh "$package_tree"
    fi
    ;;
package)
    shift
    install_missing "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    ensure_chronyd
    exec packaging/linux/package-stage.sh "${1:-$BUILD_DIR-usr}"
    ;;
bench)
    # Benchmarks (not tests): figures and ratios against chronyd -Q and ntpdig measured in the
    # same run. ntpdig (ntpsec) starts no service.
    shift
    install_missing "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}" "${BENCH_PACKAGES[@]}"
    ensure_chronyd
    configure_and_build
    exec cmake --build "$BUILD_DIR" --target run-benchmarks
    ;;
*)
    echo "usage: $0 [-v] run [SERVER...] | test [ctest options] | package [BUILD_DIR] | bench" >&2
    exit 2
    ;;
esac

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The package stage of `./dev.sh test` (issue 7): builds the .deb and .rpm from a tree configured
# for /usr (dev.sh's own build tree, or a separate Release tree built here), checks them, installs
# the .deb with apt-get, runs the INSTALLED programs (chronoscope-cli against a loopback chronyd,
# the GUI offscreen and on Xvfb, the polkit actions through a private polkitd), removes and purges
# the package and checks that nothing is left.
#
#   packaging/linux/package-stage.sh [BUILD_DIR]     (default build/pkg-usr; JOBS=2)
#   (a BUILD_DIR already configured with CMAKE_INSTALL_PREFIX=/usr is packaged as it is)
#
# Needs root (it installs and removes a package; it re-runs itself with sudo when you are not
# root, and then builds as you),
# the tools of dev.sh's TEST_PACKAGES, and CHRONOSCOPE_CHRONYD (dev.sh's ensure_chronyd). It
# refuses to run when a `chronoscope` package it did not install itself is on the machine, or when
# a file of the package already exists outside dpkg's knowledge, rather than overwrite either.
# Safety: chronyd runs with -x and without CAP_SYS_TIME (setpriv), on 127.0.0.1 only; the programs
# under test run as `nobody` with a throw-away HOME; nothing contacts another machine. The last
# line is "package: N passed, M failed".
set -euo pipefail
self=$(readlink -f "$0")
cd "$(dirname "$self")/../.."

BUILD_DIR=${1:-build/pkg-usr}
JOBS=${JOBS:-2}
PACKAGE=chronoscope
MARKER=/var/lib/chronoscope-package-stage/installed-by-stage

if [ "$(id -u)" -ne 0 ]; then
    exec sudo --preserve-env=CHRONOSCOPE_CHRONYD,JOBS "$self" "$@"
fi

# Started through sudo by a developer: build and package as that developer (a root-owned build
# tree would be in their way); only the machine-wide part runs as root.
as_builder() {
    if [ -n "${SUDO_UID:-}" ] && [ "$SUDO_UID" != 0 ]; then
        setpriv --reuid="$SUDO_UID" --regid="$SUDO_GID" --init-groups \
            env HOME="$(getent passwd "$SUDO_UID" | cut -d: -f6)" "$@"
    else
        "$@"
    fi
}

passed=0
failed=0
bold() { printf '\033[1m==> %s\033[0m\n' "$*"; }
pass() { passed=$((passed + 1)); printf 'ok   - %s\n' "$1"; }
flunk() {
    failed=$((failed + 1))
    printf 'FAIL - %s\n' "$1"
    [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/       /'
    return 0
}
# check DESCRIPTION COMMAND...: passes when COMMAND succeeds; shows its output when not.
check() {
    local description=$1 output
    shift
    if output=$("$@" 2>&1); then pass "$description"; else flunk "$description" "$output"; fi
}
fatal() {
    flunk "$1" "${2:-}"
    exit 1
}

tmp=$(mktemp -d /tmp/chronoscope-package-stage.XXXXXX)
# polkitd and the programs under test run as other users: they must reach the bus socket and
# their home directories inside.
chmod 0755 "$tmp"
pids=()
we_installed=0
finish() {
    local rc=$?
    local pid
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${pids[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    if [ "$we_installed" -eq 1 ] && dpkg-query -W -f='${Status}' "$PACKAGE" 2>/dev/null | grep -qv "not-installed"; then
        echo "package stage: purging $PACKAGE after an early exit"
        DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq "$PACKAGE" >/dev/null 2>&1 || true
    fi
    [ "$we_installed" -eq 1 ] && rm -rf "$(dirname "$MARKER")"
    rm -rf "$tmp"
    printf 'package stage took %d s\n' "$SECONDS"
    [ "$failed" -gt 0 ] && rc=1
    printf 'package: %d passed, %d failed\n' "$passed" "$failed"
    exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT TERM

cache_value() { sed -n "s/^$1:[A-Z]*=//p" "$BUILD_DIR/CMakeCache.txt" | head -n1; }
as_nobody() {
    # An ordinary user with an empty, private home and runtime directory (settings, key store).
    setpriv --reuid=nobody --regid=nogroup --clear-groups --inh-caps=-all \
        env -i PATH=/usr/bin:/bin HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/home/run" TMPDIR="$tmp/home/tmp" \
        LANG=C.UTF-8 LC_ALL=C.UTF-8 "$@"
}

# --- 1. Build and package --------------------------------------------------------------------------
# A tree already configured for /usr (dev.sh's, whose tests just ran) is packaged as it is: the
# packages then hold the very programs the tests ran (stripped), and CI does not build them twice.
# Any other directory gets a Release tree of its own, without the tests.
if [ -f "$BUILD_DIR/CMakeCache.txt" ] && [ "$(cache_value CMAKE_INSTALL_PREFIX)" = /usr ]; then
    bold "package stage: packaging $BUILD_DIR (prefix /usr, $(cache_value CMAKE_BUILD_TYPE))"
else
    bold "package stage: building $BUILD_DIR (prefix /usr, Release)"
    as_builder cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
        -DCHRONOSCOPE_BUILD_TESTS=OFF >"$tmp/configure.log" 2>&1 || fatal "configure $BUILD_DIR" "$(tail -n 30 "$tmp/configure.log")"
fi
as_builder cmake --build "$BUILD_DIR" -j "$JOBS" >"$tmp/build.log" 2>&1 || fatal "build $BUILD_DIR" "$(tail -n 40 "$tmp/build.log")"
pass "configured for /usr and built ($BUILD_DIR)"

version=$(cache_value CMAKE_PROJECT_VERSION)
app_id=$(cache_value CHRONOSCOPE_APP_ID)
helper=$(sed -n 's/.*exec\.path">\([^<]*\)<.*/\1/p' "$BUILD_DIR/packaging/linux/$app_id.policy" | head -n1)
[ -n "$version" ] && [ -n "$app_id" ] && [ -n "$helper" ] || fatal "read version, app id and helper path from $BUILD_DIR"

rm -f "$BUILD_DIR"/chronoscope_*.deb "$BUILD_DIR"/chronoscope-*.rpm "$BUILD_DIR"/*.sha256
generators=DEB
command -v rpmbuild >/dev/null && generators="DEB;RPM"
# Reproducible archives: every time stamp in the .deb is the last commit's (reproducible-builds.org's
# SOURCE_DATE_EPOCH), not the time of this build.
# (Outside a git checkout: the release date of the newest AppStream <release>.)
release_date=$(sed -n 's/.*<release version="[^"]*" date="\([0-9-]*\)".*/\1/p' \
    "$BUILD_DIR/packaging/linux/$app_id.metainfo.xml" | head -n1)
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(as_builder git log -1 --format=%ct 2>/dev/null || date -u -d "$release_date" +%s)}
export SOURCE_DATE_EPOCH
(cd "$BUILD_DIR" && as_builder cpack -G "$generators") >"$tmp/cpack.log" 2>&1 || fatal "cpack -G $generators" "$(tail -n 40 "$tmp/cpack.log")"
deb=$(ls "$PWD/$BUILD_DIR"/chronoscope_*.deb)
pass "cpack built $(basename "$deb")"
reproducible() {
    mkdir -p "$tmp/again"
    [ -z "${SUDO_UID:-}" ] || chown "$SUDO_UID:$SUDO_GID" "$tmp/again"
    (cd "$BUILD_DIR" && as_builder cpack -G DEB -B "$tmp/again") >"$tmp/cpack-again.log" 2>&1 || { tail -n 20 "$tmp/cpack-again.log"; return 1; }
    cmp "$deb" "$tmp/again/$(basename "$deb")"
}
check "a second cpack of the same build gives a byte-identical .deb (SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH)" reproducible

# --- 2. What is in the packages ----------------------------------------------------------------
bold "package stage: inspecting the packages"
check "the .deb has version $version-1 (top-level project() VERSION)" \
    test "$(dpkg-deb -f "$deb" Version)" = "$version-1"
depends=$(dpkg-deb -f "$deb" Depends)
check_depends() {
    local dep
    for dep in libqt6svg6 qt6-qpa-plugins pkexec libqt6core6 libqt6widgets6 libqt6charts6 libssl3 libc6; do
        grep -qE "(^|, )$dep( |,|$)" <<<"$depends" || { echo "missing $dep in: $depends"; return 1; }
    done
}
check "Depends: shlibdeps libraries plus the Qt plugins and pkexec" check_depends
mkdir -p "$tmp/deb"
dpkg-deb -x "$deb" "$tmp/deb"
check_stripped() {
    local f
    for f in usr/bin/chronoscope usr/bin/chronoscope-cli "${helper#/}"; do
        file -b "$tmp/deb/$f" | grep -q ', stripped' || { file "$tmp/deb/$f"; return 1; }
    done
}
check "the programs in the .deb are stripped (CPACK_STRIP_FILES)" check_stripped
check "the privileged helper links no Qt library" \
    bash -c "! readelf -d '$tmp/deb$helper' | grep -i 'NEEDED.*libQt'"
check "AppStream validate-tree on the unpacked .deb (desktop file, icon, metainfo together)" \
    appstreamcli validate-tree --no-net "$tmp/deb"
dpkg-deb -c "$deb" | awk '$1 !~ /^d/ {print $6}' | sed 's|^\./|/|' | sort >"$tmp/deb-files"
check "the .deb carries the GPL-3.0 text as /usr/share/doc/chronoscope/LICENSE" \
    grep -qx /usr/share/doc/chronoscope/LICENSE "$tmp/deb-files"
if [ "$generators" = "DEB;RPM" ]; then
    rpm=$(ls "$PWD/$BUILD_DIR"/chronoscope-*.rpm)
    pass "cpack built $(basename "$rpm")"
    check "the .rpm has version $version" test "$(rpm -qp --qf '%{VERSION}' "$rpm" 2>/dev/null)" = "$version"
    rpm -qp --qf '[%{FILEMODES:perms} %{FILENAMES}\n]' "$rpm" 2>/dev/null | awk '$1 !~ /^d/ {print $2}' | sort >"$tmp/rpm-files"
    check "the .rpm holds the same files as the .deb" diff -u "$tmp/deb-files" "$tmp/rpm-files"
    check "the .rpm owns no shared system directory" \
        bash -c "! rpm -qpl '$rpm' 2>/dev/null | grep -xE '/usr(/bin|/share|/libexec|/share/(applications|metainfo|icons|man|man/man1|polkit-1|polkit-1/actions|doc))?'"
    check "the .rpm requires qt6-qtsvg and polkit" \
        bash -c "rpm -qp --requires '$rpm' 2>/dev/null | grep -qx qt6-qtsvg && rpm -qp --requires '$rpm' 2>/dev/null | grep -qx polkit"
fi

# --- 3. One stage at a time, and never over a chronoscope that is not ours ------------------------
# Developers sharing a machine may run the stage at the same time: from here to the end the
# machine-wide part (install, run, remove) is serialised.
exec 9>/run/lock/chronoscope-package-stage.lock
if ! flock -n 9; then
    echo "waiting for another package stage on this machine to finish..."
    flock -w 900 9 || fatal "wait for the other package stage (lock /run/lock/chronoscope-package-stage.lock)"
fi
bold "package stage: checking for an installed $PACKAGE"
status=$(dpkg-query -W -f='${Status}' "$PACKAGE" 2>/dev/null || true)
if [ -n "$status" ] && [ "${status##* }" != "not-installed" ]; then
    if [ -f "$MARKER" ]; then
        echo "removing $PACKAGE left behind by an interrupted package stage ($(cat "$MARKER"))"
        DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq "$PACKAGE" >/dev/null
        rm -rf "$(dirname "$MARKER")"
    else
        version=$(dpkg-query -W -f='${Version} from ${Maintainer}' "$PACKAGE")
        fatal "a $PACKAGE package ($version) that this stage did not install is on this machine" \
"The package stage installs and removes its own $PACKAGE package, which would replace and then
delete yours. It refuses to. Remove it first (apt-get remove $PACKAGE), or skip the stage with
CHRONOSCOPE_PACKAGE_STAGE=0 ./dev.sh test."
    fi
fi

# Do not overwrite files that dpkg does not know about (a `make install` into /usr, say).
while read -r f; do
    if [ -e "$f" ] || [ -L "$f" ]; then
        fatal "$f already exists and belongs to no $PACKAGE package" \
            "The package would overwrite it and removing the package would delete it. Move it away first."
    fi
done <"$tmp/deb-files"

# --- 4. Install -------------------------------------------------------------------------------
bold "package stage: apt-get install $(basename "$deb")"
mkdir -p "$(dirname "$MARKER")"
echo "$(basename "$deb") $(date -u +%FT%TZ)" >"$MARKER"
we_installed=1
apt_install() {
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$deb" >"$tmp/apt.log" 2>&1
}
if ! apt_install; then
    # A dependency that is not installed yet may need fresh package lists.
    apt-get update -qq >/dev/null 2>&1 || true
    apt_install || fatal "apt-get install $deb" "$(tail -n 30 "$tmp/apt.log")"
fi
pass "apt-get install ./$(basename "$deb")"
dpkg -L "$PACKAGE" | grep -v '^/\.$' | sort >"$tmp/installed"

# --- 5. The installed files ---------------------------------------------------------------------
bold "package stage: checking the installed files"
check_present() {
    local f missing=0
    for f in /usr/bin/chronoscope /usr/bin/chronoscope-cli "$helper" \
             "/usr/share/polkit-1/actions/$app_id.policy" /usr/share/applications/chronoscope.desktop \
             "/usr/share/metainfo/$app_id.metainfo.xml" /usr/share/icons/hicolor/scalable/apps/chronoscope.svg \
             /usr/share/icons/hicolor/{16x16,32x32,48x48,64x64,128x128,256x256}/apps/chronoscope.png \
             /usr/share/man/man1/chronoscope.1.gz /usr/share/man/man1/chronoscope-cli.1.gz \
             /usr/share/doc/chronoscope/copyright /usr/share/doc/chronoscope/LICENSE \
             /usr/share/bash-completion/completions/chronoscope-cli \
             /usr/share/zsh/vendor-completions/_chronoscope-cli; do
        [ -f "$f" ] || { echo "missing: $f"; missing=1; }
    done
    return $missing
}
check "programs, helper, policy, desktop entry, metainfo, icons, man pages, completions, copyright and LICENSE are installed" check_present
check "the installed LICENSE is the repository's GPL-3.0 text" cmp LICENSE /usr/share/doc/chronoscope/LICENSE
check "the helper is root-owned, 0755, in a root-owned 0755 directory ($helper)" \
    test "$(stat -c '%U:%G %a' "$helper") $(stat -c '%U:%G %a' "$(dirname "$helper")")" = "root:root 755 root:root 755"
# Translations are compiled into the GUI (qt_add_translations, :/i18n/chronoscope_<lang>.qm; Qt's
# resource names are UTF-16), so no .qm file is installed separately.
check "the installed GUI carries its German and French translations (:/i18n/chronoscope_{de,fr}.qm)" \
    bash -c 'names=$(strings -e b /usr/bin/chronoscope); grep -qx chronoscope_de.qm <<<"$names" && grep -qx chronoscope_fr.qm <<<"$names"'
check "the installed helper runs (--version)" bash -c "'$helper' --version | grep -q '^chronoscope-helper $version '"
check "the installed chronoscope-cli runs (--version)" bash -c "chronoscope-cli --version | grep -qx 'chronoscope-cli $version'"
check "desktop-file-validate /usr/share/applications/chronoscope.desktop" \
    desktop-file-validate /usr/share/applications/chronoscope.desktop
check "appstreamcli validate --strict /usr/share/metainfo/$app_id.metainfo.xml" \
    appstreamcli validate --no-net --strict "/usr/share/metainfo/$app_id.metainfo.xml"
check_man() {
    local page out
    for page in chronoscope chronoscope-cli; do
        [ "$(man -w "$page")" = "/usr/share/man/man1/$page.1.gz" ] || { echo "man -w $page: $(man -w "$page" 2>&1)"; return 1; }
        out=$(MANWIDTH=100 man --warnings "$page" 2>&1 >/dev/null) || return 1
        [ -z "$out" ] || { echo "$page: $out"; return 1; }
    done
}
check "man finds and renders chronoscope(1) and chronoscope-cli(1) without warnings" check_man

# --- 6. The installed CLI and GUI against a loopback chronyd ------------------------------------
bold "package stage: running the installed programs against a loopback chronyd"
chronyd=${CHRONOSCOPE_CHRONYD:-$(command -v chronyd || echo /usr/sbin/chronyd)}
[ -x "$chronyd" ] || fatal "chronyd for the loopback server" "not found: run through ./dev.sh (ensure_chronyd) or set CHRONOSCOPE_CHRONYD"
mkdir -p "$tmp/home/run" "$tmp/home/tmp"
chmod 0700 "$tmp/home/run"
chown -R nobody:nogroup "$tmp/home"
# udp_port_bound PORT: true when a UDP socket is bound to PORT. (The listing is taken whole: under
# pipefail, `ss | grep -q` fails whenever grep stops reading before ss has written everything.)
udp_port_bound() {
    [ -n "$(ss -Hlun "sport = :$1")" ]
}

# start_chronyd DIR [VAR=value...]: a loopback NTP server in DIR on a free port; the variables go
# into its environment (libfaketime). Sets chronyd_port and chronyd_pid.
start_chronyd() {
    local dir=$1 port
    shift
    mkdir -p "$dir"
    port=$(( 20000 + RANDOM % 30000 ))
    while udp_port_bound "$port"; do port=$(( port + 1 )); done
    cat >"$dir/chronyd.conf" <<EOF
# Chronoscope package stage: a loopback NTP server that never touches the clock.
local stratum 1
allow 127.0.0.0/8
bindaddress 127.0.0.1
port $port
cmdport 0
bindcmdaddress /
pidfile $dir/chronyd.pid
EOF
    # -x: no clock control; setpriv: not even a bug could give it CAP_SYS_TIME.
    setpriv --inh-caps -sys_time --bounding-set -sys_time env "$@" \
        "$chronyd" -4 -x -d -f "$dir/chronyd.conf" -u root >"$dir/chronyd.log" 2>&1 &
    chronyd_pid=$!
    local _
    for _ in $(seq 50); do
        if udp_port_bound "$port"; then
            chronyd_port=$port
            pids+=("$chronyd_pid")
            return 0
        fi
        kill -0 "$chronyd_pid" 2>/dev/null || break
        sleep 0.1
    done
    kill "$chronyd_pid" 2>/dev/null || true
    wait "$chronyd_pid" 2>/dev/null || true
    return 1
}
chronyd_port=""
for _ in 1 2 3; do
    start_chronyd "$tmp/chronyd" && break
done
[ -n "$chronyd_port" ] || fatal "start chronyd on 127.0.0.1" "$(cat "$tmp/chronyd/chronyd.log")"
server=127.0.0.1:$chronyd_port
pass "chronyd -x without CAP_SYS_TIME serves $server"

cli_check() {
    local out
    out=$(as_nobody chronoscope-cli check --json --samples 4 --interval 0.25 "$server") || { echo "$out"; return 1; }
    grep -qE '"synchronized": *true' <<<"$out" && grep -qE '"state": *"sys_peer"' <<<"$out" \
        && grep -qE '"stratum": *1' <<<"$out" || { echo "$out"; return 1; }
}
check "installed chronoscope-cli check (as nobody) finds $server as sys_peer, exit 0" cli_check
cli_monitor() {
    local out
    out=$(as_nobody chronoscope-cli monitor --json --duration 2 --interval 0.25 "$server") || { echo "$out"; return 1; }
    grep -q '"type":"sample"' <<<"$out" && grep -q '"type":"system"' <<<"$out" || { echo "$out"; return 1; }
}
check "installed chronoscope-cli monitor prints sample and system events" cli_monitor
# Each listing is taken whole before it is searched: under pipefail, `keys list | grep -q` fails
# when grep has found the key and exited before the CLI wrote its last line (SIGPIPE).
cli_keys() {
    local listing json
    as_nobody chronoscope-cli keys generate --type aes128 --id 7 >/dev/null || return 1
    listing=$(as_nobody chronoscope-cli keys list) || { echo "keys list failed:"; echo "$listing"; return 1; }
    grep -q '^ *7 ' <<<"$listing" || { echo "key 7 is not in the listing:"; echo "$listing"; return 1; }
    json=$(as_nobody chronoscope-cli keys list --json) || { echo "keys list --json failed:"; echo "$json"; return 1; }
    grep -q '"id": *7' <<<"$json" || { echo "key 7 is not in the JSON listing:"; echo "$json"; return 1; }
}
check "installed chronoscope-cli keys generate/list work in a user's key store" cli_keys

gui_offscreen() {
    local rc=0
    as_nobody env QT_QPA_PLATFORM=offscreen timeout 5 chronoscope "$server" >"$tmp/gui.log" 2>&1 || rc=$?
    [ "$rc" -eq 124 ] || { echo "exit status $rc instead of 124 (killed by timeout):"; cat "$tmp/gui.log"; return 1; }
    ! grep -qiE 'could not (load|find).*plugin|fatal|segmentation' "$tmp/gui.log" || { cat "$tmp/gui.log"; return 1; }
}
check "installed chronoscope runs offscreen with $server for 5 s until killed" gui_offscreen
gui_xvfb() {
    local rc=0
    command -v xvfb-run >/dev/null || { echo "xvfb-run is not installed"; return 1; }
    as_nobody env QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x900x24" \
        timeout 5 chronoscope "$server" >"$tmp/gui-xcb.log" 2>&1 || rc=$?
    [ "$rc" -eq 124 ] || { echo "exit status $rc instead of 124:"; cat "$tmp/gui-xcb.log"; return 1; }
}
check "installed chronoscope runs on X11 (Xvfb, the xcb plugin of qt6-qpa-plugins) until killed" gui_xvfb
check "the desktop entry's Exec and Icon resolve to installed files" \
    bash -c 'command -v "$(sed -n "s/^Exec=\([^ ]*\).*/\1/p" /usr/share/applications/chronoscope.desktop)" >/dev/null &&
             test -f "/usr/share/icons/hicolor/scalable/apps/$(sed -n "s/^Icon=//p" /usr/share/applications/chronoscope.desktop).svg"'

# --- 7. The polkit actions, through polkitd and pkexec -------------------------------------------
bold "package stage: the installed polkit actions (pkaction, pkexec)"
polkit_dir="$tmp/polkit"
mkdir -p "$polkit_dir/rules.d"
chmod 0755 "$polkit_dir"
# The kind of rule HELPER.md suggests for administrators: one user may slew without a password,
# while a step still needs administrator authentication.
cat >"$polkit_dir/rules.d/50-chronoscope-package-stage.rules" <<EOF
// Chronoscope package stage only (a private polkitd): nobody may slew, not step, without a password.
polkit.addRule(function(action, subject) {
    if (action.id == "$app_id.clock.slew" && subject.user == "nobody")
        return polkit.Result.YES;
});
EOF
in_polkit() {
    unshare --mount --pid --fork --mount-proc --propagation private \
        packaging/linux/polkit-namespace.sh "$polkit_dir" "$@"
}
check_action() {
    local action=$1 verb=$2 out
    out=$(pkaction --action-id "$app_id.$action" --verbose) || { echo "$out"; return 1; }
    grep -qF "org.freedesktop.policykit.exec.path -> $helper" <<<"$out" \
        && grep -qF "org.freedesktop.policykit.exec.argv1 -> $verb" <<<"$out" \
        && grep -qE "implicit active: +auth_admin_keep" <<<"$out" \
        && grep -qE "implicit any: +auth_admin$" <<<"$out" || { echo "$out"; return 1; }
}
# As nobody, `step --dry-run` against a server 0.3 s ahead proposes a slew; the CLI runs
# pkexec <helper> slew --dry-run, and pkexec picks the action by exec.path and argv1. Only the
# slew action is allowed by the rule above, so this passes only if the installed policy names the
# installed helper; the dry run changes nothing (and nothing here has CAP_SYS_TIME anyway).
step_through_pkexec() {
    local out
    out=$(setpriv --bounding-set -sys_time --inh-caps -sys_time \
        bash -c "as_nobody chronoscope-cli step --dry-run --interval 0.25 '$offset_server' </dev/null" 2>&1) \
        || { echo "$out"; return 1; }
    grep -q "Dry run: the helper accepted a slew" <<<"$out" && grep -q "result=dry-run status=ok verb=slew" <<<"$out" \
        || { echo "$out"; return 1; }
}
step_refused() {
    local rc=0 out
    out=$(setpriv --bounding-set -sys_time --inh-caps -sys_time \
        bash -c "as_nobody pkexec '$helper' step --dry-run </dev/null" 2>&1) || rc=$?
    [ "$rc" -eq 127 ] || { echo "pkexec exit status $rc (expected 127, not authorised): $out"; return 1; }
}
export -f check_action step_through_pkexec step_refused as_nobody
export app_id helper tmp
if in_polkit true >"$tmp/polkit-probe.log" 2>&1; then
    pass "a private system bus and polkitd run in a private mount and pid namespace"
    # action:argv1, one polkit action per helper verb (HELPER.md §1.5 B)
    for pair in clock.step:step clock.slew:slew timeservice.configure:configure-time-service \
                timeservice.read:read-time-service; do
        action=${pair%%:*} verb=${pair#*:}
        check "pkaction --action-id $app_id.$action: exec.path $helper, argv1 $verb, admin authentication" \
            in_polkit bash -c "check_action $action $verb"
    done
    faketime_lib=$(find /usr/lib -path '*/faketime/libfaketime.so.1' 2>/dev/null | head -n1)
    chronyd_port=""
    if [ -n "$faketime_lib" ] && start_chronyd "$tmp/chronyd-ahead" LD_PRELOAD="$faketime_lib" FAKETIME=+0.3; then
        offset_server=127.0.0.1:$chronyd_port
        export offset_server
        check "as nobody, chronoscope-cli step --dry-run reaches the installed helper through pkexec and the slew action" \
            in_polkit bash -c step_through_pkexec
    else
        flunk "a chronyd 0.3 s ahead (libfaketime) for the pkexec check" "$(cat "$tmp/chronyd-ahead/chronyd.log" 2>/dev/null)"
    fi
    check "as nobody, pkexec refuses the step action (administrator authentication, no agent)" \
        in_polkit bash -c step_refused
else
    # No namespaces here (a container without CAP_SYS_ADMIN?): the equivalent static check.
    printf 'NOTE - pkaction/pkexec not run, no private polkitd: %s\n' "$(tail -n 3 "$tmp/polkit-probe.log")"
    check "the installed policy validates against polkit's DTD" \
        xmllint --noout --dtdvalid /usr/share/polkit-1/policyconfig-1.dtd "/usr/share/polkit-1/actions/$app_id.policy"
    check "the installed policy's actions name the installed helper ($helper)" \
        test "$(grep -c "exec.path\">$helper<" "/usr/share/polkit-1/actions/$app_id.policy")" = 2
fi

# --- 8. Remove, purge, and nothing left -----------------------------------------------------------
bold "package stage: apt-get remove and purge"
DEBIAN_FRONTEND=noninteractive apt-get remove -y -q "$PACKAGE" >"$tmp/apt-remove.log" 2>&1 \
    || fatal "apt-get remove $PACKAGE" "$(tail -n 30 "$tmp/apt-remove.log")"
pass "apt-get remove $PACKAGE"
left_behind() {
    local f left=0
    while read -r f; do
        [ -e "$f" ] || [ -L "$f" ] || continue
        # A directory may stay if another package owns it too (/usr/share/icons/hicolor, ...).
        if [ -d "$f" ] && dpkg-query -S "$f" >/dev/null 2>&1; then continue; fi
        echo "left behind: $f"
        left=1
    done <"$tmp/installed"
    [ -e /run/chronoscope-helper ] && { echo "left behind: /run/chronoscope-helper"; left=1; }
    return $left
}
check "nothing of the package is left after remove (every path of dpkg -L)" left_behind
DEBIAN_FRONTEND=noninteractive apt-get purge -y -q "$PACKAGE" >"$tmp/apt-purge.log" 2>&1 \
    || fatal "apt-get purge $PACKAGE" "$(tail -n 30 "$tmp/apt-purge.log")"
purged() {
    local s
    s=$(dpkg-query -W -f='${Status}' "$PACKAGE" 2>/dev/null || true)
    [ -z "$s" ] || [ "$s" = "unknown ok not-installed" ] || { echo "dpkg status: $s"; return 1; }
    if ls /var/lib/dpkg/info/"$PACKAGE".* >/dev/null 2>&1; then ls /var/lib/dpkg/info/"$PACKAGE".*; return 1; fi
}
check "after apt-get purge dpkg no longer knows $PACKAGE (no status, no maintainer scripts)" purged
we_installed=0
rm -rf "$(dirname "$MARKER")"

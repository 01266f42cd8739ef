#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a command next to a private polkitd, for the package stage (package-stage.sh). Start it as
#   unshare --mount --pid --fork --mount-proc --propagation private polkit-namespace.sh DIR CMD...
# Inside the new mount namespace a tmpfs hides the machine's /run/dbus, and a private system bus
# listens at the standard path, because pkexec (setuid, environment cleared) only ever connects
# to /run/dbus/system_bus_socket. polkitd reads the installed actions from
# /usr/share/polkit-1/actions as usual; the rules in DIR/rules.d replace /etc/polkit-1/rules.d.
# Nothing of this is visible outside the namespace, and when CMD ends the pid namespace ends with
# it, taking dbus-daemon and polkitd along.
set -euo pipefail
dir=$1
shift

mount -t tmpfs -o mode=0755 chronoscope-stage-dbus /run/dbus
mount -t tmpfs -o mode=0755 chronoscope-stage-rules /etc/polkit-1/rules.d
if compgen -G "$dir/rules.d/*.rules" >/dev/null; then
    cp "$dir"/rules.d/*.rules /etc/polkit-1/rules.d/
    chmod 0644 /etc/polkit-1/rules.d/*.rules
fi
cat >"$dir/system-bus.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <!-- The package stage's private system bus: polkitd and the programs under test only. -->
  <type>system</type>
  <listen>unix:path=/run/dbus/system_bus_socket</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <allow own="*"/>
    <allow send_type="method_call"/>
    <allow send_type="signal"/>
    <allow send_requested_reply="true" send_type="method_return"/>
    <allow send_requested_reply="true" send_type="error"/>
    <allow receive_type="method_call"/>
    <allow receive_type="method_return"/>
    <allow receive_type="error"/>
    <allow receive_type="signal"/>
  </policy>
</busconfig>
CONF
dbus-daemon --config-file="$dir/system-bus.conf" --fork >"$dir/dbus.log" 2>&1
/usr/lib/polkit-1/polkitd --no-debug >"$dir/polkitd.log" 2>&1 &
for _ in $(seq 50); do
    pkaction --action-id org.freedesktop.policykit.exec >/dev/null 2>&1 && break
    sleep 0.1
done
pkaction --action-id org.freedesktop.policykit.exec >/dev/null 2>&1 || {
    echo "polkitd did not come up:" >&2
    cat "$dir/dbus.log" "$dir/polkitd.log" >&2
    exit 125
}
"$@"

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs "$@" in the private network namespace `unshare -n` made (as root) for tst_ntpdsystem:
# loopback up, and 10.123.0.0/24 routed to lo as local addresses whose packets leave from
# 127.0.0.1. ntpd refuses 127.x servers other than 127.0.0.1 and picks its sending address by
# route, so the lab chronyd servers live on 10.123.0.x:123 and ntpd talks to them from
# 127.0.0.1:123. Nothing of this reaches the host's network.
set -e
ip link set lo up
ip route add local 10.123.0.0/24 dev lo src 127.0.0.1 table local
exec "$@"

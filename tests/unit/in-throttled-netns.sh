#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs "$@" in a new network namespace (under `unshare -n`, as root) whose loopback sends through
# a token bucket of 250 bytes/s with a 200-byte burst: the third small datagram sent at once is
# held back by the queueing discipline for about 280 ms, so its transmit time stamp
# is queued after send() returned (tst_transmittimestamp).
set -e
ip link set lo up
tc qdisc add dev lo root tbf rate 2kbit burst 200 limit 3000
CHRONOSCOPE_THROTTLED_LOOPBACK=1 exec "$@"

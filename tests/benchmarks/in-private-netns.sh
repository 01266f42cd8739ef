#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs "$@" in a new network namespace with only loopback up (used by run-benchmarks through
# `unshare -n`, as root): 1,000 loopback servers must not meet the host's firewall or services.
set -e
ip link set lo up
exec "$@"

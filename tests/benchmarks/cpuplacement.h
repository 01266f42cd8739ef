// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <utility>

#include <QtGlobal>

namespace chronoscope::testing {

// Placement for benchmarks that talk to loopback servers: the clients (the calling thread, so
// every thread and process it starts afterwards) on one CPU, the servers on another, on
// machines with two or more. Every client then reaches its servers across CPUs, as it would
// across a network. Left to the scheduler, whether a client shared a server's CPU was decided
// per process, and on the 2-core VM of the README's figures that placement, not the tools,
// decided delay ratios (a loopback exchange across CPUs took 20–30 µs longer) and moved the
// engine's CPU share by a tenth. Returns the CPUs used (client, server), or nothing when not
// pinned (one CPU, or affinity refused).
std::optional<std::pair<int, int>> pinClientsAndServers();

// Moves a server process to the servers' CPU. False when that fails.
bool pinServer(qint64 pid, int cpu);

} // namespace chronoscope::testing

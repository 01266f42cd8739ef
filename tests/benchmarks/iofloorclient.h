// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include <QHostAddress>

namespace chronoscope::testing {

// The I/O floor of bench_monitor1000 (Linux): a client that makes the engine's system calls for
// each request and nothing else. One connected UDP socket per server with kernel receive and
// transmit time stamps; on a 16 ms grid, the requests due are sent (a 48-byte mode-3 packet with
// a random transmit field) and each one's transmit time stamp is read from the error queue; 3 ms
// later epoll reports the sockets with replies and recvmmsg reads them. No parsing, filter,
// selection, snapshot or event loop. What it costs is what the engine's I/O costs on this machine
// in these seconds; the engine's figure above it is the engine's own work.
// The socket options and the recvmmsg batch are copies of KernelTimestampChannel's on purpose:
// calling the engine's channel would bring its per-datagram work with it, which the floor leaves out.
struct IoFloorResult
{
    double cpuShare = 0;          // CPU seconds of the calling thread per second (1 = one core)
    double requestsPerSecond = 0; // sent
    double repliesPerSecond = 0;  // read
    double seconds = 0;           // measured window
};

// Polls every server once a second for `warmupSeconds` and then `seconds` more, in the calling
// thread; only the second part is measured. Servers whose socket cannot be made are skipped.
IoFloorResult runIoFloorClient(const std::vector<std::pair<QHostAddress, quint16>> &servers, double warmupSeconds,
                               double seconds);

} // namespace chronoscope::testing

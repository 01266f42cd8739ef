// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

#include "core/diagnostics/udpsocketentry.h"
#include "core/result.h"

namespace chronoscope::diagnostics {

// Every UDP socket (IPv4 and IPv6) bound to local `port`, with the processes holding it where
// the OS tells this user. Read-only. One implementation per platform, selected by CMake:
//   udpportinspector_linux.cpp  /proc/net/udp{,6} and /proc/<pid>/fd (other users' processes
//                               only as root)
//   udpportinspector_win.cpp    GetExtendedUdpTable with owning pids (not built on Linux)
//   udpportinspector_other.cpp  an Error saying the check is not available on this platform
Result<QList<UdpSocketEntry>> findUdpSockets(quint16 port);

} // namespace chronoscope::diagnostics

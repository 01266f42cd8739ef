// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QUdpSocket>

namespace chronoscope::sysservice {

// True when the connected UDP `socket` has a pending "connection refused" (an ICMP port
// unreachable: nothing listens at its peer). Looked at before Qt does: QUdpSocket's
// hasPendingDatagrams() consumes that error without reporting it, and the wait then lasts the
// whole timeout. POSIX: a non-blocking MSG_PEEK; elsewhere always false.
bool refusedByPeer(const QUdpSocket &socket);

} // namespace chronoscope::sysservice

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "core/diagnostics/udpsocketentry.h"

namespace chronoscope::diagnostics {

// Who uses a local UDP port (normally 123, NTP) and what that means for the user.
struct PortUsageFindings
{
    quint16 port = 123;
    QString error;                 // why the check could not run (empty when it ran)
    QList<UdpSocketEntry> sockets;
    QStringList meanings;          // one per socket, in words
    QString summary;               // one line over all sockets
};

// Lists the sockets on `port` (udpportinspector.h) and explains them. Read-only.
PortUsageFindings checkUdpPort(quint16 port);

// Fills meanings and summary from port, error and sockets.
void interpretPortUsage(PortUsageFindings &findings);

} // namespace chronoscope::diagnostics

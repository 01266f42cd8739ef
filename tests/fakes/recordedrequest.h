// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>

namespace chronoscope::testing {

// One datagram the FakeNtpServer received, exactly as it arrived.
struct RecordedRequest
{
    QByteArray datagram;     // raw bytes
    QHostAddress sender;     // source address of the client's socket
    quint16 senderPort = 0;  // source port of the client's socket
    double receivedAt = 0;   // Unix seconds on the true (unshifted) local clock
    bool answered = false;   // false when the server was told to drop it
};

} // namespace chronoscope::testing

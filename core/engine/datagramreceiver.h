// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QString>

#include "core/ntp/ntptimestamp.h"

namespace chronoscope::engine {

// Hears what a DatagramChannel reads, by direct call in the channel's thread: a channel has
// exactly one receiver (its association), so no signal connection (about 100 bytes each, and a
// QMetaObject::activate per datagram) is kept per channel.
class DatagramReceiver
{
public:
    // A datagram arrived; receiveTime is T4. The receiver may close() the channel from here.
    virtual void onDatagram(const QByteArray &datagram, const QHostAddress &from, quint16 fromPort,
                            ntp::NtpTimestamp receiveTime) = 0;
    // The socket reported an error, e.g. "connection refused" from an ICMP port-unreachable.
    virtual void onChannelError(const QString &message, bool connectionRefused) = 0;

protected:
    ~DatagramReceiver() = default;
};

} // namespace chronoscope::engine

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QHostAddress>
#include <QList>
#include <QString>

namespace chronoscope::diagnostics {

// A process that holds a socket open.
struct ProcessRef
{
    qint64 pid = 0;
    QString name;                 // short name ("chronyd"); Linux truncates it to 15 characters
    QString executable;           // full path where the OS tells, else the command's first word
};

// One UDP socket bound to a local port, as the OS lists it.
struct UdpSocketEntry
{
    QHostAddress localAddress;    // 0.0.0.0 or :: for every address
    quint16 localPort = 0;
    QHostAddress remoteAddress;   // set only for a connected socket
    quint16 remotePort = 0;
    std::optional<quint32> uid;   // owner's user id, where the OS tells
    quint64 inode = 0;            // Linux socket inode (0: not applicable)
    QList<ProcessRef> processes;  // holders this user may see; empty: unknown

    bool isIpv6() const { return localAddress.protocol() == QAbstractSocket::IPv6Protocol; }
    bool isConnected() const { return remotePort != 0; }
};

} // namespace chronoscope::diagnostics

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QHostAddress>
#include <QUdpSocket>

#include "core/result.h"
#include "core/sysservice/cmdmontransport.h"

namespace chronoscope::sysservice {

// chronyd's UDP command port (cmdport, default 323) on a loopback address: the fallback when
// its Unix socket cannot be used. chronyd answers only monitoring commands there (tracking,
// sources, ...), and by default only to localhost. The socket is connected, so datagrams from any
// other address or port are not delivered.
class UdpCmdmonTransport final : public CmdmonTransport
{
public:
    static constexpr quint16 DEFAULT_PORT = 323;

    // Refuses an address outside 127.0.0.0/8 and ::1: chronyd's command port is a local interface.
    static Result<std::unique_ptr<UdpCmdmonTransport>> open(const QHostAddress &address, quint16 port = DEFAULT_PORT);

    Result<bool> send(QByteArrayView request) override;
    Result<QByteArray> receive(int timeoutMs) override;
    QString endpoint() const override;

private:
    UdpCmdmonTransport() = default;

    QHostAddress m_address;
    quint16 m_port = 0;
    std::unique_ptr<QUdpSocket> m_socket;
};

} // namespace chronoscope::sysservice

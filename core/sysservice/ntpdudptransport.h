// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QHostAddress>
#include <QUdpSocket>

#include "core/result.h"
#include "core/sysservice/cmdmontransport.h"

namespace chronoscope::sysservice {

// ntpd's mode 6 control port (UDP 123) on a loopback address: 127.0.0.0/8 or ::1 only, since
// the reader asks this computer's own daemon. The socket is connected, so datagrams from any
// other address or port are not delivered. Uses the CmdmonTransport interface (blocking
// send/receive of whole datagrams), which is not specific to chronyd.
class NtpdUdpTransport final : public CmdmonTransport
{
public:
    static constexpr quint16 DEFAULT_PORT = 123;
    static constexpr int MAX_DATAGRAM_SIZE = 1024;   // a mode 6 fragment is at most 12 + 468 + 75

    static Result<std::unique_ptr<NtpdUdpTransport>> open(const QHostAddress &address, quint16 port = DEFAULT_PORT);

    Result<bool> send(QByteArrayView request) override;
    Result<QByteArray> receive(int timeoutMs) override;
    QString endpoint() const override;

private:
    NtpdUdpTransport() = default;

    QHostAddress m_address;
    quint16 m_port = 0;
    std::unique_ptr<QUdpSocket> m_socket;
};

} // namespace chronoscope::sysservice

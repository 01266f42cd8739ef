// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QHostAddress>
#include <QUdpSocket>

#include "core/result.h"
#include "core/sysservice/cmdmontransport.h"

namespace chronoscope::sysservice {

// One request/reply UDP transport to a daemon on this computer: the socket is bound to loopback
// and connected to an address in 127.0.0.0/8 or ::1, so datagrams from any other address or port
// are not delivered. Blocking send/receive of whole datagrams (the CmdmonTransport interface,
// which is not specific to chronyd). chronyd's command port and ntpd's mode 6 control port are
// read through it (openChronydCommandPort, openNtpdControlPort).
class LoopbackUdpTransport final : public CmdmonTransport
{
public:
    // The daemon behind the port, in the words of the error messages.
    struct Peer
    {
        QString notLoopback;      // for an address that is not loopback; %1 the address
        QString portZero;         // for port 0
        QString nothingListens;   // for ICMP port unreachable; %1 the endpoint
        int maxDatagramSize = 0;  // bytes; receive() returns at most one byte more
    };

    // Refuses an address outside 127.0.0.0/8 and ::1, and port 0.
    static Result<std::unique_ptr<LoopbackUdpTransport>> open(const QHostAddress &address, quint16 port, const Peer &peer);

    Result<bool> send(QByteArrayView request) override;
    Result<QByteArray> receive(int timeoutMs) override;
    QString endpoint() const override;

private:
    LoopbackUdpTransport() = default;

    Peer m_peer;
    QHostAddress m_address;
    quint16 m_port = 0;
    std::unique_ptr<QUdpSocket> m_socket;
};

// chronyd's UDP command port (cmdport, default 323) on a loopback address: the fallback when its
// Unix socket cannot be used. chronyd answers only monitoring commands there (tracking, sources,
// ...), and by default only to localhost.
constexpr quint16 CHRONYD_COMMAND_PORT = 323;
Result<std::unique_ptr<LoopbackUdpTransport>> openChronydCommandPort(const QHostAddress &address,
                                                                     quint16 port = CHRONYD_COMMAND_PORT);

// ntpd's mode 6 control port (UDP 123) on a loopback address: the reader asks this computer's
// own daemon.
constexpr quint16 NTPD_CONTROL_PORT = 123;
Result<std::unique_ptr<LoopbackUdpTransport>> openNtpdControlPort(const QHostAddress &address,
                                                                  quint16 port = NTPD_CONTROL_PORT);

} // namespace chronoscope::sysservice

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sysservice/loopbackudptransport.h"

#include <QElapsedTimer>
#include <QNetworkDatagram>

#include "core/sysservice/cmdmonprotocol.h"
#include "core/sysservice/refusedbypeer.h"

using namespace Qt::StringLiterals;

namespace chronoscope::sysservice {

Result<std::unique_ptr<LoopbackUdpTransport>> LoopbackUdpTransport::open(const QHostAddress &address, quint16 port,
                                                                         const Peer &peer)
{
    if (!address.isLoopback())
        return Error{peer.notLoopback.arg(address.toString())};
    if (port == 0)
        return Error{peer.portZero};
    std::unique_ptr<LoopbackUdpTransport> transport(new LoopbackUdpTransport);
    transport->m_peer = peer;
    transport->m_address = address;
    transport->m_port = port;
    transport->m_socket = std::make_unique<QUdpSocket>();
    const QHostAddress local = address.protocol() == QAbstractSocket::IPv6Protocol ? QHostAddress(QHostAddress::LocalHostIPv6)
                                                                                    : QHostAddress(QHostAddress::LocalHost);
    if (!transport->m_socket->bind(local, 0))
        return Error{u"cannot bind a UDP socket on %1: %2"_s.arg(local.toString(), transport->m_socket->errorString())};
    transport->m_socket->connectToHost(address, port);
    if (!transport->m_socket->waitForConnected(1000))
        return Error{u"cannot address %1: %2"_s.arg(transport->endpoint(), transport->m_socket->errorString())};
    return transport;
}

QString LoopbackUdpTransport::endpoint() const
{
    return m_address.protocol() == QAbstractSocket::IPv6Protocol ? u"[%1]:%2"_s.arg(m_address.toString()).arg(m_port)
                                                                   : u"%1:%2"_s.arg(m_address.toString()).arg(m_port);
}

Result<bool> LoopbackUdpTransport::send(QByteArrayView request)
{
    const qint64 sent = m_socket->write(request.data(), request.size());
    if (sent != request.size())
        return Error{u"cannot send to %1: %2"_s.arg(endpoint(), m_socket->errorString())};
    return true;
}

Result<QByteArray> LoopbackUdpTransport::receive(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (refusedByPeer(*m_socket))
            return Error{m_peer.nothingListens.arg(endpoint())};
        if (!m_socket->hasPendingDatagrams()
            && !m_socket->waitForReadyRead(int(qMax<qint64>(1, timeoutMs - timer.elapsed())))) {
            if (m_socket->error() == QAbstractSocket::ConnectionRefusedError)
                return Error{m_peer.nothingListens.arg(endpoint())};
            continue;
        }
        if (!m_socket->hasPendingDatagrams())
            continue;
        const QNetworkDatagram datagram = m_socket->receiveDatagram(m_peer.maxDatagramSize + 1);
        if (!datagram.isValid())
            continue;
        return datagram.data();
    }
    return Error{u"no reply from %1 within %2 ms"_s.arg(endpoint()).arg(timeoutMs)};
}

Result<std::unique_ptr<LoopbackUdpTransport>> openChronydCommandPort(const QHostAddress &address, quint16 port)
{
    static const LoopbackUdpTransport::Peer chronyd{
        u"%1 is not a loopback address: chronyd's command port is read on this computer only"_s,
        u"command port 0 is not a port"_s,
        u"nothing listens on %1 (chronyd's command port closed: cmdport 0?)"_s,
        cmdmon::MAX_DATAGRAM_SIZE};
    return LoopbackUdpTransport::open(address, port, chronyd);
}

Result<std::unique_ptr<LoopbackUdpTransport>> openNtpdControlPort(const QHostAddress &address, quint16 port)
{
    // A mode 6 fragment is at most 12 + 468 + 75 bytes.
    static const LoopbackUdpTransport::Peer ntpd{
        u"%1 is not a loopback address: ntpd is read on this computer only (127.0.0.1 or ::1)"_s,
        u"port 0 is not a port"_s,
        u"nothing listens on %1 (no ntpd running there)"_s,
        1024};
    return LoopbackUdpTransport::open(address, port, ntpd);
}

} // namespace chronoscope::sysservice

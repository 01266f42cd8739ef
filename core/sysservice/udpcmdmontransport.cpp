// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sysservice/udpcmdmontransport.h"

#include <QElapsedTimer>
#include <QNetworkDatagram>

#include "core/sysservice/refusedbypeer.h"

#include "core/sysservice/cmdmonprotocol.h"

using namespace Qt::StringLiterals;

namespace chronoscope::sysservice {

Result<std::unique_ptr<UdpCmdmonTransport>> UdpCmdmonTransport::open(const QHostAddress &address, quint16 port)
{
    if (!address.isLoopback())
        return Error{u"%1 is not a loopback address: chronyd's command port is read on this computer only"_s.arg(address.toString())};
    if (port == 0)
        return Error{u"command port 0 is not a port"_s};
    std::unique_ptr<UdpCmdmonTransport> transport(new UdpCmdmonTransport);
    transport->m_address = address;
    transport->m_port = port;
    transport->m_socket = std::make_unique<QUdpSocket>();
    const QHostAddress any = address.protocol() == QAbstractSocket::IPv6Protocol ? QHostAddress(QHostAddress::LocalHostIPv6)
                                                                                  : QHostAddress(QHostAddress::LocalHost);
    if (!transport->m_socket->bind(any, 0))
        return Error{u"cannot bind a UDP socket on %1: %2"_s.arg(any.toString(), transport->m_socket->errorString())};
    transport->m_socket->connectToHost(address, port);
    if (!transport->m_socket->waitForConnected(1000))
        return Error{u"cannot address %1: %2"_s.arg(transport->endpoint(), transport->m_socket->errorString())};
    return transport;
}

QString UdpCmdmonTransport::endpoint() const
{
    return m_address.protocol() == QAbstractSocket::IPv6Protocol ? u"[%1]:%2"_s.arg(m_address.toString()).arg(m_port)
                                                                   : u"%1:%2"_s.arg(m_address.toString()).arg(m_port);
}

Result<bool> UdpCmdmonTransport::send(QByteArrayView request)
{
    const qint64 sent = m_socket->write(request.data(), request.size());
    if (sent != request.size())
        return Error{u"cannot send to %1: %2"_s.arg(endpoint(), m_socket->errorString())};
    return true;
}

Result<QByteArray> UdpCmdmonTransport::receive(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (refusedByPeer(*m_socket))
            return Error{u"nothing listens on %1 (chronyd's command port closed: cmdport 0?)"_s.arg(endpoint())};
        if (!m_socket->hasPendingDatagrams()
            && !m_socket->waitForReadyRead(int(qMax<qint64>(1, timeoutMs - timer.elapsed())))) {
            if (m_socket->error() == QAbstractSocket::ConnectionRefusedError)
                return Error{u"nothing listens on %1 (chronyd's command port closed: cmdport 0?)"_s.arg(endpoint())};
            continue;
        }
        if (!m_socket->hasPendingDatagrams())
            continue;
        const QNetworkDatagram datagram = m_socket->receiveDatagram(cmdmon::MAX_DATAGRAM_SIZE + 1);
        if (!datagram.isValid())
            continue;
        return datagram.data();
    }
    return Error{u"no reply from %1 within %2 ms"_s.arg(endpoint()).arg(timeoutMs)};
}

} // namespace chronoscope::sysservice

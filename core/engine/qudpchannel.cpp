// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/qudpchannel.h"

#include <QNetworkDatagram>
#include <QUdpSocket>
#include <QVariant>

#include "core/engine/localclock.h"

namespace chronoscope::engine {

QUdpChannel::QUdpChannel(DatagramReceiver &receiver) : DatagramChannel(receiver), m_socket(new QUdpSocket(this))
{
    connect(m_socket, &QUdpSocket::readyRead, this, &QUdpChannel::onReadyRead);
    connect(m_socket, &QUdpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        m_receiver.onChannelError(m_socket->errorString(), error == QAbstractSocket::ConnectionRefusedError);
    });
}

QUdpChannel::~QUdpChannel() = default;

void QUdpChannel::close()
{
    if (m_reading) {
        m_closeAfterReading = true;
        return;
    }
    m_socket->close();
}

bool QUdpChannel::open(const QHostAddress &server, quint16 port)
{
    m_closeAfterReading = false;
    m_socket->close(); // a new socket, and with it a new random port, for every request
    m_server = server;
    m_port = port;
    // Port 0: the OS picks a random ephemeral port for each new socket.
    const QHostAddress any = server.protocol() == QAbstractSocket::IPv6Protocol ? QHostAddress(QHostAddress::AnyIPv6)
                                                                                 : QHostAddress(QHostAddress::AnyIPv4);
    if (!m_socket->bind(any, 0)) {
        m_errorString = m_socket->errorString();
        return false;
    }
    m_socket->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, QVariant(int(RECEIVE_BUFFER_BYTES)));
    // For UDP this is a synchronous connect(): the kernel then filters other senders.
    m_socket->connectToHost(server, port, QIODevice::ReadWrite);
    if (m_socket->state() != QAbstractSocket::ConnectedState && !m_socket->waitForConnected(0)) {
        m_errorString = m_socket->errorString();
        return false;
    }
    return true;
}

ntp::NtpTimestamp QUdpChannel::send(const QByteArray &datagram)
{
    const ntp::NtpTimestamp sendTime = LocalClock::now();
    if (m_socket->write(datagram) != datagram.size()) {
        m_errorString = m_socket->errorString();
        return {};
    }
    return sendTime;
}

quint16 QUdpChannel::localPort() const
{
    return m_socket->localPort();
}

void QUdpChannel::onReadyRead()
{
    m_reading = true;
    readDatagrams();
    m_reading = false;
    if (m_closeAfterReading) {
        m_closeAfterReading = false;
        m_socket->close();
    }
}

void QUdpChannel::readDatagrams()
{
    // At most a batch per readyRead; the rest is read on the next event-loop pass.
    for (int batch = 0; batch < MAX_DATAGRAMS_PER_WAKEUP && m_socket->state() != QAbstractSocket::UnconnectedState
                        && m_socket->hasPendingDatagrams();
         ++batch) {
        const QNetworkDatagram datagram = m_socket->receiveDatagram(MAX_DATAGRAM_BYTES);
        const ntp::NtpTimestamp receiveTime = LocalClock::now();
        if (!datagram.isValid()) {
            // Connected UDP sockets report an ICMP port unreachable as a read error.
            if (m_socket->error() == QAbstractSocket::ConnectionRefusedError)
                m_receiver.onChannelError(m_socket->errorString(), true);
            break;
        }
        const QHostAddress from = datagram.senderAddress().isNull() ? m_server : datagram.senderAddress();
        const quint16 fromPort = datagram.senderPort() < 0 ? m_port : quint16(datagram.senderPort());
        m_receiver.onDatagram(datagram.data(), from, fromPort, receiveTime);
    }
    // The rest later, unless the socket closes now (what is left is dropped with it).
    if (!m_closeAfterReading && m_socket->state() != QAbstractSocket::UnconnectedState
        && m_socket->hasPendingDatagrams())
        QMetaObject::invokeMethod(this, &QUdpChannel::onReadyRead, Qt::QueuedConnection);
}

} // namespace chronoscope::engine

// SPDX-License-Identifier: GPL-3.0-or-later
// Windows: QUdpSocket, which reports WSAECONNRESET (Windows' form of ICMP port unreachable on a
// connected UDP socket) as ConnectionRefusedError. Built only on Windows (core/CMakeLists.txt);
// the Linux build machines never compile it.
#include "core/diagnostics/probesocket.h"

#include <QNetworkDatagram>
#include <QUdpSocket>

namespace chronoscope::diagnostics {

struct ProbeSocket::Private
{
    QUdpSocket *socket = nullptr;
    QString error;
};

ProbeSocket::ProbeSocket(QObject *parent) : QObject(parent), d(std::make_unique<Private>()) { }

ProbeSocket::~ProbeSocket()
{
    close();
}

QString ProbeSocket::errorString() const
{
    return d->error;
}

void ProbeSocket::close()
{
    if (d->socket) {
        d->socket->disconnect(this);
        d->socket->close();
        d->socket->deleteLater();
        d->socket = nullptr;
    }
}

bool ProbeSocket::sendTo(const QHostAddress &address, quint16 port, const QByteArray &datagram)
{
    close();
    d->socket = new QUdpSocket(this);
    connect(d->socket, &QUdpSocket::readyRead, this, &ProbeSocket::receivePending);
    connect(d->socket, &QUdpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error == QAbstractSocket::ConnectionRefusedError)
            emit refused();
        else if (d->socket)
            emit networkError(d->socket->errorString());
    });
    const QHostAddress any = address.protocol() == QAbstractSocket::IPv6Protocol ? QHostAddress(QHostAddress::AnyIPv6)
                                                                                  : QHostAddress(QHostAddress::AnyIPv4);
    if (!d->socket->bind(any, 0)) {
        d->error = d->socket->errorString();
        close();
        return false;
    }
    d->socket->connectToHost(address, port, QIODevice::ReadWrite);
    if (d->socket->state() != QAbstractSocket::ConnectedState && !d->socket->waitForConnected(0)) {
        d->error = d->socket->errorString();
        close();
        return false;
    }
    if (d->socket->write(datagram) != datagram.size()) {
        d->error = d->socket->errorString();
        close();
        return false;
    }
    return true;
}

void ProbeSocket::receivePending()
{
    while (d->socket && d->socket->hasPendingDatagrams()) {
        const QNetworkDatagram datagram = d->socket->receiveDatagram();
        if (!datagram.isValid()) {
            if (d->socket->error() == QAbstractSocket::ConnectionRefusedError)
                emit refused();
            return;
        }
        emit datagramReceived(datagram.data());
    }
}

} // namespace chronoscope::diagnostics

// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/fakes/udprelay.h"

#include <cmath>

#include <QNetworkDatagram>
#include <QTimer>
#include <QUdpSocket>

using namespace Qt::StringLiterals;

namespace chronoscope::testing {

UdpRelay::UdpRelay(const QHostAddress &listenAddress, const QHostAddress &target, quint16 targetPort, quint32 seed,
                   QObject *parent)
    : QObject(parent)
    , m_listenAddress(listenAddress)
    , m_target(target)
    , m_targetPort(targetPort)
    , m_listener(new QUdpSocket(this))
    , m_random(seed)
{
    m_listener->bind(listenAddress, 0);
    connect(m_listener, &QUdpSocket::readyRead, this, &UdpRelay::onClientDatagram);
}

UdpRelay::~UdpRelay()
{
    qDeleteAll(m_clients);
}

bool UdpRelay::listenOn(quint16 port)
{
    m_listener->close();
    return m_listener->bind(m_listenAddress, port);
}

bool UdpRelay::isListening() const
{
    return m_listener->state() == QAbstractSocket::BoundState;
}

quint16 UdpRelay::port() const
{
    return m_listener->localPort();
}

double UdpRelay::holdTime(const Path &path)
{
    if (path.loss > 0 && m_random.generateDouble() < path.loss)
        return -1;
    return path.delay + (path.jitter > 0 ? path.jitter * m_random.generateDouble() : 0.0);
}

void UdpRelay::onClientDatagram()
{
    while (m_listener->hasPendingDatagrams()) {
        const QNetworkDatagram datagram = m_listener->receiveDatagram();
        const QString key = datagram.senderAddress().toString() + u'#' + QString::number(datagram.senderPort());
        Client *client = m_clients.value(key);
        if (!client) {
            client = new Client{datagram.senderAddress(), quint16(datagram.senderPort()), new QUdpSocket(this)};
            client->upstream->bind(m_listenAddress, 0);
            connect(client->upstream, &QUdpSocket::readyRead, this, [this, client] { onUpstreamDatagram(client); });
            m_clients.insert(key, client);
        }
        const double hold = holdTime(m_forward);
        if (hold < 0) {
            ++m_droppedForward;
            continue;
        }
        const QByteArray data = datagram.data();
        QUdpSocket *upstream = client->upstream;
        QTimer::singleShot(std::chrono::milliseconds(qint64(std::lround(hold * 1e3))), Qt::PreciseTimer, this, [this, upstream, data] {
            upstream->writeDatagram(data, m_target, m_targetPort);
            ++m_forwarded;
        });
    }
}

void UdpRelay::onUpstreamDatagram(Client *client)
{
    while (client->upstream->hasPendingDatagrams()) {
        const QByteArray data = client->upstream->receiveDatagram().data();
        const double hold = holdTime(m_backward);
        if (hold < 0) {
            ++m_droppedBackward;
            continue;
        }
        const QHostAddress address = client->address;
        const quint16 port = client->port;
        QTimer::singleShot(std::chrono::milliseconds(qint64(std::lround(hold * 1e3))), Qt::PreciseTimer, this, [this, data, address, port] {
            m_listener->writeDatagram(data, address, port);
            ++m_returned;
        });
    }
}

} // namespace chronoscope::testing

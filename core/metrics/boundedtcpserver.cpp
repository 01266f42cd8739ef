// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/metrics/boundedtcpserver.h"

#include <QTcpSocket>

#include "core/metrics/connectionguard.h"

using namespace Qt::StringLiterals;

namespace chronoscope::metrics {

BoundedTcpServer::BoundedTcpServer(const HttpLimits &limits, QObject *parent) : QTcpServer(parent), m_limits(limits) { }

void BoundedTcpServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    if (m_open >= m_limits.maxConnections) {
        countRejection(u"too_many_connections"_s);
        socket->abort();
        delete socket;
        return;
    }
    ++m_open;
    connect(socket, &QObject::destroyed, this, [this] { --m_open; });
    new ConnectionGuard(socket, m_limits, [this](const QString &reason) { countRejection(reason); });
    addPendingConnection(socket);
}

} // namespace chronoscope::metrics

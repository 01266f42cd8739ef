// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QTcpServer>

#include "core/metrics/httplimits.h"

namespace chronoscope::metrics {

// The TCP listener under the metrics QHttpServer: at most HttpLimits::maxConnections open at
// once (more are closed as soon as they are accepted), and a ConnectionGuard on each one it
// hands on. Refusals are counted by reason id, never logged.
class BoundedTcpServer final : public QTcpServer
{
    Q_OBJECT
public:
    explicit BoundedTcpServer(const HttpLimits &limits, QObject *parent = nullptr);

    int openConnections() const { return m_open; }
    // too_many_connections, request_too_large, request_body_or_pipelining, timeout → count.
    const QMap<QString, quint64> &rejections() const { return m_rejections; }
    void countRejection(const QString &reason) { ++m_rejections[reason]; }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    HttpLimits m_limits;
    int m_open = 0;
    QMap<QString, quint64> m_rejections;
};

} // namespace chronoscope::metrics

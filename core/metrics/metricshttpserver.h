// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QByteArray>
#include <QHostAddress>
#include <QHttpServer>
#include <QMap>
#include <QObject>
#include <QPointer>

#include "core/metrics/httplimits.h"
#include "core/metrics/metricsformat.h"
#include "core/result.h"

namespace chronoscope::metrics {

class BoundedTcpServer;

// GET /metrics over HTTP/1.1 with QtHttpServer, in the Prometheus text format or OpenMetrics
// as the Accept header asks. QtHttpServer parses and routes; the BoundedTcpServer under it caps
// connections, request size and time (see ConnectionGuard). Other paths get 404, other methods
// 405. Refusals are counted by reason id, never logged.
class MetricsHttpServer final : public QObject
{
    Q_OBJECT
public:
    // Produces the body of one scrape in the negotiated format.
    using BodyProvider = std::function<QByteArray(MetricsFormat)>;

    explicit MetricsHttpServer(BodyProvider provider, HttpLimits limits = {}, QObject *parent = nullptr);
    ~MetricsHttpServer() override;

    // Starts listening; the error names the address and says why (e.g. "address already in use").
    Result<bool> listen(const QHostAddress &address, quint16 port);
    bool isListening() const;
    QHostAddress serverAddress() const;
    quint16 serverPort() const;

    int openConnections() const;
    quint64 requestsAnswered() const { return m_answered; }
    // Reason id → count: too_many_connections, request_too_large, request_body_or_pipelining,
    // timeout, not_found, method_not_allowed.
    QMap<QString, quint64> rejections() const;

private:
    BodyProvider m_provider;
    HttpLimits m_limits;
    QHttpServer m_http;
    QPointer<BoundedTcpServer> m_tcp; // owned by m_http once bound
    QMap<QString, quint64> m_routeRejections;
    quint64 m_answered = 0;
};

} // namespace chronoscope::metrics

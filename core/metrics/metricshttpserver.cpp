// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/metrics/metricshttpserver.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>

#include "core/metrics/boundedtcpserver.h"

using namespace Qt::StringLiterals;

namespace chronoscope::metrics {
namespace {

// The Accept header (names are case-insensitive; repeated headers are joined with ",").
QByteArray acceptHeader(const QHttpServerRequest &request)
{
    QByteArray value;
    for (const auto &[name, headerValue] : request.headers()) {
        if (name.compare("accept", Qt::CaseInsensitive) != 0)
            continue;
        if (!value.isEmpty())
            value += ',';
        value += headerValue;
    }
    return value;
}

void writePlain(QHttpServerResponder &responder, QHttpServerResponder::StatusCode status, const QByteArray &text)
{
    responder.write(text + '\n', {{"Content-Type", "text/plain; charset=utf-8"}, {"Connection", "close"}}, status);
}

} // namespace

MetricsHttpServer::MetricsHttpServer(BodyProvider provider, HttpLimits limits, QObject *parent)
    : QObject(parent), m_provider(std::move(provider)), m_limits(limits)
{
    m_http.route(u"/metrics"_s, [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        if (request.method() != QHttpServerRequest::Method::Get) {
            ++m_routeRejections[u"method_not_allowed"_s];
            responder.write("405 Method Not Allowed\n",
                            {{"Content-Type", "text/plain; charset=utf-8"}, {"Allow", "GET"}, {"Connection", "close"}},
                            QHttpServerResponder::StatusCode::MethodNotAllowed);
            return;
        }
        ++m_answered;
        const MetricsFormat format = negotiateFormat(acceptHeader(request));
        responder.write(m_provider(format), {{"Content-Type", contentType(format)}, {"Connection", "close"}});
    });
    m_http.setMissingHandler([this](const QHttpServerRequest &, QHttpServerResponder &&responder) {
        ++m_routeRejections[u"not_found"_s];
        writePlain(responder, QHttpServerResponder::StatusCode::NotFound, "404 Not Found: the metrics are at /metrics");
    });
}

MetricsHttpServer::~MetricsHttpServer() = default;

Result<bool> MetricsHttpServer::listen(const QHostAddress &address, quint16 port)
{
    auto *tcp = new BoundedTcpServer(m_limits);
    if (!tcp->listen(address, port)) {
        const QString host = address.protocol() == QAbstractSocket::IPv6Protocol ? u"[%1]"_s.arg(address.toString())
                                                                                 : address.toString();
        const QString why = tcp->serverError() == QAbstractSocket::AddressInUseError
                                ? u"address already in use (another exporter or Chronoscope instance?)"_s
                                : tcp->errorString();
        delete tcp;
        return Error{u"cannot serve metrics on %1:%2: %3"_s.arg(host).arg(port).arg(why)};
    }
    m_http.bind(tcp);
    m_tcp = tcp;
    return true;
}

bool MetricsHttpServer::isListening() const
{
    return m_tcp && m_tcp->isListening();
}

QHostAddress MetricsHttpServer::serverAddress() const
{
    return m_tcp ? m_tcp->serverAddress() : QHostAddress();
}

quint16 MetricsHttpServer::serverPort() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}

int MetricsHttpServer::openConnections() const
{
    return m_tcp ? m_tcp->openConnections() : 0;
}

QMap<QString, quint64> MetricsHttpServer::rejections() const
{
    QMap<QString, quint64> all = m_routeRejections;
    if (m_tcp)
        for (auto it = m_tcp->rejections().cbegin(); it != m_tcp->rejections().cend(); ++it)
            all[it.key()] += it.value();
    return all;
}

} // namespace chronoscope::metrics

// SPDX-License-Identifier: GPL-3.0-or-later
// The metrics HTTP endpoint (QtHttpServer over BoundedTcpServer) on loopback, driven by raw TCP
// clients: content negotiation, 404/405, and the limits a hostile client meets — an oversized
// request (431), a body or a pipelined second request (400), more connections than allowed
// (closed at once), slowloris and a client that never reads (aborted at the deadline), a port
// that is taken (a clear error). Every refusal is counted, and every connection is gone
// afterwards (the socket objects are destroyed, not just closed).
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <vector>

#include "core/metrics/metricshttpserver.h"

using namespace Qt::StringLiterals;
using chronoscope::metrics::HttpLimits;
using chronoscope::metrics::MetricsFormat;
using chronoscope::metrics::MetricsHttpServer;

class TstMetricsHttp : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void servesBothFormats();
    void unknownPathAndMethod();
    void oversizedRequestGets431();
    void bodyOrPipeliningGets400();
    void connectionsAreCapped();
    void slowlorisIsTimedOut();
    void clientThatNeverReadsIsTimedOut();
    void takenPortIsAClearError();

private:
    // Connects a raw client to the server under test.
    std::unique_ptr<QTcpSocket> connectClient();
    // Sends `request`, then reads until the server closes (or `timeoutMs`).
    QByteArray exchange(const QByteArray &request, int timeoutMs = 5000);
    void startServer(const HttpLimits &limits);

    std::unique_ptr<MetricsHttpServer> m_server;
    QByteArray m_bigBody;
    int m_provided = 0;
};

void TstMetricsHttp::init()
{
    m_provided = 0;
    m_bigBody.clear();
    HttpLimits limits;
    limits.maxConnections = 4;
    limits.connectionTimeoutMs = 1500;
    startServer(limits);
}

void TstMetricsHttp::cleanup()
{
    m_server.reset();
}

void TstMetricsHttp::startServer(const HttpLimits &limits)
{
    m_server = std::make_unique<MetricsHttpServer>(
        [this](MetricsFormat format) {
            ++m_provided;
            if (!m_bigBody.isEmpty())
                return m_bigBody;
            return format == MetricsFormat::OpenMetrics ? QByteArray("# EOF\n") : QByteArray("x 1\n");
        },
        limits);
    const auto listening = m_server->listen(QHostAddress::LocalHost, 0);
    QVERIFY2(listening.ok(), qPrintable(listening.errorMessage()));
}

std::unique_ptr<QTcpSocket> TstMetricsHttp::connectClient()
{
    auto client = std::make_unique<QTcpSocket>();
    client->connectToHost(QHostAddress::LocalHost, m_server->serverPort());
    if (!client->waitForConnected(3000))
        qWarning("connect failed: %s", qPrintable(client->errorString()));
    return client;
}

QByteArray TstMetricsHttp::exchange(const QByteArray &request, int timeoutMs)
{
    std::unique_ptr<QTcpSocket> client = connectClient();
    client->write(request);
    QByteArray response;
    QElapsedTimer timer;
    timer.start();
    while (client->state() == QAbstractSocket::ConnectedState && timer.elapsed() < timeoutMs) {
        QTest::qWait(5);
        response += client->readAll();
    }
    response += client->readAll();
    return response;
}

void TstMetricsHttp::servesBothFormats()
{
    const QByteArray text = exchange("GET /metrics HTTP/1.1\r\nHost: x\r\nAccept: text/plain;version=0.0.4\r\n\r\n");
    QVERIFY2(text.startsWith("HTTP/1.1 200 OK\r\n"), text.constData());
    QVERIFY(text.contains("Content-Type: text/plain; version=0.0.4; charset=utf-8\r\n"));
    QVERIFY(text.contains("Connection: close\r\n"));
    QVERIFY(text.endsWith("\r\n\r\nx 1\n"));

    const QByteArray open = exchange("GET /metrics HTTP/1.1\r\nHost: x\r\n"
                                     "accept: application/openmetrics-text;version=1.0.0,text/plain;q=0.5\r\n\r\n");
    QVERIFY2(open.contains("Content-Type: application/openmetrics-text; version=1.0.0; charset=utf-8\r\n"), open.constData());
    QVERIFY(open.endsWith("\r\n\r\n# EOF\n"));
    QCOMPARE(m_provided, 2);
    QCOMPARE(m_server->requestsAnswered(), quint64(2));
    QTRY_COMPARE(m_server->openConnections(), 0);
    QVERIFY(m_server->rejections().isEmpty());
}

void TstMetricsHttp::unknownPathAndMethod()
{
    QVERIFY(exchange("GET / HTTP/1.1\r\nHost: x\r\n\r\n").startsWith("HTTP/1.1 404 "));
    const QByteArray post = exchange("POST /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
    QVERIFY2(post.startsWith("HTTP/1.1 405 "), post.constData());
    QVERIFY(post.contains("Allow: GET\r\n"));
    QCOMPARE(m_provided, 0);
    QCOMPARE(m_server->rejections().value(u"not_found"_s), quint64(1));
    QCOMPARE(m_server->rejections().value(u"method_not_allowed"_s), quint64(1));
    QTRY_COMPARE(m_server->openConnections(), 0);
}

void TstMetricsHttp::oversizedRequestGets431()
{
    // 1 MiB of headers: the guard answers after the first 8 KiB and reads no more.
    const QByteArray request = "GET /metrics HTTP/1.1\r\nHost: x\r\nX-Junk: " + QByteArray(1 << 20, 'a') + "\r\n\r\n";
    const QByteArray response = exchange(request);
    QVERIFY2(response.startsWith("HTTP/1.1 431 "), response.left(200).constData());
    QCOMPARE(m_provided, 0);
    QCOMPARE(m_server->rejections().value(u"request_too_large"_s), quint64(1));
    QTRY_COMPARE(m_server->openConnections(), 0);

    // Just under the limit is still served.
    const QByteArray head = "GET /metrics HTTP/1.1\r\nHost: x\r\nX-Junk: ";
    const QByteArray fits = head + QByteArray(8192 - head.size() - 4, 'b') + "\r\n\r\n";
    QCOMPARE(fits.size(), 8192);
    QVERIFY(exchange(fits).startsWith("HTTP/1.1 200 OK\r\n"));
}

void TstMetricsHttp::bodyOrPipeliningGets400()
{
    const QByteArray pipelined = exchange("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\nGET /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY2(pipelined.startsWith("HTTP/1.1 400 "), pipelined.constData());
    QCOMPARE(pipelined.count("HTTP/1.1"), 1);
    // A GET with a large body: refused as soon as the body starts, never buffered whole.
    const QByteArray body = exchange("GET /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n"
                                     + QByteArray(64 * 1024, 'x'));
    QVERIFY2(body.startsWith("HTTP/1.1 400 "), body.constData());
    QCOMPARE(m_provided, 0);
    QCOMPARE(m_server->rejections().value(u"request_body_or_pipelining"_s), quint64(2));
    QTRY_COMPARE(m_server->openConnections(), 0);
}

void TstMetricsHttp::connectionsAreCapped()
{
    std::vector<std::unique_ptr<QTcpSocket>> clients;
    for (int i = 0; i < 12; ++i)
        clients.push_back(connectClient());
    // The first 4 stay open; the other 8 are closed by the server at once.
    QTRY_COMPARE(m_server->rejections().value(u"too_many_connections"_s), quint64(8));
    QCOMPARE(m_server->openConnections(), 4);
    int open = 0;
    QTest::qWait(100);
    for (const auto &client : clients)
        open += client->state() == QAbstractSocket::ConnectedState;
    QCOMPARE(open, 4);
    // A slot is free again once one of them leaves, and the others still get answers.
    clients.front()->abort();
    QTRY_COMPARE(m_server->openConnections(), 3);
    QVERIFY(exchange("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n").startsWith("HTTP/1.1 200 OK\r\n"));
    clients.clear();
    QTRY_COMPARE(m_server->openConnections(), 0);
}

void TstMetricsHttp::slowlorisIsTimedOut()
{
    std::unique_ptr<QTcpSocket> client = connectClient();
    const QByteArray request = "GET /metrics HTTP/1.1\r\nHost: x\r\nX-Slow: " + QByteArray(200, 'z');
    QElapsedTimer timer;
    timer.start();
    // One byte every 20 ms, never finishing the head: the deadline (1.5 s) ends it.
    for (qsizetype i = 0; i < request.size() && client->state() == QAbstractSocket::ConnectedState; ++i) {
        client->write(request.mid(i, 1));
        QTest::qWait(20);
    }
    QTRY_VERIFY_WITH_TIMEOUT(client->state() != QAbstractSocket::ConnectedState, 5000);
    QVERIFY2(timer.elapsed() >= 1400, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(m_server->rejections().value(u"timeout"_s), quint64(1));
    QCOMPARE(m_provided, 0);
    QTRY_COMPARE(m_server->openConnections(), 0);
}

void TstMetricsHttp::clientThatNeverReadsIsTimedOut()
{
    m_bigBody = QByteArray(32 << 20, 'm'); // far more than the socket buffers hold
    std::unique_ptr<QTcpSocket> client = connectClient();
    client->setReadBufferSize(1); // this client reads (almost) nothing
    client->write("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_COMPARE(m_provided, 1);
    QCOMPARE(m_server->openConnections(), 1);
    // The response cannot be delivered; the deadline aborts it and the socket is destroyed.
    QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 0, 5000);
}

void TstMetricsHttp::takenPortIsAClearError()
{
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
    MetricsHttpServer second([](MetricsFormat) { return QByteArray(); });
    const auto listening = second.listen(QHostAddress::LocalHost, squatter.serverPort());
    QVERIFY(!listening.ok());
    const QString expected = u"cannot serve metrics on 127.0.0.1:%1: address already in use"_s.arg(squatter.serverPort());
    QVERIFY2(listening.errorMessage().startsWith(expected), qPrintable(listening.errorMessage()));
    QVERIFY(!second.isListening());
}

QTEST_GUILESS_MAIN(TstMetricsHttp)
#include "tst_metricshttp.moc"

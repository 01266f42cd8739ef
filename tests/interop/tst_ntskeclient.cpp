// SPDX-License-Identifier: GPL-3.0-or-later
// NtsKeClient against hostile or broken key-exchange servers on loopback (issue 14, "bad
// input"): a TLS 1.2-only server, a server without ALPN ntske/1, one that never answers or
// never closes, a response without End of Message, an oversized response, an Error record, a
// plain-TCP server sending garbage, a closed port. Each must end in finished() with its own
// failure kind and a readable reason, within the time limit, without blocking the event loop.
// The servers are in-process (QSslSocket with a certificate from ntstestpki); the interop test
// against chronyd covers the well-behaved path.
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTest>

#include "core/nts/kemessage.h"
#include "core/nts/kerecord.h"
#include "core/nts/ntskeclient.h"
#include "tests/interop/ntstestpki.h"

using namespace Qt::StringLiterals;
using namespace chronoscope;
using namespace chronoscope::nts;

Q_DECLARE_METATYPE(chronoscope::nts::NtsFailureKind)

namespace {

enum class Behaviour {
    Respond,           // send `response` after the request arrived, then close
    RespondKeepOpen,   // send `response`, never close
    Silent,            // TLS, then nothing at all
    PlainGarbage,      // no TLS: write `response` in clear
    NoTls,             // accept TCP, never speak
};

// A key-exchange server that does exactly what a test tells it.
class FakeKeServer : public QTcpServer
{
public:
    FakeKeServer(const testing::NtsTestPki &pki, Behaviour behaviour, QByteArray response,
                 QSsl::SslProtocol protocol = QSsl::TlsV1_3OrLater, QList<QByteArray> alpn = {"ntske/1"})
        : m_behaviour(behaviour), m_response(std::move(response))
    {
        QFile cert(pki.serverCertificate());
        QFile key(pki.serverKey());
        cert.open(QIODevice::ReadOnly);
        key.open(QIODevice::ReadOnly);
        m_config = QSslConfiguration::defaultConfiguration();
        m_config.setLocalCertificate(QSslCertificate(cert.readAll()));
        m_config.setPrivateKey(QSslKey(key.readAll(), QSsl::Ec));
        m_config.setProtocol(protocol);
        m_config.setAllowedNextProtocols(alpn);
        m_config.setPeerVerifyMode(QSslSocket::VerifyNone);
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        socket->setSocketDescriptor(descriptor);
        if (m_behaviour == Behaviour::NoTls)
            return;
        if (m_behaviour == Behaviour::PlainGarbage) {
            socket->write(m_response);
            return;
        }
        socket->setSslConfiguration(m_config);
        connect(socket, &QSslSocket::readyRead, socket, [this, socket] {
            m_received += socket->readAll();
            if (m_behaviour == Behaviour::Silent || !scanKeRecords(m_received).records.size())
                return;
            if (scanKeRecords(m_received).state != KeRecordScan::State::Complete || m_answered)
                return;
            m_answered = true;
            socket->write(m_response);
            if (m_behaviour == Behaviour::Respond)
                socket->disconnectFromHost();
        });
        socket->startServerEncryption();
    }

private:
    Behaviour m_behaviour;
    QByteArray m_response;
    QSslConfiguration m_config;
    QByteArray m_received;
    bool m_answered = false;
};

QByteArray records(const QList<KeRecord> &list)
{
    QByteArray out;
    for (const KeRecord &r : list)
        out += encodeKeRecord(r);
    return out;
}

QByteArray goodResponse(bool withEnd = true)
{
    QList<KeRecord> list{makeUint16Record(KeRecordType::NextProtocol, true, {0}),
                         makeUint16Record(KeRecordType::AeadAlgorithm, true, {15})};
    for (int i = 0; i < 8; ++i)
        list << KeRecord{false, std::uint16_t(KeRecordType::NewCookie), QByteArray(100, char('a' + i))};
    if (withEnd)
        list << KeRecord{true, 0, {}};
    return records(list);
}

} // namespace

class TestNtsKeClient : public QObject
{
    Q_OBJECT
private:
    testing::NtsTestPki m_pki;

    // Runs one exchange against `server`; returns the client after finished().
    NtsKeClient *run(QTcpServer &server, double timeout, qint64 *elapsedMs = nullptr)
    {
        auto *client = new NtsKeClient(this);
        QSignalSpy finished(client, &NtsKeClient::finished);
        QElapsedTimer timer;
        timer.start();
        client->start(u"localhost"_s, server.serverPort(), NtsTrust{false, {m_pki.caCertificate()}}, timeout);
        if (finished.isEmpty())
            finished.wait(int(timeout * 1000) + 3000);
        if (elapsedMs)
            *elapsedMs = timer.elapsed();
        if (finished.size() != 1)
            qWarning("finished() emitted %d times", int(finished.size()));
        return client;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_pki.create(), qPrintable(m_pki.errorString()));
        QVERIFY(QSslSocket::supportsSsl());
    }

    void fakeServerWorks()
    {
        // The fake itself is sound: with a correct response the exchange succeeds.
        FakeKeServer server(m_pki, Behaviour::Respond, goodResponse());
        QVERIFY(server.listen(QHostAddress::LocalHost));
        NtsKeClient *client = run(server, 5);
        QVERIFY2(client->session(), qPrintable(client->failure().detail));
        QCOMPARE(client->session()->cookies.size(), 8);
        QCOMPARE(client->session()->ntpPort, quint16(123));
        QCOMPARE(client->session()->ntpServer, u"localhost"_s);
    }

    void badServers_data()
    {
        QTest::addColumn<int>("behaviour");
        QTest::addColumn<QByteArray>("response");
        QTest::addColumn<int>("protocol");
        QTest::addColumn<QByteArrayList>("alpn");
        QTest::addColumn<NtsFailureKind>("kind");
        const int tls13 = int(QSsl::TlsV1_3OrLater);
        const QByteArrayList ntske{"ntske/1"};

        QTest::newRow("TLS 1.2 only") << int(Behaviour::Respond) << goodResponse() << int(QSsl::TlsV1_2) << ntske
                                      << NtsFailureKind::TlsVersion;
        QTest::newRow("no ALPN") << int(Behaviour::Respond) << goodResponse() << tls13 << QByteArrayList{}
                                 << NtsFailureKind::Alpn;
        QTest::newRow("other ALPN") << int(Behaviour::Respond) << goodResponse() << tls13
                                    << QByteArrayList{"http/1.1"} << NtsFailureKind::Alpn;
        QTest::newRow("silent after handshake") << int(Behaviour::Silent) << QByteArray() << tls13 << ntske
                                                << NtsFailureKind::Timeout;
        QTest::newRow("never closes, no End of Message")
            << int(Behaviour::RespondKeepOpen) << goodResponse(false) << tls13 << ntske << NtsFailureKind::Timeout;
        QTest::newRow("closes without End of Message")
            << int(Behaviour::Respond) << goodResponse(false) << tls13 << ntske << NtsFailureKind::KeMalformed;
        QByteArray huge;
        for (int i = 0; i < 80; ++i)
            huge += encodeKeRecord(KeRecord{false, std::uint16_t(KeRecordType::NewCookie), QByteArray(252, 'h')});
        QTest::newRow("oversized response") << int(Behaviour::RespondKeepOpen) << huge << tls13 << ntske
                                            << NtsFailureKind::KeMalformed;
        QTest::newRow("record body above the limit")
            << int(Behaviour::RespondKeepOpen) << QByteArray::fromHex("0005ffff") << tls13 << ntske
            << NtsFailureKind::KeMalformed;
        QTest::newRow("error record")
            << int(Behaviour::Respond)
            << records({makeUint16Record(KeRecordType::Error, true, {1}), KeRecord{true, 0, {}}}) << tls13 << ntske
            << NtsFailureKind::KeServerError;
        QTest::newRow("unknown critical record")
            << int(Behaviour::Respond) << QByteArray(records({KeRecord{true, 0x2222, {}}}) + goodResponse()) << tls13
            << ntske << NtsFailureKind::KeUnknownCritical;
        QTest::newRow("plain TCP garbage") << int(Behaviour::PlainGarbage) << QByteArray("HTTP/1.0 400 Bad\r\n\r\n")
                                           << tls13 << ntske << NtsFailureKind::TlsHandshake;
        QTest::newRow("TCP without TLS") << int(Behaviour::NoTls) << QByteArray() << tls13 << ntske
                                         << NtsFailureKind::Timeout;
    }

    void badServers()
    {
        QFETCH(int, behaviour);
        QFETCH(QByteArray, response);
        QFETCH(int, protocol);
        QFETCH(QByteArrayList, alpn);
        QFETCH(NtsFailureKind, kind);
        FakeKeServer server(m_pki, Behaviour(behaviour), response, QSsl::SslProtocol(protocol), alpn);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        qint64 elapsed = 0;
        NtsKeClient *client = run(server, 1.0, &elapsed);
        QVERIFY(!client->isRunning());
        QVERIFY(!client->session());
        qInfo("%s", qPrintable(client->failure().detail));
        QCOMPARE(client->failure().kind, kind);
        QVERIFY(!client->failure().detail.isEmpty());
        qInfo("%s: %s (%lld ms)", qPrintable(ntsFailureId(kind)), qPrintable(client->failure().detail), elapsed);
        QVERIFY(elapsed < 2500);   // the 1 s limit holds (with slack for a loaded machine)
    }

    void closedPort()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        auto *client = new NtsKeClient(this);
        QSignalSpy finished(client, &NtsKeClient::finished);
        client->start(u"127.0.0.1"_s, port, NtsTrust{}, 2.0);
        QVERIFY(finished.wait(4000) || !finished.isEmpty());
        QCOMPARE(client->failure().kind, NtsFailureKind::Connect);
    }

    void unreadableCaFile()
    {
        auto *client = new NtsKeClient(this);
        QSignalSpy finished(client, &NtsKeClient::finished);
        client->start(u"localhost"_s, 4460, NtsTrust{false, {u"/nonexistent/ca.pem"_s}}, 2.0);
        QCOMPARE(finished.size(), 1);   // refused before any connection
        QCOMPARE(client->failure().kind, NtsFailureKind::CertificateUntrusted);
        QVERIFY(client->failure().detail.contains(u"/nonexistent/ca.pem"_s));
    }

    void eventLoopStaysResponsive()
    {
        // While a silent server holds the exchange, timers keep firing: nothing blocks.
        FakeKeServer server(m_pki, Behaviour::NoTls, {});
        QVERIFY(server.listen(QHostAddress::LocalHost));
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
        ticker.start(50);
        NtsKeClient *client = run(server, 1.0);
        QCOMPARE(client->failure().kind, NtsFailureKind::Timeout);
        QVERIFY2(ticks >= 10, qPrintable(QString::number(ticks)));
    }
};

QTEST_GUILESS_MAIN(TestNtsKeClient)
#include "tst_ntskeclient.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// NTS against a real chronyd NTS server (issue 14): chronyd runs with -x on loopback, with a
// server certificate from a CA made at test time (ntstestpki), NTS-KE on a non-default port and
// NTP on a random one. Covered: the key exchange (cookies, exported keys, server and port
// negotiation, the certificate chain), refusal of an untrusted CA and of a wrong host name with
// their reasons, 100 authenticated polls with cookie turnover and lost replies, agreement of the
// NTS offset with a plain query, and a server restarted with new keys: NAK → new NTS-KE → success.
#include <optional>

#include <QNetworkDatagram>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QUdpSocket>

#include "core/engine/localclock.h"
#include "core/nts/kerecord.h"
#include "core/nts/ntsassociationauth.h"
#include "core/nts/ntsextensionfields.h"
#include "core/nts/ntskeclient.h"
#include "core/ntp/replyvalidator.h"
#include "tests/interop/chronydinstance.h"
#include "tests/interop/ntstestpki.h"

using namespace Qt::StringLiterals;
using namespace chronoscope;
using namespace chronoscope::nts;

namespace {

quint16 freeTcpPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

struct Poll
{
    NtsReplyCheck nts;
    std::optional<ntp::ReplyVerdict> verdict;   // the plain NTP checks, for authentic replies
    QByteArray cookieSent;
    int placeholdersSent = 0;
};

} // namespace

class TestNtsInterop : public QObject
{
    Q_OBJECT
private:
    testing::NtsTestPki m_pki;
    std::unique_ptr<testing::ChronydInstance> m_chronyd;
    quint16 m_kePort = 0;

    NtsTrust privateCa() const { return NtsTrust{false, {m_pki.caCertificate()}}; }

    bool startChronyd(quint16 ntpPort = 0)
    {
        m_chronyd = std::make_unique<testing::ChronydInstance>();
        m_chronyd->setFixedPort(ntpPort);
        m_chronyd->setExtraConfig(u"ntsserverkey %1\nntsservercert %2\nntsport %3\nntsprocesses 0\n"
                                  "ntsntpserver 127.0.0.1\n"_s.arg(m_pki.serverKey(), m_pki.serverCertificate())
                                      .arg(m_kePort));
        if (!m_chronyd->start()) {
            qWarning("%s", qPrintable(m_chronyd->errorString()));
            return false;
        }
        return true;
    }

    // One NTS-KE exchange through the event loop.
    NtsKeClient *keyExchange(const QString &host, const NtsTrust &trust, double timeout = 5.0)
    {
        auto *client = new NtsKeClient(this);
        QSignalSpy finished(client, &NtsKeClient::finished);
        client->start(host, m_kePort, trust, timeout);
        if (finished.isEmpty())
            finished.wait(int(timeout * 1000) + 2000);
        if (finished.size() != 1)
            qWarning("finished() emitted %d times", int(finished.size()));
        return client;
    }

    // One authenticated exchange with chronyd's NTP port; `dropReply` reads nothing (a lost reply).
    Poll poll(NtsAssociationAuth &nts, bool dropReply = false)
    {
        Poll result;
        QUdpSocket socket;
        if (!socket.bind(QHostAddress::LocalHost, 0))
            return result;
        const ntp::NtpTimestamp nonce(QRandomGenerator::system()->generate64() | 1u);
        const ntp::Packet header = ntp::makeClientRequest(nonce, 6);
        NtsFailure failure;
        const std::optional<QByteArray> request = nts.prepareRequest(header, &failure);
        if (!request) {
            result.nts.failure = failure;
            return result;
        }
        const auto fields = splitExtensionFields(*request, 48, 32);
        for (const FieldSpan &f : *fields) {
            if (f.type == std::uint16_t(NtsFieldType::Cookie))
                result.cookieSent = f.body(*request).toByteArray();
            if (f.type == std::uint16_t(NtsFieldType::CookiePlaceholder))
                ++result.placeholdersSent;
        }
        const QHostAddress server(nts.session()->ntpServer);
        const quint16 port = nts.session()->ntpPort;
        const ntp::NtpTimestamp sent = engine::LocalClock::now();
        socket.writeDatagram(*request, server, port);
        if (dropReply) {
            nts.requestTimedOut();
            return result;
        }
        if (!socket.waitForReadyRead(2000)) {
            nts.requestTimedOut();
            result.nts.failure = NtsFailure{NtsFailureKind::Timeout, u"no reply"_s};
            return result;
        }
        const QNetworkDatagram datagram = socket.receiveDatagram();
        const ntp::NtpTimestamp received = engine::LocalClock::now();
        const Result<ntp::Packet> packet = ntp::decode(datagram.data());
        result.nts = nts.checkReply(datagram.data(), packet ? *packet : ntp::Packet{});
        if (result.nts.outcome == NtsReplyCheck::Outcome::Authentic) {
            ntp::ReplyContext context;
            context.serverAddress = server;
            context.serverPort = port;
            context.request = ntp::OutstandingRequest{nonce, sent, std::nullopt};
            result.verdict = ntp::validateReply(datagram.data(), datagram.senderAddress(), quint16(datagram.senderPort()),
                                                received, context);
        }
        return result;
    }

    // A plain (unauthenticated) measurement of the same server; empty when it fails.
    std::optional<ntp::Measurement> plainMeasurement()
    {
        QUdpSocket socket;
        socket.bind(QHostAddress::LocalHost, 0);
        const ntp::NtpTimestamp nonce(QRandomGenerator::system()->generate64() | 1u);
        const ntp::NtpTimestamp sent = engine::LocalClock::now();
        socket.writeDatagram(ntp::encode(ntp::makeClientRequest(nonce, 6)), m_chronyd->address(), m_chronyd->port());
        if (!socket.waitForReadyRead(2000))
            return std::nullopt;
        const QNetworkDatagram datagram = socket.receiveDatagram();
        ntp::ReplyContext context;
        context.serverAddress = m_chronyd->address();
        context.serverPort = m_chronyd->port();
        context.request = ntp::OutstandingRequest{nonce, sent, std::nullopt};
        const ntp::ReplyVerdict verdict = ntp::validateReply(datagram.data(), datagram.senderAddress(),
                                                             quint16(datagram.senderPort()), engine::LocalClock::now(),
                                                             context);
        if (!verdict.accepted())
            return std::nullopt;
        return verdict.measurement;
    }

private slots:
    void initTestCase()
    {
        if (testing::ChronydInstance::findChronyd().isEmpty())
            QFAIL("chronyd not found: install chrony or run ./dev.sh test (it unpacks one)");
        QVERIFY2(m_pki.create(), qPrintable(m_pki.errorString()));
        m_kePort = freeTcpPort();
        QVERIFY(m_kePort != 0 && m_kePort != NTS_KE_DEFAULT_PORT);
        QVERIFY(startChronyd());
    }

    void keyExchangeWithChronyd()
    {
        NtsKeClient *client = keyExchange(u"localhost"_s, privateCa());
        QVERIFY2(client->session(), qPrintable(client->failure().detail));
        const NtsKeSession &s = *client->session();
        QCOMPARE(s.aead, AEAD_AES_SIV_CMAC_256);
        QCOMPARE(s.cookies.size(), 8);
        QCOMPARE(s.c2sKey.size(), 32);
        QCOMPARE(s.s2cKey.size(), 32);
        QVERIFY(!(s.c2sKey == s.s2cKey));
        QCOMPARE(s.ntpServer, u"127.0.0.1"_s);        // ntsntpserver → Server Negotiation
        QCOMPARE(s.ntpPort, m_chronyd->port());       // NTP not on 123 → Port Negotiation
        QCOMPARE(s.tlsVersion, u"TLSv1.3"_s);
        QCOMPARE(s.certificate.subject, u"CN=localhost"_s);
        QCOMPARE(s.certificate.issuer, u"CN=Chronoscope Test CA"_s);
        QCOMPARE(s.certificate.chain, (QStringList{u"CN=localhost"_s, u"CN=Chronoscope Test CA"_s}));
        QVERIFY(s.certificate.notAfter > QDateTime::currentDateTimeUtc());
        // A second exchange yields other keys and other cookies.
        NtsKeClient *second = keyExchange(u"localhost"_s, privateCa());
        QVERIFY(second->session());
        QVERIFY(!(second->session()->c2sKey == s.c2sKey));
        QVERIFY(second->session()->cookies.first() != s.cookies.first());
    }

    void untrustedCaIsRefused()
    {
        // Only the system store: our private CA is not in it.
        NtsKeClient *client = keyExchange(u"localhost"_s, NtsTrust{true, {}});
        QVERIFY(!client->session());
        QCOMPARE(client->failure().kind, NtsFailureKind::CertificateUntrusted);
        QVERIFY2(client->failure().detail.contains(u"issuer"_s), qPrintable(client->failure().detail));
        // Another private CA does not vouch for it either.
        testing::NtsTestPki other;
        QVERIFY(other.create());
        client = keyExchange(u"localhost"_s, NtsTrust{false, {other.caCertificate()}});
        QCOMPARE(client->failure().kind, NtsFailureKind::CertificateUntrusted);
        // A CA directory with the right CA works.
        client = keyExchange(u"localhost"_s, NtsTrust{false, {m_pki.directory()}});
        QVERIFY2(client->session(), qPrintable(client->failure().detail));
    }

    void wrongHostNameIsRefused()
    {
        // The certificate names only DNS:localhost; 127.0.0.1 is the same server, another name.
        NtsKeClient *client = keyExchange(u"127.0.0.1"_s, privateCa());
        QVERIFY(!client->session());
        QCOMPARE(client->failure().kind, NtsFailureKind::CertificateName);
        QVERIFY2(client->failure().detail.contains(u"mismatch"_s), qPrintable(client->failure().detail));
        QVERIFY(!ntsFailureText(client->failure().kind).isEmpty());
    }

    void hundredPollsWithCookieTurnover()
    {
        NtsKeClient *client = keyExchange(u"localhost"_s, privateCa());
        QVERIFY(client->session());
        NtsAssociationAuth nts;
        nts.install(*client->session());
        QSet<QByteArray> cookiesUsed;
        int authentic = 0;
        int lost = 0;
        double maxOffsetDifference = 0;
        for (int i = 0; i < 100; ++i) {
            const bool drop = i % 10 == 5;   // a lost reply now and then
            const Poll p = poll(nts, drop);
            QVERIFY2(!p.cookieSent.isEmpty(), qPrintable(p.nts.failure.detail));
            QVERIFY2(!cookiesUsed.contains(p.cookieSent), "a cookie was sent twice");
            cookiesUsed.insert(p.cookieSent);
            if (drop) {
                ++lost;
                continue;
            }
            QVERIFY2(p.nts.outcome == NtsReplyCheck::Outcome::Authentic, qPrintable(p.nts.failure.detail));
            QVERIFY(p.verdict && p.verdict->accepted());
            // After a loss, the request carried a placeholder and the reply two cookies.
            QCOMPARE(p.nts.newCookies, 1 + p.placeholdersSent);
            QCOMPARE(nts.cookiesHeld(), 8);
            // Each offset is within half its round-trip delay of the truth, so the two agree
            // within the sum of the half-delays (plus clock reading precision). On an idle
            // loopback that is tens of µs; on a loaded CI machine delays grow, and so does the bound.
            const std::optional<ntp::Measurement> plain = plainMeasurement();
            QVERIFY(plain);
            const double difference = std::abs(p.verdict->measurement.offset - plain->offset);
            const double bound = (p.verdict->measurement.delay + plain->delay) / 2 + 50e-6;
            QVERIFY2(difference <= bound, qPrintable(u"|NTS - plain| %1 us > bound %2 us"_s.arg(difference * 1e6).arg(bound * 1e6)));
            maxOffsetDifference = std::max(maxOffsetDifference, difference);
            ++authentic;
        }
        QCOMPARE(authentic, 90);
        QCOMPARE(lost, 10);
        QCOMPARE(cookiesUsed.size(), 100);   // 100 distinct cookies: the pool turned over 12 times
        QVERIFY(nts.rejections().isEmpty());
        QVERIFY(!nts.needsKeyExchange());
        qInfo("largest |NTS offset - plain offset| over 90 polls: %.1f us", maxOffsetDifference * 1e6);
    }

    void restartWithNewKeysNakThenRekey()
    {
        NtsKeClient *client = keyExchange(u"localhost"_s, privateCa());
        QVERIFY(client->session());
        NtsAssociationAuth nts;
        nts.install(*client->session());
        QCOMPARE(poll(nts).nts.outcome, NtsReplyCheck::Outcome::Authentic);

        // Same ports, new chronyd process: new server keys, so our cookies mean nothing to it.
        const quint16 ntpPort = m_chronyd->port();
        m_chronyd->stop();
        QVERIFY(startChronyd(ntpPort));
        const Poll nak = poll(nts);
        QCOMPARE(nak.nts.outcome, NtsReplyCheck::Outcome::Nak);
        QVERIFY(nts.needsKeyExchange());
        QCOMPARE(nts.cookiesHeld(), 0);
        NtsFailure refused;
        QVERIFY(!nts.prepareRequest(ntp::makeClientRequest(ntp::NtpTimestamp(7), 6), &refused));
        QCOMPARE(refused.kind, NtsFailureKind::Nak);   // never falls back to plain NTP

        NtsKeClient *again = keyExchange(u"localhost"_s, privateCa());
        QVERIFY2(again->session(), qPrintable(again->failure().detail));
        nts.install(*again->session());
        const Poll after = poll(nts);
        QCOMPARE(after.nts.outcome, NtsReplyCheck::Outcome::Authentic);
        QVERIFY(after.verdict && after.verdict->accepted());
    }
};

QTEST_GUILESS_MAIN(TestNtsInterop)
#include "tst_ntsinterop.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// NTS servers in the engine (issue 14) against a real chronyd NTS server (NtsChronyd: CA made at
// test time, NTS-KE on a non-default port, -x): a check with authenticated samples only; an
// untrusted CA and a wrong host name end the check with their counted reason and no sample; a
// monitor that turns its cookies over, gets a NAK after chronyd restarts with new keys, runs
// NTS-KE again and goes on with authentic samples. Never a plain-NTP fallback: a hostile server
// in chronyd's place (plain replies, wrong unique identifiers, a bad authenticator, a spoofed NAK,
// malformed fields) gets every reply counted under its reason and none used.
#include <QNetworkDatagram>
#include <QRandomGenerator>
#include <QTest>
#include <QUdpSocket>

#include "core/engine/syncengine.h"
#include "core/engine/localclock.h"
#include "core/nts/kerecord.h"
#include "core/nts/ntsextensionfields.h"
#include "core/ntp/ntppacket.h"
#include "tests/fakes/engineharness.h"
#include "tests/interop/ntschronyd.h"

using namespace Qt::StringLiterals;
using chronoscope::engine::AssociationOptions;
using chronoscope::engine::NtsStatus;
using chronoscope::engine::ServerSpec;
using chronoscope::engine::ServerState;
using chronoscope::engine::ServerStatus;
using chronoscope::testing::EngineHarness;

namespace {

constexpr double RUN_LIMIT = 30.0;   // seconds; each run takes one or two

QByteArray describe(const ServerStatus &s)
{
    QStringList rejected;
    for (auto it = s.rejections.cbegin(); it != s.rejections.cend(); ++it)
        rejected << u"%1=%2"_s.arg(it.key()).arg(it.value());
    return u"state %1 (%2), sent %3, accepted %4, authenticated %5, rejected [%6], nts: %7 %8"_s
        .arg(chronoscope::engine::serverStateId(s.state), s.reason)
        .arg(s.requestsSent)
        .arg(s.repliesAccepted)
        .arg(s.authenticatedReplies)
        .arg(rejected.join(u", "_s))
        .arg(s.nts ? chronoscope::engine::ntsKeStateId(s.nts->keState) : u"none"_s,
             s.nts ? s.nts->lastFailureText : QString())
        .toUtf8();
}

QByteArray field(std::uint16_t type, const QByteArray &body)
{
    QByteArray padded = body;
    while (padded.size() % 4 != 0)
        padded.append('\0');
    const qsizetype length = 4 + padded.size();
    QByteArray out;
    out.append(char(type >> 8)).append(char(type & 0xff)).append(char(length >> 8)).append(char(length & 0xff));
    return out + padded;
}

QByteArray randomBytes(int size)
{
    QByteArray bytes(size, '\0');
    for (char &c : bytes)
        c = char(QRandomGenerator::global()->bounded(256));
    return bytes;
}

// Six hostile answers to one NTS request, each from the server's address and port.
QList<QByteArray> hostileReplies(const QByteArray &request)
{
    chronoscope::ntp::Packet reply;
    reply.mode = chronoscope::ntp::Mode::Server;
    reply.stratum = 1;
    reply.receiveTime = chronoscope::engine::LocalClock::now();
    reply.transmitTime = chronoscope::engine::LocalClock::now();
    QByteArray header = chronoscope::ntp::encode(reply);
    header.replace(24, 8, request.mid(40, 8));   // origin = our nonce: every test but NTS passes
    QByteArray uniqueId;
    if (const auto fields = chronoscope::nts::splitExtensionFields(request, 48, 32))
        for (const auto &f : *fields)
            if (f.type == std::uint16_t(chronoscope::nts::NtsFieldType::UniqueIdentifier))
                uniqueId = f.body(request).toByteArray();
    QByteArray nak = header;
    nak[1] = 0;                                   // stratum 0, kiss code NTSN
    nak.replace(12, 4, "NTSN");
    QByteArray authenticator;
    authenticator.append('\0').append(char(16)).append('\0').append(char(32));
    authenticator += randomBytes(16 + 32);
    return {
        header,                                                                   // plain NTP
        header + field(0x0104, randomBytes(32)),                                  // wrong unique id
        header + field(0x0104, uniqueId) + field(0x0404, authenticator),          // bad authenticator
        nak + field(0x0104, randomBytes(32)),                                     // spoofed NAK
        header + QByteArray::fromHex("01040003"),                                 // impossible length
        header + field(0x0104, uniqueId),                                         // no authenticator
    };
}

} // namespace

class TestNtsEngine : public QObject
{
    Q_OBJECT
private:
    chronoscope::testing::NtsChronyd m_server;

    AssociationOptions options(int maxRequests, bool privateCa = true) const
    {
        AssociationOptions o;
        o.maxRequests = maxRequests;
        o.fixedInterval = 0.2;
        o.timeout = 0.5;
        o.ntsTrust = privateCa ? chronoscope::nts::NtsTrust{false, {m_server.caCertificate()}}
                               : chronoscope::nts::NtsTrust{true, {}};
        return o;
    }

    ServerSpec spec(const QString &host = u"localhost"_s) const
    {
        ServerSpec s;
        s.host = host;
        s.nts = true;
        s.ntsPort = m_server.kePort();
        return s;
    }

    static ServerStatus only(const EngineHarness &harness)
    {
        const QList<ServerStatus> servers = harness.servers();
        return servers.isEmpty() ? ServerStatus{} : servers.first();
    }

    void checkRefused(const EngineHarness &harness, const QString &reasonId, const QString &words)
    {
        const ServerStatus s = only(harness);
        QVERIFY2(s.state == ServerState::AuthFailed, describe(s).constData());
        QVERIFY2(s.reason.contains(words), qPrintable(s.reason));
        QCOMPARE(s.requestsSent, 0);   // nothing went out without NTS
        QCOMPARE(s.repliesAccepted, 0);
        QVERIFY(s.nts);
        QCOMPARE(s.nts->keState, NtsStatus::KeState::Failed);
        QCOMPARE(s.nts->lastFailureId, reasonId);
        QCOMPARE(s.nts->keyExchangeFailures, 1);
        QVERIFY(harness.samples().isEmpty());
        QCOMPARE(harness.failures().size(), 1);
        QCOMPARE(harness.failures().first().reasonId, reasonId);
        QVERIFY(!harness.system().synchronized);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    }

    void specOptions()
    {
        const auto parsed = chronoscope::engine::parseServerSpec(u"localhost,nts,ntsport=%1"_s.arg(m_server.kePort()));
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage()));
        QVERIFY(parsed->nts);
        QCOMPARE(parsed->ntsPort, m_server.kePort());
    }

    void checkIsAuthenticated()
    {
        EngineHarness harness(options(4));
        harness.addServer(spec());
        QVERIFY(harness.waitForFinished(RUN_LIMIT));
        const ServerStatus s = only(harness);
        QVERIFY2(s.state == ServerState::SysPeer, describe(s).constData());
        QCOMPARE(s.requestsSent, 4);
        QCOMPARE(s.repliesAccepted, 4);
        QCOMPARE(s.authenticatedReplies, 4);
        QCOMPARE(s.datagramsRejected, 0);
        QCOMPARE(s.port, m_server.ntpPort());   // Port Negotiation, not 123
        QCOMPARE(s.address, u"127.0.0.1"_s);     // Server Negotiation
        QVERIFY(s.nts);
        const NtsStatus &n = *s.nts;
        QCOMPARE(n.keState, NtsStatus::KeState::Established);
        QCOMPARE(n.keHost, u"localhost"_s);
        QCOMPARE(n.kePort, m_server.kePort());
        QCOMPARE(n.ntpServer, u"127.0.0.1"_s);
        QCOMPARE(n.ntpPort, m_server.ntpPort());
        QCOMPARE(n.aead, int(chronoscope::nts::AEAD_AES_SIV_CMAC_256));
        QCOMPARE(n.cookiesHeld, 8);   // each reply replaced the cookie its request used
        QCOMPARE(n.keyExchanges, 1);
        QCOMPARE(n.certificateSubject, u"CN=localhost"_s);
        QCOMPARE(n.certificateIssuer, u"CN=Chronoscope Test CA"_s);
        QVERIFY(n.certificateNotAfter > QDateTime::currentDateTimeUtc());
        QVERIFY(n.lastKeyExchange.isValid());
        QVERIFY(n.rekeyDue > n.lastKeyExchange);
        QVERIFY(harness.system().synchronized);
    }

    void untrustedCaEndsTheCheck()
    {
        EngineHarness harness(options(4, false));
        harness.addServer(spec());
        QVERIFY(harness.waitForFinished(RUN_LIMIT));
        checkRefused(harness, u"nts_certificate_untrusted"_s, u"not trusted"_s);
    }

    void wrongHostNameEndsTheCheck()
    {
        // The certificate names only DNS:localhost.
        EngineHarness harness(options(4));
        harness.addServer(spec(u"127.0.0.1"_s));
        QVERIFY(harness.waitForFinished(RUN_LIMIT));
        checkRefused(harness, u"nts_certificate_name"_s, u"different host name"_s);
    }

    void monitorTurnsCookiesOverAndReKeysAfterNak()
    {
        EngineHarness harness(options(0));
        harness.engine().setOptions([&] {
            AssociationOptions o = options(0);
            o.allowFastPolling = true;
            return o;
        }());
        harness.addServer(spec());
        // 12 polls: more than the 8 cookies of the key exchange, so they turned over.
        QVERIFY2(harness.waitFor([&] { return only(harness).authenticatedReplies >= 12; }, RUN_LIMIT),
                 describe(only(harness)).constData());
        ServerStatus s = only(harness);
        QCOMPARE(s.nts->keyExchanges, 1);
        QCOMPARE(s.nts->cookiesHeld, 8);
        QCOMPARE(s.datagramsRejected, 0);

        QVERIFY2(m_server.restartWithNewKeys(), qPrintable(m_server.errorString()));
        const int before = s.authenticatedReplies;
        QVERIFY2(harness.waitFor([&] {
            const ServerStatus now = only(harness);
            return now.nts->keyExchanges == 2 && now.authenticatedReplies >= before + 3;
        }, RUN_LIMIT), describe(only(harness)).constData());
        s = only(harness);
        QCOMPARE(s.nts->naks, 1);
        QCOMPARE(s.rejections.value(u"nts_nak"_s), 1);
        QCOMPARE(s.nts->lastFailureId, u"nts_nak"_s);
        QCOMPARE(s.nts->keState, NtsStatus::KeState::Established);
        bool nakReported = false;
        for (const auto &f : harness.failures())
            nakReported = nakReported || f.reasonId == u"nts_nak"_s;
        QVERIFY(nakReported);
        // Every accepted reply was authentic.
        QCOMPARE(s.authenticatedReplies, s.repliesAccepted);
        harness.engine().stop();
    }

    void keysAreRenewedOnSchedule()
    {
        // A refresh interval of 1 s: a new key exchange every second, without any NAK.
        AssociationOptions o = options(0);
        o.allowFastPolling = true;
        o.ntsRefreshSeconds = 1;
        EngineHarness harness(o);
        harness.addServer(spec());
        QVERIFY2(harness.waitFor([&] { return only(harness).nts && only(harness).nts->keyExchanges >= 3; }, RUN_LIMIT),
                 describe(only(harness)).constData());
        QVERIFY2(harness.waitFor([&] { return only(harness).authenticatedReplies >= 8; }, RUN_LIMIT),
                 describe(only(harness)).constData());
        harness.engine().stop();
        const ServerStatus s = only(harness);
        QCOMPARE(s.nts->naks, 0);
        QCOMPARE(s.nts->keyExchangeFailures, 0);
        QCOMPARE(s.datagramsRejected, 0);
        QCOMPARE(s.authenticatedReplies, s.repliesAccepted);
        QVERIFY(s.nts->rekeyDue > s.nts->lastKeyExchange);
        QVERIFY(s.nts->lastKeyExchange.secsTo(s.nts->rekeyDue) == 1);
    }

    void hostileServerIsNeverTrusted()
    {
        EngineHarness harness([&] {
            AssociationOptions o = options(0);
            o.allowFastPolling = true;
            return o;
        }());
        harness.addServer(spec());
        QVERIFY2(harness.waitFor([&] { return only(harness).authenticatedReplies >= 2; }, RUN_LIMIT),
                 describe(only(harness)).constData());

        // chronyd goes; a hostile server answers on its NTP port instead.
        const quint16 ntpPort = m_server.ntpPort();
        m_server.stop();
        QUdpSocket hostile;
        QVERIFY(hostile.bind(QHostAddress::LocalHost, ntpPort));
        int requests = 0;
        bool allRequestsNts = true;
        connect(&hostile, &QUdpSocket::readyRead, this, [&] {
            while (hostile.hasPendingDatagrams()) {
                const QNetworkDatagram request = hostile.receiveDatagram();
                ++requests;
                const auto fields = chronoscope::nts::splitExtensionFields(request.data(), 48, 32);
                allRequestsNts = allRequestsNts && fields && fields->size() >= 3;   // unique id, cookie, authenticator
                for (const QByteArray &reply : hostileReplies(request.data()))
                    hostile.writeDatagram(reply, request.senderAddress(), quint16(request.senderPort()));
            }
        });
        // Counting starts once the hostile server has its first request (chronyd is gone then).
        QVERIFY2(harness.waitFor([&] { return requests >= 1; }, RUN_LIMIT), describe(only(harness)).constData());
        const ServerStatus before = only(harness);
        const int requestsBefore = requests;
        // Four more: fewer than the cookies held, so no key exchange is due.
        QVERIFY2(harness.waitFor([&] { return only(harness).timeouts >= before.timeouts + 4; }, RUN_LIMIT),
                 describe(only(harness)).constData());
        harness.engine().stop();
        const ServerStatus s = only(harness);
        QVERIFY(allRequestsNts);
        QCOMPARE(s.repliesAccepted, before.repliesAccepted);   // nothing hostile became a sample
        QCOMPARE(s.authenticatedReplies, before.authenticatedReplies);
        QCOMPARE(s.nts->naks, 0);                              // the spoofed NAK did not count
        QCOMPARE(s.nts->keyExchanges, 1);                      // ...and forced no new key exchange
        // Every answer was counted under its reason: each request that timed out since `before`
        // had its six answers rejected (the one in flight at `before` maybe partly earlier).
        const int completed = s.timeouts - before.timeouts;
        const int sent = requests - requestsBefore + 1;
        const auto within = [&](const QString &id, int perRequest) {
            const int n = s.rejections.value(id) - before.rejections.value(id);
            return n >= (completed - 1) * perRequest && n <= sent * perRequest;
        };
        QVERIFY2(within(u"nts_unique_id_mismatch"_s, 3), describe(s).constData());   // plain, wrong id, spoofed NAK
        QVERIFY2(within(u"nts_bad_authenticator"_s, 1), describe(s).constData());
        QVERIFY2(within(u"nts_malformed_fields"_s, 1), describe(s).constData());
        QVERIFY2(within(u"nts_missing_authenticator"_s, 1), describe(s).constData());
        // ...and under no other reason.
        QCOMPARE(s.datagramsRejected, s.rejections.value(u"nts_unique_id_mismatch"_s)
                                          + s.rejections.value(u"nts_bad_authenticator"_s)
                                          + s.rejections.value(u"nts_malformed_fields"_s)
                                          + s.rejections.value(u"nts_missing_authenticator"_s));
        QVERIFY2(harness.failures().last().detail.contains(u"only invalid replies"_s),
                 qPrintable(harness.failures().last().detail));

        hostile.close();
        QVERIFY2(m_server.restartWithNewKeys(), qPrintable(m_server.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestNtsEngine)
#include "tst_ntsengine.moc"

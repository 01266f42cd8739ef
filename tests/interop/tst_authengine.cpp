// SPDX-License-Identifier: GPL-3.0-or-later
// Authenticated exchanges through the public SyncEngine API against the programmable fake server:
// requests carry key id ‖ MAC; authentic replies are samples; replies that fail authentication
// (no MAC, other key, bad MAC, crypto-NAK) or never come end as auth_failed, counted with their
// reason, and never reach the filter or selection. Secrets never appear in logs or JSON.
#include <cmath>

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>
#include <QTest>

#include "core/auth/macalgorithm.h"
#include "core/engine/syncengine.h"
#include "core/ntp/packetmac.h"
#include "core/report/statusjson.h"
#include "tests/fakes/engineharness.h"
#include "tests/fakes/fakentpserver.h"

using namespace Qt::StringLiterals;
using chronoscope::auth::KeyType;
using chronoscope::auth::SecretBytes;
using chronoscope::auth::SymmetricKey;
using chronoscope::engine::AssociationOptions;
using chronoscope::engine::ServerSpec;
using chronoscope::engine::ServerState;
using chronoscope::engine::ServerStatus;
using chronoscope::testing::EngineHarness;
using chronoscope::testing::FakeNtpServer;

Q_DECLARE_METATYPE(chronoscope::auth::KeyType)

namespace {

constexpr double RUN_LIMIT = 20.0; // seconds; each run below takes about one

// A printable secret, so that a leak would show up in any text form.
const QByteArray SECRET = "Tulip-Garden-Secret!";

SymmetricKey testKey(std::uint32_t id = 42, KeyType type = KeyType::Sha1, QByteArray secret = SECRET)
{
    SymmetricKey key;
    key.id = id;
    key.type = type;
    key.secret = SecretBytes(std::move(secret));
    return key;
}

AssociationOptions fastCheck()
{
    AssociationOptions options;
    options.maxRequests = 4;
    options.fixedInterval = 0.1;
    options.timeout = 0.25;
    return options;
}

ServerSpec specFor(const FakeNtpServer &server, std::uint32_t keyId)
{
    ServerSpec spec = EngineHarness::specFor(server.address(), server.port());
    spec.keyId = keyId;
    return spec;
}

// The fake server signs its replies with `key` (as chronyd does with a shared key).
FakeNtpServer::ReplyTransform signingWith(const SymmetricKey &key)
{
    return [key](const QByteArray &reply, const chronoscope::ntp::Packet &) {
        return *chronoscope::ntp::appendMac(reply, key);
    };
}

QByteArray describe(const ServerStatus &s)
{
    QStringList rejected;
    for (auto it = s.rejections.cbegin(); it != s.rejections.cend(); ++it)
        rejected << u"%1=%2"_s.arg(it.key()).arg(it.value());
    return u"state %1 (%2), sent %3, accepted %4, authenticated %5, timeouts %6, rejected [%7]"_s
        .arg(chronoscope::engine::serverStateId(s.state), s.reason)
        .arg(s.requestsSent)
        .arg(s.repliesAccepted)
        .arg(s.authenticatedReplies)
        .arg(s.timeouts)
        .arg(rejected.join(u", "_s))
        .toUtf8();
}

// Every message any logging category prints while a test runs.
QMutex s_logMutex;
QStringList s_log;
QtMessageHandler s_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&s_logMutex);
        s_log.append(QString::fromLatin1(context.category ? context.category : "") + u": "_s + message);
    }
    if (type != QtDebugMsg && s_previousHandler)
        s_previousHandler(type, context, message);
}

} // namespace

class TestAuthEngine : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void authenticatedExchange_data();
    void authenticatedExchange();
    void requestsCarryKeyIdAndMac();
    void failingReplies_data();
    void failingReplies();
    void silenceIsLikelyAWrongKey();
    void missingKeySendsNothing();
    void failedServerNeverFeedsSelection();
    void secretsNeverInLogsOrJson();

private:
    static void checkNeverASample(const ServerStatus &s, const EngineHarness &harness);
};

void TestAuthEngine::init()
{
    QLoggingCategory::setFilterRules(u"*.debug=true"_s);
    QMutexLocker lock(&s_logMutex);
    s_log.clear();
}

void TestAuthEngine::authenticatedExchange_data()
{
    QTest::addColumn<KeyType>("type");
    QTest::addColumn<QByteArray>("secret");
    QTest::newRow("md5") << KeyType::Md5 << SECRET;
    QTest::newRow("sha1") << KeyType::Sha1 << SECRET;
    QTest::newRow("sha256") << KeyType::Sha256 << SECRET;
    QTest::newRow("aes128-cmac") << KeyType::Aes128Cmac << SECRET.left(16);
    QTest::newRow("aes256-cmac") << KeyType::Aes256Cmac << QByteArray(SECRET + SECRET).left(32);
}

void TestAuthEngine::authenticatedExchange()
{
    QFETCH(KeyType, type);
    QFETCH(QByteArray, secret);
    const SymmetricKey key = testKey(7, type, secret);
    FakeNtpServer server;
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    server.setReplyTransform(signingWith(key));
    EngineHarness harness(fastCheck());
    harness.engine().setKeys({key});
    harness.addServer(specFor(server, key.id));
    QVERIFY(harness.waitForFinished(RUN_LIMIT));
    const ServerStatus s = *harness.server(server.address(), server.port());
    QVERIFY2(s.state == ServerState::SysPeer, describe(s).constData());
    QCOMPARE(s.repliesAccepted, 4);
    QCOMPARE(s.authenticatedReplies, 4);
    QCOMPARE(s.keyId, 7u);
    QVERIFY(s.authType.has_value());
    QCOMPARE(*s.authType, type);
    const QJsonObject json = chronoscope::report::serverToJson(s);
    QCOMPARE(json[u"auth"_s].toString(), chronoscope::auth::keyTypeId(type));
    QCOMPARE(json[u"key_id"_s].toInt(), 7);
    QVERIFY(harness.system().synchronized);
}

void TestAuthEngine::requestsCarryKeyIdAndMac()
{
    const SymmetricKey key = testKey(4242, KeyType::Aes128Cmac, QByteArray::fromHex("7EA62AE64D190114D46D5A082F948EC1"));
    FakeNtpServer server;
    server.setReplyTransform(signingWith(key));
    EngineHarness harness(fastCheck());
    harness.engine().setKeys({key});
    harness.addServer(specFor(server, key.id));
    QVERIFY(harness.waitForFinished(RUN_LIMIT));
    QCOMPARE(server.requests().size(), 4);
    for (const auto &request : server.requests()) {
        QCOMPARE(request.datagram.size(), 48 + 4 + 16);
        const auto packet = chronoscope::ntp::decode(request.datagram);
        QVERIFY(packet.ok());
        QCOMPARE(packet->mac->keyId, 4242u);
        QVERIFY(chronoscope::auth::verifyWireMac(key.type, key.secret.reveal(), request.datagram.left(48),
                                                 packet->mac->digest));
    }
}

void TestAuthEngine::checkNeverASample(const ServerStatus &s, const EngineHarness &harness)
{
    QVERIFY2(s.state == ServerState::AuthFailed, describe(s).constData());
    QCOMPARE(chronoscope::engine::serverStateId(s.state), u"auth_failed"_s);
    QCOMPARE(s.repliesAccepted, 0);
    QCOMPARE(s.authenticatedReplies, 0);
    QVERIFY(!s.hasSample());
    QVERIFY(!s.lastMeasurement.has_value());
    QVERIFY(!harness.system().synchronized);
    QVERIFY(!harness.system().offset.has_value());
    QVERIFY2(harness.samples().isEmpty(), "an unauthenticated reply became a sample");
}

void TestAuthEngine::failingReplies_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("reasonId");
    QTest::addColumn<QString>("reasonText");
    QTest::newRow("unsigned") << 0 << u"auth_missing"_s << u"reply without a MAC"_s;
    QTest::newRow("other key id") << 1 << u"auth_key_mismatch"_s << u"key 43, we sent key 42"_s;
    QTest::newRow("wrong secret") << 2 << u"auth_bad_mac"_s << u"does not verify with key 42"_s;
    QTest::newRow("crypto-NAK") << 3 << u"crypto_nak"_s << u"crypto-NAK"_s;
}

void TestAuthEngine::failingReplies()
{
    QFETCH(int, mode);
    QFETCH(QString, reasonId);
    QFETCH(QString, reasonText);
    const SymmetricKey key = testKey();
    FakeNtpServer server;
    switch (mode) {
    case 1: server.setReplyTransform(signingWith(testKey(43))); break;
    case 2: server.setReplyTransform(signingWith(testKey(42, KeyType::Sha1, "another-secret-value"))); break;
    case 3:
        server.setReplyTransform([](const QByteArray &reply, const chronoscope::ntp::Packet &) {
            return reply + QByteArray(4, '\0');
        });
        break;
    default: break; // replies go out without a MAC
    }
    server.setClockOffset(3.0); // a sample would be obvious
    EngineHarness harness(fastCheck());
    harness.engine().setKeys({key});
    harness.addServer(specFor(server, key.id));
    QVERIFY(harness.waitForFinished(RUN_LIMIT));
    const ServerStatus s = *harness.server(server.address(), server.port());
    checkNeverASample(s, harness);
    QCOMPARE(s.requestsSent, 4);
    QCOMPARE(s.rejections.value(reasonId), 4);
    QVERIFY2(s.reason.contains(reasonText), qPrintable(s.reason));
    const QJsonObject json = chronoscope::report::serverToJson(s);
    QCOMPARE(json[u"state"_s].toString(), u"auth_failed"_s);
    QCOMPARE(json[u"offset"_s].type(), QJsonValue::Null);
    bool counted = false;
    for (const QJsonValue &error : json[u"errors"_s].toArray())
        counted = counted || (error[u"reason"_s].toString() == reasonId && error[u"count"_s].toInt() == 4);
    QVERIFY2(counted, QJsonDocument(json).toJson().constData());
    if (mode == 3) {
        // A crypto-NAK answers the request: reachable, but the server will not use our key.
        QVERIFY(s.reach != 0);
        QCOMPARE(s.timeouts, 0);
    }
}

void TestAuthEngine::silenceIsLikelyAWrongKey()
{
    // chronyd and ntpd send nothing at all when they do not know the key or the MAC fails.
    FakeNtpServer server;
    server.dropNextRequests(1000);
    const SymmetricKey key = testKey();
    EngineHarness harness(fastCheck());
    harness.engine().setKeys({key});
    harness.addServer(specFor(server, key.id));
    QVERIFY(harness.waitForFinished(RUN_LIMIT));
    const ServerStatus s = *harness.server(server.address(), server.port());
    checkNeverASample(s, harness);
    QCOMPARE(s.timeouts, 4);
    QVERIFY2(s.reason.contains(u"key is likely wrong or unknown to the server"_s), qPrintable(s.reason));
    QVERIFY(s.reason.contains(u"key 42"_s));
}

void TestAuthEngine::missingKeySendsNothing()
{
    FakeNtpServer server;
    EngineHarness harness(fastCheck());
    harness.addServer(specFor(server, 77)); // no setKeys: key 77 is unknown
    QVERIFY(harness.waitForFinished(RUN_LIMIT));
    harness.runFor(0.2);
    const ServerStatus s = *harness.server(server.address(), server.port());
    checkNeverASample(s, harness);
    QVERIFY2(s.reason.contains(u"key 77 is not in the key store"_s), qPrintable(s.reason));
    QCOMPARE(server.requests().size(), 0); // never falls back to unauthenticated requests
    QCOMPARE(chronoscope::report::serverToJson(s)[u"auth"_s].type(), QJsonValue::Null);
}

void TestAuthEngine::failedServerNeverFeedsSelection()
{
    // A trusted (authenticated) server at the true time, and one 5 s off whose replies fail
    // authentication: the system follows the first alone.
    const SymmetricKey key = testKey();
    FakeNtpServer good;
    good.setReplyTransform(signingWith(key));
    FakeNtpServer forged;
    forged.setClockOffset(5.0);
    forged.setReplyTransform(signingWith(testKey(42, KeyType::Sha1, "forged-secret-value!")));
    EngineHarness harness(fastCheck());
    harness.engine().setKeys({key});
    harness.addServer(specFor(good, key.id));
    harness.addServer(specFor(forged, key.id));
    QVERIFY(harness.waitForFinished(RUN_LIMIT));
    const ServerStatus g = *harness.server(good.address(), good.port());
    const ServerStatus f = *harness.server(forged.address(), forged.port());
    QVERIFY2(g.state == ServerState::SysPeer, describe(g).constData());
    QVERIFY2(f.state == ServerState::AuthFailed, describe(f).constData());
    QVERIFY(!f.hasSample());
    QCOMPARE(harness.system().survivors, 1);
    QVERIFY(harness.system().synchronized);
    QVERIFY(std::abs(*harness.system().offset) < 0.05);
    for (const auto &sample : harness.samples())
        QVERIFY(sample.serverName != f.name);
}

void TestAuthEngine::secretsNeverInLogsOrJson()
{
    s_previousHandler = qInstallMessageHandler(captureMessage);
    const SymmetricKey key = testKey(42, KeyType::Md5);
    FakeNtpServer good;
    good.setReplyTransform(signingWith(key));
    FakeNtpServer bad;
    bad.setReplyTransform(signingWith(testKey(42, KeyType::Md5, "other-secret-here")));
    EngineHarness harness(fastCheck());
    harness.engine().setKeys({key});
    harness.addServer(specFor(good, key.id));
    harness.addServer(specFor(bad, key.id));
    ServerSpec missing = specFor(good, 99);
    harness.addServer(missing);
    QVERIFY(harness.waitForFinished(RUN_LIMIT));
    qDebug() << "the key as the code would log it:" << key.secret;
    qInstallMessageHandler(s_previousHandler);

    QString text;
    {
        QMutexLocker lock(&s_logMutex);
        text = s_log.join(u'\n');
    }
    QVERIFY2(text.contains(u"SecretBytes(20 bytes)"_s), "the capture did not work");
    const QByteArray json = QJsonDocument(chronoscope::report::checkReportToJson(harness.servers(), harness.system())).toJson();
    QByteArray events;
    for (const auto &sample : harness.samples())
        events += QJsonDocument(chronoscope::report::acceptedSampleToJson(sample)).toJson();
    for (const auto &failure : harness.failures())
        events += QJsonDocument(chronoscope::report::requestOutcomeToJson(failure)).toJson();
    for (const auto &summary : harness.rejectionSummaries())
        events += QJsonDocument(chronoscope::report::rejectionSummaryToJson(summary)).toJson();
    QVERIFY(json.contains("\"auth\": \"md5\""));
    for (const QByteArray &form : {SECRET, SECRET.toHex(), SECRET.toHex().toUpper(), QByteArray("Tulip-Garden"),
                                   QByteArray("other-secret")}) {
        QVERIFY2(!text.toUtf8().contains(form), form.constData());
        QVERIFY2(!json.contains(form), form.constData());
        QVERIFY2(!events.contains(form), form.constData());
    }
}

QTEST_GUILESS_MAIN(TestAuthEngine)
#include "tst_authengine.moc"

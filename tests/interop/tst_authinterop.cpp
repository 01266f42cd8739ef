// SPDX-License-Identifier: GPL-3.0-or-later
// Authenticated exchanges with a real chronyd on loopback that reads a key file Chronoscope wrote:
// MD5, SHA1, AES128-CMAC and AES256-CMAC (and SHA256, truncated to 20 bytes) are accepted; a
// wrong secret and an unknown key id get no authenticated reply and end as auth_failed, never
// as a sample.
#include <memory>

#include <QTemporaryDir>
#include <QTest>

#include "core/auth/keyfileio.h"
#include "core/auth/keyfilewriter.h"
#include "core/auth/keygenerator.h"
#include "core/engine/syncengine.h"
#include "tests/fakes/engineharness.h"
#include "tests/interop/chronydinstance.h"

using namespace Qt::StringLiterals;
using chronoscope::auth::KeyType;
using chronoscope::auth::SymmetricKey;
using chronoscope::engine::AssociationOptions;
using chronoscope::engine::ServerSpec;
using chronoscope::engine::ServerState;
using chronoscope::engine::ServerStatus;
using chronoscope::testing::ChronydInstance;
using chronoscope::testing::EngineHarness;

Q_DECLARE_METATYPE(chronoscope::auth::KeyType)

namespace {

constexpr double RUN_LIMIT = 30.0; // seconds

AssociationOptions checkOptions()
{
    AssociationOptions options;
    options.maxRequests = 4;
    options.fixedInterval = 0.2;
    options.timeout = 0.5;
    return options;
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

} // namespace

class TestAuthInterop : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void acceptedByChronyd_data();
    void acceptedByChronyd();
    void wrongSecretIsAuthFailed();
    void unknownKeyIdIsAuthFailed();

private:
    ServerStatus runCheck(const SymmetricKey &key, EngineHarness *harness);

    QTemporaryDir m_dir;
    QList<SymmetricKey> m_keys;   // what chronyd knows, ids 1–5
    std::unique_ptr<ChronydInstance> m_chronyd;
};

void TestAuthInterop::initTestCase()
{
    QVERIFY2(!ChronydInstance::findChronyd().isEmpty(), "chronyd not found in PATH, /usr/sbin or /sbin: install chrony");
    std::uint32_t id = 1;
    for (KeyType type : chronoscope::auth::ALL_KEY_TYPES) {
        const auto key = chronoscope::auth::generateKey(id++, type);
        QVERIFY2(key.ok(), qPrintable(key.errorMessage()));
        m_keys.append(*key);
    }
    // chronyd reads the key file exactly as Chronoscope exports it.
    const auto file = chronoscope::auth::writeKeyFile(m_keys, chronoscope::auth::KeyFileFormat::Chrony);
    QVERIFY(file.ok());
    const QString path = m_dir.filePath(u"chrony.keys"_s);
    QVERIFY(!chronoscope::auth::writePrivateFile(path, *file).has_value());
    m_chronyd = std::make_unique<ChronydInstance>();
    m_chronyd->setExtraConfig(u"keyfile %1\n"_s.arg(path));
    QVERIFY2(m_chronyd->start(), qPrintable(m_chronyd->errorString()));
}

void TestAuthInterop::cleanupTestCase()
{
    m_chronyd.reset();
}

ServerStatus TestAuthInterop::runCheck(const SymmetricKey &key, EngineHarness *harness)
{
    harness->engine().setKeys({key});
    ServerSpec spec = m_chronyd->serverSpec();
    spec.keyId = key.id;
    harness->addServer(spec);
    if (!harness->waitForFinished(RUN_LIMIT))
        qWarning("engine did not finish within %.0f s", RUN_LIMIT);
    const std::optional<ServerStatus> s = harness->server(m_chronyd->address(), m_chronyd->port());
    return s ? *s : ServerStatus{};
}

void TestAuthInterop::acceptedByChronyd_data()
{
    QTest::addColumn<KeyType>("type");
    for (KeyType type : chronoscope::auth::ALL_KEY_TYPES)
        QTest::newRow(qPrintable(chronoscope::auth::keyTypeId(type))) << type;
}

void TestAuthInterop::acceptedByChronyd()
{
    QFETCH(KeyType, type);
    const SymmetricKey &key = m_keys[int(type)];
    QCOMPARE(key.type, type);
    EngineHarness harness(checkOptions());
    const ServerStatus s = runCheck(key, &harness);
    QVERIFY2(s.state == ServerState::SysPeer, describe(s).constData());
    QCOMPARE(s.requestsSent, 4);
    QCOMPARE(s.repliesAccepted, 4);
    QCOMPARE(s.authenticatedReplies, 4);
    QVERIFY(s.rejections.isEmpty());
    QVERIFY(std::abs(s.filter->offset) < 0.001);
    QVERIFY(harness.system().synchronized);
}

void TestAuthInterop::wrongSecretIsAuthFailed()
{
    SymmetricKey wrong = m_keys[int(KeyType::Aes128Cmac)];
    const auto other = chronoscope::auth::generateKey(wrong.id, wrong.type);
    QVERIFY(other.ok());
    wrong.secret = other->secret;
    EngineHarness harness(checkOptions());
    const ServerStatus s = runCheck(wrong, &harness);
    QVERIFY2(s.state == ServerState::AuthFailed, describe(s).constData());
    QCOMPARE(s.requestsSent, 4);
    QCOMPARE(s.repliesAccepted, 0);
    QCOMPARE(s.authenticatedReplies, 0);
    QCOMPARE(s.timeouts, 4); // chronyd stays silent
    QVERIFY(!s.hasSample());
    QVERIFY2(s.reason.contains(u"likely wrong or unknown"_s), qPrintable(s.reason));
    QVERIFY(!harness.system().synchronized);
    QVERIFY(harness.samples().isEmpty());
}

void TestAuthInterop::unknownKeyIdIsAuthFailed()
{
    const auto unknown = chronoscope::auth::generateKey(999, KeyType::Sha1);
    QVERIFY(unknown.ok());
    EngineHarness harness(checkOptions());
    const ServerStatus s = runCheck(*unknown, &harness);
    QVERIFY2(s.state == ServerState::AuthFailed, describe(s).constData());
    QCOMPARE(s.repliesAccepted, 0);
    QCOMPARE(s.timeouts, 4);
    QVERIFY(!s.hasSample());
    QVERIFY2(s.reason.contains(u"key 999"_s), qPrintable(s.reason));
    QVERIFY(!harness.system().synchronized);
}

QTEST_GUILESS_MAIN(TestAuthInterop)
#include "tst_authinterop.moc"

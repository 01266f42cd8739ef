// SPDX-License-Identifier: GPL-3.0-or-later
// The real chronoscope-cli: `keys generate|list|import|export|delete`, and `check --key` /
// `check --keys FILE --key ID` against a real chronyd given the exported key file. Secrets never
// reach stderr or JSON, and list shows them only with --show-secrets.
#include <memory>

#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "core/auth/keyfileio.h"
#include "core/auth/keyfileparser.h"
#include "tests/interop/chronydinstance.h"

using namespace Qt::StringLiterals;
using chronoscope::testing::ChronydInstance;

namespace {

constexpr double PROCESS_LIMIT = 60.0; // seconds before a run counts as hung

struct CliRun
{
    bool finished = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

QByteArray describe(const CliRun &run)
{
    return "exit " + QByteArray::number(run.exitCode) + (run.finished ? "" : " (hung)") + "\nstdout:\n" + run.out
        + "\nstderr:\n" + run.err;
}

QJsonObject parseObject(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

} // namespace

class TestCliKeys : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void generateListExport();
    void checkWithStoreKey();
    void checkWithNtpFormatKeyFile();
    void checkWithWrongSecret();
    void checkWithKeyUnknownToServer();
    void monitorJsonHasNoSecret();
    void keyErrorsAreUsageErrors_data();
    void keyErrorsAreUsageErrors();
    void importReportsLinesAndNeedsConsent();
    void deleteKey();

private:
    CliRun run(const QStringList &arguments) const;
    QByteArray storeSecretHex(quint32 id) const;
    void verifyNoSecret(const CliRun &run, bool allowInStdout = false) const;

    QTemporaryDir m_dir;
    QString m_store;
    std::unique_ptr<ChronydInstance> m_chronyd;
    quint32 m_keyId = 0;        // AES128 key known to chronyd
    quint32 m_unknownId = 0;    // in our store, not in chronyd's file
};

CliRun TestCliKeys::run(const QStringList &arguments) const
{
    CliRun result;
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"CHRONOSCOPE_KEY_STORE"_s, m_store);
    process.setProcessEnvironment(environment);
    process.setProgram(qEnvironmentVariable("CHRONOSCOPE_CLI"));
    process.setArguments(arguments);
    process.setWorkingDirectory(m_dir.path());
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(std::chrono::milliseconds(qint64(PROCESS_LIMIT * 1000)), &loop, &QEventLoop::quit);
    process.start();
    if (process.waitForStarted(10000))
        loop.exec();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
    } else {
        result.finished = process.exitStatus() == QProcess::NormalExit;
    }
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QByteArray TestCliKeys::storeSecretHex(quint32 id) const
{
    QFile file(m_store);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const auto contents = chronoscope::auth::parseKeyFile(file.readAll(), m_store, chronoscope::auth::KeyFileFormat::Chrony);
    const auto *key = contents.find(id);
    return key ? key->secret.reveal().toHex() : QByteArray();
}

void TestCliKeys::verifyNoSecret(const CliRun &result, bool allowInStdout) const
{
    for (quint32 id : {m_keyId, m_unknownId}) {
        const QByteArray hex = storeSecretHex(id);
        QVERIFY(!hex.isEmpty());
        for (const QByteArray &form : {hex, hex.toUpper()}) {
            QVERIFY2(!result.err.contains(form), describe(result).constData());
            if (!allowInStdout)
                QVERIFY2(!result.out.contains(form), describe(result).constData());
        }
    }
}

void TestCliKeys::initTestCase()
{
    QVERIFY2(QFileInfo(qEnvironmentVariable("CHRONOSCOPE_CLI")).isExecutable(), "CHRONOSCOPE_CLI is not set");
    QVERIFY2(!ChronydInstance::findChronyd().isEmpty(), "chronyd not found: install chrony");
    m_store = m_dir.filePath(u"config/chronoscope/keys"_s);

    const CliRun first = run({u"keys"_s, u"generate"_s, u"--label"_s, u"loopback chronyd"_s});
    QVERIFY2(first.exitCode == 0, describe(first).constData());
    QVERIFY(first.out.contains("Generated key 1 (AES128, 16 bytes)"));
    m_keyId = 1;
    const CliRun second = run({u"keys"_s, u"generate"_s, u"--type"_s, u"sha1"_s, u"--id"_s, u"20"_s});
    QVERIFY2(second.exitCode == 0, describe(second).constData());
    m_unknownId = 20;
    verifyNoSecret(first);
    verifyNoSecret(second);

    // The server gets key 1 only, exported in chrony format.
    const QString serverKeys = m_dir.filePath(u"server.keys"_s);
    const CliRun exported = run({u"keys"_s, u"export"_s, serverKeys, u"--id"_s, u"1"_s});
    QVERIFY2(exported.exitCode == 0, describe(exported).constData());
    m_chronyd = std::make_unique<ChronydInstance>();
    m_chronyd->setExtraConfig(u"keyfile %1\n"_s.arg(serverKeys));
    QVERIFY2(m_chronyd->start(), qPrintable(m_chronyd->errorString()));
}

void TestCliKeys::cleanupTestCase()
{
    m_chronyd.reset();
}

void TestCliKeys::generateListExport()
{
    QVERIFY(chronoscope::auth::checkPrivatePermissions(m_store) == std::nullopt);

    const CliRun list = run({u"keys"_s, u"list"_s});
    QVERIFY2(list.exitCode == 0, describe(list).constData());
    QVERIFY(list.out.contains("loopback chronyd"));
    QVERIFY(list.out.contains("AES128"));
    QVERIFY(list.out.contains("secrets hidden"));
    verifyNoSecret(list);

    const CliRun json = run({u"keys"_s, u"list"_s, u"--json"_s});
    QVERIFY2(json.exitCode == 0, describe(json).constData());
    const QJsonObject document = parseObject(json.out);
    QCOMPARE(document[u"keys"_s].toArray().size(), 2);
    QCOMPARE(document[u"keys"_s].toArray()[0][u"type"_s].toString(), u"aes128-cmac"_s);
    QCOMPARE(document[u"keys"_s].toArray()[0][u"bytes"_s].toInt(), 16);
    verifyNoSecret(json);

    // Only when asked explicitly.
    const CliRun shown = run({u"keys"_s, u"list"_s, u"--show-secrets"_s});
    QVERIFY2(shown.exitCode == 0, describe(shown).constData());
    QVERIFY(shown.out.contains(QByteArray("HEX:" + storeSecretHex(m_keyId).toUpper())));
    verifyNoSecret(shown, true);

    // export -: a ready chrony key file on stdout; export FILE: mode 0600.
    const CliRun toStdout = run({u"keys"_s, u"export"_s, u"-"_s, u"--format"_s, u"ntp"_s});
    QVERIFY2(toStdout.exitCode == 0, describe(toStdout).constData());
    QVERIFY(toStdout.out.contains(QByteArray("1 AES128CMAC " + storeSecretHex(m_keyId))));
    const QString file = m_dir.filePath(u"all.keys"_s);
    const CliRun toFile = run({u"keys"_s, u"export"_s, file});
    QVERIFY2(toFile.exitCode == 0, describe(toFile).constData());
    QVERIFY(!chronoscope::auth::checkPrivatePermissions(file).has_value());
    verifyNoSecret(toFile);
}

void TestCliKeys::checkWithStoreKey()
{
    const CliRun result = run({u"check"_s, u"--json"_s, u"--samples"_s, u"3"_s, u"--interval"_s, u"0.2"_s,
                               u"--key"_s, QString::number(m_keyId), m_chronyd->endpoint()});
    QVERIFY2(result.exitCode == 0, describe(result).constData());
    const QJsonObject server = parseObject(result.out)[u"servers"_s].toArray().at(0).toObject();
    QCOMPARE(server[u"state"_s].toString(), u"sys_peer"_s);
    QCOMPARE(server[u"auth"_s].toString(), u"aes128-cmac"_s);
    QCOMPARE(server[u"key_id"_s].toInt(), int(m_keyId));
    QCOMPARE(server[u"samples_received"_s].toInt(), 3);
    verifyNoSecret(result);
}

void TestCliKeys::checkWithNtpFormatKeyFile()
{
    // The same key in an ntpd/ntpsec key file, handed over with --keys.
    const QString file = m_dir.filePath(u"ntp.keys"_s);
    QVERIFY(!chronoscope::auth::writePrivateFile(file, "# ntp.keys\n1 AES128CMAC " + storeSecretHex(m_keyId) + "\n")
                 .has_value());
    const CliRun result = run({u"check"_s, u"--json"_s, u"--samples"_s, u"2"_s, u"--interval"_s, u"0.2"_s,
                               u"--keys"_s, file, u"--key"_s, u"1"_s, m_chronyd->endpoint()});
    QVERIFY2(result.exitCode == 0, describe(result).constData());
    const QJsonObject server = parseObject(result.out)[u"servers"_s].toArray().at(0).toObject();
    QCOMPARE(server[u"state"_s].toString(), u"sys_peer"_s);
    QCOMPARE(server[u"auth"_s].toString(), u"aes128-cmac"_s);
}

void TestCliKeys::checkWithWrongSecret()
{
    const QString file = m_dir.filePath(u"wrong.keys"_s);
    QVERIFY(!chronoscope::auth::writePrivateFile(file, "1 AES128 HEX:000102030405060708090A0B0C0D0E0F\n").has_value());
    const CliRun result = run({u"check"_s, u"--json"_s, u"--samples"_s, u"2"_s, u"--interval"_s, u"0.2"_s,
                               u"--timeout"_s, u"0.5"_s, u"--keys"_s, file, u"--key"_s, u"1"_s, m_chronyd->endpoint()});
    QVERIFY2(result.exitCode == 1, describe(result).constData());
    const QJsonObject document = parseObject(result.out);
    const QJsonObject server = document[u"servers"_s].toArray().at(0).toObject();
    QCOMPARE(server[u"state"_s].toString(), u"auth_failed"_s);
    QVERIFY2(server[u"reason"_s].toString().contains(u"likely wrong or unknown"_s), describe(result).constData());
    QCOMPARE(server[u"offset"_s].type(), QJsonValue::Null);
    QCOMPARE(server[u"samples_received"_s].toInt(), 0);
    QCOMPARE(document[u"system"_s][u"synchronized"_s].toBool(), false);
    QVERIFY(!result.out.contains("000102030405060708090"));
}

void TestCliKeys::checkWithKeyUnknownToServer()
{
    const CliRun result = run({u"check"_s, u"--samples"_s, u"2"_s, u"--interval"_s, u"0.2"_s, u"--timeout"_s, u"0.5"_s,
                               m_chronyd->endpoint() + u",key="_s + QString::number(m_unknownId)});
    QVERIFY2(result.exitCode == 1, describe(result).constData());
    QVERIFY2(result.out.contains("auth_failed"), describe(result).constData());
    QVERIFY(result.out.contains("key 20"));
    verifyNoSecret(result);
}

void TestCliKeys::monitorJsonHasNoSecret()
{
    const CliRun result = run({u"monitor"_s, u"--json"_s, u"--interval"_s, u"0.2"_s, u"--duration"_s, u"1.2"_s,
                               u"--key"_s, QString::number(m_keyId), m_chronyd->endpoint()});
    QVERIFY2(result.exitCode == 0, describe(result).constData());
    int accepted = 0;
    for (const QByteArray &line : result.out.split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonObject o = parseObject(line);
        QVERIFY2(!o.isEmpty(), line.constData());
        if (o[u"type"_s] == u"sample"_s && o[u"accepted"_s].toBool())
            ++accepted;
    }
    QVERIFY2(accepted >= 2, describe(result).constData());
    verifyNoSecret(result);
}

void TestCliKeys::keyErrorsAreUsageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("key not in store") << QStringList{u"check"_s, u"--key"_s, u"77"_s, u"127.0.0.1"_s}
                                      << u"key 77 is not in the key store"_s;
    QTest::newRow("key not in file") << QStringList{u"check"_s, u"--keys"_s, u"wrong.keys"_s, u"--key"_s, u"9"_s,
                                                    u"127.0.0.1"_s}
                                     << u"key 9 is not in wrong.keys (valid keys there: 1)"_s;
    QTest::newRow("missing file") << QStringList{u"check"_s, u"--keys"_s, u"nothing.keys"_s, u"--key"_s, u"1"_s,
                                                 u"127.0.0.1"_s}
                                  << u"cannot read nothing.keys"_s;
    QTest::newRow("readable file") << QStringList{u"check"_s, u"--keys"_s, u"open.keys"_s, u"--key"_s, u"1"_s,
                                                  u"127.0.0.1"_s}
                                   << u"refusing to use open.keys"_s;
}

void TestCliKeys::keyErrorsAreUsageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    const QString open = m_dir.filePath(u"open.keys"_s);
    QVERIFY(!chronoscope::auth::writePrivateFile(open, "1 SHA1 HEX:00112233445566778899AABBCCDDEEFF00112233\n").has_value());
    QVERIFY(QFile::setPermissions(open, QFile::permissions(open) | QFileDevice::ReadOther));
    const CliRun result = run(arguments);
    QVERIFY2(result.exitCode == 2, describe(result).constData());
    QVERIFY2(result.err.contains(mentions.toUtf8()), describe(result).constData());
    QVERIFY(result.out.isEmpty()); // nothing was sent, nothing reported
}

void TestCliKeys::importReportsLinesAndNeedsConsent()
{
    const QString file = m_dir.filePath(u"import.keys"_s);
    QVERIFY(!chronoscope::auth::writePrivateFile(file, "# from a server\n"
                                                       "30 SHA1 HEX:933F62BE1D604E68A81B557F18CFA200483F5B70\n"
                                                       "31 AES128 HEX:7EA62AE64D190114D46D5A082F948E\n")
                 .has_value());
    const CliRun refused = run({u"keys"_s, u"import"_s, file});
    QVERIFY2(refused.exitCode == 1, describe(refused).constData());
    QVERIFY(refused.err.contains(QByteArray(file.toUtf8() + ":3: key 31: AES128 needs a 16-byte key, got 15 bytes")));
    QVERIFY(refused.err.contains("--accept-valid-lines"));
    QCOMPARE(parseObject(run({u"keys"_s, u"list"_s, u"--json"_s}).out)[u"keys"_s].toArray().size(), 2);

    const CliRun accepted = run({u"keys"_s, u"import"_s, file, u"--accept-valid-lines"_s});
    QVERIFY2(accepted.exitCode == 0, describe(accepted).constData());
    QVERIFY(accepted.out.contains("1 new"));
    QVERIFY(accepted.out.contains("1 invalid line(s) skipped"));
    QVERIFY(!accepted.err.contains("933F62BE"));
    const QJsonObject listed = parseObject(run({u"keys"_s, u"list"_s, u"--json"_s}).out);
    QCOMPARE(listed[u"keys"_s].toArray().size(), 3);
    QCOMPARE(listed[u"keys"_s].toArray()[2][u"id"_s].toInt(), 30);
}

void TestCliKeys::deleteKey()
{
    const CliRun generated = run({u"keys"_s, u"generate"_s, u"--id"_s, u"400"_s});
    QVERIFY2(generated.exitCode == 0, describe(generated).constData());
    const CliRun deleted = run({u"keys"_s, u"delete"_s, u"400"_s});
    QVERIFY2(deleted.exitCode == 0, describe(deleted).constData());
    const CliRun again = run({u"keys"_s, u"delete"_s, u"400"_s});
    QCOMPARE(again.exitCode, 1);
    QVERIFY(again.err.contains("key 400 is not in"));
}

QTEST_GUILESS_MAIN(TestCliKeys)
#include "tst_clikeys.moc"

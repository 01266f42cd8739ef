// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI's settings file: defaults, round trip, damaged files (reported, backed up, replaced).
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "core/config/settingsstore.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::config;

class TestSettingsStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void defaultPathIsIsolatedInTestMode();
    void freshInstallUsesThePublicPool();
    void roundTripsServersAndPreferences();
    void binaryGarbageIsBackedUpAndReported();
    void brokenLineIsReportedWithItsNumber();
    void invalidEntryIsDroppedOthersKept();
    void saveReplacesDamagedFile();
    void badMetricsAddressKeepsLoopbackDefault();
    void unwritableLocationIsAnError();

private:
    static void writeFile(const QString &path, const QByteArray &content);
    QTemporaryDir m_dir;
};

void TestSettingsStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestSettingsStore::writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(content), content.size());
}

void TestSettingsStore::defaultPathIsIsolatedInTestMode()
{
    // Test mode puts the file under ~/.qttest, never into the user's real configuration.
    QVERIFY2(SettingsStore::defaultFilePath().contains(u".qttest"_s), qPrintable(SettingsStore::defaultFilePath()));
    QVERIFY(SettingsStore::defaultFilePath().endsWith(u"/chronoscope.conf"_s));
}

void TestSettingsStore::freshInstallUsesThePublicPool()
{
    const LoadedSettings loaded = SettingsStore(m_dir.filePath(u"fresh/chronoscope.conf"_s)).load();
    QVERIFY(loaded.freshInstall);
    QVERIFY(loaded.problem.isEmpty());
    QCOMPARE(loaded.servers.size(), 4);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(loaded.servers[i].spec.host, u"%1.pool.ntp.org"_s.arg(i));
    QCOMPARE(loaded.app, AppSettings());
}

void TestSettingsStore::roundTripsServersAndPreferences()
{
    const QString path = m_dir.filePath(u"roundtrip/chronoscope.conf"_s);
    SettingsStore store(path);
    QList<ConfiguredServer> servers;
    ConfiguredServer a;
    a.spec.host = u"127.0.0.1"_s;
    a.spec.port = 11123;
    a.spec.minPollLog2 = -2;
    a.spec.maxPollLog2 = 3;
    a.spec.iburst = false;
    a.spec.prefer = true;
    a.keyId = 9;
    ConfiguredServer b;
    b.spec.host = u"pool.example.org"_s;
    b.spec.isPool = true;
    b.spec.trust = true;
    servers << a << b;
    AppSettings app;
    app.closeToTray = false;
    app.offsetThreshold = 0.25;
    app.recordedEvents = 0x15;
    app.logFileEnabled = true;
    app.logFilePath = u"/tmp/x.log"_s;
    app.logFileMaxBytes = 65536;
    app.logFileKeep = 5;
    app.chartRangeSeconds = 300;
    app.theme = 2;
    app.metricsEnabled = true;
    app.metricsAddress = u"[::1]:9200"_s;
    app.windowGeometry = QByteArray("\x01\x02=\n[x]", 7);
    const chronoscope::Result<QString> saved = store.save(servers, app);
    QVERIFY2(saved.ok(), qPrintable(saved.errorMessage()));
    // Written through QSaveFile: no temporary file is left beside it.
    QCOMPARE(QDir(m_dir.filePath(u"roundtrip"_s)).entryList(QDir::Files), QStringList{u"chronoscope.conf"_s});

    const LoadedSettings loaded = store.load();
    QVERIFY2(loaded.problem.isEmpty(), qPrintable(loaded.problem));
    QVERIFY(!loaded.freshInstall);
    QCOMPARE(loaded.servers, servers);
    QCOMPARE(loaded.app, app);
}

void TestSettingsStore::binaryGarbageIsBackedUpAndReported()
{
    const QString path = m_dir.filePath(u"garbage.conf"_s);
    writeFile(path, QByteArray("[chronoscope]\nversion=1\n\x00\xff\xfe garbage", 32));
    const LoadedSettings loaded = SettingsStore(path).load();
    QVERIFY2(loaded.problem.contains(u"garbage.conf:3: binary data (a NUL byte)"_s), qPrintable(loaded.problem));
    QVERIFY(!loaded.backupPath.isEmpty());
    QVERIFY(QFile::exists(loaded.backupPath));
    QFile backup(loaded.backupPath);
    QVERIFY(backup.open(QIODevice::ReadOnly));
    QCOMPARE(backup.readAll().size(), 32); // an exact copy of the damaged file
    // The app still gets a usable configuration.
    QCOMPARE(loaded.servers.size(), 4);
}

void TestSettingsStore::brokenLineIsReportedWithItsNumber()
{
    const QString path = m_dir.filePath(u"broken.conf"_s);
    writeFile(path, "[chronoscope]\nversion=1\n\n[servers\nsize=1\n");
    const LoadedSettings loaded = SettingsStore(path).load();
    QVERIFY2(loaded.problem.startsWith(u"broken.conf:4: section header '[servers' is not closed with ']'"_s), qPrintable(loaded.problem));
    QVERIFY(QFile::exists(loaded.backupPath));
}

void TestSettingsStore::invalidEntryIsDroppedOthersKept()
{
    const QString path = m_dir.filePath(u"entries.conf"_s);
    QList<ConfiguredServer> servers;
    for (const QString &host : {u"ntp.example.org"_s, u"ntp2.example.org"_s, u"192.0.2.3"_s}) {
        ConfiguredServer server;
        server.spec.host = host;
        servers << server;
    }
    QVERIFY(SettingsStore(path).save(servers, AppSettings()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray text = file.readAll();
    file.close();
    text.replace("2\\port=123", "2\\port=99999").replace("3\\minpoll=6", "3\\minpoll=9").replace("3\\maxpoll=10", "3\\maxpoll=4");
    writeFile(path, text);
    const LoadedSettings loaded = SettingsStore(path).load();
    QCOMPARE(loaded.servers.size(), 1);
    QCOMPARE(loaded.servers.first().spec.host, u"ntp.example.org"_s);
    QVERIFY2(loaded.problem.contains(u": server entry 2: port '99999' is not a number in 1–65535"_s), qPrintable(loaded.problem));
    QVERIFY2(loaded.problem.contains(u": server entry 3 ('192.0.2.3'): minpoll 9 is above maxpoll 4"_s), qPrintable(loaded.problem));
    QVERIFY(loaded.problem.startsWith(u"entries.conf:"_s));
    QVERIFY(QFile::exists(loaded.backupPath));
}

void TestSettingsStore::saveReplacesDamagedFile()
{
    const QString path = m_dir.filePath(u"replace.conf"_s);
    writeFile(path, "this is not an ini file\n");
    SettingsStore store(path);
    const LoadedSettings damaged = store.load();
    QVERIFY(!damaged.problem.isEmpty());
    QVERIFY(store.save(damaged.servers, damaged.app).ok());
    const LoadedSettings repaired = store.load();
    QVERIFY2(repaired.problem.isEmpty(), qPrintable(repaired.problem));
    QCOMPARE(repaired.servers, damaged.servers);
}

void TestSettingsStore::badMetricsAddressKeepsLoopbackDefault()
{
    const QString path = m_dir.filePath(u"metrics.conf"_s);
    writeFile(path, "[chronoscope]\nversion=1\n[app]\nmetricsEnabled=true\nmetricsAddress=metrics.example.org:80\n");
    const LoadedSettings loaded = SettingsStore(path).load();
    QVERIFY(loaded.app.metricsEnabled);
    QCOMPARE(loaded.app.metricsAddress, u"127.0.0.1:9123"_s);
    QVERIFY(!AppSettings().metricsEnabled); // off by default
}

void TestSettingsStore::unwritableLocationIsAnError()
{
    // A file where the directory should be: mkpath fails even for root.
    const QString blocker = m_dir.filePath(u"blocker"_s);
    writeFile(blocker, "x");
    const chronoscope::Result<QString> saved = SettingsStore(blocker + u"/sub/chronoscope.conf"_s).save({}, AppSettings());
    QVERIFY(!saved.ok());
    QVERIFY(saved.errorMessage().contains(blocker));
}

QTEST_GUILESS_MAIN(TestSettingsStore)
#include "tst_settingsstore.moc"

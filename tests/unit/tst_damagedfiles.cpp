// SPDX-License-Identifier: GPL-3.0-or-later
// Start-up with a damaged settings file or key store (issue 13): truncated, empty, 100 MB,
// UTF-16 and Latin-1, unreadable (a directory, mode 000), an absurd [servers] size=. Each time
// the store starts, names the file and the problem, keeps the bad file aside as
// <name>.corrupt-<time> (when it can be read at all) and loses no setting that is still intact.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_LINUX
#include <sys/fsuid.h>
#include <unistd.h>
#endif

#include "core/auth/keystore.h"
#include "core/config/settingslimits.h"
#include "core/config/settingsstore.h"

using namespace Qt::StringLiterals;
using namespace chronoscope;
using namespace chronoscope::config;

namespace {

QList<ConfiguredServer> userServers()
{
    QList<ConfiguredServer> servers;
    for (int i = 0; i < 3; ++i) {
        ConfiguredServer s;
        s.spec.host = u"ntp%1.example.org"_s.arg(i);
        s.spec.port = quint16(1123 + i);
        s.spec.minPollLog2 = 4;
        s.keyId = quint32(10 + i);
        servers << s;
    }
    return servers;
}

AppSettings userApp()
{
    AppSettings app;
    app.closeToTray = false;
    app.offsetThreshold = 0.025;
    app.logFileEnabled = true;
    app.logFilePath = u"/var/tmp/chronoscope-test.log"_s;
    app.theme = 2;
    app.chartRangeSeconds = 300;
    app.windowGeometry = QByteArray("\x01\xd9\xd0\xcb\x00\x03", 6);
    return app;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(content), content.size());
}

#ifdef Q_OS_LINUX
// Root reads a mode-000 file anyway (CAP_DAC_OVERRIDE). Checking files as "nobody" through the
// filesystem uid (this thread only, undone on scope exit) gives the refusal a user would get.
class FilesystemUidGuard
{
public:
    FilesystemUidGuard()
    {
        if (::geteuid() == 0)
            ::setfsuid(65534);
    }
    ~FilesystemUidGuard()
    {
        if (::geteuid() == 0)
            ::setfsuid(0);
    }
};
#endif

} // namespace

class TestDamagedFiles : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void truncatedFileKeepsEverythingBeforeTheCut();
    void emptyFileStartsWithDefaults();
    void hugeFileIsReadOnlyToTheLimit();
    void utf16FileIsReadAsUtf16();
    void latin1ValueLosesOnlyThatValue();
    void hugeServerCountStartsQuickly();
    void directoryInPlaceOfTheFileIsLeftAlone();
    void unreadableFileIsNeitherCopiedNorReplaced();
    void sameDamageKeepsOneCopy();
    void damagedKeyStoreIsKeptAsidePrivately();

private:
    // A sound file with the user's settings, damaged by `damage`, then loaded.
    QString goodFile() const;
    static void expectKeptAside(const LoadedSettings &loaded, const QByteArray &damaged);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestDamagedFiles::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestDamagedFiles::goodFile() const
{
    const QString path = m_dir->filePath(u"chronoscope.conf"_s);
    const Result<QString> saved = SettingsStore(path).save(userServers(), userApp());
    return saved ? path : QString();
}

void TestDamagedFiles::expectKeptAside(const LoadedSettings &loaded, const QByteArray &damaged)
{
    QVERIFY2(!loaded.backupPath.isEmpty(), qPrintable(loaded.problem));
    QVERIFY2(QFileInfo(loaded.backupPath).fileName().startsWith(u"chronoscope.conf.corrupt-"_s), qPrintable(loaded.backupPath));
    QCOMPARE(QFileInfo(loaded.backupPath).size(), damaged.size());
    QCOMPARE(readAll(loaded.backupPath), damaged);
}

void TestDamagedFiles::truncatedFileKeepsEverythingBeforeTheCut()
{
    const QString path = goodFile();
    QVERIFY(!path.isEmpty());
    const QByteArray good = readAll(path);
    // Cut inside the third server's "port" line: [app] and [chronoscope] come before it.
    const QByteArray damaged = good.left(good.indexOf("3\\port=") + 4);
    writeFile(path, damaged);

    SettingsStore store(path);
    const LoadedSettings loaded = store.load();
    QVERIFY(loaded.problem.contains(u"chronoscope.conf:"_s));
    QVERIFY2(loaded.problem.contains(u"the file ends inside '3\\po'"_s), qPrintable(loaded.problem));
    QVERIFY(loaded.problem.contains(u"[servers] size is missing (the file is cut off?); the 3 entries present are read"_s));
    QVERIFY(loaded.problem.contains(u"server entry 3: it is incomplete ('port' is missing); the entry is ignored"_s));
    QCOMPARE(loaded.servers, userServers().first(2));
    QCOMPARE(loaded.app, userApp());
    expectKeptAside(loaded, damaged);

    // What the app does next: save what it has; the next start is clean.
    QVERIFY(store.save(loaded.servers, loaded.app));
    const LoadedSettings repaired = store.load();
    QVERIFY2(repaired.problem.isEmpty(), qPrintable(repaired.problem));
    QCOMPARE(repaired.servers, userServers().first(2));
}

void TestDamagedFiles::emptyFileStartsWithDefaults()
{
    const QString path = m_dir->filePath(u"chronoscope.conf"_s);
    writeFile(path, {});
    const LoadedSettings loaded = SettingsStore(path).load();
    QVERIFY(!loaded.freshInstall);
    QCOMPARE(loaded.problem, u"chronoscope.conf: the file holds no settings (empty?); the defaults are used"_s);
    QCOMPARE(loaded.servers, defaultServers());
    QCOMPARE(loaded.app, AppSettings());
    expectKeptAside(loaded, {});
}

void TestDamagedFiles::hugeFileIsReadOnlyToTheLimit()
{
    // A sound file followed by 100 MB of zeros (what a crash can leave on some file systems),
    // made sparse so the test writes almost nothing.
    const QString path = goodFile();
    QVERIFY(!path.isEmpty());
    constexpr qint64 HUNDRED_MB = 100 * 1024 * 1024;
    {
        QFile file(path);
        QVERIFY(file.resize(HUNDRED_MB));
    }
    const LoadedSettings loaded = SettingsStore(path).load();
    QCOMPARE(loaded.problem, u"chronoscope.conf: the file is %1 bytes long, above the limit of %2; only the lines in its "
                             u"first %2 bytes were read"_s.arg(HUNDRED_MB).arg(limits::MAX_SETTINGS_FILE_BYTES));
    QCOMPARE(loaded.servers, userServers());
    QCOMPARE(loaded.app, userApp());
    QVERIFY(!loaded.backupPath.isEmpty());
    QCOMPARE(QFileInfo(loaded.backupPath).size(), HUNDRED_MB);
    QVERIFY(QFile::remove(loaded.backupPath));
}

void TestDamagedFiles::utf16FileIsReadAsUtf16()
{
    const QString path = goodFile();
    QVERIFY(!path.isEmpty());
    const QString text = QString::fromUtf8(readAll(path));
    for (const QStringConverter::Encoding encoding : {QStringConverter::Utf16LE, QStringConverter::Utf16BE}) {
        for (const bool bom : {true, false}) {
            QStringEncoder encoder(encoding, bom ? QStringEncoder::Flag::WriteBom : QStringEncoder::Flag::Default);
            const QByteArray damaged = encoder(text);
            writeFile(path, damaged);
            const LoadedSettings loaded = SettingsStore(path).load();
            QVERIFY2(loaded.problem.startsWith(u"chronoscope.conf: the file is UTF-16 text, not UTF-8; it was read as UTF-16"_s),
                     qPrintable(loaded.problem));
            QCOMPARE(loaded.servers, userServers());
            QCOMPARE(loaded.app, userApp());
            expectKeptAside(loaded, damaged);
        }
    }
}

void TestDamagedFiles::latin1ValueLosesOnlyThatValue()
{
    const QString path = goodFile();
    QVERIFY(!path.isEmpty());
    QByteArray damaged = readAll(path);
    damaged.replace("/var/tmp/chronoscope-test.log", "/home/jos\xe9/chronoscope.log");
    writeFile(path, damaged);
    const LoadedSettings loaded = SettingsStore(path).load();
    const int line = int(damaged.left(damaged.indexOf("logFilePath")).count('\n')) + 1;
    QCOMPARE(loaded.problem, u"chronoscope.conf:%1: not UTF-8 text (a different encoding?)"_s.arg(line));
    AppSettings expected = userApp();
    expected.logFilePath.clear();
    QCOMPARE(loaded.app, expected);
    QCOMPARE(loaded.servers, userServers());
    expectKeptAside(loaded, damaged);
}

void TestDamagedFiles::hugeServerCountStartsQuickly()
{
    // Regression (issue 13): the old loader looped over this count.
    const QString path = goodFile();
    QVERIFY(!path.isEmpty());
    QByteArray damaged = readAll(path);
    damaged.replace("size=3", "size=2147483647");
    writeFile(path, damaged);
    const LoadedSettings loaded = SettingsStore(path).load();
    QVERIFY2(loaded.problem.contains(u"[servers] size=2147483647 is above the limit of 256 servers"_s), qPrintable(loaded.problem));
    QCOMPARE(loaded.servers, userServers());
    QCOMPARE(loaded.app, userApp());
    expectKeptAside(loaded, damaged);
}

void TestDamagedFiles::directoryInPlaceOfTheFileIsLeftAlone()
{
    const QString path = m_dir->filePath(u"chronoscope.conf"_s);
    QVERIFY(QDir().mkpath(path + u"/inside"_s));
    SettingsStore store(path);
    const LoadedSettings loaded = store.load();
    QVERIFY(loaded.unreadable);
    QVERIFY2(loaded.problem.startsWith(path + u" cannot be read: it is a directory, not a file"_s), qPrintable(loaded.problem));
    QVERIFY(loaded.backupPath.isEmpty());
    QCOMPARE(loaded.servers, defaultServers());
    const Result<QString> saved = store.save(loaded.servers, loaded.app);
    QVERIFY(!saved);
    QVERIFY2(saved.errorMessage().startsWith(path + u" was not replaced: it cannot be read"_s), qPrintable(saved.errorMessage()));
    QVERIFY(QFileInfo(path + u"/inside"_s).isDir());
}

void TestDamagedFiles::unreadableFileIsNeitherCopiedNorReplaced()
{
#ifndef Q_OS_LINUX
    QSKIP("the filesystem-uid switch is Linux only");
#else
    // "nobody" must reach the file: the directories on the way are searchable, the file is not readable.
    QVERIFY(QFile::setPermissions(m_dir->path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                                     | QFileDevice::ExeGroup | QFileDevice::ExeOther));
    const QString path = goodFile();
    QVERIFY(!path.isEmpty());
    const QByteArray good = readAll(path);
    QVERIFY(QFile::setPermissions(path, {}));
    SettingsStore store(path);
    LoadedSettings loaded;
    Result<QString> saved = QString();
    {
        FilesystemUidGuard nobody;
        loaded = store.load();
        saved = store.save(loaded.servers, loaded.app);
    }
    QVERIFY(loaded.unreadable);
    QVERIFY2(loaded.problem.startsWith(path + u" cannot be read: Permission denied. The default settings are used for now; "
                                              u"the file is left as it is"_s), qPrintable(loaded.problem));
    QVERIFY(loaded.backupPath.isEmpty());
    QVERIFY(QDir(m_dir->path()).entryList({u"*.corrupt-*"_s}).isEmpty());
    QVERIFY(!saved);
    QVERIFY2(saved.errorMessage().contains(u"was not replaced: it cannot be read (Permission denied)"_s), qPrintable(saved.errorMessage()));
    // Nothing was lost: with its mode repaired the file gives back every setting.
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    QCOMPARE(readAll(path), good);
    const LoadedSettings again = store.load();
    QVERIFY2(again.problem.isEmpty(), qPrintable(again.problem));
    QCOMPARE(again.servers, userServers());
    QCOMPARE(again.app, userApp());
#endif
}

void TestDamagedFiles::sameDamageKeepsOneCopy()
{
    const QString path = m_dir->filePath(u"chronoscope.conf"_s);
    writeFile(path, "[chronoscope]\nversion=x\n");
    const QString first = SettingsStore(path).load().backupPath;
    const QString second = SettingsStore(path).load().backupPath;
    QVERIFY(!first.isEmpty());
    QCOMPARE(second, first);
    writeFile(path, "[chronoscope]\nversion=y\n");
    const QString third = SettingsStore(path).load().backupPath;
    QVERIFY(!third.isEmpty());
    QVERIFY(third != first);
    QCOMPARE(QDir(m_dir->path()).entryList({u"chronoscope.conf.corrupt-*"_s}).size(), 2);
}

void TestDamagedFiles::damagedKeyStoreIsKeptAsidePrivately()
{
    const QString path = m_dir->filePath(u"keys"_s);
    const QByteArray damaged = "1 SHA1 HEX:0123456789abcdef0123456789abcdef01234567\n2 SHA1 HEX:zz\n";
    writeFile(path, damaged);
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    auth::KeyStore store(path);
    const std::optional<Error> error = store.load();
    QVERIFY(error);
    QVERIFY2(error->message.contains(path + u" has invalid lines (a copy of the damaged file was kept as "_s), qPrintable(error->message));
    QVERIFY(error->message.contains(path + u":2:"_s));
    const QStringList copies = QDir(m_dir->path()).entryList({u"keys.corrupt-*"_s});
    QCOMPARE(copies.size(), 1);
    const QString copy = m_dir->filePath(copies.first());
    QVERIFY(error->message.contains(copy));
    QCOMPARE(readAll(copy), damaged);
    const QFileDevice::Permissions modeBits = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
        | QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
        | QFileDevice::WriteOther | QFileDevice::ExeOther;
    QCOMPARE(QFileInfo(copy).permissions() & modeBits, QFileDevice::ReadOwner | QFileDevice::WriteOwner); // 0600
    QVERIFY(!error->message.contains(u"0123456789abcdef"_s)); // the valid line's secret is not echoed
}

QTEST_GUILESS_MAIN(TestDamagedFiles)
#include "tst_damagedfiles.moc"

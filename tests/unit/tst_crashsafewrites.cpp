// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 13: every file the app writes survives a SIGKILL at any point. For each file kind the
// real writer runs in crashsafe_writer, writing generation after generation, and is killed
// KILLS_PER_KIND times after a random delay. After each kill the file is read with the app's
// real reader and must hold exactly the last generation the writer reported, or the one after it
// (written, killed before it could say so): never a mix, never a cut-off file, never nothing. Its
// mode must be unchanged (0600 for the key store) and no temporary file may be readable by others.
// The event-log file is appended to and rotated: after a kill the app's own start-up step
// (EventLogFile::open) may finish an interrupted rotation and drop a line cut short; afterwards
// the rotated files must hold whole lines in order, from some line up to the last one reported
// or the one after it.
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include "core/auth/keyfileio.h"
#include "core/auth/keystore.h"
#include "core/config/serverlistformat.h"
#include "core/config/settingsstore.h"
#include "core/eventlog/eventlogfile.h"
#include "tests/unit/crashsafecontent.h"
#include "tests/unit/killedwriter.h"

using namespace chronoscope;
using namespace Qt::StringLiterals;

namespace {

constexpr int KILLS_PER_KIND = 200;

QString octal(int mode)
{
    return u"0%1"_s.arg(mode, 3, 8, QLatin1Char('0'));
}

// The file each kind writes (the event log: the current file; its rotations are name.1 …).
QString fileOf(const QString &kind, const QDir &dir)
{
    if (kind == u"settings")
        return dir.filePath(u"chronoscope.conf"_s);
    if (kind == u"serverlist")
        return dir.filePath(u"chrony.conf"_s);
    if (kind == u"keystore")
        return dir.filePath(u"keys"_s);
    return dir.filePath(u"events.log"_s);
}

// Which of the two candidate generations the file holds, read with the app's reader; an error
// message when it holds neither (or cannot be read).
struct Found
{
    int generation = -1;
    QString problem;
};

Found readGeneration(const QString &kind, const QString &path, const QList<int> &candidates)
{
    Found found;
    for (int generation : candidates) {
        if (kind == u"settings") {
            const config::LoadedSettings loaded = config::SettingsStore(path).load();
            if (!loaded.problem.isEmpty() || loaded.freshInstall)
                return {-1, u"settings: problem '%1', fresh install %2"_s.arg(loaded.problem).arg(loaded.freshInstall)};
            if (loaded.servers == crashsafe::serversOf(generation) && loaded.app == crashsafe::appSettingsOf(generation))
                return {generation, {}};
            found.problem = u"settings hold %1 servers, first '%2'"_s.arg(loaded.servers.size()).arg(
                loaded.servers.isEmpty() ? QString() : loaded.servers.first().spec.host);
        } else if (kind == u"serverlist") {
            const Result<config::ServerListImport> imported = config::importServerList(path, config::ConfFormat::Chrony);
            if (!imported)
                return {-1, imported.errorMessage()};
            if (!imported->issues.isEmpty())
                return {-1, imported->issueTexts().join(u'\n')};
            if (imported->servers == crashsafe::serversOf(generation))
                return {generation, {}};
            found.problem = u"chrony.conf holds %1 servers"_s.arg(imported->servers.size());
        } else {
            auth::KeyStore store(path);
            if (const std::optional<Error> failed = store.load())
                return {-1, failed->message};
            if (store.keys() == crashsafe::keysOf(generation))
                return {generation, {}};
            found.problem = u"the key store holds %1 keys"_s.arg(store.keys().size());
        }
    }
    return found;
}

// The event-log files oldest first: name.keep … name.1, name (those that exist).
QStringList eventLogFiles(const QString &path)
{
    QStringList files;
    for (int i = crashsafe::EVENTLOG_KEEP; i >= 1; --i) {
        if (QFileInfo::exists(path + u'.' + QString::number(i)))
            files << path + u'.' + QString::number(i);
    }
    if (QFileInfo::exists(path))
        files << path;
    return files;
}

// Checks the rotated files after the app's start-up repair; returns the last line number, or -1
// with `problem` set.
int checkEventLog(const QString &path, int expectedMode, QString *problem)
{
    // Only a contiguous chain name, name.1 … name.k is a complete rotation.
    int highest = 0;
    for (int i = 1; i <= crashsafe::EVENTLOG_KEEP; ++i) {
        if (QFileInfo::exists(path + u'.' + QString::number(i))) {
            if (highest != i - 1) {
                *problem = u"rotated files have a gap: %1.%2 exists but %1.%3 does not"_s.arg(path).arg(i).arg(highest + 1);
                return -1;
            }
            highest = i;
        }
    }
    int previous = -1;
    for (const QString &file : eventLogFiles(path)) {
        QFile in(file);
        if (!in.open(QIODevice::ReadOnly)) {
            *problem = u"cannot read %1"_s.arg(file);
            return -1;
        }
        const QByteArray content = in.readAll();
        if (content.size() > crashsafe::EVENTLOG_MAX_BYTES) {
            *problem = u"%1 has %2 bytes, more than the %3 allowed"_s.arg(file).arg(content.size()).arg(
                crashsafe::EVENTLOG_MAX_BYTES);
            return -1;
        }
        if (!content.isEmpty() && !content.endsWith('\n')) {
            *problem = u"%1 ends in the middle of a line: '%2'"_s.arg(file, QString::fromUtf8(content.right(40)));
            return -1;
        }
        if (testing::fileModeOf(file) != expectedMode) {
            *problem = u"%1 has mode %2, expected %3"_s.arg(file, octal(testing::fileModeOf(file)), octal(expectedMode));
            return -1;
        }
        const QList<QByteArray> lines = content.split('\n');
        for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
            const QList<QByteArray> words = lines.at(i).split(' ');
            const int number = words.value(1).toInt();
            if (lines.at(i) != crashsafe::eventLineOf(number).toUtf8() || (previous >= 0 && number != previous + 1)) {
                *problem = u"%1: line '%2' does not follow line %3"_s.arg(file, QString::fromUtf8(lines.at(i))).arg(previous);
                return -1;
            }
            previous = number;
        }
    }
    if (previous < 0)
        *problem = u"the event log is empty"_s;
    return previous;
}

// Makes the temporary files earlier kills left look two minutes old: the key store's writer
// must then remove them (it leaves young ones alone, they may belong to a running writer).
void ageTemporaries(const QDir &dir)
{
    const QDateTime old = QDateTime::currentDateTimeUtc().addSecs(-120);
    for (const QFileInfo &temporary : dir.entryInfoList({u".keys.tmp-*"_s}, QDir::Files | QDir::Hidden)) {
        QFile file(temporary.filePath());
        if (file.open(QIODevice::ReadOnly))
            file.setFileTime(old, QFileDevice::FileModificationTime);
    }
}

} // namespace

class TestCrashSafeWrites : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void survivesSigkill_data();
    void survivesSigkill();
    void eventLogDropsALineCutShort();
    void eventLogFinishesAnInterruptedRotation();
    void eventLogRotationKeepsTheMode();

private:
    QString m_writer;
};

void TestCrashSafeWrites::initTestCase()
{
    m_writer = qEnvironmentVariable("CHRONOSCOPE_CRASHSAFE_WRITER");
    QVERIFY2(QFileInfo(m_writer).isExecutable(), "CHRONOSCOPE_CRASHSAFE_WRITER must name crashsafe_writer");
}

void TestCrashSafeWrites::survivesSigkill_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("maxDelayUs");   // the kill lands this long after the first write, at most
    QTest::newRow("settings") << u"settings"_s << 40000;
    QTest::newRow("serverlist") << u"serverlist"_s << 15000;
    QTest::newRow("keystore") << u"keystore"_s << 15000;
    QTest::newRow("eventlog") << u"eventlog"_s << 4000;
}

void TestCrashSafeWrites::survivesSigkill()
{
    QFETCH(QString, kind);
    QFETCH(int, maxDelayUs);
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QDir dir(tmp.path());
    const QString path = fileOf(kind, dir);

    // Generation 0 written in this process, then given a mode the writers must keep (the key
    // store must be and stay 0600 whatever the mode of its first version).
    int expectedMode = 0640;
    if (kind == u"settings") {
        QVERIFY(config::SettingsStore(path).save(crashsafe::serversOf(0), crashsafe::appSettingsOf(0)));
    } else if (kind == u"serverlist") {
        QVERIFY(config::exportServerList(path, crashsafe::serversOf(0), config::ConfFormat::Chrony));
    } else if (kind == u"keystore") {
        auth::KeyStore store(path);
        for (const auth::SymmetricKey &key : crashsafe::keysOf(0))
            QVERIFY(!store.add(key));
        QVERIFY(!store.save());
        expectedMode = 0600;
    } else {
        eventlog::EventLogFile file(path, crashsafe::EVENTLOG_MAX_BYTES, crashsafe::EVENTLOG_KEEP);
        QVERIFY(file.open());
        QVERIFY(file.writeLine(crashsafe::eventLineOf(0)));
    }
    QVERIFY(::chmod(QFile::encodeName(path).constData(), mode_t(expectedMode)) == 0);

    int onDisk = 0;
    int repaired = 0;
    int leftoverCount = 0;
    for (int kill = 0; kill < KILLS_PER_KIND; ++kill) {
        if (kind == u"keystore")
            ageTemporaries(dir);
        const testing::KilledWriter run = testing::runAndKill(m_writer, {kind, dir.path(), QString::number(onDisk + 1)}, maxDelayUs);
        QVERIFY2(run.lastReported > onDisk, qPrintable(u"kill %1: %2"_s.arg(kill).arg(run.errors)));
        const QList<int> candidates{run.lastReported, run.lastReported + 1};
        if (kind == u"eventlog") {
            eventlog::EventLogFile restarted(path, crashsafe::EVENTLOG_MAX_BYTES, crashsafe::EVENTLOG_KEEP);
            QVERIFY(restarted.open());
            repaired += restarted.repairs().isEmpty() ? 0 : 1;
            QString problem;
            onDisk = checkEventLog(path, expectedMode, &problem);
            QVERIFY2(onDisk >= 0, qPrintable(u"kill %1: %2"_s.arg(kill).arg(problem)));
            QVERIFY2(candidates.contains(onDisk),
                     qPrintable(u"kill %1: the log ends at line %2, the writer reported %3"_s.arg(kill).arg(onDisk).arg(
                         run.lastReported)));
            continue;
        }
        const Found found = readGeneration(kind, path, candidates);
        QVERIFY2(found.generation >= 0,
                 qPrintable(u"kill %1: %2 is neither generation %3 nor %4: %5"_s.arg(kill).arg(path).arg(
                     candidates[0]).arg(candidates[1]).arg(found.problem)));
        QCOMPARE(octal(testing::fileModeOf(path)), octal(expectedMode));
        // What a kill may leave behind: a writer's temporary file (QSaveFile's, and QSettings'
        // lock next to it). The key store's is never readable by others, and its writer removes
        // stale ones (aged above), so at most the one of this kill is left.
        const QFileInfoList leftovers = dir.entryInfoList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
        QStringList names;
        for (const QFileInfo &left : leftovers) {
            names << left.fileName() + u' ' + octal(testing::fileModeOf(left.filePath()));
            if (kind == u"keystore")
                QCOMPARE(octal(testing::fileModeOf(left.filePath())), octal(0600));
        }
        leftoverCount = std::max(leftoverCount, int(leftovers.size()) - 1);
        if (kind == u"keystore")
            QVERIFY2(leftovers.size() <= 2, qPrintable(names.join(u", ")));
        onDisk = found.generation;
    }
    qInfo("%s: %d kills, generation %d on disk at the end, %d start-ups repaired the log, at most %d files left "
          "beside it", qPrintable(kind), KILLS_PER_KIND, onDisk, repaired, leftoverCount);
}

// Regression (issue 13): a line the writer was killed in the middle of is dropped at the next
// start, so that the file holds whole lines and new lines do not glue onto the broken one.
void TestCrashSafeWrites::eventLogDropsALineCutShort()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"events.log"_s);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("event 1 complete\nevent 2 cut sh");
    }
    eventlog::EventLogFile log(path, 4096, 2);
    QVERIFY(log.open());
    QVERIFY(log.repairs().join(u' ').contains(u"14 bytes"_s));
    QVERIFY(log.writeLine(u"event 3"_s));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("event 1 complete\nevent 3\n"));

    // A file that is nothing but a broken line becomes empty.
    const QString other = tmp.filePath(u"other.log"_s);
    {
        QFile broken(other);
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("no newline at all");
    }
    eventlog::EventLogFile second(other, 4096, 2);
    QVERIFY(second.open());
    QCOMPARE(QFileInfo(other).size(), 0);
}

// Regression (issue 13): a rotation killed between its renames leaves a gap (name.1 and name.3,
// no name.2); the next start finishes it instead of letting the next rotation delete the gap's
// neighbour out of order.
void TestCrashSafeWrites::eventLogFinishesAnInterruptedRotation()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"events.log"_s);
    const auto write = [](const QString &name, const QByteArray &content) {
        QFile file(name);
        return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
    };
    // Before the kill: name = lines 7-8, .1 = 5-6, .2 = 3-4, .3 = 1-2. The rotation removed .3,
    // renamed .2 to .3 and was killed before renaming .1 to .2.
    QVERIFY(write(path, "line 7\nline 8\n"));
    QVERIFY(write(path + u".1"_s, "line 5\nline 6\n"));
    QVERIFY(write(path + u".3"_s, "line 3\nline 4\n"));
    eventlog::EventLogFile log(path, 4096, 3);
    QVERIFY(log.open());
    QVERIFY(!log.repairs().isEmpty());
    const auto read = [](const QString &name) {
        QFile file(name);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(missing)");
    };
    QCOMPARE(read(path + u".3"_s), QByteArray("line 3\nline 4\n"));
    QCOMPARE(read(path + u".2"_s), QByteArray("line 5\nline 6\n"));
    QCOMPARE(read(path + u".1"_s), QByteArray("line 7\nline 8\n"));
    QCOMPARE(read(path), QByteArray());

    // A complete chain is left alone.
    eventlog::EventLogFile again(path, 4096, 3);
    QVERIFY(again.open());
    QVERIFY(again.repairs().isEmpty());
    QCOMPARE(read(path + u".1"_s), QByteArray("line 7\nline 8\n"));
}

// Regression (issue 13): the file a rotation starts has the mode of the one it replaced (a log
// the user made private stays private), from its creation on.
void TestCrashSafeWrites::eventLogRotationKeepsTheMode()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"events.log"_s);
    eventlog::EventLogFile log(path, 256, 2);
    QVERIFY(log.open());
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0600) == 0);
    for (int i = 0; i < 20; ++i)
        QVERIFY(log.writeLine(crashsafe::eventLineOf(i)));
    QVERIFY(QFileInfo::exists(path + u".2"_s));
    QCOMPARE(octal(testing::fileModeOf(path)), octal(0600));
    QCOMPARE(octal(testing::fileModeOf(path + u".1"_s)), octal(0600));
}

QTEST_GUILESS_MAIN(TestCrashSafeWrites)
#include "tst_crashsafewrites.moc"

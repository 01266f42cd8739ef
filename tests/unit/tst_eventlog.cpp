// SPDX-License-Identifier: GPL-3.0-or-later
// The user-visible event log store: capacity, recorded kinds, filters, the rotating log file.
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "core/eventlog/eventlog.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::eventlog;

namespace {

EventLogEntry entry(EventKind kind, EventLevel level, const QString &server, const QString &message)
{
    EventLogEntry e;
    e.time = 1700000000.0;
    e.kind = kind;
    e.level = level;
    e.server = server;
    e.message = message;
    return e;
}

} // namespace

class TestEventLog : public QObject
{
    Q_OBJECT

private slots:
    void dropsOldestBeyondCapacity();
    void recordsOnlyChosenKinds();
    void filtersByServerLevelAndText();
    void formatsLinesForFiles();
    void logFileRotatesAndKeepsN();
    void logFileErrorIsReported();
};

void TestEventLog::dropsOldestBeyondCapacity()
{
    EventLog log;
    log.setCapacity(4);
    QSignalSpy removed(&log, &EventLog::removed);
    QSignalSpy changed(&log, &EventLog::entryChanged);
    for (int i = 0; i < 4; ++i)
        QVERIFY(log.record(entry(EventKind::ReplyAccepted, EventLevel::Info, u"a"_s, QString::number(i))));
    QCOMPARE(log.droppedCount(), 0);
    QCOMPARE(log.at(0).message, u"0"_s);
    // The fifth entry: the oldest slot becomes the marker, which takes one of the 4 slots, so
    // the next oldest is removed too: the log shows the marker and the newest 3.
    QVERIFY(log.record(entry(EventKind::ReplyAccepted, EventLevel::Info, u"a"_s, u"4"_s)));
    QCOMPARE(log.size(), 4);
    QCOMPARE(log.droppedCount(), 2);
    QVERIFY2(log.at(0).message.startsWith(u"2 older entries dropped"_s), qPrintable(log.at(0).message));
    QCOMPARE(log.at(1).message, u"2"_s);
    QCOMPARE(log.at(3).message, u"4"_s);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(changed.size(), 1);
    // 1000 more: the size stays at the capacity and the marker counts every dropped entry.
    for (int i = 5; i < 1005; ++i)
        QVERIFY(log.record(entry(EventKind::ReplyAccepted, EventLevel::Info, u"a"_s, QString::number(i))));
    QCOMPARE(log.size(), 4);
    QCOMPARE(log.droppedCount(), 1002);
    QVERIFY2(log.at(0).message.startsWith(u"1002 older entries dropped"_s), qPrintable(log.at(0).message));
    QCOMPARE(log.at(0).kind, EventKind::Configuration);
    QCOMPARE(log.at(1).message, u"1002"_s);
    QCOMPARE(log.at(3).message, u"1004"_s);
    QCOMPARE(removed.size(), 1001);
    for (const QList<QVariant> &args : removed) {
        QCOMPARE(args.at(0).toInt(), 1); // the oldest real entry, after the marker
        QCOMPARE(args.at(1).toInt(), 1);
    }
    // Shrinking drops in one step and keeps counting.
    log.setCapacity(2);
    QCOMPARE(log.size(), 2);
    QCOMPARE(log.droppedCount(), 1004);
    QCOMPARE(log.at(1).message, u"1004"_s);
    log.clear();
    QCOMPARE(log.droppedCount(), 0);
    QCOMPARE(log.size(), 0);
}

void TestEventLog::recordsOnlyChosenKinds()
{
    EventLog log;
    log.setRecordedKinds(kindBit(EventKind::KissOfDeath) | kindBit(EventKind::StateChanged));
    QSignalSpy added(&log, &EventLog::entryAdded);
    QVERIFY(!log.record(entry(EventKind::RequestSent, EventLevel::Detail, u"a"_s, u"sent"_s)));
    QVERIFY(log.record(entry(EventKind::KissOfDeath, EventLevel::Warning, u"a"_s, u"RATE"_s)));
    QVERIFY(!log.record(entry(EventKind::ReplyAccepted, EventLevel::Detail, u"a"_s, u"ok"_s)));
    QVERIFY(log.record(entry(EventKind::StateChanged, EventLevel::Info, u"a"_s, u"x → y"_s)));
    QCOMPARE(log.size(), 2);
    QCOMPARE(added.size(), 2);
}

void TestEventLog::filtersByServerLevelAndText()
{
    EventLog log;
    log.record(entry(EventKind::RequestSent, EventLevel::Detail, u"a"_s, u"request sent"_s));
    log.record(entry(EventKind::ReplyRejected, EventLevel::Warning, u"a"_s, u"bogus origin"_s));
    log.record(entry(EventKind::ReplyRejected, EventLevel::Warning, u"b"_s, u"duplicate"_s));
    log.record(entry(EventKind::SelectionChanged, EventLevel::Info, QString(), u"system peer is now a"_s));
    EventFilter onlyA;
    onlyA.server = u"a"_s;
    QCOMPARE(log.entries(onlyA).size(), 2);
    EventFilter warnings;
    warnings.minLevel = EventLevel::Warning;
    QCOMPARE(log.entries(warnings).size(), 2);
    EventFilter aWarnings = warnings;
    aWarnings.server = u"a"_s;
    QCOMPARE(log.entries(aWarnings).size(), 1);
    EventFilter text;
    text.text = u"PEER"_s;
    QCOMPARE(log.entries(text).size(), 1);
    QCOMPARE(log.entries().size(), 4);
}

void TestEventLog::formatsLinesForFiles()
{
    const QString line = formatEntryLine(entry(EventKind::ReplyRejected, EventLevel::Warning, u"127.0.0.1:123"_s, u"bogus\norigin"_s));
    QVERIFY2(line.endsWith(u" warning reply_rejected 127.0.0.1:123: bogus origin"_s), qPrintable(line));
    QVERIFY(line.startsWith(u"2023-11-1"_s));
}

void TestEventLog::logFileRotatesAndKeepsN()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"logs/chronoscope.log"_s);
    auto file = std::make_unique<EventLogFile>(path, 1024, 2);
    QVERIFY(file->open().ok());
    EventLog log;
    log.setLogFile(std::move(file));
    const QString filler = QString(100, u'x');
    for (int i = 0; i < 60; ++i) // ~60 × 150 bytes = 9 KB: several rotations
        log.record(entry(EventKind::ReplyAccepted, EventLevel::Info, u"s"_s, u"%1 %2"_s.arg(i).arg(filler)));
    QVERIFY(QFile::exists(path));
    QVERIFY(QFile::exists(path + u".1"_s));
    QVERIFY(QFile::exists(path + u".2"_s));
    QVERIFY(!QFile::exists(path + u".3"_s)); // keep = 2
    for (const QString &name : QStringList{path, path + u".1"_s, path + u".2"_s})
        QVERIFY2(QFileInfo(name).size() <= 1024, qPrintable(name));
    // The newest entry is at the end of the current file; rotated files hold older ones.
    QFile current(path);
    QVERIFY(current.open(QIODevice::ReadOnly));
    const QByteArray content = current.readAll();
    QVERIFY(content.contains(" 59 xxx"));
    QFile older(path + u".1"_s);
    QVERIFY(older.open(QIODevice::ReadOnly));
    QVERIFY(!older.readAll().contains(" 59 xxx"));
}

void TestEventLog::logFileErrorIsReported()
{
    QTemporaryDir dir;
    QFile blocker(dir.filePath(u"blocker"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    EventLogFile file(dir.filePath(u"blocker/sub/chronoscope.log"_s), 4096, 1);
    const chronoscope::Result<QString> opened = file.open();
    QVERIFY(!opened.ok());
    QVERIFY(opened.errorMessage().contains(dir.filePath(u"blocker/sub"_s)));
}

QTEST_GUILESS_MAIN(TestEventLog)
#include "tst_eventlog.moc"

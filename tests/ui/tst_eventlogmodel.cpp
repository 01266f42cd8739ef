// SPDX-License-Identifier: GPL-3.0-or-later
// EventLogModel and EventLogFilterModel over the EventLog store; EventRecorder's wording.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "core/eventlog/eventlog.h"
#include "ui/eventrecorder.h"
#include "ui/models/eventlogfiltermodel.h"
#include "ui/models/eventlogmodel.h"

using namespace Qt::StringLiterals;
using namespace chronoscope;
using eventlog::EventKind;
using eventlog::EventLevel;

namespace {

eventlog::EventLogEntry entry(EventLevel level, const QString &server, const QString &message)
{
    eventlog::EventLogEntry e;
    e.time = 1700000000.5;
    e.level = level;
    e.kind = EventKind::ReplyRejected;
    e.server = server;
    e.message = message;
    return e;
}

} // namespace

class TestEventLogModel : public QObject
{
    Q_OBJECT

private slots:
    void followsTheStoreRowByRow();
    void filtersByServerAndLevel();
    void recorderWritesNtpdStyleEvents();
};

void TestEventLogModel::followsTheStoreRowByRow()
{
    eventlog::EventLog log;
    log.setCapacity(3);
    ui::EventLogModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    for (int i = 0; i < 5; ++i)
        log.record(entry(EventLevel::Info, u"a"_s, QString::number(i)));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(inserted.size(), 5);
    QCOMPARE(removed.size(), 2);
    // Row 0 is the drop marker (entries 0, 1 and 2 dropped), then the newest two.
    const QString marker = model.index(0, ui::EventLogModel::Message).data().toString();
    QVERIFY2(marker.startsWith(u"3 older entries dropped"_s), qPrintable(marker));
    QCOMPARE(model.index(1, ui::EventLogModel::Message).data().toString(), u"3"_s);
    QCOMPARE(model.index(2, ui::EventLogModel::Message).data().toString(), u"4"_s);
    QCOMPARE(model.index(1, ui::EventLogModel::Kind).data().toString(), u"reply rejected"_s);
    log.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestEventLogModel::filtersByServerAndLevel()
{
    eventlog::EventLog log;
    ui::EventLogModel model(&log);
    ui::EventLogFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    log.record(entry(EventLevel::Detail, u"a"_s, u"request sent"_s));
    log.record(entry(EventLevel::Warning, u"a"_s, u"bogus origin"_s));
    log.record(entry(EventLevel::Warning, u"b"_s, u"no reply"_s));
    log.record(entry(EventLevel::Info, QString(), u"system peer is now a"_s));
    QCOMPARE(filter.rowCount(), 4);
    eventlog::EventFilter f;
    f.server = u"a"_s;
    filter.setEventFilter(f);
    QCOMPARE(filter.rowCount(), 2);
    f.minLevel = EventLevel::Warning;
    filter.setEventFilter(f);
    QCOMPARE(filter.rowCount(), 1);
    QCOMPARE(filter.index(0, ui::EventLogModel::Message).data().toString(), u"bogus origin"_s);
    // New entries that match appear; others do not.
    log.record(entry(EventLevel::Warning, u"a"_s, u"duplicate"_s));
    log.record(entry(EventLevel::Warning, u"b"_s, u"duplicate"_s));
    QCOMPARE(filter.rowCount(), 2);
}

void TestEventLogModel::recorderWritesNtpdStyleEvents()
{
    eventlog::EventLog log;
    ui::EventRecorder recorder(&log);
    engine::ServerStatus s;
    s.id = 3;
    s.name = u"127.0.0.1:123"_s;
    s.address = u"127.0.0.1"_s;
    s.state = engine::ServerState::Unusable;
    // The recorder sees servers through snapshots, as the engine session publishes them: each
    // change comes with a new revision.
    engine::EngineSnapshot snapshot;
    const auto publish = [&] {
        ++s.revision;
        ++snapshot.sequence;
        snapshot.servers = {s};
        recorder.onSnapshot(snapshot);
    };
    publish();
    publish(); // nothing changed but the revision: no entry
    s.requestsSent = 1;
    publish();
    engine::AcceptedSample accepted;
    accepted.serverId = 3;
    accepted.serverName = s.name;
    accepted.time = 1700000000;
    accepted.offset = 0.0012;
    accepted.delay = 0.0003;
    recorder.onSampleAccepted(accepted);
    engine::RejectionSummary rejected;
    rejected.serverId = 3;
    rejected.serverName = s.name;
    rejected.time = 1700000000;
    rejected.total = 1;
    rejected.counts = {{u"bogus_origin"_s, 1}};
    rejected.examples = {{u"bogus_origin"_s, u"origin 0x1 ≠ 0x2"_s}};
    recorder.onRejections(rejected);
    engine::RequestOutcome kiss;
    kiss.serverId = 3;
    kiss.serverName = s.name;
    kiss.time = 1700000000;
    kiss.reasonId = u"kiss_of_death"_s;
    kiss.detail = u"RATE"_s;
    recorder.onRequestFailed(kiss);
    engine::RejectionSummary flood = rejected;
    flood.windowSeconds = 64;
    flood.total = 412;
    flood.counts = {{u"bogus_origin"_s, 398}, {u"malformed"_s, 14}};
    recorder.onRejections(flood);
    s.state = engine::ServerState::Falseticker;
    s.reason = u"outside the intersection"_s;
    publish();
    engine::SystemStatus system;
    system.synchronized = true;
    system.offset = 0.001;
    system.sysPeer = s.name;
    system.survivors = 1;
    recorder.onSystemChanged(system);

    QStringList lines;
    for (const eventlog::EventLogEntry &e : log.entries())
        lines << eventlog::eventKindId(e.kind) + u": "_s + e.message;
    QCOMPARE(lines, (QStringList{
                        u"configuration: server added, address 127.0.0.1"_s,
                        u"request_sent: request sent (#1, poll 1.0 s)"_s,
                        u"reply_accepted: reply accepted: offset +1.20 ms, delay 300 µs"_s,
                        u"reply_rejected: reply rejected: origin timestamp does not match our request (origin 0x1 ≠ 0x2)"_s,
                        u"kiss_of_death: kiss-o'-death received (RATE)"_s,
                        u"reply_rejected: 412 replies rejected in the last 64 s: origin timestamp does not match our "
                        u"request 398, malformed packet 14"_s,
                        u"state_changed: unusable → falseticker: outside the intersection"_s,
                        u"selection_changed: system peer is now 127.0.0.1:123"_s,
                        u"selection_changed: synchronised: offset +1.00 ms, 1 survivor(s)"_s}));
    QCOMPARE(log.at(6).level, EventLevel::Warning); // falseticker is bad news
    // A removed server is named from the last snapshot, once.
    const int before = log.size();
    recorder.onServerRemoved(3);
    recorder.onServerRemoved(3);
    QCOMPARE(log.size(), before + 1);
    QCOMPARE(log.at(before).server, s.name);
    QCOMPARE(log.at(before).message, u"server removed"_s);
}

QTEST_MAIN(TestEventLogModel)
#include "tst_eventlogmodel.moc"

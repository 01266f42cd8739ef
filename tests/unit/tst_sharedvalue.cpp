// SPDX-License-Identifier: GPL-3.0-or-later
// SharedValue (issue 18): the copy-on-write value ServerStatus::filterStages is held in. Copies
// share one instance until one is changed; a change reaches that copy only; a default one reads
// as T{} without allocating; a new value is written in place when nothing else shares it.
#include <QTest>

#include "core/engine/serverstatus.h"
#include "core/engine/sharedvalue.h"
#include "core/stats/clockfilter.h"

using chronoscope::engine::ServerStatus;
using chronoscope::engine::SharedValue;
using Stages = std::array<chronoscope::stats::FilterStage, chronoscope::ntp::NSTAGE>;

class TstSharedValue : public QObject
{
    Q_OBJECT
private slots:
    void defaultReadsAsDefaultValue();
    void copiesShareUntilOneIsChanged();
    void assigningToAnUnsharedValueKeepsItsInstance();
    void assigningToASharedValueLeavesTheOthers();
    void resetGoesBackToTheDefault();
    void serverStatusSnapshotKeepsItsStages();
    void clockFilterSharesItsStagesUntilTheNextShift();
};

void TstSharedValue::defaultReadsAsDefaultValue()
{
    const SharedValue<Stages> stages;
    const Stages &plain = stages;
    QCOMPARE(plain.size(), size_t(8));
    QVERIFY(!stages[0].valid);
    QCOMPARE(stages[7].delay, chronoscope::ntp::MAXDISP);
    // Two default ones hold nothing: they "share" the null instance.
    QVERIFY(stages.sharesWith(SharedValue<Stages>()));
}

void TstSharedValue::copiesShareUntilOneIsChanged()
{
    SharedValue<Stages> a;
    a[0].offset = 0.5;                  // allocates, then writes
    const SharedValue<Stages> b = a;
    QVERIFY(b.sharesWith(a));
    a[1].offset = 0.25;                 // a copies first
    QVERIFY(!b.sharesWith(a));
    QCOMPARE(b[0].offset, 0.5);
    QCOMPARE(b[1].offset, 0.0);
    QCOMPARE(a[0].offset, 0.5);
    QCOMPARE(a[1].offset, 0.25);
}

void TstSharedValue::assigningToAnUnsharedValueKeepsItsInstance()
{
    Stages next{};
    next[0].valid = true;
    SharedValue<Stages> a = next;
    const Stages *before = &a.value();
    next[0].time = 42.0;
    a = next;
    QCOMPARE(&a.value(), before); // overwritten in place: no new allocation per sample
    QCOMPARE(a[0].time, 42.0);
}

void TstSharedValue::assigningToASharedValueLeavesTheOthers()
{
    Stages first{};
    first[0].delay = 0.001;
    SharedValue<Stages> engineSide = first;
    const SharedValue<Stages> snapshot = engineSide;
    Stages second = first;
    second[0].delay = 0.002;
    engineSide = second;
    QCOMPARE(snapshot[0].delay, 0.001);
    QCOMPARE(engineSide[0].delay, 0.002);
}

void TstSharedValue::resetGoesBackToTheDefault()
{
    SharedValue<Stages> a;
    a[3].valid = true;
    const SharedValue<Stages> kept = a;
    a.reset();
    QVERIFY(!a[3].valid);
    QVERIFY(kept[3].valid);
}

void TstSharedValue::serverStatusSnapshotKeepsItsStages()
{
    ServerStatus engineSide;
    Stages stages{};
    stages[0] = {0.001, 0.010, 0.0001, 100.0, true};
    engineSide.filterStages = stages;
    const ServerStatus snapshot = engineSide;
    QVERIFY(snapshot.filterStages.sharesWith(engineSide.filterStages));
    stages[0] = {0.002, 0.020, 0.0002, 101.0, true};
    engineSide.filterStages = stages; // the next sample
    QCOMPARE(snapshot.filterStages[0].offset, 0.001);
    QCOMPARE(engineSide.filterStages[0].offset, 0.002);
    // A ServerStatus copy costs a pointer for the stages, not 8 × FilterStage.
    QCOMPARE(sizeof(SharedValue<Stages>), sizeof(void *));
}

void TstSharedValue::clockFilterSharesItsStagesUntilTheNextShift()
{
    // The association's status holds the filter's own stages (no copy of its own); the next
    // sample gives the filter new ones and leaves the held ones as they were.
    chronoscope::stats::ClockFilter filter(1e-6);
    QVERIFY(!filter.stages()[0].valid); // a fresh filter reads as empty stages
    filter.addSample(0.001, 0.010, 0.0001, 100.0, 1.0);
    ServerStatus status;
    status.filterStages = filter.sharedStages();
    QVERIFY(status.filterStages.sharesWith(filter.sharedStages()));
    QCOMPARE(status.filterStages[0].offset, 0.001);
    filter.addSample(0.002, 0.020, 0.0001, 101.0, 1.0);
    QVERIFY(!status.filterStages.sharesWith(filter.sharedStages()));
    QCOMPARE(status.filterStages[0].offset, 0.001);
    QVERIFY(!status.filterStages[1].valid);
    QCOMPARE(filter.stages()[0].offset, 0.002);
    QCOMPARE(filter.stages()[1].offset, 0.001);
    filter.reset();
    QVERIFY(!filter.stages()[0].valid);
    QCOMPARE(status.filterStages[0].offset, 0.001);
}

QTEST_APPLESS_MAIN(TstSharedValue)
#include "tst_sharedvalue.moc"

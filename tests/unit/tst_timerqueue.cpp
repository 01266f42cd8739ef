// SPDX-License-Identifier: GPL-3.0-or-later
// TimerQueue (issue 18): one QTimer and a binary heap for every poll and time-out deadline of an
// engine. Checks order, stopping (also from a callback), an earlier deadline that arrives while
// the QTimer waits for a later one, restarting from a callback, and timers that outlive the
// queue. Only order and liveness are asserted, never how late a timer fired.
#include <algorithm>
#include <memory>
#include <random>
#include <vector>

#include <QTest>

#include "core/engine/timerqueue.h"

using chronoscope::engine::QueuedTimer;
using chronoscope::engine::TimerQueue;
using namespace std::chrono_literals;

class TestTimerQueue : public QObject
{
    Q_OBJECT
private slots:
    void firesInDeadlineOrder();
    void stoppedTimersNeverFire();
    void earlierDeadlineRearmsTheQueue();
    void callbackMayRestartAndStopTimers();
    void timersOutliveTheQueue();
    void wakeUpsFallOnTheGrid();
    void timersWithinOneGridStepShareAWakeUp();
};

void TestTimerQueue::firesInDeadlineOrder()
{
    TimerQueue queue;
    std::mt19937 random(18);
    std::vector<TimerQueue::Clock::time_point> deadlines;
    std::vector<TimerQueue::Clock::time_point> firedDeadlines;
    std::vector<std::unique_ptr<QueuedTimer>> timers;
    const auto base = TimerQueue::Clock::now() + 20ms;
    for (int i = 0; i < 1000; ++i) {
        const auto deadline = base + std::chrono::microseconds(random() % 50000);
        deadlines.push_back(deadline);
        timers.push_back(std::make_unique<QueuedTimer>(queue, [&firedDeadlines, deadline] {
            firedDeadlines.push_back(deadline);
        }));
        timers.back()->startAt(deadline);
    }
    QCOMPARE(queue.size(), size_t(1000));
    QTRY_COMPARE_WITH_TIMEOUT(firedDeadlines.size(), size_t(1000), 10000);
    QVERIFY(std::is_sorted(firedDeadlines.begin(), firedDeadlines.end()));
    std::sort(deadlines.begin(), deadlines.end());
    QVERIFY(firedDeadlines == deadlines);
    // None fired before its deadline.
    QVERIFY(TimerQueue::Clock::now() >= deadlines.back());
    QCOMPARE(queue.size(), size_t(0));
    for (const auto &timer : timers)
        QVERIFY(!timer->isActive());
}

void TestTimerQueue::stoppedTimersNeverFire()
{
    TimerQueue queue;
    std::vector<int> fired;
    std::vector<std::unique_ptr<QueuedTimer>> timers;
    for (int i = 0; i < 200; ++i) {
        timers.push_back(std::make_unique<QueuedTimer>(queue, [&fired, i] { fired.push_back(i); }));
        timers.back()->start(std::chrono::milliseconds(10 + (i * 7) % 40));
    }
    for (int i = 0; i < 200; i += 2)
        timers[size_t(i)]->stop(); // from all over the heap
    QCOMPARE(queue.size(), size_t(100));
    QTRY_COMPARE_WITH_TIMEOUT(fired.size(), size_t(100), 10000);
    QTest::qWait(100); // anything stopped that would still fire has had its time
    QCOMPARE(fired.size(), size_t(100));
    for (int i : fired)
        QVERIFY2(i % 2 == 1, qPrintable(QString::number(i)));
}

void TestTimerQueue::earlierDeadlineRearmsTheQueue()
{
    // The QTimer waits for a deadline an hour away; a timer due now must not wait with it.
    TimerQueue queue;
    bool lateFired = false;
    bool soonFired = false;
    QueuedTimer late(queue, [&] { lateFired = true; });
    QueuedTimer soon(queue, [&] { soonFired = true; });
    late.start(1h);
    QTest::qWait(5);
    soon.start(10ms);
    QTRY_VERIFY_WITH_TIMEOUT(soonFired, 10000);
    QVERIFY(!lateFired);
    QVERIFY(late.isActive());
    QVERIFY(!soon.isActive());
    // Also after a callback armed the QTimer (for half an hour): a timer started afterwards,
    // from outside any callback, with an earlier deadline.
    soonFired = false;
    bool chainFired = false;
    bool middleFired = false;
    QueuedTimer middle(queue, [&] { middleFired = true; });
    QueuedTimer chain(queue, [&] {
        chainFired = true;
        middle.start(30min);
    });
    chain.start(1ms);
    QTRY_VERIFY_WITH_TIMEOUT(chainFired, 10000);
    QVERIFY(middle.isActive());
    soon.start(10ms);
    QTRY_VERIFY_WITH_TIMEOUT(soonFired, 10000);
    QVERIFY(!lateFired);
    QVERIFY(!middleFired);
}

void TestTimerQueue::callbackMayRestartAndStopTimers()
{
    TimerQueue queue;
    int repeats = 0;
    bool victimFired = false;
    QueuedTimer victim(queue, [&] { victimFired = true; });
    std::unique_ptr<QueuedTimer> repeating;
    repeating = std::make_unique<QueuedTimer>(queue, [&] {
        victim.stop(); // due at the same time, stopped before it runs
        if (++repeats < 5)
            repeating->start(2ms);
    });
    const auto deadline = TimerQueue::Clock::now() + 15ms;
    repeating->startAt(deadline);
    victim.startAt(deadline + 1us);
    QTRY_COMPARE_WITH_TIMEOUT(repeats, 5, 10000);
    QVERIFY(!repeating->isActive());
    QVERIFY(!victimFired);
    QCOMPARE(queue.size(), size_t(0));
}

void TestTimerQueue::timersOutliveTheQueue()
{
    auto queue = std::make_unique<TimerQueue>();
    QueuedTimer timer(*queue, [] { });
    timer.start(1h);
    QVERIFY(timer.isActive());
    queue.reset();
    QVERIFY(!timer.isActive()); // and its destructor does not touch the queue
}

void TestTimerQueue::wakeUpsFallOnTheGrid()
{
    // The grid point at or after a deadline: never before it, less than one step after it,
    // and a multiple of the step.
    const auto grid = TimerQueue::Clock::duration(TimerQueue::WAKE_UP_GRID);
    std::mt19937_64 random(7);
    for (int i = 0; i < 10000; ++i) {
        const TimerQueue::Clock::time_point deadline{TimerQueue::Clock::duration(std::int64_t(random() >> 8))};
        const TimerQueue::Clock::time_point wake = TimerQueue::wakeUpFor(deadline);
        QVERIFY(wake >= deadline);
        QVERIFY(wake - deadline < grid);
        QCOMPARE(wake.time_since_epoch().count() % grid.count(), 0);
        QCOMPARE(TimerQueue::wakeUpFor(wake), wake);
    }
}

void TestTimerQueue::timersWithinOneGridStepShareAWakeUp()
{
    // Deadlines spread over one grid step fire together, each after its own deadline, and
    // report the deadline they were due at.
    TimerQueue queue;
    const auto start = TimerQueue::wakeUpFor(TimerQueue::Clock::now() + 20ms);
    const auto step = TimerQueue::Clock::duration(TimerQueue::WAKE_UP_GRID);
    std::vector<TimerQueue::Clock::time_point> firedAt;
    std::vector<TimerQueue::Clock::time_point> reported;
    std::vector<std::unique_ptr<QueuedTimer>> timers;
    for (int i = 1; i <= 4; ++i) {
        const auto deadline = start + step * i / 4 - step / 8; // inside (start, start + step]
        timers.push_back(std::make_unique<QueuedTimer>(queue, [&, i] {
            firedAt.push_back(TimerQueue::Clock::now());
            reported.push_back(timers[size_t(i - 1)]->firedDeadline());
        }));
        timers.back()->startAt(deadline);
    }
    QTRY_COMPARE_WITH_TIMEOUT(firedAt.size(), size_t(4), 2000);
    for (int i = 0; i < 4; ++i) {
        const auto deadline = start + step * (i + 1) / 4 - step / 8;
        QVERIFY(firedAt[size_t(i)] >= deadline);
        QVERIFY(reported[size_t(i)] == deadline);
    }
    // One wake-up: all four ran back to back, at or after the grid point.
    QVERIFY(firedAt.front() >= start + step);
    QVERIFY(firedAt.back() - firedAt.front() < step);
}

QTEST_MAIN(TestTimerQueue)
#include "tst_timerqueue.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <functional>
#include <vector>

#include <QObject>
#include <QTimer>

namespace chronoscope::engine {

class QueuedTimer;

// One precise QTimer serving many deadlines (chrony's single scheduler, in Qt form). A thousand
// associations with a poll and a timeout timer each would otherwise keep two thousand Qt timers,
// whose registration costs grow with their number. The deadlines sit in a binary min-heap of
// (deadline, timer) slots (each timer knows its slot; comparisons read only the heap's own
// memory), so starting, stopping and firing one costs O(log n) and allocates nothing; the
// QTimer is re-armed only when the earliest deadline moves earlier (a later one just costs one
// early wake-up that finds nothing due).
class TimerQueue final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimerQueue)
public:
    using Clock = std::chrono::steady_clock;

    explicit TimerQueue(QObject *parent = nullptr);
    ~TimerQueue() override;

    std::size_t size() const { return m_heap.size(); }

    // Wake-ups fall on a grid of the steady clock: all deadlines within one step are served by
    // one wake-up, at most one step late (and never early). However many servers are polled,
    // that is at most 62.5 wake-ups a second for their timers, not one per deadline; for NTP
    // 16 ms of lateness cost nothing (T1 is read at transmission, and polls keep their
    // cadence: ServerAssociation::sendRequest). Each wake-up costs the engine thread two
    // context switches: with 1,000 servers at a 1 s poll, a 4 ms grid (about 4 requests per
    // wake-up) cost 2.2-2.4 % of a core where 16 ms costs 1.7-1.8 % (README, issue 18);
    // 32 ms saved nothing more at 10,000 servers.
    static constexpr std::chrono::milliseconds WAKE_UP_GRID{16};
    // The grid point at or after `deadline`.
    static Clock::time_point wakeUpFor(Clock::time_point deadline);

private:
    friend class QueuedTimer;
    static constexpr std::size_t NOT_QUEUED = std::size_t(-1);

    struct Slot
    {
        Clock::time_point deadline;
        QueuedTimer *timer;
    };

    void add(QueuedTimer *timer, Clock::time_point deadline);
    void remove(QueuedTimer *timer);
    void onTimeout();
    void rearm();
    void place(std::size_t index, const Slot &slot);
    void siftUp(std::size_t index);
    void siftDown(std::size_t index);

    std::vector<Slot> m_heap;           // m_heap[0] is due first
    Clock::time_point m_armedFor;       // when m_timer fires, if active
    QTimer m_timer;
};

// A single-shot timer on a TimerQueue with QTimer's small interface (start, stop, isActive).
// The callback runs in the queue's thread; it may start or stop any timer, this one included.
class QueuedTimer
{
    Q_DISABLE_COPY_MOVE(QueuedTimer)
public:
    QueuedTimer(TimerQueue &queue, std::function<void()> callback);
    ~QueuedTimer();

    // Fires after `delay` (from now).
    void start(std::chrono::milliseconds delay);
    // Fires once `deadline` has passed (at once when it has already passed).
    void startAt(TimerQueue::Clock::time_point deadline);
    void stop();
    bool isActive() const { return m_index != TimerQueue::NOT_QUEUED; }
    // The deadline the timer last fired for (before now when the event loop came late);
    // meaningful inside and after its callback.
    TimerQueue::Clock::time_point firedDeadline() const { return m_firedDeadline; }

private:
    friend class TimerQueue;
    TimerQueue &m_queue;
    std::function<void()> m_callback;
    std::size_t m_index = TimerQueue::NOT_QUEUED; // slot in the queue's heap
    TimerQueue::Clock::time_point m_firedDeadline;
};

} // namespace chronoscope::engine

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <unordered_map>

#include <QObject>
#include <QTimer>

namespace chronoscope::engine {

// One precise QTimer serving many deadlines (chrony's single scheduler, in Qt form). A thousand
// associations with a poll and a timeout timer each would otherwise keep two thousand Qt timers,
// whose registration costs grow with their number; here scheduling and cancelling is O(log n).
class TimerQueue final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimerQueue)
public:
    using Clock = std::chrono::steady_clock;
    using Handle = quint64;

    explicit TimerQueue(QObject *parent = nullptr);

    // Calls `callback` (in this object's thread) once `when` has passed. Never returns 0.
    Handle schedule(Clock::time_point when, std::function<void()> callback);
    void cancel(Handle handle);
    bool isScheduled(Handle handle) const { return m_entries.count(handle) != 0; }
    std::size_t size() const { return m_entries.size(); }

private:
    struct Entry
    {
        std::multimap<Clock::time_point, Handle>::iterator position;
        std::function<void()> callback;
    };

    void onTimeout();
    void rearm();

    std::multimap<Clock::time_point, Handle> m_byTime;
    std::unordered_map<Handle, Entry> m_entries;
    Handle m_nextHandle = 1;
    QTimer m_timer;
};

// A single-shot timer on a TimerQueue with QTimer's small interface (start, stop, isActive).
class QueuedTimer
{
    Q_DISABLE_COPY_MOVE(QueuedTimer)
public:
    QueuedTimer(TimerQueue &queue, std::function<void()> callback);
    ~QueuedTimer();

    void start(std::chrono::milliseconds delay);
    void stop();
    bool isActive() const;

private:
    TimerQueue &m_queue;
    std::function<void()> m_callback;
    TimerQueue::Handle m_handle = 0;
};

} // namespace chronoscope::engine

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/timerqueue.h"

#include <algorithm>

namespace chronoscope::engine {

TimerQueue::TimerQueue(QObject *parent) : QObject(parent), m_timer(this)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &TimerQueue::onTimeout);
}

TimerQueue::Handle TimerQueue::schedule(Clock::time_point when, std::function<void()> callback)
{
    const Handle handle = m_nextHandle++;
    const auto position = m_byTime.emplace(when, handle);
    m_entries.emplace(handle, Entry{position, std::move(callback)});
    if (position == m_byTime.begin())
        rearm();
    return handle;
}

void TimerQueue::cancel(Handle handle)
{
    const auto it = m_entries.find(handle);
    if (it == m_entries.end())
        return;
    const bool wasFirst = it->second.position == m_byTime.begin();
    m_byTime.erase(it->second.position);
    m_entries.erase(it);
    if (wasFirst)
        rearm();
}

void TimerQueue::onTimeout()
{
    const Clock::time_point now = Clock::now();
    // Run everything that is due; callbacks may schedule or cancel (handled by re-reading).
    while (!m_byTime.empty() && m_byTime.begin()->first <= now) {
        const Handle handle = m_byTime.begin()->second;
        const auto entry = m_entries.find(handle);
        std::function<void()> callback = std::move(entry->second.callback);
        m_byTime.erase(m_byTime.begin());
        m_entries.erase(entry);
        callback();
    }
    rearm();
}

void TimerQueue::rearm()
{
    if (m_byTime.empty()) {
        m_timer.stop();
        return;
    }
    const auto delay = std::chrono::ceil<std::chrono::milliseconds>(m_byTime.begin()->first - Clock::now());
    m_timer.start(std::max(delay, std::chrono::milliseconds(0)));
}

QueuedTimer::QueuedTimer(TimerQueue &queue, std::function<void()> callback)
    : m_queue(queue), m_callback(std::move(callback))
{
}

QueuedTimer::~QueuedTimer()
{
    stop();
}

void QueuedTimer::start(std::chrono::milliseconds delay)
{
    stop();
    m_handle = m_queue.schedule(TimerQueue::Clock::now() + delay, [this] {
        m_handle = 0;
        m_callback();
    });
}

void QueuedTimer::stop()
{
    if (m_handle != 0)
        m_queue.cancel(m_handle);
    m_handle = 0;
}

bool QueuedTimer::isActive() const
{
    return m_handle != 0 && m_queue.isScheduled(m_handle);
}

} // namespace chronoscope::engine

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

TimerQueue::~TimerQueue()
{
    // Timers that outlive the queue must not point into it.
    for (const Slot &slot : m_heap)
        slot.timer->m_index = NOT_QUEUED;
}

void TimerQueue::place(std::size_t index, const Slot &slot)
{
    m_heap[index] = slot;
    slot.timer->m_index = index;
}

void TimerQueue::siftUp(std::size_t index)
{
    const Slot slot = m_heap[index];
    while (index > 0) {
        const std::size_t parent = (index - 1) / 2;
        if (!(slot.deadline < m_heap[parent].deadline))
            break;
        place(index, m_heap[parent]);
        index = parent;
    }
    place(index, slot);
}

void TimerQueue::siftDown(std::size_t index)
{
    const Slot slot = m_heap[index];
    const std::size_t n = m_heap.size();
    for (;;) {
        std::size_t child = 2 * index + 1;
        if (child >= n)
            break;
        if (child + 1 < n && m_heap[child + 1].deadline < m_heap[child].deadline)
            ++child;
        if (!(m_heap[child].deadline < slot.deadline))
            break;
        place(index, m_heap[child]);
        index = child;
    }
    place(index, slot);
}

void TimerQueue::add(QueuedTimer *timer, Clock::time_point deadline)
{
    m_heap.push_back({deadline, timer});
    siftUp(m_heap.size() - 1);
    if (timer->m_index == 0)
        rearm();
}

void TimerQueue::remove(QueuedTimer *timer)
{
    const std::size_t index = timer->m_index;
    timer->m_index = NOT_QUEUED;
    const Slot last = m_heap.back();
    m_heap.pop_back();
    if (last.timer == timer)
        return;
    place(index, last);
    // The moved slot goes down, or up if it is earlier than its new parent.
    if (index > 0 && last.deadline < m_heap[(index - 1) / 2].deadline)
        siftUp(index);
    else
        siftDown(index);
    // The QTimer stays armed: at worst it wakes once early and finds nothing due.
}

void TimerQueue::onTimeout()
{
    const Clock::time_point now = Clock::now();
    // The QTimer is no longer armed; a callback that starts a timer may arm it again.
    m_armedFor = {};
    // Run everything that is due; a callback may start or stop timers (the heap is re-read).
    while (!m_heap.empty() && m_heap.front().deadline <= now) {
        QueuedTimer *timer = m_heap.front().timer;
        timer->m_firedDeadline = m_heap.front().deadline;
        remove(timer);
        timer->m_callback();
    }
    rearm();
}

TimerQueue::Clock::time_point TimerQueue::wakeUpFor(Clock::time_point deadline)
{
    const Clock::duration since = deadline.time_since_epoch();
    const Clock::duration grid = WAKE_UP_GRID;
    return Clock::time_point(((since + grid - Clock::duration(1)) / grid) * grid);
}

void TimerQueue::rearm()
{
    if (m_heap.empty())
        return; // an armed timer fires once more and finds nothing
    const Clock::time_point wake = wakeUpFor(m_heap.front().deadline);
    // Armed for that grid point (or earlier) already: nothing to do.
    if (m_timer.isActive() && m_armedFor <= wake)
        return;
    const Clock::time_point now = Clock::now();
    const auto delay = std::max(std::chrono::ceil<std::chrono::milliseconds>(wake - now), std::chrono::milliseconds(0));
    m_armedFor = now + delay;
    m_timer.start(delay);
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
    startAt(TimerQueue::Clock::now() + delay);
}

void QueuedTimer::startAt(TimerQueue::Clock::time_point deadline)
{
    stop();
    m_queue.add(this, deadline);
}

void QueuedTimer::stop()
{
    if (isActive())
        m_queue.remove(this);
}

} // namespace chronoscope::engine

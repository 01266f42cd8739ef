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
        remove(timer);
        timer->m_callback();
    }
    rearm();
}

void TimerQueue::rearm()
{
    if (m_heap.empty())
        return; // an armed timer fires once more and finds nothing
    const Clock::time_point first = m_heap.front().deadline;
    // Armed for the first deadline already (within the QTimer's 1 ms resolution): nothing to do.
    if (m_timer.isActive() && m_armedFor <= first + std::chrono::milliseconds(1))
        return;
    const auto delay = std::chrono::ceil<std::chrono::milliseconds>(first - Clock::now());
    const auto clamped = std::max(delay, std::chrono::milliseconds(0));
    m_armedFor = Clock::now() + clamped;
    m_timer.start(clamped);
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

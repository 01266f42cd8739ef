// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/samplehistory.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace chronoscope::ui {

SampleHistory::SampleHistory(int capacity) : m_capacity(std::max(1, capacity)) { }

void SampleHistory::append(double time, double offset, double delay, double jitter)
{
    if (m_size < m_capacity) {
        // Grow on demand (most servers never come near the capacity), never beyond it.
        if (m_time.size() == m_time.capacity()) {
            const size_t next = std::min(size_t(m_capacity), std::max<size_t>(64, m_time.size() * 2));
            m_time.reserve(next);
            m_offset.reserve(next);
            m_delay.reserve(next);
            m_jitter.reserve(next);
        }
        m_time.push_back(time);
        m_offset.push_back(float(offset));
        m_delay.push_back(float(delay));
        m_jitter.push_back(float(jitter));
        ++m_size;
        return;
    }
    m_time[size_t(m_head)] = time;
    m_offset[size_t(m_head)] = float(offset);
    m_delay[size_t(m_head)] = float(delay);
    m_jitter[size_t(m_head)] = float(jitter);
    m_head = (m_head + 1) % m_capacity;
}

void SampleHistory::clear()
{
    m_time.clear();
    m_offset.clear();
    m_delay.clear();
    m_jitter.clear();
    m_head = 0;
    m_size = 0;
}

const std::vector<float> &SampleHistory::values(Metric metric) const
{
    switch (metric) {
    case Metric::Offset: return m_offset;
    case Metric::Delay: return m_delay;
    case Metric::Jitter: return m_jitter;
    }
    return m_offset;
}

double SampleHistory::valueAt(int index, Metric metric) const
{
    return double(values(metric)[size_t(slot(index))]);
}

size_t SampleHistory::memoryBytes() const
{
    return m_time.capacity() * sizeof(double) + (m_offset.capacity() + m_delay.capacity() + m_jitter.capacity()) * sizeof(float);
}

int SampleHistory::lowerBound(double t) const
{
    int low = 0;
    int high = m_size;
    while (low < high) {
        const int mid = (low + high) / 2;
        if (timeAt(mid) < t)
            low = mid + 1;
        else
            high = mid;
    }
    return low;
}

QList<QPointF> SampleHistory::points(Metric metric, double from, double to, int maxPoints, double scale) const
{
    QList<QPointF> out;
    const std::vector<float> &v = values(metric);
    const int first = lowerBound(from);
    int last = lowerBound(std::nextafter(to, std::numeric_limits<double>::infinity())); // one past
    const int count = last - first;
    if (count <= 0)
        return out;
    maxPoints = std::max(maxPoints, 4);
    if (count <= maxPoints) {
        out.reserve(count);
        for (int i = first; i < last; ++i)
            out.append(QPointF(timeAt(i) * 1000.0, double(v[size_t(slot(i))]) * scale));
        return out;
    }
    // Min/max decimation over equal time buckets.
    const int buckets = maxPoints / 2;
    const double t0 = timeAt(first);
    const double span = std::max(timeAt(last - 1) - t0, 1e-9);
    out.reserve(buckets * 2);
    int i = first;
    for (int b = 0; b < buckets && i < last; ++b) {
        const double bucketEnd = b == buckets - 1 ? std::numeric_limits<double>::infinity() : t0 + span * (b + 1) / buckets;
        int minIndex = -1;
        int maxIndex = -1;
        for (; i < last && timeAt(i) < bucketEnd; ++i) {
            const float value = v[size_t(slot(i))];
            if (minIndex < 0 || value < v[size_t(slot(minIndex))])
                minIndex = i;
            if (maxIndex < 0 || value > v[size_t(slot(maxIndex))])
                maxIndex = i;
        }
        if (minIndex < 0)
            continue;
        const int a = std::min(minIndex, maxIndex);
        const int c = std::max(minIndex, maxIndex);
        out.append(QPointF(timeAt(a) * 1000.0, double(v[size_t(slot(a))]) * scale));
        if (c != a)
            out.append(QPointF(timeAt(c) * 1000.0, double(v[size_t(slot(c))]) * scale));
    }
    return out;
}

double SampleHistory::maxMagnitude(Metric metric, double from, double to) const
{
    const std::vector<float> &v = values(metric);
    double best = 0;
    for (int i = lowerBound(from); i < m_size && timeAt(i) <= to; ++i)
        best = std::max(best, double(std::abs(v[size_t(slot(i))])));
    return best;
}

double SampleHistory::minPositive(Metric metric, double from, double to) const
{
    const std::vector<float> &v = values(metric);
    double best = 0;
    for (int i = lowerBound(from); i < m_size && timeAt(i) <= to; ++i) {
        const double value = double(v[size_t(slot(i))]);
        if (value > 0 && (best == 0 || value < best))
            best = value;
    }
    return best;
}

} // namespace chronoscope::ui

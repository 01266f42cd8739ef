// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/samplehistory.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace chronoscope::ui {

SampleHistory::SampleHistory(int capacity) : m_capacity(std::max(1, capacity)) { }

void SampleHistory::append(double time, double offset, double delay, double jitter)
{
    ++m_appended;
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
    m_cache = {};
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

double SampleHistory::bucketWidth(double span, int maxPoints)
{
    static constexpr std::array<double, 17> ladder{1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600,
                                                   7200, 14400, 43200, 86400};
    // Buckets overlapping [from, to] number at most span / width + 2; two points each.
    const double needed = span / std::max(1.0, maxPoints / 2.0 - 2.0);
    for (double width : ladder)
        if (width >= needed)
            return width;
    return ladder.back() * std::ceil(needed / ladder.back());
}

void SampleHistory::updateCache(Metric metric, double width) const
{
    DecimationCache &cache = m_cache[size_t(metric)];
    if (cache.width != width) {
        cache = DecimationCache();
        cache.width = width;
        cache.processed = firstAbsolute();
    }
    const std::vector<float> &v = values(metric);
    for (qint64 absolute = std::max(cache.processed, firstAbsolute()); absolute < m_appended; ++absolute) {
        const int index = int(absolute - firstAbsolute());
        const double t = timeAt(index);
        const float value = v[size_t(slot(index))];
        qint64 key = qint64(std::floor(t / width));
        if (!cache.buckets.empty() && key <= cache.buckets.back().key) {
            Bucket &b = cache.buckets.back(); // same bucket (or a sample out of order): merge
            if (value < b.minValue) {
                b.minValue = value;
                b.minTime = t;
            }
            if (value > b.maxValue) {
                b.maxValue = value;
                b.maxTime = t;
            }
            continue;
        }
        cache.buckets.push_back(Bucket{key, t, t, value, value});
    }
    cache.processed = m_appended;
    // Forget buckets whose samples the ring no longer holds.
    if (m_size > 0) {
        const qint64 oldest = qint64(std::floor(timeAt(0) / width));
        while (!cache.buckets.empty() && cache.buckets.front().key < oldest)
            cache.buckets.pop_front();
    }
}

QList<QPointF> SampleHistory::points(Metric metric, double from, double to, int maxPoints, double scale) const
{
    QList<QPointF> out;
    const std::vector<float> &v = values(metric);
    const int first = lowerBound(from);
    const int last = lowerBound(std::nextafter(to, std::numeric_limits<double>::infinity())); // one past
    const int count = last - first;
    if (count <= 0)
        return out;
    maxPoints = std::max(maxPoints, 8);
    if (count <= maxPoints) {
        out.reserve(count);
        for (int i = first; i < last; ++i)
            out.append(QPointF(timeAt(i) * 1000.0, double(v[size_t(slot(i))]) * scale));
        return out;
    }
    const double width = bucketWidth(to - from, maxPoints);
    updateCache(metric, width);
    const std::deque<Bucket> &buckets = m_cache[size_t(metric)].buckets;
    const qint64 firstKey = qint64(std::floor(from / width));
    const qint64 lastKey = qint64(std::floor(to / width));
    auto it = std::lower_bound(buckets.begin(), buckets.end(), firstKey,
                               [](const Bucket &b, qint64 key) { return b.key < key; });
    out.reserve(maxPoints);
    for (; it != buckets.end() && it->key <= lastKey; ++it) {
        const bool minFirst = it->minTime <= it->maxTime;
        const QPointF a(it->minTime * 1000.0, double(it->minValue) * scale);
        const QPointF b(it->maxTime * 1000.0, double(it->maxValue) * scale);
        out.append(minFirst ? a : b);
        if (it->minTime != it->maxTime || it->minValue != it->maxValue)
            out.append(minFirst ? b : a);
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

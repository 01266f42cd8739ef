// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <deque>
#include <vector>

#include <QList>
#include <QPointF>

namespace chronoscope::ui {

// The measurements charted for one server, newest last, in a fixed-capacity ring buffer (the
// oldest sample is overwritten). Times are Unix seconds; values are seconds. Values are kept as
// float (7 significant digits, far below any clock's noise) to hold 24 h of 1 s samples for
// 50 servers in well under 100 MB. Plain data: no Qt Charts.
class SampleHistory
{
public:
    enum class Metric { Offset, Delay, Jitter };
    static constexpr int DEFAULT_CAPACITY = 86400; // 24 h at one sample per second

    explicit SampleHistory(int capacity = DEFAULT_CAPACITY);

    void append(double time, double offset, double delay, double jitter);
    void clear();
    int size() const { return m_size; }
    int capacity() const { return m_capacity; }
    // Index 0 is the oldest sample kept.
    double timeAt(int index) const { return m_time[slot(index)]; }
    double valueAt(int index, Metric metric) const;
    // Bytes held by the buffers (for the benchmark's memory figures).
    size_t memoryBytes() const;

    // Points (x = time in ms since the epoch, y = value × scale) of the samples with
    // from ≤ time ≤ to, at most maxPoints of them. When more samples fall in the range, time
    // is cut into buckets (their width from a fixed ladder: 1 s, 2 s, 5 s, … 1 h, …) and each
    // bucket contributes its minimum and maximum in time order, so spikes survive. Buckets are
    // aligned to multiples of their width and cached, so a live chart only folds in the
    // samples appended since the last call. (When the ring has overwritten samples, the
    // oldest bucket may still include values from them.)
    QList<QPointF> points(Metric metric, double from, double to, int maxPoints, double scale) const;
    // The bucket width points() uses for `span` seconds and maxPoints (seconds).
    static double bucketWidth(double span, int maxPoints);
    // Largest |value| in [from, to] (0 when empty), to pick the display unit.
    double maxMagnitude(Metric metric, double from, double to) const;
    // Smallest positive value in [from, to] (0 when none), for log axes.
    double minPositive(Metric metric, double from, double to) const;

private:
    struct Bucket
    {
        qint64 key = 0;        // floor(time / width)
        double minTime = 0;
        double maxTime = 0;
        float minValue = 0;
        float maxValue = 0;
    };
    struct DecimationCache
    {
        double width = 0;      // seconds; 0: empty
        qint64 processed = 0;  // absolute index of the first sample not yet folded in
        std::deque<Bucket> buckets;
    };

    int slot(int index) const { return (m_head + index) % m_capacity; }
    qint64 firstAbsolute() const { return m_appended - m_size; }
    void updateCache(Metric metric, double width) const;
    // First index whose time is ≥ t (times are non-decreasing).
    int lowerBound(double t) const;
    const std::vector<float> &values(Metric metric) const;

    int m_capacity;
    int m_head = 0;   // slot of the oldest sample
    int m_size = 0;
    std::vector<double> m_time;
    std::vector<float> m_offset;
    std::vector<float> m_delay;
    std::vector<float> m_jitter;
    qint64 m_appended = 0;    // samples ever appended
    mutable std::array<DecimationCache, 3> m_cache; // per metric
};

} // namespace chronoscope::ui

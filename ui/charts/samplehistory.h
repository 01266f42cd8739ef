// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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
    // from ≤ time ≤ to. When more than maxPoints fall in the range, each of maxPoints / 2
    // equal time buckets contributes its minimum and maximum (in time order), so spikes survive.
    QList<QPointF> points(Metric metric, double from, double to, int maxPoints, double scale) const;
    // Largest |value| in [from, to] (0 when empty), to pick the display unit.
    double maxMagnitude(Metric metric, double from, double to) const;
    // Smallest positive value in [from, to] (0 when none), for log axes.
    double minPositive(Metric metric, double from, double to) const;

private:
    int slot(int index) const { return (m_head + index) % m_capacity; }
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
};

} // namespace chronoscope::ui

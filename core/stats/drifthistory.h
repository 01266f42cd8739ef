// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <vector>

namespace chronoscope::stats {

// One accepted measurement, as the regression sees it (seconds; time in any fixed epoch).
struct DriftSample
{
    double time = 0;        // local time of the measurement
    double offset = 0;      // θ, positive: local clock behind
    double delay = 0;       // δ
    double dispersion = 0;  // ε
};

// One kept sample as the fit reads it (seconds).
struct DriftPoint
{
    double time = 0;        // local time of the measurement (float precision, see DriftHistory)
    double offset = 0;      // θ, exact
    double distance = 0;    // d = δ/2 + ε, the fit weighs the sample by 1/d² (float precision)
};

// The most recent drift samples of one server, oldest first: a ring of at most `capacity`
// entries, whose storage grows with the samples (doubling, never past `capacity`) and is never
// reallocated once full. 16 bytes a sample (a std::deque of DriftSample took 32 and 512-byte
// blocks):
//   offset    double, exact: the fit is made of it
//   time      float seconds after a base time the ring keeps as a double. The base moves to the
//             oldest sample whenever the newest is more than 4 × the span (at least 256 s) after
//             it, so times stay below 4 × span + 256 s and are rounded to 2^-24 of that at
//             worst (64 samples 1 s apart: 15 µs; 64 s apart: 1 ms; 1024 s apart: 16 ms), far
//             below the spacing of the samples; the fit uses only differences of these times.
//   distance  float (relative precision 6e-8): only a weight.
class DriftHistory
{
public:
    explicit DriftHistory(int capacity);

    // Appends `sample` as the newest, dropping the oldest when full. Times must not decrease
    // (DriftEstimator clears the history when they do).
    void push(const DriftSample &sample);
    void clear();
    int size() const { return int(m_entries.size()); }
    int capacity() const { return m_capacity; }
    bool isEmpty() const { return m_entries.empty(); }
    // 0 = oldest, size() - 1 = newest (precondition: 0 <= index < size()).
    DriftPoint at(int index) const;
    DriftPoint newest() const { return at(size() - 1); }
    DriftPoint oldest() const { return at(0); }
    // All points, oldest first, into `out` (room for size() points): one pass for a reader that
    // goes over them several times (fitDrift).
    void copyPoints(DriftPoint *out) const;
    // Bytes reserved for samples (for tests and memory accounting).
    int reservedBytes() const { return int(m_entries.capacity() * sizeof(Entry)); }

private:
    struct Entry
    {
        double offset;
        float time;       // seconds after m_base
        float distance;
    };
    const Entry &entry(int index) const;
    void moveBaseTo(double base);

    std::vector<Entry> m_entries;
    double m_base = 0;  // time the entries' times count from
    int m_oldest = 0;   // index of the oldest entry once the ring is full (0 before)
    int m_capacity;
};

} // namespace chronoscope::stats

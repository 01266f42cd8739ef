// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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

// The most recent drift samples of one server, oldest first: a ring of at most `capacity`
// entries, whose storage grows with the samples (doubling, never past `capacity`) and is never
// reallocated once full. Stored compactly, 24 bytes a sample instead of 32: time and offset as
// doubles (seconds; the fit needs their full precision), delay and dispersion as floats
// (seconds, relative precision about 6e-8; they only weigh the samples by 1/(δ/2 + ε)²).
class DriftHistory
{
public:
    explicit DriftHistory(int capacity);

    // Appends `sample` as the newest, dropping the oldest when full.
    void push(const DriftSample &sample);
    void clear();
    int size() const { return int(m_entries.size()); }
    int capacity() const { return m_capacity; }
    bool isEmpty() const { return m_entries.empty(); }
    // 0 = oldest, size() - 1 = newest (precondition: 0 <= index < size()).
    DriftSample at(int index) const;
    DriftSample newest() const { return at(size() - 1); }
    DriftSample oldest() const { return at(0); }
    // Bytes reserved for samples (for tests and memory accounting).
    int reservedBytes() const { return int(m_entries.capacity() * sizeof(Entry)); }

private:
    struct Entry
    {
        double time;
        double offset;
        float delay;
        float dispersion;
    };
    std::vector<Entry> m_entries;
    int m_oldest = 0;   // index of the oldest entry once the ring is full (0 before)
    int m_capacity;
};

} // namespace chronoscope::stats

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

#include <QSharedData>
#include <QSharedDataPointer>

namespace chronoscope::engine {

// A value whose copies share one instance until one of them is changed (copy on write), for a
// bulky part of ServerStatus that changes at most once per poll (the clock filter's stages,
// 320 bytes): a snapshot taken since the last change shares it instead of holding a copy of
// its own. A default-constructed one holds T{} without allocating. Reads through a const
// object never copy; operator[] and modify() of a non-const object copy a shared value first;
// assigning a new value overwrites it in place when nothing else shares it. Copies may be read
// in other threads (the reference count is atomic); one object is changed by one thread at a
// time, as any value. The sibling of SharedOptional (sharedoptional.h) for values that always
// exist.
template <typename T> class SharedValue
{
public:
    SharedValue() = default;
    SharedValue(const T &value) : m_d(new Node(value)) { }

    SharedValue &operator=(const T &value)
    {
        if (m_d.constData() && m_d.constData()->ref.loadAcquire() == 1)
            m_d.data()->value = value; // not shared: no allocation
        else
            m_d = new Node(value);
        return *this;
    }
    // Back to T{} (drops this copy's reference).
    void reset() { m_d.reset(); }

    const T &value() const { return m_d.constData() ? m_d.constData()->value : defaultValue(); }
    operator const T &() const { return value(); }
    // For changing parts of the value in place (copies a shared value first).
    T &modify()
    {
        if (!m_d.constData())
            m_d = new Node(T{});
        return m_d.data()->value;
    }
    // Element access for array values.
    decltype(auto) operator[](std::size_t index) const { return value()[index]; }
    decltype(auto) operator[](std::size_t index) { return modify()[index]; }
    // True when both hold the same instance (a copy not changed since), for tests.
    bool sharesWith(const SharedValue &other) const { return m_d.constData() == other.m_d.constData(); }

private:
    struct Node : QSharedData
    {
        explicit Node(const T &v) : value(v) { }
        T value;
    };
    static const T &defaultValue()
    {
        static const T value{};
        return value;
    }
    QSharedDataPointer<Node> m_d;
};

} // namespace chronoscope::engine

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <utility>

#include <QSharedData>
#include <QSharedDataPointer>

namespace chronoscope::engine {

// The copy-on-write storage behind SharedOptional and SharedValue: one pointer to a value that
// copies share until one of them is changed (like Qt's implicitly shared classes), or to
// nothing. Reads through get() never copy; modify() copies a shared value first; assign()
// overwrites the value in place when nothing else shares it and allocates otherwise. Copies
// may be read in other threads (the reference count is atomic); one object is changed by one
// thread at a time, as any value.
template <typename T> class SharedBox
{
public:
    SharedBox() = default;
    explicit SharedBox(const T &value) : m_d(new Node(value)) { }
    explicit SharedBox(T &&value) : m_d(new Node(std::move(value))) { }

    // The value, or nullptr when the box is empty.
    const T *get() const { return m_d.constData() ? &m_d.constData()->value : nullptr; }
    // Precondition: get() != nullptr. Copies a shared value first.
    T &modify() { return m_d.data()->value; }
    template <typename U> void assign(U &&value)
    {
        if (m_d.constData() && m_d.constData()->ref.loadAcquire() == 1)
            m_d.data()->value = std::forward<U>(value); // not shared: no allocation
        else
            m_d = new Node(std::forward<U>(value));
    }
    void reset() { m_d.reset(); }
    // True when both hold the same instance (a copy not changed since), for tests.
    bool sharesWith(const SharedBox &other) const { return m_d.constData() == other.m_d.constData(); }

private:
    struct Node : QSharedData
    {
        explicit Node(const T &v) : value(v) { }
        explicit Node(T &&v) : value(std::move(v)) { }
        T value;
    };
    QSharedDataPointer<Node> m_d;
};

} // namespace chronoscope::engine

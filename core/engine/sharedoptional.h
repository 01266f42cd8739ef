// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <utility>

#include <QSharedData>
#include <QSharedDataPointer>

namespace chronoscope::engine {

// An optional value whose copies share one instance until one of them is changed (copy on
// write, like Qt's implicitly shared classes). For the bulky, rarely changing parts of
// ServerStatus (NTS status, the last failed request): a snapshot copy costs a pointer and a
// reference count instead of a few hundred bytes. Reads through a const object never copy;
// operator-> and operator* of a non-const object copy the value first when it is shared.
// Copies may be read in other threads (the reference count is atomic); one object is changed
// by one thread at a time, as any value.
// The interface is the part of std::optional that ServerStatus users need.
template <typename T> class SharedOptional
{
public:
    SharedOptional() = default;
    SharedOptional(std::nullopt_t) { }
    SharedOptional(const T &value) : m_d(new Node(value)) { }
    SharedOptional(T &&value) : m_d(new Node(std::move(value))) { }

    SharedOptional &operator=(std::nullopt_t)
    {
        reset();
        return *this;
    }
    SharedOptional &operator=(const T &value)
    {
        m_d = new Node(value);
        return *this;
    }
    SharedOptional &operator=(T &&value)
    {
        m_d = new Node(std::move(value));
        return *this;
    }

    bool has_value() const { return m_d.constData() != nullptr; }
    explicit operator bool() const { return has_value(); }
    // Precondition for these four, as for std::optional: has_value().
    const T &operator*() const { return m_d.constData()->value; }
    const T *operator->() const { return &m_d.constData()->value; }
    T &operator*() { return m_d.data()->value; }   // copies a shared value first
    T *operator->() { return &m_d.data()->value; } // copies a shared value first
    void reset() { m_d.reset(); }
    // True when both hold the same instance (a copy not changed since), for tests.
    bool sharesWith(const SharedOptional &other) const { return m_d.constData() == other.m_d.constData(); }

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

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <utility>

#include "core/engine/sharedbox.h"

namespace chronoscope::engine {

// An optional value whose copies share one instance until one of them is changed (SharedBox).
// For the bulky, rarely changing parts of ServerStatus (NTS status, the last failed request): a
// snapshot copy costs a pointer and a reference count instead of a few hundred bytes. Reads
// through a const object never copy; operator-> and operator* of a non-const object copy the
// value first when it is shared. The interface is the part of std::optional that ServerStatus
// users need.
template <typename T> class SharedOptional
{
public:
    SharedOptional() = default;
    SharedOptional(std::nullopt_t) { }
    SharedOptional(const T &value) : m_box(value) { }
    SharedOptional(T &&value) : m_box(std::move(value)) { }

    SharedOptional &operator=(std::nullopt_t)
    {
        reset();
        return *this;
    }
    SharedOptional &operator=(const T &value)
    {
        m_box.assign(value);
        return *this;
    }
    SharedOptional &operator=(T &&value)
    {
        m_box.assign(std::move(value));
        return *this;
    }

    bool has_value() const { return m_box.get() != nullptr; }
    explicit operator bool() const { return has_value(); }
    // Precondition for these four, as for std::optional: has_value().
    const T &operator*() const { return *m_box.get(); }
    const T *operator->() const { return m_box.get(); }
    T &operator*() { return m_box.modify(); }   // copies a shared value first
    T *operator->() { return &m_box.modify(); } // copies a shared value first
    void reset() { m_box.reset(); }
    // True when both hold the same instance (a copy not changed since), for tests.
    bool sharesWith(const SharedOptional &other) const { return m_box.sharesWith(other.m_box); }

private:
    SharedBox<T> m_box;
};

} // namespace chronoscope::engine

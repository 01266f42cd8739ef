// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

#include "core/engine/sharedbox.h"

namespace chronoscope::engine {

// A value whose copies share one instance until one of them is changed (SharedBox), for a bulky
// part of ServerStatus that changes at most once per poll (the clock filter's stages, 320
// bytes): a snapshot taken since the last change shares it instead of holding a copy of its
// own. A default-constructed one holds T{} without allocating. Reads through a const object
// never copy; operator[] and modify() of a non-const object copy a shared value first;
// assigning a new value overwrites it in place when nothing else shares it. SharedOptional is
// the same for values that may be absent.
template <typename T> class SharedValue
{
public:
    SharedValue() = default;
    SharedValue(const T &value) : m_box(value) { }

    SharedValue &operator=(const T &value)
    {
        m_box.assign(value);
        return *this;
    }
    // Back to T{} (drops this copy's reference).
    void reset() { m_box.reset(); }

    const T &value() const { return m_box.get() ? *m_box.get() : defaultValue(); }
    operator const T &() const { return value(); }
    // For changing parts of the value in place (copies a shared value first).
    T &modify()
    {
        if (!m_box.get())
            m_box.assign(T{});
        return m_box.modify();
    }
    // Element access for array values.
    decltype(auto) operator[](std::size_t index) const { return value()[index]; }
    decltype(auto) operator[](std::size_t index) { return modify()[index]; }
    // True when both hold the same instance (a copy not changed since), for tests.
    bool sharesWith(const SharedValue &other) const { return m_box.sharesWith(other.m_box); }

private:
    static const T &defaultValue()
    {
        static const T value{};
        return value;
    }
    SharedBox<T> m_box;
};

} // namespace chronoscope::engine

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

// Little-endian fields of the helper protocols (HELPER.md §4): the clock protocol (codec.cpp)
// and the time-service protocol (timeservicecodec.cpp) read and write them the same way.
// C++ standard library only: the privileged helper links this code and never links Qt.
namespace chronoscope::protocol {

// The n-byte (n <= 8) little-endian unsigned value at bytes[at, at + n); the caller checks the size.
inline std::uint64_t loadLittleEndian(std::span<const std::uint8_t> bytes, std::size_t at, std::size_t n)
{
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < n; ++i)
        v |= std::uint64_t(bytes[at + i]) << (8 * i);
    return v;
}

// Writes the low n bytes (n <= 8) of v little-endian to bytes[at, at + n); the caller checks the size.
inline void storeLittleEndian(std::span<std::uint8_t> bytes, std::size_t at, std::uint64_t v, std::size_t n)
{
    for (std::size_t i = 0; i < n; ++i)
        bytes[at + i] = static_cast<std::uint8_t>(v >> (8 * i));
}

// Appends the low n bytes (n <= 8) of v little-endian to out.
inline void appendLittleEndian(std::vector<std::uint8_t> &out, std::uint64_t v, std::size_t n)
{
    for (std::size_t i = 0; i < n; ++i)
        out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

// True when bytes starts with magic (false when bytes is shorter than magic).
inline bool startsWithMagic(std::span<const std::uint8_t> bytes, const std::array<std::uint8_t, 4> &magic)
{
    return bytes.size() >= magic.size() && std::equal(magic.begin(), magic.end(), bytes.begin());
}

// Reads little-endian fields at fixed offsets of a frame; the caller checks the size first.
class LittleEndianReader
{
public:
    explicit LittleEndianReader(std::span<const std::uint8_t> in) : m_in(in) { }
    std::uint8_t u8(std::size_t at) const { return m_in[at]; }
    std::uint16_t u16(std::size_t at) const { return static_cast<std::uint16_t>(loadLittleEndian(m_in, at, 2)); }
    std::uint32_t u32(std::size_t at) const { return static_cast<std::uint32_t>(loadLittleEndian(m_in, at, 4)); }
    std::uint64_t u64(std::size_t at) const { return loadLittleEndian(m_in, at, 8); }
    std::int32_t i32(std::size_t at) const { return static_cast<std::int32_t>(u32(at)); }
    std::int64_t i64(std::size_t at) const { return static_cast<std::int64_t>(u64(at)); }
    // True when every byte in [from, to) is zero (reserved fields).
    bool zero(std::size_t from, std::size_t to) const
    {
        return std::all_of(m_in.begin() + std::ptrdiff_t(from), m_in.begin() + std::ptrdiff_t(to),
                           [](std::uint8_t b) { return b == 0; });
    }
    bool startsWith(const std::array<std::uint8_t, 4> &magic) const { return startsWithMagic(m_in, magic); }

private:
    std::span<const std::uint8_t> m_in;
};

} // namespace chronoscope::protocol

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sysservice/cmdmonfieldreader.h"

#include <cmath>

#include <QtEndian>

#include "core/sysservice/cmdmonprotocol.h"

using namespace Qt::StringLiterals;

namespace chronoscope::sysservice {
namespace {

constexpr int FLOAT_EXP_BITS = 7;
constexpr int FLOAT_COEF_BITS = 32 - FLOAT_EXP_BITS;
constexpr std::uint32_t TV_NOHIGHSEC = 0x7fffffff;

} // namespace

CmdmonFieldReader::CmdmonFieldReader(QByteArrayView data, QString what)
    : m_data(data), m_what(std::move(what))
{
}

double CmdmonFieldReader::decodeFloat(std::uint32_t raw)
{
    int exponent = int(raw >> FLOAT_COEF_BITS);
    if (exponent >= 1 << (FLOAT_EXP_BITS - 1))
        exponent -= 1 << FLOAT_EXP_BITS;
    exponent -= FLOAT_COEF_BITS;
    int coefficient = int(raw % (1u << FLOAT_COEF_BITS));
    if (coefficient >= 1 << (FLOAT_COEF_BITS - 1))
        coefficient -= 1 << FLOAT_COEF_BITS;
    // |coefficient| < 2^24 and −89 ≤ exponent ≤ 38: always finite.
    return std::ldexp(double(coefficient), exponent);
}

void CmdmonFieldReader::fail(const QString &message)
{
    if (m_error.isEmpty())
        m_error = message;
}

bool CmdmonFieldReader::take(int bytes, const char *field)
{
    if (!ok())
        return false;
    if (bytes > m_data.size() - m_pos) {
        fail(u"%1 reply ends at byte %2, before its field %3 (%4 bytes)"_s.arg(m_what)
                 .arg(m_data.size()).arg(QLatin1StringView(field)).arg(bytes));
        return false;
    }
    return true;
}

std::uint8_t CmdmonFieldReader::u8(const char *field)
{
    if (!take(1, field))
        return 0;
    return std::uint8_t(m_data[m_pos++]);
}

std::int8_t CmdmonFieldReader::i8(const char *field)
{
    return std::int8_t(u8(field));
}

std::uint16_t CmdmonFieldReader::u16(const char *field)
{
    if (!take(2, field))
        return 0;
    const auto value = qFromBigEndian<std::uint16_t>(m_data.data() + m_pos);
    m_pos += 2;
    return value;
}

std::int16_t CmdmonFieldReader::i16(const char *field)
{
    return std::int16_t(u16(field));
}

std::uint32_t CmdmonFieldReader::u32(const char *field)
{
    if (!take(4, field))
        return 0;
    const auto value = qFromBigEndian<std::uint32_t>(m_data.data() + m_pos);
    m_pos += 4;
    return value;
}

double CmdmonFieldReader::real(const char *field)
{
    if (!take(4, field))
        return 0;
    return decodeFloat(u32(field));
}

double CmdmonFieldReader::nonNegative(const char *field)
{
    const double value = real(field);
    if (value < 0) {
        fail(u"%1 reply: %2 is %3, must not be negative"_s.arg(m_what, QLatin1StringView(field)).arg(value));
        return 0;
    }
    return value;
}

ChronydAddress CmdmonFieldReader::address(const char *field)
{
    ChronydAddress result;
    if (!take(cmdmon::ADDRESS_SIZE, field))
        return result;
    const auto *p = reinterpret_cast<const quint8 *>(m_data.data() + m_pos);
    const std::uint16_t family = qFromBigEndian<std::uint16_t>(p + 16);
    switch (family) {
    case cmdmon::FAMILY_UNSPEC:
        break;
    case cmdmon::FAMILY_INET4:
        result.ip = QHostAddress(qFromBigEndian<quint32>(p));
        break;
    case cmdmon::FAMILY_INET6:
        result.ip = QHostAddress(p);
        break;
    case cmdmon::FAMILY_ID:
        result.isId = true;
        result.id = qFromBigEndian<quint32>(p);
        break;
    default:
        fail(u"%1 reply: %2 has address family %3 (known: 0 unspecified, 1 IPv4, 2 IPv6, 3 id)"_s
                 .arg(m_what, QLatin1StringView(field)).arg(family));
        return {};
    }
    m_pos += cmdmon::ADDRESS_SIZE;
    return result;
}

QDateTime CmdmonFieldReader::timespec(const char *field)
{
    if (!take(cmdmon::TIMESPEC_SIZE, field))
        return {};
    std::uint32_t high = u32(field);
    const std::uint32_t low = u32(field);
    const std::uint32_t nanoseconds = u32(field);
    if (high == TV_NOHIGHSEC)
        high = 0;
    if (nanoseconds >= 1000000000u) {
        fail(u"%1 reply: %2 has %3 nanoseconds (must be below 10^9)"_s.arg(m_what, QLatin1StringView(field)).arg(nanoseconds));
        return {};
    }
    // Beyond year 9999 QDateTime is of no use; chronyd never reports such times.
    const quint64 seconds = (quint64(high) << 32) | low;
    constexpr quint64 YEAR_9999 = 253402300799;
    if (seconds > YEAR_9999) {
        fail(u"%1 reply: %2 is %3 seconds after 1970, past the year 9999"_s.arg(m_what, QLatin1StringView(field)).arg(seconds));
        return {};
    }
    if (seconds == 0 && nanoseconds == 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(qint64(seconds) * 1000 + nanoseconds / 1000000, Qt::UTC);
}

int CmdmonFieldReader::ranged16(const char *field, int low, int high)
{
    if (!take(2, field))
        return 0;
    const int value = low < 0 ? int(i16(field)) : int(u16(field));
    if (value < low || value > high) {
        fail(u"%1 reply: %2 is %3, outside %4..%5"_s.arg(m_what, QLatin1StringView(field)).arg(value).arg(low).arg(high));
        return 0;
    }
    return value;
}

int CmdmonFieldReader::ranged8(const char *field, int low, int high)
{
    if (!take(1, field))
        return 0;
    const int value = low < 0 ? int(i8(field)) : int(u8(field));
    if (value < low || value > high) {
        fail(u"%1 reply: %2 is %3, outside %4..%5"_s.arg(m_what, QLatin1StringView(field)).arg(value).arg(low).arg(high));
        return 0;
    }
    return value;
}

void CmdmonFieldReader::skip(int bytes, const char *field)
{
    if (take(bytes, field))
        m_pos += bytes;
}

} // namespace chronoscope::sysservice

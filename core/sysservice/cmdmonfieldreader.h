// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QByteArrayView>
#include <QDateTime>
#include <QString>

#include "core/sysservice/chronydreplies.h"

namespace chronoscope::sysservice {

// Reads the big-endian fields of one cmdmon reply's data in order, never past its end. The first
// field that does not fit, or is out of its range, records an error naming the field and the
// value; every later read returns 0 and the error stays. Check ok() once at the end.
class CmdmonFieldReader
{
public:
    // `what` names the reply in errors, e.g. "tracking".
    CmdmonFieldReader(QByteArrayView data, QString what);

    std::uint8_t u8(const char *field);
    std::int8_t i8(const char *field);
    std::uint16_t u16(const char *field);
    std::int16_t i16(const char *field);
    std::uint32_t u32(const char *field);
    // chrony's 32-bit floating-point format (cmdmonprotocol.h).
    double real(const char *field);
    // A float that must be ≥ 0 (errors, deviations, delays).
    double nonNegative(const char *field);
    ChronydAddress address(const char *field);
    // UTC; an invalid QDateTime for 0 seconds ("never"). Nanoseconds must be < 10^9.
    QDateTime timespec(const char *field);
    // An integer within [low, high], from a field of `bits` (8 or 16) bits read as signed
    // when `low` < 0.
    int ranged16(const char *field, int low, int high);
    int ranged8(const char *field, int low, int high);
    void skip(int bytes, const char *field);

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    int position() const { return m_pos; }

    // The value of chrony's float format (exposed for the tests).
    static double decodeFloat(std::uint32_t raw);

private:
    bool take(int bytes, const char *field);
    void fail(const QString &message);

    QByteArrayView m_data;
    QString m_what;
    int m_pos = 0;
    QString m_error;
};

} // namespace chronoscope::sysservice

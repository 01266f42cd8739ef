// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include "core/result.h"

namespace chronoscope::sysservice {

// The variables of a mode 6 READVAR response: `name=value, name="quoted, value", flag, ...`
// (RFC 9327 §3). Bounded: at most MAX_VARIABLES entries, else an Error; an unterminated quoted
// value is an Error naming its position. A variable whose name is empty or longer than
// MAX_NAME_LENGTH, or whose name or value is not printable ASCII, is left out and counted
// (skipped()): ntpsec 1.2.2 sends stray bytes in its filter-register variables, and the other
// variables of the response are still good.
class Mode6Variables
{
public:
    static constexpr int MAX_VARIABLES = 512;
    static constexpr int MAX_NAME_LENGTH = 64;

    static Result<Mode6Variables> parse(const QByteArray &text);

    bool contains(const QString &name) const;
    // The value (quotes removed); empty when absent or valueless.
    QString text(const QString &name) const;
    // A finite decimal number; nullopt when absent or not a number.
    std::optional<double> number(const QString &name) const;
    // A non-negative integer in base `base` ("377" octal for reach, "0x1a" hex accepted in base 16).
    std::optional<quint32> unsignedValue(const QString &name, int base = 10) const;
    int size() const { return int(m_entries.size()); }
    int skipped() const { return m_skipped; }

private:
    QList<QPair<QString, QString>> m_entries;
    int m_skipped = 0;
};

} // namespace chronoscope::sysservice

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sysservice/mode6variables.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace chronoscope::sysservice {
namespace {

bool isSeparator(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',';
}

bool isPrintable(const QByteArray &bytes)
{
    for (const char c : bytes)
        if (uchar(c) < 0x20 || uchar(c) > 0x7e)
            return false;
    return true;
}

} // namespace

Result<Mode6Variables> Mode6Variables::parse(const QByteArray &text)
{
    Mode6Variables out;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        while (i < n && isSeparator(text.at(i)))
            ++i;
        if (i >= n)
            break;
        const qsizetype nameStart = i;
        while (i < n && text.at(i) != '=' && text.at(i) != ',')
            ++i;
        const QByteArray name = text.mid(nameStart, i - nameStart).trimmed();
        QByteArray value;
        if (i < n && text.at(i) == '=') {
            ++i;
            while (i < n && text.at(i) == ' ')
                ++i;
            if (i < n && text.at(i) == '"') {
                const qsizetype close = text.indexOf('"', i + 1);
                if (close < 0)
                    return Error{u"unterminated quoted value of '%1' at position %2"_s.arg(QString::fromLatin1(name)).arg(i)};
                value = text.mid(i + 1, close - i - 1);
                i = close + 1;
            } else {
                const qsizetype start = i;
                while (i < n && text.at(i) != ',')
                    ++i;
                value = text.mid(start, i - start).trimmed();
            }
        }
        if (name.isEmpty() || name.size() > MAX_NAME_LENGTH || !isPrintable(name) || !isPrintable(value)) {
            ++out.m_skipped;   // e.g. ntpsec 1.2.2's filtdelay/filtoffset/filtdisp carry stray bytes
            continue;
        }
        if (out.m_entries.size() >= MAX_VARIABLES)
            return Error{u"more than %1 variables in one mode 6 response"_s.arg(MAX_VARIABLES)};
        out.m_entries.append({QString::fromLatin1(name), QString::fromLatin1(value)});
    }
    return out;
}

bool Mode6Variables::contains(const QString &name) const
{
    for (const auto &entry : m_entries)
        if (entry.first == name)
            return true;
    return false;
}

QString Mode6Variables::text(const QString &name) const
{
    for (const auto &entry : m_entries)
        if (entry.first == name)
            return entry.second;
    return {};
}

std::optional<double> Mode6Variables::number(const QString &name) const
{
    bool ok = false;
    const double value = text(name).toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::optional<quint32> Mode6Variables::unsignedValue(const QString &name, int base) const
{
    QString value = text(name);
    if (base == 16 && value.startsWith(u"0x"_s, Qt::CaseInsensitive))
        value = value.mid(2);
    bool ok = false;
    const quint32 result = value.toUInt(&ok, base);
    if (!ok)
        return std::nullopt;
    return result;
}

} // namespace chronoscope::sysservice

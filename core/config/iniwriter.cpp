// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/config/iniwriter.h"

#include <QVariant>

using namespace Qt::StringLiterals;

namespace chronoscope::config {
namespace {

bool isHexDigit(char16_t c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

// The escape letter QSettings uses for a control character, or 0.
char escapeLetter(char16_t c)
{
    switch (c) {
    case u'\a': return 'a';
    case u'\b': return 'b';
    case u'\f': return 'f';
    case u'\n': return 'n';
    case u'\r': return 'r';
    case u'\t': return 't';
    case u'\v': return 'v';
    case u'"': return '"';
    case u'\\': return '\\';
    default: return 0;
    }
}

} // namespace

void IniWriter::setText(const QString &key, const QString &value)
{
    // QSettings: text holding NUL is wrapped as @String(...), a leading '@' is doubled.
    if (value.contains(QChar(u'\0')))
        set(key, escapedValue(u"@String("_s + value + u')', false));
    else
        set(key, escapedValue(value.startsWith(u'@') ? u'@' + value : value, false));
}

void IniWriter::setBytes(const QString &key, const QByteArray &value)
{
    set(key, escapedValue(u"@ByteArray("_s + QLatin1StringView(value) + u')', true));
}

void IniWriter::setBool(const QString &key, bool value)
{
    set(key, value ? "true"_ba : "false"_ba);
}

void IniWriter::setNumber(const QString &key, qint64 value)
{
    set(key, QByteArray::number(value));
}

void IniWriter::setNumber(const QString &key, double value)
{
    set(key, QVariant(value).toString().toLatin1()); // shortest round-trip form, as QSettings
}

void IniWriter::set(const QString &key, QByteArray escaped)
{
    const qsizetype slash = key.indexOf(u'/');
    Q_ASSERT(slash > 0);
    m_sections[key.left(slash)][key.sliced(slash + 1)] = std::move(escaped);
}

QByteArray IniWriter::escapedKey(const QString &key)
{
    QByteArray out;
    for (const QChar c : key) {
        const char16_t u = c.unicode();
        if (u == u'/')
            out += '\\';
        else if ((u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'_'
                 || u == u'-' || u == u'.')
            out += char(u);
        else if (u <= 0xff)
            out += '%' + QByteArray::number(u, 16).toUpper().rightJustified(2, '0');
        else
            out += "%U" + QByteArray::number(u, 16).toUpper().rightJustified(4, '0');
    }
    return out;
}

QByteArray IniWriter::escapedValue(const QString &text, bool raw)
{
    QByteArray out;
    QString plain; // characters copied as UTF-8, flushed before each escape
    const auto flush = [&] {
        out += plain.toUtf8();
        plain.clear();
    };
    bool needsQuotes = false;
    bool escapeHexDigit = false; // after \xHH or \0 a hex digit must not extend the escape
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        needsQuotes = needsQuotes || u == u';' || u == u',' || u == u'=';
        if (escapeHexDigit && isHexDigit(u)) {
            flush();
            out += "\\x" + QByteArray::number(u, 16);
            continue;
        }
        escapeHexDigit = false;
        if (u == 0) {
            flush();
            out += "\\0";
            escapeHexDigit = true;
        } else if (const char letter = escapeLetter(u)) {
            flush();
            out += '\\';
            out += letter;
        } else if (u <= 0x1f || (raw && u >= 0x7f)) {
            flush();
            out += "\\x" + QByteArray::number(u, 16);
            escapeHexDigit = true;
        } else {
            plain += c;
        }
    }
    flush();
    if (needsQuotes || out.startsWith(' ') || out.endsWith(' '))
        out = '"' + out + '"';
    return out;
}

QByteArray IniWriter::toIni() const
{
    QByteArray out;
    for (auto section = m_sections.cbegin(); section != m_sections.cend(); ++section) {
        if (!out.isEmpty())
            out += '\n';
        out += '[' + escapedKey(section.key()) + "]\n";
        for (auto value = section->cbegin(); value != section->cend(); ++value)
            out += escapedKey(value.key()) + '=' + value.value() + '\n';
    }
    return out;
}

} // namespace chronoscope::config

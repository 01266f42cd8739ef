// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/config/inivalue.h"

#include <cstring>

#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace chronoscope::config {
namespace {

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

int octalDigit(char c)
{
    return (c >= '0' && c <= '7') ? c - '0' : -1;
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

// Appends UTF-8 bytes to `out`; ASCII (the usual case) without a temporary string. The bytes
// are a piece of a value (between escapes), so a U+FEFF at their start is text, not a byte-order
// mark: QString::fromUtf8 would drop it (found by fuzz_settings: a log path with U+FEFF right
// after a tab, which the writer escapes as \t, lost the character on the next load).
void appendUtf8(QString &out, QByteArrayView bytes)
{
    for (const char c : bytes) {
        if (uchar(c) >= 0x80) {
            QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
            out += decoder(bytes);
            return;
        }
    }
    out += QLatin1StringView(bytes.data(), bytes.size());
}

// The escape after a backslash for the letters QSettings knows; 0 for any other.
char namedEscape(char c)
{
    switch (c) {
    case 'a': return '\a';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'v': return '\v';
    case '"': return '"';
    case '?': return '?';
    case '\'': return '\'';
    case '\\': return '\\';
    default: return 0;
    }
}

// A value's text after '=' as QSettings' INI reader decodes it: blanks around unquoted parts are
// dropped, quotes group, an unquoted ',' makes a list, an unquoted ';' starts a comment.
struct UnescapedValue
{
    QString text;
    QStringList list;
    bool isList = false;
};

Result<UnescapedValue> unescapeValue(QByteArrayView raw)
{
    UnescapedValue out;
    QString current;
    current.reserve(raw.size());
    qsizetype i = 0;
    bool inQuotes = false;
    bool currentQuoted = false;
    qsizetype chopLimit = 0; // characters before this index are kept even when they are blanks
    const auto skipBlanks = [&] {
        while (i < raw.size() && isBlank(raw.at(i)))
            ++i;
        chopLimit = current.size();
    };
    const auto chopTrailingBlanks = [&] {
        while (current.size() > chopLimit && (current.back() == u' ' || current.back() == u'\t'))
            current.chop(1);
    };
    skipBlanks();
    while (i < raw.size()) {
        const char c = raw.at(i);
        if (c == '\\') {
            if (++i >= raw.size())
                break;
            const char escaped = raw.at(i++);
            if (const char named = namedEscape(escaped)) {
                current += QLatin1Char(named);
            } else if (escaped == 'x') {
                // Any number of hex digits, kept to 16 bits like QSettings' char16_t.
                char16_t value = 0;
                bool any = false;
                for (; i < raw.size() && hexDigit(raw.at(i)) >= 0; ++i, any = true)
                    value = char16_t((value << 4) + hexDigit(raw.at(i)));
                if (any)
                    current += QChar(value);
            } else if (octalDigit(escaped) >= 0) {
                char16_t value = char16_t(octalDigit(escaped));
                for (; i < raw.size() && octalDigit(raw.at(i)) >= 0; ++i)
                    value = char16_t((value << 3) + octalDigit(raw.at(i)));
                current += QChar(value);
            } // any other character after '\' is dropped, as QSettings does
            chopLimit = current.size();
        } else if (c == '"') {
            ++i;
            currentQuoted = true;
            inQuotes = !inQuotes;
            if (!inQuotes)
                skipBlanks();
        } else if (c == ',' && !inQuotes) {
            if (!currentQuoted)
                chopTrailingBlanks();
            out.isList = true;
            out.list.append(current);
            current.clear();
            currentQuoted = false;
            ++i;
            skipBlanks();
        } else if (c == ';' && !inQuotes) {
            break;
        } else {
            qsizetype end = i + 1;
            while (end < raw.size() && !std::strchr("\\\",;", raw.at(end)))
                ++end;
            appendUtf8(current, raw.sliced(i, end - i));
            i = end;
        }
    }
    if (inQuotes)
        return Error{u"a quoted value is not closed on its line"_s};
    if (!currentQuoted)
        chopTrailingBlanks();
    if (out.isList)
        out.list.append(current);
    else
        out.text = current;
    return out;
}

// "@ByteArray(...)" and the other typed forms of QSettings::variantToString().
Result<IniValue> classify(UnescapedValue unescaped, int line)
{
    IniValue value;
    value.line = line;
    if (unescaped.isList) {
        for (QString &item : unescaped.list) {
            if (item.startsWith(u"@@"_s))
                item.remove(0, 1);
            else if (item.startsWith(u'@'))
                return Error{u"a list of typed values ('%1'), which Chronoscope never writes"_s.arg(item.left(20))};
        }
        value.kind = IniValue::Kind::List;
        value.list = std::move(unescaped.list);
        return value;
    }
    const QString &text = unescaped.text;
    if (text.startsWith(u'@') && text.endsWith(u')')) {
        if (text.startsWith(u"@ByteArray("_s)) {
            value.kind = IniValue::Kind::Bytes;
            value.bytes = QStringView(text).sliced(11).chopped(1).toLatin1();
            return value;
        }
        if (text.startsWith(u"@String("_s)) {
            value.text = text.sliced(8).chopped(1);
            return value;
        }
        if (text == u"@Invalid()"_s) {
            value.kind = IniValue::Kind::Invalid;
            return value;
        }
        for (const QString &typed : {u"@Variant("_s, u"@DateTime("_s, u"@Rect("_s, u"@Size("_s, u"@Point("_s}) {
            if (text.startsWith(typed))
                return Error{u"a %1) value, which Chronoscope never writes"_s.arg(typed)};
        }
    }
    value.text = text.startsWith(u"@@"_s) ? text.sliced(1) : text;
    return value;
}

} // namespace

QVariant IniValue::toVariant() const
{
    switch (kind) {
    case Kind::Text: return text;
    case Kind::Bytes: return bytes;
    case Kind::List: return list;
    case Kind::Invalid: return {};
    }
    return {};
}

QByteArrayView trimmedIniBlanks(QByteArrayView text)
{
    while (!text.isEmpty() && isBlank(text.front()))
        text = text.sliced(1);
    while (!text.isEmpty() && isBlank(text.back()))
        text = text.chopped(1);
    return text;
}

void appendUnescapedIniKey(QString &out, QByteArrayView raw)
{
    qsizetype start = 0; // the first byte not yet appended
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw.at(i);
        if (c != '\\' && c != '%')
            continue;
        appendUtf8(out, raw.sliced(start, i - start));
        start = i + 1;
        if (c == '\\') {
            out += u'/';
            continue;
        }
        const bool wide = i + 1 < raw.size() && raw.at(i + 1) == 'U';
        const qsizetype first = i + (wide ? 2 : 1);
        const qsizetype digits = wide ? 4 : 2;
        char16_t code = 0;
        bool ok = first + digits <= raw.size();
        for (qsizetype d = first; ok && d < first + digits; ++d) {
            ok = hexDigit(raw.at(d)) >= 0;
            code = char16_t((code << 4) + (ok ? hexDigit(raw.at(d)) : 0));
        }
        if (!ok) {
            out += u'%';
            continue;
        }
        out += QChar(code);
        i = first + digits - 1;
        start = i + 1;
    }
    appendUtf8(out, raw.sliced(start));
}

Result<IniValue> parseIniValue(QByteArrayView raw, int line)
{
    Result<UnescapedValue> unescaped = unescapeValue(raw);
    if (!unescaped)
        return unescaped.error();
    return classify(std::move(unescaped).value(), line);
}

} // namespace chronoscope::config

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/config/inireader.h"

#include <cstring>

#include "core/config/settingslimits.h"

using namespace Qt::StringLiterals;

namespace chronoscope::config {
namespace {

QString unescapeKey(QByteArrayView raw)
{
    QString key;
    appendUnescapedIniKey(key, raw);
    return key;
}

// The index of the '=' between key and value: the first one outside quotes, or -1.
qsizetype findEquals(QByteArrayView line)
{
    bool inQuotes = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const char c = line.at(i);
        if (c == '\\')
            ++i;
        else if (c == '"')
            inQuotes = !inQuotes;
        else if (c == '=' && !inQuotes)
            return i;
    }
    return -1;
}

// Why a line cannot be text at all, or an empty string.
QString binaryProblem(QByteArrayView line)
{
    for (const char c : line) {
        const uchar u = uchar(c);
        if (u == 0)
            return u"binary data (a NUL byte)"_s;
        if (u < 0x20 && c != '\t') // DEL (0x7f) is text: QSettings writes it unescaped
            return u"binary data (control character 0x%1)"_s.arg(u, 2, 16, QLatin1Char('0'));
    }
    if (!line.isValidUtf8())
        return u"not UTF-8 text (a different encoding?)"_s;
    return {};
}

class LineReader
{
public:
    explicit LineReader(IniDocument &doc) : m_doc(doc) { }

    void read(QByteArrayView line, int number, bool complete)
    {
        if (line.size() > limits::MAX_SETTINGS_LINE_BYTES) {
            report(number, u"the line is %1 bytes long; at most %2 are read"_s.arg(line.size()).arg(
                limits::MAX_SETTINGS_LINE_BYTES));
            return;
        }
        const QByteArrayView text = trimmedIniBlanks(line);
        if (text.isEmpty() || text.front() == ';' || text.front() == '#')
            return;
        if (const QString binary = binaryProblem(text); !binary.isEmpty()) {
            report(number, binary);
            return;
        }
        if (!complete) {
            report(number, u"the file ends inside '%1' (cut off?); the line is ignored"_s.arg(shown(text)));
            return;
        }
        if (text.front() == '[') {
            readSection(text, number);
            return;
        }
        const qsizetype equals = findEquals(text);
        if (equals <= 0) {
            report(number, u"'%1' is not a key=value line"_s.arg(shown(text)));
            return;
        }
        if (m_sectionBroken)
            return; // reported once with the section header
        const QByteArrayView rawKey = trimmedIniBlanks(text.first(equals));
        if (rawKey.isEmpty()) {
            report(number, u"'%1' has no key before '='"_s.arg(shown(text)));
            return;
        }
        QString key;
        key.reserve(m_section.size() + rawKey.size());
        key += m_section;
        appendUnescapedIniKey(key, rawKey);
        Result<IniValue> value = parseIniValue(text.sliced(equals + 1), number);
        if (!value) {
            report(number, u"%1: %2; the value is ignored"_s.arg(key, value.errorMessage()));
            return;
        }
        if (const auto previous = m_doc.values.constFind(key); previous != m_doc.values.cend())
            report(number, u"%1 is set again (first on line %2); this line's value is used"_s.arg(key, QString::number(previous->line)));
        m_doc.values.insert(key, std::move(value).value());
    }

private:
    // The start of a line (valid UTF-8) as quoted in a message.
    static QString shown(QByteArrayView text) { return QString::fromUtf8(text.first(std::min<qsizetype>(text.size(), 40))); }

    void readSection(QByteArrayView text, int number)
    {
        const qsizetype close = text.indexOf(']');
        const QByteArrayView name = close > 0 ? trimmedIniBlanks(text.sliced(1, close - 1)) : QByteArrayView();
        m_sectionBroken = name.isEmpty();
        if (m_sectionBroken) {
            report(number, close < 0 ? u"section header '%1' is not closed with ']'; the lines up to the next section are ignored"_s.arg(shown(text))
                                     : u"section header '%1' has no name; the lines up to the next section are ignored"_s.arg(shown(text)));
            return;
        }
        const QString section = unescapeKey(name);
        if (section.compare(u"general"_s, Qt::CaseInsensitive) == 0)
            m_section.clear();
        else if (section.compare(u"%general"_s, Qt::CaseInsensitive) == 0)
            m_section = section.sliced(1) + u'/';
        else
            m_section = section + u'/';
    }

    void report(int line, const QString &message)
    {
        if (m_doc.problems.size() < limits::MAX_REPORTED_PROBLEMS)
            m_doc.problems.append({line, message});
        else
            ++m_doc.unreportedProblems;
    }

    IniDocument &m_doc;
    QString m_section;           // "" ([General]) or "name/"
    bool m_sectionBroken = false; // the last header was damaged: its lines are skipped
};


} // namespace

IniDocument readIni(QByteArrayView content)
{
    IniDocument doc;
    if (content.startsWith("\xef\xbb\xbf"))
        content = content.sliced(3);
    LineReader reader(doc);
    int number = 0;
    qsizetype pos = 0;
    while (pos < content.size()) {
        ++number;
        const char *start = content.data() + pos;
        const auto *newline = static_cast<const char *>(std::memchr(start, '\n', size_t(content.size() - pos)));
        const qsizetype length = newline ? newline - start : content.size() - pos;
        QByteArrayView line = content.sliced(pos, length);
        if (line.endsWith('\r'))
            line = line.chopped(1);
        reader.read(line, number, newline != nullptr);
        pos += length + 1;
    }
    return doc;
}


} // namespace chronoscope::config

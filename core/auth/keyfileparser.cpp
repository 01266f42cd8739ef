// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/keyfileparser.h"

#include <algorithm>
#include <cctype>
#include <map>

#include <QByteArrayList>
#include <QStringDecoder>
#include <QUrl>

#include "core/auth/keyfilewriter.h"

using namespace Qt::StringLiterals;

namespace chronoscope::auth {
namespace {

constexpr int MAX_REPORTED_ERRORS = 100;     // a binary file would otherwise yield thousands
// Longest id or type field quoted in a message. Ids we accept have at most 5 digits and type
// names at most 6 characters; a longer field in their place is more likely a key written in the
// wrong column, and messages never show key material (issue 13): it is described, not quoted.
constexpr qsizetype MAX_SHOWN_TOKEN = 8;
constexpr qsizetype MAX_TYPE_NAME_LENGTH = 12;   // "AES-128-CMAC", the longest parseKeyTypeName() knows

qsizetype metadataLineLength(std::uint32_t id, const QString &label, const QStringList &servers)
{
    SymmetricKey probe;
    probe.id = id;
    probe.label = label;
    probe.servers = servers;
    return metadataLine(probe).size();
}

QString quoted(QByteArrayView token)
{
    if (token.size() > MAX_SHOWN_TOKEN)
        return u"(a %1-character field, not shown in case it is a key)"_s.arg(token.size());
    return u"'"_s + QString::fromUtf8(token) + u"'"_s;
}

QByteArrayList splitFields(QByteArrayView line)
{
    QByteArrayList fields;
    qsizetype i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
            ++i;
        const qsizetype start = i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t')
            ++i;
        if (i > start)
            fields.append(line.sliced(start, i - start).toByteArray());
    }
    return fields;
}

bool isChronyComment(QByteArrayView trimmed)
{
    return trimmed.isEmpty() || QByteArrayView("!;#%").contains(trimmed.front());
}

// The part of an ntpd/ntpsec line before its comment.
QByteArrayView ntpContent(QByteArrayView line)
{
    const qsizetype hash = line.indexOf('#');
    return hash < 0 ? line : line.first(hash);
}

std::optional<QString> checkPrintable(QByteArrayView line)
{
    for (qsizetype i = 0; i < line.size(); ++i) {
        const auto c = uchar(line[i]);
        if ((c < 0x20 && c != '\t') || c == 0x7F)
            return u"binary data: byte 0x%1 at column %2 is not text"_s.arg(c, 2, 16, QLatin1Char('0')).arg(i + 1);
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString decoded = decoder.decode(line);
    wipeBuffer(decoded);   // the line's key as UTF-16 (tst_secretmemory)
    if (decoder.hasError())
        return u"binary data: the line is not valid UTF-8 text"_s;
    return std::nullopt;
}

Result<QByteArray> decodeHex(QByteArrayView digits)
{
    if (digits.isEmpty())
        return Error{u"the key is empty"_s};
    if (digits.size() % 2 != 0)
        return Error{u"the hex key has an odd number of digits (%1)"_s.arg(digits.size())};
    for (qsizetype i = 0; i < digits.size(); ++i) {
        if (!std::isxdigit(uchar(digits[i])))
            return Error{u"the hex key has a character that is not a hex digit at position %1"_s.arg(i + 1)};
    }
    // Decoded in place: QByteArray::fromHex would need a copy of the digits, left unwiped.
    const auto nibble = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
    QByteArray bytes(digits.size() / 2, Qt::Uninitialized);
    for (qsizetype i = 0; i < bytes.size(); ++i)
        bytes[i] = char(nibble(digits[2 * i]) << 4 | nibble(digits[2 * i + 1]));
    return bytes;
}

Result<std::uint32_t> parseId(QByteArrayView text)
{
    for (char c : text) {
        if (c < '0' || c > '9')
            return Error{u"key id %1 is not a number"_s.arg(quoted(text))};
    }
    bool ok = false;
    const qulonglong id = text.toULongLong(&ok);
    if (!ok || id < MIN_KEY_ID || id > MAX_KEY_ID)
        return Error{u"key id %1 is out of range (%2-%3)"_s.arg(quoted(text)).arg(MIN_KEY_ID).arg(MAX_KEY_ID)};
    return std::uint32_t(id);
}

Result<KeyType> parseType(QByteArrayView text)
{
    // A field longer than any type name ("AES-128-CMAC") may be a key in the wrong column: it is
    // not copied into text at all (parseKeyTypeName would leave unwiped copies).
    if (text.size() <= MAX_TYPE_NAME_LENGTH) {
        QString name = QString::fromUtf8(text);
        const std::optional<KeyType> type = parseKeyTypeName(name);
        wipeBuffer(name);
        if (type)
            return *type;
    }
    return Error{u"unsupported key type %1 (supported: MD5, SHA1, SHA256, AES128, AES256)"_s.arg(quoted(text))};
}

KeyFileFormat detectFormat(const QList<QByteArray> &lines, const QString &fileName)
{
    if (fileName.contains(u"chrony"_s, Qt::CaseInsensitive))
        return KeyFileFormat::Chrony;
    for (const QByteArray &line : lines) {
        const QByteArrayView trimmed = QByteArrayView(line).trimmed();
        if (isChronyComment(trimmed))
            continue;
        QByteArrayList fields = splitFields(ntpContent(trimmed));
        bool chrony = fields.size() == 2;
        for (QByteArray &field : fields) {
            chrony = chrony || field.startsWith("HEX:") || field.startsWith("ASCII:");
            wipeBuffer(field);   // the key is one of them
        }
        if (chrony)
            return KeyFileFormat::Chrony;
    }
    return KeyFileFormat::Ntp;
}

class Parser
{
public:
    Parser(KeyFileContents &out) : m_out(out) { }

    void error(int line, const QString &message)
    {
        if (m_out.errors.size() < MAX_REPORTED_ERRORS)
            m_out.errors.append({line, message});
        else
            ++m_suppressed;
    }

    void finish()
    {
        if (m_suppressed > 0)
            m_out.errors.append({0, u"%1 more error(s) not listed"_s.arg(m_suppressed)});
        applyMetadata();
    }

    void parseLine(int number, QByteArrayView line)
    {
        const QByteArrayView trimmed = line.trimmed();
        if (trimmed.startsWith("#@")) {
            parseMetadata(number, trimmed.sliced(2));
            return;
        }
        const bool chrony = m_out.format == KeyFileFormat::Chrony;
        if (chrony ? isChronyComment(trimmed) : ntpContent(trimmed).trimmed().isEmpty())
            return;
        const QByteArrayView content = chrony ? trimmed : ntpContent(trimmed);
        if (const std::optional<QString> junk = checkPrintable(content)) {
            error(number, *junk);
            return;
        }
        QByteArrayList fields = splitFields(content);
        Result<SymmetricKey> key = chrony ? parseChrony(fields) : parseNtp(fields);
        for (QByteArray &field : fields)
            wipeBuffer(field);   // a field the key shares stays with the key (SecretBytes wipes it)
        if (!key) {
            error(number, key.errorMessage());
            return;
        }
        addKey(number, std::move(key).value());
    }

private:
    Result<SymmetricKey> parseChrony(const QByteArrayList &fields)
    {
        if (fields.size() < 2 || fields.size() > 3)
            return Error{u"expected 'ID [TYPE] KEY', found %1 field(s)"_s.arg(fields.size())};
        SymmetricKey key;
        const Result<std::uint32_t> id = parseId(fields[0]);
        if (!id)
            return id.error();
        key.id = *id;
        key.type = KeyType::Md5; // chrony's default when the type is left out
        if (fields.size() == 3) {
            const Result<KeyType> type = parseType(fields[1]);
            if (!type)
                return type.error();
            key.type = *type;
        }
        const QByteArray &text = fields.last();
        QByteArray bytes;
        if (text.startsWith("HEX:")) {
            Result<QByteArray> decoded = decodeHex(QByteArrayView(text).sliced(4));
            if (!decoded)
                return decoded.error();
            bytes = std::move(decoded).value();
        } else {
            bytes = text.startsWith("ASCII:") ? text.mid(6) : text;
        }
        key.secret = SecretBytes(std::move(bytes));
        return key;
    }

    Result<SymmetricKey> parseNtp(const QByteArrayList &fields)
    {
        // Classic ntpd allows a fourth field: the addresses that may use the key.
        if (fields.size() < 3 || fields.size() > 4)
            return Error{u"expected 'ID TYPE KEY', found %1 field(s)"_s.arg(fields.size())};
        SymmetricKey key;
        const Result<std::uint32_t> id = parseId(fields[0]);
        if (!id)
            return id.error();
        key.id = *id;
        const Result<KeyType> type = parseType(fields[1]);
        if (!type)
            return type.error();
        key.type = *type;
        const QByteArray &text = fields[2];
        if (text.size() <= NTP_ASCII_KEY_MAX) {
            key.secret = SecretBytes(text);
        } else {
            Result<QByteArray> decoded = decodeHex(text);
            if (!decoded)
                return Error{decoded.errorMessage() + u" (keys longer than 20 characters are hex in ntpd/ntpsec files)"_s};
            key.secret = SecretBytes(std::move(decoded).value());
        }
        if (fields.size() == 4)
            key.servers = QString::fromUtf8(fields[3]).split(u',', Qt::SkipEmptyParts);
        return key;
    }

    // False (and an error for the line) once the file has defined MAX_KEY_FILE_KEYS keys.
    bool roomForKey(int number)
    {
        if (m_out.keys.size() + m_out.keyringKeys.size() < MAX_KEY_FILE_KEYS)
            return true;
        error(number, u"more than %1 keys in one file; this key is not read"_s.arg(MAX_KEY_FILE_KEYS));
        return false;
    }

    void addKey(int number, SymmetricKey key)
    {
        if (!roomForKey(number))
            return;
        if (std::optional<Error> invalid = validateKey(key)) {
            error(number, invalid->message);
            return;
        }
        if (const auto it = m_idLines.find(key.id); it != m_idLines.end()) {
            error(number, u"duplicate key id %1 (first defined on line %2)"_s.arg(key.id).arg(it->second));
            return;
        }
        m_idLines[key.id] = number;
        if (!requiredKeyLength(key.type) && key.secret.size() < MIN_RECOMMENDED_SECRET_LENGTH)
            m_out.warnings.append({number, u"key %1 is only %2 bytes long; at least %3 bytes (80 bits) are "
                                           u"recommended, 16 or more"_s.arg(key.id)
                                               .arg(key.secret.size())
                                               .arg(MIN_RECOMMENDED_SECRET_LENGTH)});
        m_out.keys.append(std::move(key));
    }

    void parseMetadata(int number, QByteArrayView text)
    {
        const QByteArrayList fields = splitFields(text);
        if (fields.size() >= 3 && fields[0] == "keyring") {
            const Result<std::uint32_t> id = parseId(fields[1]);
            const Result<KeyType> type = parseType(fields[2]);
            if (!id || !type) {
                error(number, !id ? id.errorMessage() : type.errorMessage());
                return;
            }
            if (const auto it = m_idLines.find(*id); it != m_idLines.end()) {
                error(number, u"duplicate key id %1 (first defined on line %2)"_s.arg(*id).arg(it->second));
                return;
            }
            if (!roomForKey(number))
                return;
            m_idLines[*id] = number;
            m_out.keyringKeys.append(KeyringReference{*id, *type, number, {}, {}});
            return;
        }
        if (fields.size() >= 2 && fields[0] == "key") {
            const Result<std::uint32_t> id = parseId(fields[1]);
            if (!id) {
                error(number, id.errorMessage());
                return;
            }
            if (m_metadata.size() >= std::size_t(MAX_KEY_FILE_KEYS) && !m_metadata.count(*id)) {
                error(number, u"more than %1 '#@key' lines in one file; this one is not read"_s.arg(MAX_KEY_FILE_KEYS));
                return;
            }
            Metadata meta;
            meta.line = number;
            for (qsizetype i = 2; i < fields.size(); ++i) {
                const qsizetype eq = fields[i].indexOf('=');
                const QByteArray name = fields[i].left(eq);
                const QString value = QUrl::fromPercentEncoding(fields[i].mid(eq + 1));
                if (name == "label")
                    meta.label = value;
                else if (name == "servers")
                    meta.servers = value.split(u',', Qt::SkipEmptyParts);
            }
            // Decoding can lengthen a label (an invalid byte becomes U+FFFD, written back as 9
            // characters): refuse what could not be written back within one line (fuzz_keyfile).
            if (const qsizetype length = metadataLineLength(*id, meta.label, meta.servers); length > MAX_KEY_FILE_LINE) {
                error(number, u"the label and servers of key %1 would take %2 characters written back (limit %3)"_s
                                  .arg(*id).arg(length).arg(MAX_KEY_FILE_LINE));
                return;
            }
            m_metadata[*id] = meta;
        }
        if (fields.size() == 2 && fields[0] == "storage") {
            m_out.prefersKeyring = fields[1] == "keyring";
            return;
        }
        // Other "#@" lines are comments to us too (room for later additions).
    }

    void applyMetadata()
    {
        for (const auto &[id, meta] : m_metadata) {
            bool found = false;
            for (SymmetricKey &key : m_out.keys) {
                if (key.id == id) {
                    key.label = meta.label;
                    key.servers = meta.servers;
                    found = true;
                }
            }
            for (KeyringReference &ref : m_out.keyringKeys) {
                if (ref.id == id) {
                    ref.label = meta.label;
                    ref.servers = meta.servers;
                    found = true;
                }
            }
            if (!found)
                m_out.warnings.append({meta.line, u"label and servers given for key %1, which the file does not "
                                                  u"define"_s.arg(id)});
        }
    }

    struct Metadata
    {
        int line = 0;
        QString label;
        QStringList servers;
    };

    KeyFileContents &m_out;
    std::map<std::uint32_t, int> m_idLines;    // key id → line that defined it
    std::map<std::uint32_t, Metadata> m_metadata;
    int m_suppressed = 0;
};

} // namespace

KeyFileContents parseKeyFile(QByteArrayView data, const QString &fileName, std::optional<KeyFileFormat> format)
{
    KeyFileContents out;
    out.fileName = fileName;
    if (data.size() > MAX_KEY_FILE_SIZE) {
        out.errors.append({0, u"the file is %1 bytes long; a key file is at most %2 bytes"_s.arg(data.size()).arg(
                                  MAX_KEY_FILE_SIZE)});
        return out;
    }
    // Every copy of the text that holds secrets is wiped before it is freed (secretbytes.h).
    QByteArray text = data.toByteArray();
    QList<QByteArray> lines = text.split('\n');
    wipeBuffer(text);
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    int crlfLine = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines[i].endsWith('\r')) {
            lines[i].chop(1);
            if (crlfLine == 0)
                crlfLine = int(i + 1);
        }
    }
    out.format = format.value_or(detectFormat(lines, fileName));
    if (crlfLine > 0)
        out.warnings.append({crlfLine, u"Windows (CRLF) line endings; the carriage returns are ignored, as chrony "
                                       u"and ntpd ignore them"_s});

    Parser parser(out);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int number = int(i + 1);
        const QByteArray &line = lines[i];
        if (line.size() > MAX_KEY_FILE_LINE) {
            parser.error(number, u"the line is %1 characters long (limit %2)"_s.arg(line.size()).arg(MAX_KEY_FILE_LINE));
            continue;
        }
        if (line.contains('\0')) {
            parser.error(number, u"binary data: the line contains a NUL byte"_s);
            continue;
        }
        parser.parseLine(number, line);
    }
    parser.finish();
    for (QByteArray &line : lines)
        wipeBuffer(line);
    return out;
}

} // namespace chronoscope::auth

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/keyfilewriter.h"

#include <algorithm>

#include <QUrl>

#include "core/auth/keyfileparser.h"

using namespace Qt::StringLiterals;

namespace chronoscope::auth {
namespace {

constexpr int NTPSEC_MAX_KEY_BYTES = 32;

bool isNtpAsciiSafe(const QByteArray &bytes)
{
    return std::all_of(bytes.begin(), bytes.end(), [](char c) { return c > 0x20 && c < 0x7F && c != '#'; });
}

} // namespace

Result<QString> keyFileLine(const SymmetricKey &key, KeyFileFormat format)
{
    if (std::optional<Error> invalid = validateKey(key))
        return *invalid;
    const QByteArray &bytes = key.secret.reveal();
    // Each line is built in one buffer (no arg()): every intermediate string would be another
    // copy of the key, freed without a wipe.
    if (format == KeyFileFormat::Chrony) {
        QString line = QString::number(key.id) + u' ' + chronyTypeName(key.type) + u" HEX:"_s;
        appendHex(line, bytes, true);
        return line;
    }

    if (bytes.size() > NTPSEC_MAX_KEY_BYTES)
        return Error{u"key %1 is %2 bytes long; ntpd/ntpsec key files hold at most %3 bytes (use the chrony "
                     u"format)"_s.arg(key.id).arg(bytes.size()).arg(NTPSEC_MAX_KEY_BYTES)};
    QString line = QString::number(key.id) + u' ' + ntpTypeName(key.type) + u' ';
    if (bytes.size() * 2 > NTP_ASCII_KEY_MAX) {
        appendHex(line, bytes, false);
        return line;
    }
    if (!isNtpAsciiSafe(bytes))
        return Error{u"key %1 (%2 bytes, not printable text) cannot be written in ntpd/ntpsec format, which reads keys "
                     u"of 20 characters or fewer as ASCII (use the chrony format)"_s.arg(key.id).arg(bytes.size())};
    appendLatin1(line, bytes);
    return line;
}

QString metadataLine(const SymmetricKey &key)
{
    if (key.label.isEmpty() && key.servers.isEmpty())
        return {};
    QString line = u"#@key %1"_s.arg(key.id);
    if (!key.label.isEmpty())
        line += u" label="_s + QString::fromLatin1(QUrl::toPercentEncoding(key.label));
    if (!key.servers.isEmpty()) {
        QStringList encoded;
        for (const QString &server : key.servers)
            encoded.append(QString::fromLatin1(QUrl::toPercentEncoding(server, ":[]")));
        line += u" servers="_s + encoded.join(u',');
    }
    return line;
}

Result<QByteArray> writeKeyFile(const QList<SymmetricKey> &keys, KeyFileFormat format, bool metadata)
{
    QList<SymmetricKey> sorted = keys;
    std::sort(sorted.begin(), sorted.end(), [](const SymmetricKey &a, const SymmetricKey &b) { return a.id < b.id; });
    QString text = format == KeyFileFormat::Chrony
        ? u"# chrony key file (keyfile directive), written by Chronoscope. Keep it private: mode 0600.\n"
          u"# ID TYPE HEX:KEY\n"_s
        : u"# ntpd/ntpsec key file (keys directive), written by Chronoscope. Keep it private: mode 0600.\n"
          u"# ID TYPE KEY (more than 20 characters: hex)\n"_s;
    if (metadata)
        text += u"# Lines starting with #@ hold Chronoscope's labels and server assignments.\n"_s;
    // Room for every line up front, so that growing never leaves a copy of the secrets behind.
    text.reserve(text.size() + sorted.size() * 1024);
    for (const SymmetricKey &key : std::as_const(sorted)) {
        Result<QString> line = keyFileLine(key, format);
        if (!line) {
            wipeBuffer(text);
            return line.error();
        }
        if (metadata) {
            if (const QString meta = metadataLine(key); !meta.isEmpty())
                text += meta + u'\n';
        }
        text += *line + u'\n';
        wipeBuffer(line.value());
    }
    QByteArray bytes = text.toUtf8();
    wipeBuffer(text);
    wipeStackBelowCaller();
    return bytes;
}

} // namespace chronoscope::auth

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/config/serverlistformat.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace chronoscope::config {
namespace {

// Options of server/pool lines we cannot honour, with whether they take a value, so that the
// rest of the line still parses.
const QSet<QString> &chronyValueOptions()
{
    static const QSet<QString> options{u"maxdelay"_s, u"maxdelayratio"_s, u"maxdelaydevratio"_s, u"maxdelayquant"_s,
                                       u"mindelay"_s, u"asymmetry"_s, u"offset"_s, u"minsamples"_s,
                                       u"maxsamples"_s, u"filter"_s, u"version"_s, u"polltarget"_s,
                                       u"presend"_s, u"minstratum"_s, u"certset"_s, u"extfield"_s,
                                       u"maxsources"_s};
    return options;
}

const QSet<QString> &ntpValueOptions()
{
    // ntpsec's NTS options with a value (ca, cert, aead, expire) are not ours: the CA is a setting.
    static const QSet<QString> options{u"version"_s, u"mode"_s, u"ttl"_s, u"bias"_s, u"ident"_s, u"minpoll"_s,
                                       u"maxpoll"_s, u"key"_s, u"ca"_s, u"cert"_s, u"aead"_s, u"expire"_s};
    return options;
}

bool parseInt(const QString &text, int low, int high, int *value)
{
    bool ok = false;
    const int v = text.toInt(&ok);
    if (!ok || v < low || v > high)
        return false;
    *value = v;
    return true;
}

bool isRefclockAddress(const QString &host)
{
    // ntpd's reference clock drivers live at 127.127.t.u.
    return host.startsWith(u"127.127."_s);
}

QString hostForConf(const engine::ServerSpec &spec, bool chrony)
{
    // ntpsec gives a non-default NTS-KE port as host:port (IPv6 in brackets).
    if (!chrony && spec.nts && spec.ntsPort != 4460)
        return (spec.host.contains(u':') ? u"["_s + spec.host + u"]"_s : spec.host) + u":"_s
            + QString::number(spec.ntsPort);
    return spec.host;
}

// ntpsec: "server HOST:PORT nts" names the NTS-KE port; splits it off `spec.host` (IPv6 in
// brackets). Returns false when the port is not a number in 1–65535.
bool takeNtpsecKePort(engine::ServerSpec &spec, QString *portText)
{
    qsizetype colon = -1;
    if (spec.host.startsWith(u'[')) {
        const qsizetype close = spec.host.indexOf(u"]:"_s);
        if (close < 0)
            return true;
        colon = close + 1;
    } else if (spec.host.count(u':') == 1) {
        colon = spec.host.indexOf(u':');
    } else {
        return true;
    }
    *portText = spec.host.mid(colon + 1);
    int port = 0;
    if (!parseInt(*portText, 1, 65535, &port))
        return false;
    spec.ntsPort = quint16(port);
    spec.host = spec.host.left(colon);
    if (spec.host.startsWith(u'[') && spec.host.endsWith(u']'))
        spec.host = spec.host.mid(1, spec.host.size() - 2);
    return true;
}

// The options after the host of one server/pool line.
struct ServerLineOptions
{
    bool importable = true;      // false: a value is malformed, the line is not imported
    bool ntsPortGiven = false;   // chrony's ntsport
    QStringList messages;        // one per issue, in line order
};

// Applies the options in `words` (the line after its host) to `server`; stops at a malformed value.
ServerLineOptions parseServerOptions(const QStringList &words, bool chrony, ConfiguredServer &server)
{
    ServerLineOptions options;
    engine::ServerSpec &spec = server.spec;
    for (qsizetype w = 0; w < words.size() && options.importable; ++w) {
        const QString option = words.at(w).toLower();
        const bool hasNext = w + 1 < words.size();
        const QString next = hasNext ? words.at(w + 1) : QString();
        auto needValue = [&](int low, int high, int *value) {
            if (!hasNext || !parseInt(next, low, high, value)) {
                options.messages << u"option '%1' needs a number in %2…%3, got '%4'; line not imported"_s.arg(option).arg(low).arg(high).arg(next);
                options.importable = false;
                return false;
            }
            ++w;
            return true;
        };
        int value = 0;
        if (option == u"iburst"_s) {
            spec.iburst = true;
        } else if (option == u"prefer"_s) {
            spec.prefer = true;
        } else if (option == u"noselect"_s) {
            spec.noselect = true;
        } else if ((chrony && option == u"trust"_s) || (!chrony && option == u"true"_s)) {
            spec.trust = true;
        } else if (chrony && option == u"require"_s) {
            spec.require = true;
        } else if (chrony && option == u"xleave"_s) {
            spec.xleave = true;
        } else if (option == u"minpoll"_s) {
            if (needValue(MIN_POLL_LOG2, MAX_POLL_LOG2, &value))
                spec.minPollLog2 = value;
        } else if (option == u"maxpoll"_s) {
            if (needValue(MIN_POLL_LOG2, MAX_POLL_LOG2, &value))
                spec.maxPollLog2 = value;
        } else if (option == u"key"_s) {
            if (needValue(1, int(MAX_KEY_ID), &value))
                server.keyId = quint32(value);
        } else if (option == u"nts"_s) {
            spec.nts = true;
        } else if (chrony && option == u"ntsport"_s) {
            if (needValue(1, 65535, &value)) {
                spec.ntsPort = quint16(value);
                options.ntsPortGiven = true;
            }
        } else if (chrony && option == u"port"_s) {
            if (needValue(1, 65535, &value))
                spec.port = quint16(value);
        } else if (chrony && option == u"maxsources"_s && hasNext && next == u"4"_s) {
            ++w; // our pools always use up to 4 addresses, chrony's default
        } else if ((chrony ? chronyValueOptions() : ntpValueOptions()).contains(option)) {
            options.messages << u"option '%1 %2' is not supported; imported without it"_s.arg(option, next);
            if (hasNext)
                ++w;
        } else {
            options.messages << u"option '%1' is not supported; imported without it"_s.arg(option);
        }
    }
    return options;
}

} // namespace

QStringList ServerListImport::issueTexts() const
{
    QStringList texts;
    for (const ConfIssue &issue : issues)
    {
        const QString file = issue.file.isEmpty() ? fileName : issue.file;
        texts << (issue.line > 0 ? u"%1:%2: %3"_s.arg(file).arg(issue.line).arg(issue.message)
                                 : u"%1: %2"_s.arg(file, issue.message));
    }
    return texts;
}

ServerListImport parseServerList(const QString &text, ConfFormat format, const QString &fileName)
{
    ServerListImport result;
    result.fileName = fileName;
    const bool chrony = format == ConfFormat::Chrony;
    const QStringList lines = text.split(u'\n');
    static const QRegularExpression whitespace(u"\\s+"_s);
    for (qsizetype index = 0; index < lines.size(); ++index) {
        const int lineNo = int(index) + 1;
        if (lines.at(index).size() > MAX_CONF_LINE_LENGTH) {
            result.issues.append({lineNo, u"the line is %1 characters long (limit %2); not imported"_s.arg(
                                              lines.at(index).size()).arg(MAX_CONF_LINE_LENGTH), {}});
            continue;
        }
        QString line = lines.at(index);
        // chrony: '!', ';', '#' and '%' start comments; ntp.conf: '#'.
        const qsizetype hash = line.indexOf(u'#');
        if (hash >= 0)
            line.truncate(hash);
        line = line.trimmed();
        if (line.isEmpty() || (chrony && (line.startsWith(u'!') || line.startsWith(u';') || line.startsWith(u'%'))))
            continue;
        QStringList words = line.split(whitespace, Qt::SkipEmptyParts);
        const QString directive = words.takeFirst().toLower();
        auto issue = [&](const QString &message) { result.issues.append({lineNo, message, {}}); };
        if (directive == (chrony ? u"include"_s : u"includefile"_s)) {
            if (words.size() == 1)
                result.includes.append({lineNo, words.first()});
            else
                issue(u"'%1' needs exactly one file name; not followed"_s.arg(directive));
            continue;
        }
        if (directive != u"server"_s && directive != u"pool"_s) {
            issue(u"'%1' is not a server or pool line; not imported"_s.arg(directive));
            continue;
        }
        if (!chrony) {
            // ntpd: "server -4 host" restricts the address family; we resolve both.
            while (!words.isEmpty() && (words.first() == u"-4"_s || words.first() == u"-6"_s)) {
                issue(u"option '%1' (address family) is not supported; imported without it"_s.arg(words.first()));
                words.removeFirst();
            }
        }
        if (words.isEmpty()) {
            issue(u"'%1' without a host name; not imported"_s.arg(directive));
            continue;
        }
        ConfiguredServer server;
        engine::ServerSpec &spec = server.spec;
        spec.host = words.takeFirst();
        spec.isPool = directive == u"pool"_s;
        spec.iburst = false; // both daemons default to no iburst
        // The options first: only an `nts` option (not a value, as in "ident nts") makes an ntpsec
        // HOST:PORT name the NTS-KE port. Their issues count once the host is usable.
        const ServerLineOptions options = parseServerOptions(words, chrony, server);
        if (!chrony && spec.nts) {
            QString portText;
            if (!takeNtpsecKePort(spec, &portText)) {
                issue(u"NTS-KE port '%1' is not a number in 1…65535; line not imported"_s.arg(portText));
                continue;
            }
        }
        if (spec.host.startsWith(u'[') && spec.host.endsWith(u']'))
            spec.host = spec.host.mid(1, spec.host.size() - 2);
        if (isRefclockAddress(spec.host)) {
            issue(u"'%1' is a reference clock driver, not a network server; not imported"_s.arg(spec.host));
            continue;
        }
        for (const QString &message : options.messages)
            issue(message);
        if (!options.importable)
            continue;
        if (spec.host.count(u':') == 1 && (chrony || !spec.nts)) {
            // An IPv6 address has at least two colons: this is HOST:PORT.
            issue(chrony ? u"'%1': chrony.conf gives the port as 'port N', not after the host; not imported"_s.arg(spec.host)
                         : u"'%1': in ntp.conf a port after the host is the NTS-KE port of an 'nts' server; not imported"_s.arg(spec.host));
            continue;
        }
        if (spec.minPollLog2 > spec.maxPollLog2)
            spec.maxPollLog2 = spec.minPollLog2; // as chrony does: maxpoll never below minpoll
        if (options.ntsPortGiven && !spec.nts) {
            // chronyd uses ntsport only with nts; kept, the port would be lost on export.
            issue(u"option 'ntsport %1' has no effect without 'nts'; imported without it"_s.arg(spec.ntsPort));
            spec.ntsPort = engine::ServerSpec().ntsPort;
        }
        if (spec.nts && server.keyId != 0) {
            issue(u"'nts' and 'key %1' exclude each other; imported with NTS only"_s.arg(server.keyId));
            server.keyId = 0;
        }
        if (const std::optional<QString> invalid = validateServer(server)) {
            issue(invalid.value() + u"; not imported"_s);
            continue;
        }
        if (findDuplicate(result.servers, server) >= 0) {
            issue(u"'%1' is listed twice; imported once"_s.arg(spec.displayName()));
            continue;
        }
        if (result.servers.size() >= MAX_IMPORTED_SERVERS) {
            issue(u"more than %1 servers; '%2' is not imported"_s.arg(MAX_IMPORTED_SERVERS).arg(spec.displayName()));
            continue;
        }
        result.servers.append(server);
    }
    return result;
}

namespace {

Result<QString> readConfText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return Error{u"cannot read %1: %2"_s.arg(path, file.errorString())};
    if (file.size() > MAX_CONF_FILE_SIZE)
        return Error{u"%1 is %2 bytes long; a configuration file is at most %3 bytes"_s.arg(path).arg(file.size()).arg(
            MAX_CONF_FILE_SIZE)};
    // In small pieces: QIODevice::read(n) would reserve all n bytes up front.
    QByteArray content;
    while (content.size() <= MAX_CONF_FILE_SIZE) {
        const QByteArray chunk = file.read(64 * 1024);
        if (chunk.isEmpty())
            break;
        content += chunk;
    }
    if (content.size() > MAX_CONF_FILE_SIZE) // a file that grew while we read it, or a pipe
        return Error{u"%1 is longer than %2 bytes"_s.arg(path).arg(MAX_CONF_FILE_SIZE)};
    if (content.contains('\0'))
        return Error{u"%1 is not a text file"_s.arg(path)};
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder(content);
    if (decoder.hasError())
        return Error{u"%1 is not UTF-8 text"_s.arg(path)};
    return text;
}

// Follows the include directives of `parsed` (read from `path`, `depth` levels deep) into `into`.
void followIncludes(const ServerListImport &parsed, const QString &path, ConfFormat format, int depth,
                    QStringList &chain, int &filesRead, ServerListImport &into)
{
    const QString here = QFileInfo(path).fileName();
    auto issue = [&](int line, const QString &message) { into.issues.append({line, message, here}); };
    for (const ConfInclude &include : parsed.includes) {
        if (depth >= MAX_INCLUDE_DEPTH) {
            issue(include.line, u"include of '%1' is nested more than %2 levels deep; not followed"_s.arg(
                                    include.pattern).arg(MAX_INCLUDE_DEPTH));
            continue;
        }
        const QFileInfo pattern(QDir(QFileInfo(path).absolutePath()), include.pattern);
        QStringList files;
        if (include.pattern.contains(u'*') || include.pattern.contains(u'?') || include.pattern.contains(u'[')) {
            const QDir dir(pattern.absolutePath());
            for (const QString &name : dir.entryList({pattern.fileName()}, QDir::Files, QDir::Name))
                files << dir.filePath(name);
        } else {
            files << pattern.absoluteFilePath();
        }
        for (const QString &file : files) {
            const QString canonical = QFileInfo(file).canonicalFilePath();
            if (!canonical.isEmpty() && chain.contains(canonical)) {
                issue(include.line, u"'%1' includes itself; not followed"_s.arg(include.pattern));
                continue;
            }
            if (filesRead >= MAX_INCLUDED_FILES) {
                issue(include.line, u"more than %1 included files; '%2' is not read"_s.arg(MAX_INCLUDED_FILES).arg(
                                        QFileInfo(file).fileName()));
                continue;
            }
            ++filesRead;
            const Result<QString> text = readConfText(file);
            if (!text) {
                issue(include.line, text.errorMessage());
                continue;
            }
            const ServerListImport child = parseServerList(*text, format, QFileInfo(file).fileName());
            for (ConfIssue childIssue : child.issues) {
                childIssue.file = child.fileName;
                into.issues.append(childIssue);
            }
            for (const ConfiguredServer &server : child.servers) {
                if (findDuplicate(into.servers, server) >= 0)
                    into.issues.append({0, u"'%1' is listed twice; imported once"_s.arg(server.spec.displayName()),
                                        child.fileName});
                else if (into.servers.size() >= MAX_IMPORTED_SERVERS)
                    into.issues.append({0, u"more than %1 servers; '%2' is not imported"_s.arg(MAX_IMPORTED_SERVERS).arg(
                                               server.spec.displayName()), child.fileName});
                else
                    into.servers.append(server);
            }
            chain.append(canonical);
            followIncludes(child, file, format, depth + 1, chain, filesRead, into);
            chain.removeLast();
        }
    }
}

} // namespace

Result<ServerListImport> importServerList(const QString &path, ConfFormat format)
{
    const Result<QString> text = readConfText(path);
    if (!text)
        return text.error();
    ServerListImport result = parseServerList(*text, format, QFileInfo(path).fileName());
    QStringList chain{QFileInfo(path).canonicalFilePath()};
    int filesRead = 0;
    followIncludes(result, path, format, 0, chain, filesRead, result);
    return result;
}

QString formatServerList(const QList<ConfiguredServer> &servers, ConfFormat format, QStringList *warnings)
{
    const bool chrony = format == ConfFormat::Chrony;
    QString out = u"# Time servers exported by Chronoscope %1 on %2\n"_s.arg(
        QStringLiteral(CHRONOSCOPE_VERSION), QDateTime::currentDateTime().toString(Qt::ISODate));
    for (const ConfiguredServer &server : servers) {
        const engine::ServerSpec &spec = server.spec;
        QStringList words{spec.isPool ? u"pool"_s : u"server"_s, hostForConf(spec, chrony)};
        if (chrony && spec.port != 123)
            words << u"port"_s << QString::number(spec.port);
        if (spec.iburst)
            words << u"iburst"_s;
        if (spec.minPollLog2 != ntp::DEFAULT_MINPOLL)
            words << u"minpoll"_s << QString::number(spec.minPollLog2);
        if (spec.maxPollLog2 != ntp::DEFAULT_MAXPOLL)
            words << u"maxpoll"_s << QString::number(spec.maxPollLog2);
        if (server.keyId != 0)
            words << u"key"_s << QString::number(server.keyId);
        if (spec.nts) {
            words << u"nts"_s;
            if (chrony && spec.ntsPort != 4460)
                words << u"ntsport"_s << QString::number(spec.ntsPort);
        }
        if (spec.prefer)
            words << u"prefer"_s;
        if (spec.noselect)
            words << u"noselect"_s;
        if (spec.trust)
            words << (chrony ? u"trust"_s : u"true"_s);
        if (spec.require) {
            if (chrony) {
                words << u"require"_s;
            } else if (warnings) {
                *warnings << u"%1: ntp.conf has no 'require' option; exported without it"_s.arg(spec.displayName());
            }
        }
        if (spec.xleave) {
            if (chrony) {
                words << u"xleave"_s;
            } else if (warnings) {
                *warnings << u"%1: ntpd has no interleaved client mode ('xleave' is for its symmetric and "
                             u"broadcast modes); exported without it"_s.arg(spec.displayName());
            }
        }
        QString line = words.join(u' ');
        if (!chrony && spec.port != 123) {
            if (warnings)
                *warnings << u"%1: ntp.conf cannot give a port (%2); the line is exported as a comment"_s.arg(
                    spec.displayName()).arg(spec.port);
            line = u"# "_s + line + u"    # port %1 cannot be expressed in ntp.conf"_s.arg(spec.port);
        }
        out += line + u'\n';
    }
    return out;
}

Result<QString> exportServerList(const QString &path, const QList<ConfiguredServer> &servers, ConfFormat format,
                                 QStringList *warnings)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return Error{u"cannot write %1: %2"_s.arg(path, file.errorString())};
    file.write(formatServerList(servers, format, warnings).toUtf8());
    if (!file.commit())
        return Error{u"cannot write %1: %2"_s.arg(path, file.errorString())};
    return path;
}

ConfFormat guessConfFormat(const QString &path)
{
    return QFileInfo(path).fileName().contains(u"ntp"_s, Qt::CaseInsensitive) ? ConfFormat::Ntp : ConfFormat::Chrony;
}

} // namespace chronoscope::config

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/config/settingsparser.h"

#include <cmath>
#include <limits>
#include <optional>

#include <QStringDecoder>

#include "core/config/inireader.h"
#include "core/config/settingslimits.h"
#include "core/metrics/listenaddress.h"

using namespace Qt::StringLiterals;

namespace chronoscope::config {
namespace {

// The value as it appears in a message: text cut at 40 characters, bytes by their count.
QString shown(const IniValue &value)
{
    switch (value.kind) {
    case IniValue::Kind::Text: return value.text.size() > 40 ? value.text.left(40) + u"…"_s : value.text;
    case IniValue::Kind::Bytes: return u"<%1 bytes>"_s.arg(value.bytes.size());
    case IniValue::Kind::List: return u"<a list of %1>"_s.arg(value.list.size());
    case IniValue::Kind::Invalid: return u"@Invalid()"_s;
    }
    return {};
}

// Text that survives a round trip through UTF-8 (no unpaired surrogate from a \x escape).
bool isText(const IniValue &value)
{
    return value.kind == IniValue::Kind::Text && value.text.isValidUtf16();
}

std::optional<bool> toBool(const IniValue &value)
{
    if (value.kind != IniValue::Kind::Text)
        return std::nullopt;
    if (value.text.compare(u"true"_s, Qt::CaseInsensitive) == 0 || value.text == u"1"_s)
        return true;
    if (value.text.compare(u"false"_s, Qt::CaseInsensitive) == 0 || value.text == u"0"_s)
        return false;
    return std::nullopt;
}

std::optional<qint64> toInteger(const IniValue &value, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 number = value.kind == IniValue::Kind::Text ? value.text.toLongLong(&ok) : 0;
    if (!ok || number < min || number > max)
        return std::nullopt;
    return number;
}

// The keys of a [servers] entry, in the order they are checked.
constexpr const char16_t *SERVER_FIELDS[] = {u"host", u"port", u"pool", u"iburst", u"minpoll", u"maxpoll",
                                             u"prefer", u"noselect", u"trust", u"require", u"key"};
// ... and those every entry has from format version 2 on (a version 1 file predates NTS: its
// servers are plain NTP).
constexpr const char16_t *SERVER_FIELDS_V2[] = {u"nts", u"ntsport"};

class SettingsReader
{
public:
    SettingsReader(const IniDocument &doc, const QString &fileName) : m_doc(doc), m_fileName(fileName)
    {
        for (const IniProblem &problem : doc.problems)
            report(problem.line, problem.message);
        m_unreported += doc.unreportedProblems;
    }

    ParsedSettings read()
    {
        readVersion();
        readServers();
        readApp();
        if (m_unreported > 0)
            m_parsed.problems << u"%1: %2 more problem(s) not listed"_s.arg(m_fileName, QString::number(m_unreported));
        return std::move(m_parsed);
    }

private:
    const IniValue *find(const QString &key) const
    {
        const auto it = m_doc.values.constFind(key);
        return it == m_doc.values.cend() ? nullptr : &*it;
    }

    // prefix + name, built in a reused buffer (no allocation per lookup).
    const IniValue *find(QStringView prefix, QStringView name) const
    {
        m_key.resize(0);
        m_key += prefix;
        m_key += name;
        return find(m_key);
    }

    // line 0: something missing, named by key only.
    void report(int line, const QString &message)
    {
        if (m_parsed.problems.size() >= limits::MAX_REPORTED_PROBLEMS) {
            ++m_unreported;
            return;
        }
        m_parsed.problems << (line > 0 ? u"%1:%2: %3"_s.arg(m_fileName, QString::number(line), message)
                                       : u"%1: %2"_s.arg(m_fileName, message));
    }

    void readVersion()
    {
        const IniValue *version = find(u"chronoscope/version"_s);
        const std::optional<qint64> number = version ? toInteger(*version, 1, std::numeric_limits<int>::max()) : std::nullopt;
        if (number)
            m_parsed.version = int(*number);
        else if (version)
            report(version->line, u"[chronoscope] version='%1' is not a version number"_s.arg(shown(*version)));
        else if (m_doc.values.isEmpty() && m_doc.problems.isEmpty())
            report(0, u"the file holds no settings (empty?); the defaults are used"_s);
        else
            report(0, u"[chronoscope] version is missing"_s);
    }

    // The highest entry number N of "servers/N/..." keys, at most MAX_SERVERS.
    int highestEntryPresent() const
    {
        int highest = 0;
        for (auto it = m_doc.values.cbegin(); it != m_doc.values.cend(); ++it) {
            if (!it.key().startsWith(u"servers/"_s))
                continue;
            const QStringView rest = QStringView(it.key()).sliced(8);
            bool ok = false;
            const int number = rest.left(rest.indexOf(u'/')).toInt(&ok);
            if (ok && number > highest && number <= limits::MAX_SERVERS)
                highest = number;
        }
        return highest;
    }

    void readServers()
    {
        const IniValue *size = find(u"servers/size"_s);
        int count = 0;
        if (!size) {
            count = highestEntryPresent();
            if (count == 0) {
                m_parsed.servers = defaultServers();
                if (!m_doc.values.isEmpty())
                    report(0, u"[servers] size is missing: no server list; the public pool is used"_s);
                return;
            }
            report(0, u"[servers] size is missing (the file is cut off?); the %1 entries present are read"_s.arg(count));
        } else if (const std::optional<qint64> n = toInteger(*size, 0, std::numeric_limits<qint64>::max()); !n) {
            count = highestEntryPresent();
            report(size->line, u"[servers] size='%1' is not a count; the %2 entries present are read"_s.arg(shown(*size), QString::number(count)));
        } else if (*n > limits::MAX_SERVERS) {
            count = limits::MAX_SERVERS;
            report(size->line, u"[servers] size=%1 is above the limit of %2 servers; later entries are ignored"_s.arg(*n).arg(count));
        } else {
            count = int(*n);
        }
        int missing = 0;
        for (int i = 1; i <= count; ++i) {
            if (!readServer(i))
                ++missing;
        }
        if (missing > 0 && size)
            report(size->line, u"[servers] size=%1 but %2 of these entries are missing"_s.arg(shown(*size), QString::number(missing)));
    }

    // Returns false when the file has no key at all for entry `number`.
    bool readServer(int number)
    {
        const QString prefix = u"servers/%1/"_s.arg(number);
        const QString where = u"server entry %1"_s.arg(number);
        // Every version of the file has all of these; an entry without one is cut off or damaged
        // (a default port, or no key, could point it at another service or lose its authentication).
        int line = 0;
        QString absent;
        const auto checkPresent = [&](const char16_t *key) {
            const IniValue *value = find(prefix, key);
            if (!value && absent.isEmpty())
                absent = QString::fromUtf16(key);
            else if (value && (line == 0 || value->line < line))
                line = value->line;
        };
        for (const char16_t *key : SERVER_FIELDS)
            checkPresent(key);
        if (m_parsed.version >= 2)
            for (const char16_t *key : SERVER_FIELDS_V2)
                checkPresent(key);
        if (line == 0)
            return false;
        ConfiguredServer server;
        engine::ServerSpec &spec = server.spec;
        QString bad; // why the entry cannot be used, from its separator on (": ..." or " ('host'): ...")
        if (!absent.isEmpty())
            bad = u": it is incomplete ('%1' is missing)"_s.arg(absent);
        const auto field = [&](const char16_t *key) { return find(prefix, key); };
        const auto readBool = [&](const char16_t *key, bool &target) {
            if (const IniValue *value = field(key); value && bad.isEmpty()) {
                if (const std::optional<bool> parsed = toBool(*value))
                    target = *parsed;
                else
                    bad = u": %1 '%2' is not true or false"_s.arg(QStringView(key), shown(*value));
            }
        };
        const auto readInt = [&](const char16_t *key, qint64 min, qint64 max, auto &target) {
            if (const IniValue *value = field(key); value && bad.isEmpty()) {
                if (const std::optional<qint64> parsed = toInteger(*value, min, max))
                    target = std::remove_reference_t<decltype(target)>(*parsed);
                else
                    bad = u": %1 '%2' is not a number in %3–%4"_s.arg(QStringView(key), shown(*value), QString::number(min), QString::number(max));
            }
        };
        if (const IniValue *host = field(u"host"); host && isText(*host))
            spec.host = host->text.trimmed();
        else if (host && bad.isEmpty())
            bad = u": host '%1' is not a name"_s.arg(shown(*host));
        readInt(u"port", 1, 65535, spec.port);
        readBool(u"pool", spec.isPool);
        readBool(u"iburst", spec.iburst);
        readInt(u"minpoll", MIN_POLL_LOG2, MAX_POLL_LOG2, spec.minPollLog2);
        readInt(u"maxpoll", MIN_POLL_LOG2, MAX_POLL_LOG2, spec.maxPollLog2);
        readBool(u"prefer", spec.prefer);
        readBool(u"noselect", spec.noselect);
        readBool(u"trust", spec.trust);
        readBool(u"require", spec.require);
        readBool(u"xleave", spec.xleave); // optional: files written before it was added lack it
        readInt(u"key", 0, MAX_KEY_ID, server.keyId);
        readBool(u"nts", spec.nts);
        readInt(u"ntsport", 1, 65535, spec.ntsPort);
        if (bad.isEmpty()) {
            if (const std::optional<QString> invalid = validateServer(server))
                bad = u" ('%1'): %2"_s.arg(spec.host, *invalid);
            else if (findDuplicate(m_parsed.servers, server) >= 0)
                bad = u": '%1' is listed twice"_s.arg(spec.displayName());
        }
        if (bad.isEmpty())
            m_parsed.servers.append(server);
        else
            report(line, where + bad + u"; the entry is ignored"_s);
        return true;
    }

    void readApp()
    {
        AppSettings &app = m_parsed.app;
        readAppBool(u"closeToTray", app.closeToTray);
        readAppBool(u"notifyOffset", app.notifyOffset);
        readAppBool(u"notifyUnreachable", app.notifyUnreachable);
        readAppBool(u"logFileEnabled", app.logFileEnabled);
        readAppBool(u"metricsEnabled", app.metricsEnabled);
        readAppInt(u"recordedEvents", 0, std::numeric_limits<quint32>::max(), app.recordedEvents);
        readAppInt(u"logFileMaxBytes", 4096, qint64(1) << 30, app.logFileMaxBytes);   // the dialog's 4 KiB–1 GiB
        readAppInt(u"logFileKeep", 0, 99, app.logFileKeep);
        readAppInt(u"eventLogCapacity", 100, 1000000, app.eventLogCapacity);
        readAppInt(u"chartRangeSeconds", 0, 30 * 86400, app.chartRangeSeconds);
        readAppInt(u"theme", 0, 2, app.theme);
        if (const IniValue *value = appValue(u"offsetThreshold")) {
            bool ok = false;
            const double seconds = value->kind == IniValue::Kind::Text ? value->text.toDouble(&ok) : 0.0;
            if (ok && std::isfinite(seconds) && seconds >= 1e-6 && seconds <= 3600) // the dialog's 1 µs–1 h
                app.offsetThreshold = seconds;
            else
                reportApp(*value, u"offsetThreshold", u"not a number of seconds in 0.000001–3600"_s);
        }
        if (const IniValue *value = appValue(u"logFilePath")) {
            if (isText(*value) && value->text.size() <= limits::MAX_PATH_CHARS)
                app.logFilePath = value->text;
            else
                reportApp(*value, u"logFilePath", u"not a path of at most %1 characters"_s.arg(limits::MAX_PATH_CHARS));
        }
        // An address that does not parse keeps the default (loopback), never an open one.
        if (const IniValue *value = appValue(u"metricsAddress")) {
            if (isText(*value) && metrics::parseListenAddress(value->text).ok())
                app.metricsAddress = value->text;
            else
                reportApp(*value, u"metricsAddress", u"not an ADDRESS:PORT to listen on"_s);
        }
        readAppBytes(u"windowGeometry", app.windowGeometry);
        readAppBytes(u"windowState", app.windowState);
    }

    const IniValue *appValue(const char16_t *key) const { return find(u"app/", key); }

    void reportApp(const IniValue &value, const char16_t *key, const QString &expected)
    {
        report(value.line, u"[app] %1='%2' is %3; the default is used"_s.arg(QStringView(key), shown(value), expected));
    }

    void readAppBool(const char16_t *key, bool &target)
    {
        if (const IniValue *value = appValue(key)) {
            if (const std::optional<bool> parsed = toBool(*value))
                target = *parsed;
            else
                reportApp(*value, key, u"not true or false"_s);
        }
    }

    template<typename T>
    void readAppInt(const char16_t *key, qint64 min, qint64 max, T &target)
    {
        if (const IniValue *value = appValue(key)) {
            if (const std::optional<qint64> parsed = toInteger(*value, min, max))
                target = T(*parsed);
            else
                reportApp(*value, key, u"not a number in %1–%2"_s.arg(min).arg(max));
        }
    }

    // QWidget/QMainWindow state: "@ByteArray(...)"; an empty value is an empty state.
    void readAppBytes(const char16_t *key, QByteArray &target)
    {
        if (const IniValue *value = appValue(key)) {
            if (value->kind == IniValue::Kind::Bytes && value->bytes.size() <= limits::MAX_WINDOW_STATE_BYTES)
                target = value->bytes;
            else if (value->kind == IniValue::Kind::Text && value->text.isEmpty())
                target.clear();
            else
                reportApp(*value, key, u"not a window state of at most %1 bytes"_s.arg(limits::MAX_WINDOW_STATE_BYTES));
        }
    }

    const IniDocument &m_doc;
    const QString m_fileName;
    ParsedSettings m_parsed;
    int m_unreported = 0;
    mutable QString m_key; // find()'s buffer
};

} // namespace

ParsedSettings parseSettings(QByteArrayView content, const QString &fileName)
{
    // A file an editor saved as UTF-16 (with or without a byte order mark; ours start with '['):
    // read as such rather than dropping every line, and said so. Its UTF-8 form is at most 1.5
    // times as long.
    const std::optional<QStringConverter::Encoding> encoding = QStringConverter::encodingForData(content, u'[');
    if (encoding == QStringConverter::Utf16LE || encoding == QStringConverter::Utf16BE || encoding == QStringConverter::Utf16) {
        QStringDecoder utf16(*encoding);
        const QByteArray utf8 = QString(utf16(content)).toUtf8();
        ParsedSettings parsed = SettingsReader(readIni(utf8), fileName).read();
        parsed.problems.prepend(u"%1: the file is UTF-16 text, not UTF-8; it was read as UTF-16 and will be written "
                                u"back as UTF-8"_s.arg(fileName));
        return parsed;
    }
    return SettingsReader(readIni(content), fileName).read();
}

} // namespace chronoscope::config

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/config/settingsstore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSettings>
#include <QStandardPaths>
#include <QStringDecoder>

#include "core/metrics/listenaddress.h"

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSettings, "chronoscope.core.settings", QtInfoMsg)

namespace chronoscope::config {
namespace {

struct ServerReadResult
{
    QList<ConfiguredServer> servers;
    QStringList problems;
};

ServerReadResult readServers(QSettings &settings, const QString &fileName)
{
    ServerReadResult result;
    const int count = settings.beginReadArray(u"servers"_s);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        ConfiguredServer server;
        engine::ServerSpec &spec = server.spec;
        bool portOk = true;
        bool minOk = true;
        bool maxOk = true;
        bool keyOk = true;
        spec.host = settings.value(u"host"_s).toString().trimmed();
        const uint port = settings.value(u"port"_s, 123).toUInt(&portOk);
        spec.isPool = settings.value(u"pool"_s, false).toBool();
        spec.iburst = settings.value(u"iburst"_s, true).toBool();
        spec.minPollLog2 = settings.value(u"minpoll"_s, ntp::DEFAULT_MINPOLL).toInt(&minOk);
        spec.maxPollLog2 = settings.value(u"maxpoll"_s, ntp::DEFAULT_MAXPOLL).toInt(&maxOk);
        spec.prefer = settings.value(u"prefer"_s, false).toBool();
        spec.noselect = settings.value(u"noselect"_s, false).toBool();
        spec.trust = settings.value(u"trust"_s, false).toBool();
        spec.require = settings.value(u"require"_s, false).toBool();
        server.keyId = settings.value(u"key"_s, 0).toUInt(&keyOk);
        const QString where = u"%1: server entry %2"_s.arg(fileName).arg(i + 1);
        if (!portOk || port == 0 || port > 65535) {
            result.problems << u"%1: port '%2' is not a number in 1–65535"_s.arg(where, settings.value(u"port"_s).toString());
            continue;
        }
        spec.port = quint16(port);
        if (!minOk || !maxOk || !keyOk) {
            result.problems << u"%1: minpoll, maxpoll or key is not a number"_s.arg(where);
            continue;
        }
        if (const std::optional<QString> invalid = validateServer(server)) {
            result.problems << u"%1 ('%2'): %3"_s.arg(where, spec.host, *invalid);
            continue;
        }
        if (findDuplicate(result.servers, server) >= 0) {
            result.problems << u"%1: '%2' is listed twice; the second entry is ignored"_s.arg(where, spec.displayName());
            continue;
        }
        result.servers.append(server);
    }
    settings.endArray();
    return result;
}

AppSettings readApp(QSettings &settings)
{
    AppSettings app;
    settings.beginGroup(u"app"_s);
    app.closeToTray = settings.value(u"closeToTray"_s, app.closeToTray).toBool();
    app.notifyOffset = settings.value(u"notifyOffset"_s, app.notifyOffset).toBool();
    const double threshold = settings.value(u"offsetThreshold"_s, app.offsetThreshold).toDouble();
    if (threshold > 0 && threshold < 1e6)
        app.offsetThreshold = threshold;
    app.notifyUnreachable = settings.value(u"notifyUnreachable"_s, app.notifyUnreachable).toBool();
    app.recordedEvents = settings.value(u"recordedEvents"_s, app.recordedEvents).toUInt();
    app.logFileEnabled = settings.value(u"logFileEnabled"_s, app.logFileEnabled).toBool();
    app.logFilePath = settings.value(u"logFilePath"_s).toString();
    const qint64 maxBytes = settings.value(u"logFileMaxBytes"_s, app.logFileMaxBytes).toLongLong();
    if (maxBytes >= 4096)
        app.logFileMaxBytes = maxBytes;
    app.logFileKeep = std::clamp(settings.value(u"logFileKeep"_s, app.logFileKeep).toInt(), 0, 99);
    app.eventLogCapacity = std::clamp(settings.value(u"eventLogCapacity"_s, app.eventLogCapacity).toInt(), 100, 1000000);
    app.chartRangeSeconds = std::max(0, settings.value(u"chartRangeSeconds"_s, app.chartRangeSeconds).toInt());
    app.theme = std::clamp(settings.value(u"theme"_s, app.theme).toInt(), 0, 2);
    app.metricsEnabled = settings.value(u"metricsEnabled"_s, app.metricsEnabled).toBool();
    // An address that does not parse keeps the default (loopback), never an open one.
    const QString metricsAddress = settings.value(u"metricsAddress"_s, app.metricsAddress).toString();
    if (metrics::parseListenAddress(metricsAddress).ok())
        app.metricsAddress = metricsAddress;
    app.windowGeometry = settings.value(u"windowGeometry"_s).toByteArray();
    app.windowState = settings.value(u"windowState"_s).toByteArray();
    settings.endGroup();
    return app;
}

} // namespace

SettingsStore::SettingsStore(const QString &filePath) : m_filePath(filePath) { }

QString SettingsStore::defaultFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u"/chronoscope.conf"_s;
}

std::optional<QString> SettingsStore::checkSyntax(const QByteArray &content)
{
    if (const qsizetype nul = content.indexOf('\0'); nul >= 0)
        return u"line %1: binary data (a NUL byte)"_s.arg(content.left(nul).count('\n') + 1);
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(content);
    if (decoder.hasError())
        return u"not valid UTF-8 text"_s;
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(u';') || line.startsWith(u'#'))
            continue;
        if (line.startsWith(u'[')) {
            if (!line.endsWith(u']'))
                return u"line %1: section header '%2' is not closed with ']'"_s.arg(i + 1).arg(line.left(40));
            continue;
        }
        if (!line.contains(u'=') || line.startsWith(u'='))
            return u"line %1: '%2' is not a key=value line"_s.arg(i + 1).arg(line.left(40));
    }
    return std::nullopt;
}

LoadedSettings SettingsStore::load() const
{
    LoadedSettings loaded;
    const QString fileName = QFileInfo(m_filePath).fileName();
    QFile file(m_filePath);
    if (!file.exists()) {
        loaded.freshInstall = true;
        loaded.servers = defaultServers();
        return loaded;
    }
    QStringList problems;
    bool unusable = false; // the whole file is suspect: use defaults for everything
    if (!file.open(QIODevice::ReadOnly)) {
        problems << u"%1: cannot read: %2"_s.arg(m_filePath, file.errorString());
        unusable = true;
    } else if (const std::optional<QString> syntax = checkSyntax(file.readAll())) {
        problems << fileName + u": "_s + *syntax;
        unusable = true;
    }
    file.close();

    if (!unusable) {
        QSettings settings(m_filePath, QSettings::IniFormat);
        bool versionOk = false;
        const int version = settings.value(u"chronoscope/version"_s).toInt(&versionOk);
        if (settings.status() != QSettings::NoError) {
            problems << u"%1: QSettings cannot parse the file"_s.arg(fileName);
            unusable = true;
        } else if (!versionOk || version < 1) {
            problems << u"%1: [chronoscope] version is missing or not a number ('%2')"_s.arg(
                fileName, settings.value(u"chronoscope/version"_s).toString());
            unusable = true;
        } else {
            if (version > FORMAT_VERSION)
                qCWarning(lcSettings) << m_filePath << "was written by a newer version" << version;
            ServerReadResult servers = readServers(settings, fileName);
            loaded.servers = servers.servers;
            problems << servers.problems;
            loaded.app = readApp(settings);
        }
    }
    if (unusable) {
        loaded.servers = defaultServers();
        loaded.app = AppSettings();
    }
    if (problems.isEmpty())
        return loaded;

    loaded.problem = problems.join(u'\n');
    const QString backup = m_filePath + u".corrupt-"_s
        + QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s);
    QFile::remove(backup);
    if (QFile::copy(m_filePath, backup))
        loaded.backupPath = backup;
    qCWarning(lcSettings).noquote() << "damaged settings:" << loaded.problem << "backup:" << loaded.backupPath;
    return loaded;
}

Result<QString> SettingsStore::save(const QList<ConfiguredServer> &servers, const AppSettings &app) const
{
    const QFileInfo info(m_filePath);
    if (!QDir().mkpath(info.absolutePath()))
        return Error{u"cannot create the directory %1 for %2"_s.arg(info.absolutePath(), info.fileName())};
    // Start from a clean file: QSettings would otherwise merge with a damaged one.
    if (info.exists()) {
        QFile existing(m_filePath);
        if (existing.open(QIODevice::ReadOnly) && checkSyntax(existing.readAll()))
            QFile::remove(m_filePath);
    }
    QSettings settings(m_filePath, QSettings::IniFormat);
    settings.clear();
    settings.setValue(u"chronoscope/version"_s, FORMAT_VERSION);
    settings.beginWriteArray(u"servers"_s, int(servers.size()));
    for (int i = 0; i < servers.size(); ++i) {
        const ConfiguredServer &server = servers.at(i);
        settings.setArrayIndex(i);
        settings.setValue(u"host"_s, server.spec.host);
        settings.setValue(u"port"_s, server.spec.port);
        settings.setValue(u"pool"_s, server.spec.isPool);
        settings.setValue(u"iburst"_s, server.spec.iburst);
        settings.setValue(u"minpoll"_s, server.spec.minPollLog2);
        settings.setValue(u"maxpoll"_s, server.spec.maxPollLog2);
        settings.setValue(u"prefer"_s, server.spec.prefer);
        settings.setValue(u"noselect"_s, server.spec.noselect);
        settings.setValue(u"trust"_s, server.spec.trust);
        settings.setValue(u"require"_s, server.spec.require);
        settings.setValue(u"key"_s, server.keyId);
    }
    settings.endArray();
    settings.beginGroup(u"app"_s);
    settings.setValue(u"closeToTray"_s, app.closeToTray);
    settings.setValue(u"notifyOffset"_s, app.notifyOffset);
    settings.setValue(u"offsetThreshold"_s, app.offsetThreshold);
    settings.setValue(u"notifyUnreachable"_s, app.notifyUnreachable);
    settings.setValue(u"recordedEvents"_s, app.recordedEvents);
    settings.setValue(u"logFileEnabled"_s, app.logFileEnabled);
    settings.setValue(u"logFilePath"_s, app.logFilePath);
    settings.setValue(u"logFileMaxBytes"_s, app.logFileMaxBytes);
    settings.setValue(u"logFileKeep"_s, app.logFileKeep);
    settings.setValue(u"eventLogCapacity"_s, app.eventLogCapacity);
    settings.setValue(u"chartRangeSeconds"_s, app.chartRangeSeconds);
    settings.setValue(u"theme"_s, app.theme);
    settings.setValue(u"metricsEnabled"_s, app.metricsEnabled);
    settings.setValue(u"metricsAddress"_s, app.metricsAddress);
    settings.setValue(u"windowGeometry"_s, app.windowGeometry);
    settings.setValue(u"windowState"_s, app.windowState);
    settings.endGroup();
    settings.sync();
    switch (settings.status()) {
    case QSettings::NoError: return m_filePath;
    case QSettings::AccessError: return Error{u"cannot write %1 (access denied or disk full)"_s.arg(m_filePath)};
    case QSettings::FormatError: return Error{u"cannot write %1 (format error)"_s.arg(m_filePath)};
    }
    return Error{u"cannot write %1"_s.arg(m_filePath)};
}

} // namespace chronoscope::config

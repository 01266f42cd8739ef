// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/config/settingsstore.h"

#include <algorithm>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QStandardPaths>

#include "core/config/corruptcopy.h"
#include "core/config/iniwriter.h"
#include "core/config/settingslimits.h"

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSettings, "chronoscope.core.settings", QtInfoMsg)

namespace chronoscope::config {
namespace {

// The first bytes of a file and its whole size.
struct FileHead
{
    QByteArray bytes;
    qint64 size = 0;   // bytes, as far as known (at least bytes.size())
};

// Reads at most `limit` bytes (stat first, then at most limit + 1 bytes, so a file that grows or
// lies about its size is still caught). A longer file is cut after its last complete line.
Result<FileHead> readHead(const QString &path, qint64 limit)
{
    if (!QFileInfo(path).isFile())
        return Error{u"it is not a regular file (a directory?)"_s};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{file.errorString()};
    FileHead head;
    head.size = file.size();
    head.bytes = file.read(limit + 1);
    if (file.error() != QFileDevice::NoError)
        return Error{file.errorString()};
    head.size = std::max(head.size, qint64(head.bytes.size()));
    if (head.bytes.size() > limit)
        head.bytes.truncate(head.bytes.lastIndexOf('\n', limit - 1) + 1);
    return head;
}

// The file's text: QSettings' INI syntax and order (IniWriter), array entries numbered from 1.
QByteArray settingsText(const QList<ConfiguredServer> &servers, const AppSettings &app)
{
    IniWriter ini;
    ini.setNumber(u"chronoscope/version"_s, qint64(SETTINGS_FORMAT_VERSION));
    for (int i = 0; i < servers.size(); ++i) {
        const ConfiguredServer &server = servers.at(i);
        const QString entry = u"servers/%1/"_s.arg(i + 1);
        ini.setText(entry + u"host"_s, server.spec.host);
        ini.setNumber(entry + u"port"_s, qint64(server.spec.port));
        ini.setBool(entry + u"pool"_s, server.spec.isPool);
        ini.setBool(entry + u"iburst"_s, server.spec.iburst);
        ini.setNumber(entry + u"minpoll"_s, qint64(server.spec.minPollLog2));
        ini.setNumber(entry + u"maxpoll"_s, qint64(server.spec.maxPollLog2));
        ini.setBool(entry + u"prefer"_s, server.spec.prefer);
        ini.setBool(entry + u"noselect"_s, server.spec.noselect);
        ini.setBool(entry + u"trust"_s, server.spec.trust);
        ini.setBool(entry + u"require"_s, server.spec.require);
        ini.setNumber(entry + u"key"_s, qint64(server.keyId));
    }
    ini.setNumber(u"servers/size"_s, qint64(servers.size()));
    ini.setBool(u"app/closeToTray"_s, app.closeToTray);
    ini.setBool(u"app/notifyOffset"_s, app.notifyOffset);
    ini.setNumber(u"app/offsetThreshold"_s, app.offsetThreshold);
    ini.setBool(u"app/notifyUnreachable"_s, app.notifyUnreachable);
    ini.setNumber(u"app/recordedEvents"_s, qint64(app.recordedEvents));
    ini.setBool(u"app/logFileEnabled"_s, app.logFileEnabled);
    ini.setText(u"app/logFilePath"_s, app.logFilePath);
    ini.setNumber(u"app/logFileMaxBytes"_s, app.logFileMaxBytes);
    ini.setNumber(u"app/logFileKeep"_s, qint64(app.logFileKeep));
    ini.setNumber(u"app/eventLogCapacity"_s, qint64(app.eventLogCapacity));
    ini.setNumber(u"app/chartRangeSeconds"_s, qint64(app.chartRangeSeconds));
    ini.setNumber(u"app/theme"_s, qint64(app.theme));
    ini.setBool(u"app/metricsEnabled"_s, app.metricsEnabled);
    ini.setText(u"app/metricsAddress"_s, app.metricsAddress);
    ini.setBytes(u"app/windowGeometry"_s, app.windowGeometry);
    ini.setBytes(u"app/windowState"_s, app.windowState);
    return ini.toIni();
}

} // namespace

SettingsStore::SettingsStore(const QString &filePath) : m_filePath(filePath) { }

QString SettingsStore::defaultFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u"/chronoscope.conf"_s;
}

LoadedSettings SettingsStore::load() const
{
    LoadedSettings loaded;
    const QFileInfo info(m_filePath);
    if (!info.exists()) {
        loaded.freshInstall = true;
        loaded.servers = defaultServers();
        return loaded;
    }
    const Result<FileHead> head = readHead(m_filePath, limits::MAX_SETTINGS_FILE_BYTES);
    if (!head) {
        // Its settings may be intact (wrong owner or mode after a restore): neither copy nor
        // replace it. Defaults for this run; save() refuses until the file can be read.
        loaded.unreadable = true;
        loaded.servers = defaultServers();
        loaded.problem = u"%1 cannot be read: %2. The default settings are used for now; the file is left as "
                         u"it is and changes are not saved until it can be read (fix its permissions, or "
                         u"remove it to start afresh)."_s.arg(m_filePath, head.errorMessage());
        qCWarning(lcSettings).noquote() << "unreadable settings:" << loaded.problem;
        return loaded;
    }
    const QString fileName = info.fileName();
    ParsedSettings parsed = parseSettings(head->bytes, fileName);
    loaded.servers = std::move(parsed.servers);
    loaded.app = std::move(parsed.app);
    QStringList problems = std::move(parsed.problems);
    if (head->size > limits::MAX_SETTINGS_FILE_BYTES)
        problems.prepend(u"%1: the file is %2 bytes long, above the limit of %3; only the lines in its first %3 "
                         u"bytes were read"_s.arg(fileName).arg(head->size).arg(limits::MAX_SETTINGS_FILE_BYTES));
    if (parsed.version > FORMAT_VERSION)
        qCWarning(lcSettings) << m_filePath << "was written by a newer version" << parsed.version;
    if (problems.isEmpty())
        return loaded;

    if (const Result<QString> copy = keepCorruptCopy(m_filePath))
        loaded.backupPath = *copy;
    else
        problems << copy.errorMessage();
    loaded.problem = problems.join(u'\n');
    qCWarning(lcSettings).noquote() << "damaged settings:" << loaded.problem << "backup:" << loaded.backupPath;
    return loaded;
}

Result<QString> SettingsStore::save(const QList<ConfiguredServer> &servers, const AppSettings &app) const
{
    const QFileInfo info(m_filePath);
    if (!QDir().mkpath(info.absolutePath()))
        return Error{u"cannot create the directory %1 for %2"_s.arg(info.absolutePath(), info.fileName())};
    if (info.exists()) {
        if (const Result<FileHead> readable = readHead(m_filePath, 0); !readable)
            return Error{u"%1 was not replaced: it cannot be read (%2), so its settings were not loaded; fix its "
                         u"permissions or remove it"_s.arg(m_filePath, readable.errorMessage())};
    }
    // QSaveFile: a temporary file beside it (private until it is complete, then given the old
    // file's mode), renamed over the old one.
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly))
        return Error{u"cannot write %1: %2"_s.arg(m_filePath, file.errorString())};
    const QByteArray text = settingsText(servers, app);
    if (file.write(text) != text.size() || !file.commit())
        return Error{u"cannot write %1: %2"_s.arg(m_filePath, file.errorString())};
    return m_filePath;
}

} // namespace chronoscope::config

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
#include "core/config/settingsformatter.h"
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
    const QFileInfo info(path);
    if (info.isDir())
        return Error{u"it is a directory, not a file"_s};
    if (!info.isFile())
        return Error{u"it is not a regular file"_s}; // a FIFO or device would block or never end
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
                         u"bytes were read"_s.arg(fileName, QString::number(head->size),
                                                   QString::number(limits::MAX_SETTINGS_FILE_BYTES)));
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
    const QByteArray text = formatSettings(servers, app);
    if (file.write(text) != text.size() || !file.commit())
        return Error{u"cannot write %1: %2"_s.arg(m_filePath, file.errorString())};
    return m_filePath;
}

} // namespace chronoscope::config

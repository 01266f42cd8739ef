// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include "core/config/appsettings.h"
#include "core/config/configuredserver.h"
#include "core/result.h"

namespace chronoscope::config {

// What load() found: the settings to use and, when the file was damaged, what was wrong and
// where the damaged file was copied to.
struct LoadedSettings
{
    QList<ConfiguredServer> servers;
    AppSettings app;
    bool freshInstall = false;   // no file yet: defaults (the public pool) are in use
    QString problem;             // empty when the file was sound; "file:line: ..." otherwise
    QString backupPath;          // copy of the damaged file (empty when none was made)
};

// Reads and writes the GUI's settings file (INI, via QSettings). A damaged file is copied aside
// (name.corrupt-<timestamp>), reported, and replaced on the next save, so the app always starts.
// QSettings writes through QSaveFile (write to a temporary file, then rename), so a crash while
// saving never leaves half a file. Not thread-safe; use it from one thread.
class SettingsStore
{
public:
    static constexpr int FORMAT_VERSION = 1;

    explicit SettingsStore(const QString &filePath);
    // <config dir>/chronoscope/chronoscope.conf (QStandardPaths::AppConfigLocation); honours
    // XDG_CONFIG_HOME and QStandardPaths' test mode.
    static QString defaultFilePath();

    QString filePath() const { return m_filePath; }
    LoadedSettings load() const;
    // Returns the file written or an error naming the file and the cause.
    Result<QString> save(const QList<ConfiguredServer> &servers, const AppSettings &app) const;

private:
    // The structure QSettings' INI reader silently skips: returns "line N: ..." for the first
    // line that is neither blank, a comment, a [section] nor key=value.
    static std::optional<QString> checkSyntax(const QByteArray &content);

    QString m_filePath;
};

} // namespace chronoscope::config

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include "core/config/appsettings.h"
#include "core/config/configuredserver.h"
#include "core/config/settingsparser.h"
#include "core/result.h"

namespace chronoscope::config {

// What load() found: the settings to use and, when the file was damaged, what was wrong and
// where the damaged file was copied to.
struct LoadedSettings
{
    QList<ConfiguredServer> servers;
    AppSettings app;
    bool freshInstall = false;   // no file yet: defaults (the public pool) are in use
    bool unreadable = false;     // the file exists but cannot be read: defaults are in use and
                                 // save() refuses to replace it (its settings may be fine)
    QString problem;             // empty when the file was sound; "file:line: ..." lines otherwise
    QString backupPath;          // copy of the damaged file (empty when none was made)
};

// Reads and writes the GUI's settings file (INI). load() reads at most
// limits::MAX_SETTINGS_FILE_BYTES and parses them with parseSettings() (no QSettings): a bad line
// or value is dropped and reported, every other setting is kept, and the damaged file is copied
// aside (name.corrupt-<timestamp>) before the next save replaces it, so the app always starts.
// save() formats the file in QSettings' INI syntax (IniWriter; the old, possibly huge or damaged
// file is never read) and writes it through QSaveFile (a temporary file renamed over the old one),
// so a crash while saving never leaves half a file. Not thread-safe; use it from one thread.
class SettingsStore
{
public:
    static constexpr int FORMAT_VERSION = SETTINGS_FORMAT_VERSION;

    explicit SettingsStore(const QString &filePath);
    // <config dir>/chronoscope/chronoscope.conf (QStandardPaths::AppConfigLocation); honours
    // XDG_CONFIG_HOME and QStandardPaths' test mode.
    static QString defaultFilePath();

    QString filePath() const { return m_filePath; }
    LoadedSettings load() const;
    // Returns the file written or an error naming the file and the cause. Refuses to replace a
    // file that exists but cannot be read (see LoadedSettings::unreadable).
    Result<QString> save(const QList<ConfiguredServer> &servers, const AppSettings &app) const;

private:
    QString m_filePath;
};

} // namespace chronoscope::config

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include "core/config/appsettings.h"
#include "core/config/configuredserver.h"

namespace chronoscope::config {

constexpr int SETTINGS_FORMAT_VERSION = 2; // [chronoscope] version= of the files we write (2: NTS)

// The settings read from one file's text, and what was wrong with it.
struct ParsedSettings
{
    QList<ConfiguredServer> servers;  // defaultServers() when the file has no [servers] list
    AppSettings app;                  // defaults for every missing or dropped value
    int version = 0;                  // [chronoscope] version; 0 when missing or not a number
    // "file:line: ..." (or "file: ..." for something missing), at most
    // limits::MAX_REPORTED_PROBLEMS of them plus one line counting the rest. Empty: sound file.
    QStringList problems;
};

// Reads the settings file's text (SettingsStore's INI layout) without touching any file. Each
// bad line or value is dropped and reported; every other setting is kept. A server entry is one
// unit: any bad field drops the whole entry (a default port or a missing key could point it at
// another service or silently lose its authentication). Counts are bounded before iterating
// ([servers] size= at limits::MAX_SERVERS), lengths and numbers range-checked (settingslimits.h).
ParsedSettings parseSettings(QByteArrayView content, const QString &fileName);

} // namespace chronoscope::config

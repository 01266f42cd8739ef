// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "core/config/configuredserver.h"
#include "core/result.h"

namespace chronoscope::config {

// The two configuration dialects whose server lines we read and write.
enum class ConfFormat { Chrony, Ntp };

// Something in the file we could not take over as written (line 1 = the first line).
struct ConfIssue
{
    int line = 0;
    QString message;
};

// The servers found in a chrony.conf / ntp.conf, and every line or option that was not imported.
struct ServerListImport
{
    QString fileName;
    QList<ConfiguredServer> servers;
    QList<ConfIssue> issues;

    // "chrony.conf:12: 'makestep' is not a server line; not imported", one per issue.
    QStringList issueTexts() const;
};

// Parses `server` and `pool` lines (chrony: port, iburst, minpoll, maxpoll, key, prefer,
// noselect, trust, require, maxsources 4; ntp.conf: the same without port, `true` for trust).
// Every other directive, option, refclock or malformed value becomes an issue with its line
// number; comments and blank lines are skipped. Duplicates are imported once.
ServerListImport parseServerList(const QString &text, ConfFormat format, const QString &fileName);
// Reads `path` and parses it; the error names the file when it cannot be read.
Result<ServerListImport> importServerList(const QString &path, ConfFormat format);

// chrony.conf / ntp.conf lines for the list. Settings one format cannot express (ntp.conf has
// no port option) are written as comments and described in `warnings`.
QString formatServerList(const QList<ConfiguredServer> &servers, ConfFormat format, QStringList *warnings = nullptr);
// Writes formatServerList() to `path` atomically (QSaveFile); returns the path written.
Result<QString> exportServerList(const QString &path, const QList<ConfiguredServer> &servers, ConfFormat format,
                                 QStringList *warnings = nullptr);

// Ntp for names containing "ntp" (ntp.conf, ntpsec.conf), else Chrony.
ConfFormat guessConfFormat(const QString &path);

} // namespace chronoscope::config

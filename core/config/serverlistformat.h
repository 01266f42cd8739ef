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

// Limits of an import, each checked before anything is allocated for it; over-limit input is an
// issue (or, for the file size, an Error) naming file and line.
constexpr qint64 MAX_CONF_FILE_SIZE = 1 << 20;   // bytes; chrony.conf / ntp.conf are a few KiB
constexpr qsizetype MAX_CONF_LINE_LENGTH = 2047; // characters, chrony's limit
constexpr qsizetype MAX_IMPORTED_SERVERS = 256;  // servers and pools from one import
constexpr int MAX_INCLUDE_DEPTH = 5;             // nested include/includefile levels (ntpd's limit)
constexpr int MAX_INCLUDED_FILES = 64;           // files read through include directives in all

// Something in the file we could not take over as written (line 1 = the first line).
struct ConfIssue
{
    int line = 0;
    QString message;
    QString file;    // the included file it is in; empty: ServerListImport::fileName
};

// An include directive: chrony's `include PATTERN` (a glob), ntpd's `includefile PATH`.
struct ConfInclude
{
    int line = 0;
    QString pattern;
};

// The servers found in a chrony.conf / ntp.conf, and every line or option that was not imported.
struct ServerListImport
{
    QString fileName;
    QList<ConfiguredServer> servers;
    QList<ConfIssue> issues;
    QList<ConfInclude> includes;   // followed by importServerList, not by parseServerList

    // "chrony.conf:12: 'makestep' is not a server line; not imported", one per issue.
    QStringList issueTexts() const;
};

// Parses `server` and `pool` lines (chrony: port, iburst, minpoll, maxpoll, key, prefer,
// noselect, trust, require, maxsources 4, nts, ntsport (an issue without nts: chronyd uses it only
// with nts); ntp.conf: the same without port and require, `true` for trust, ntpsec's HOST:PORT nts).
// Every other directive, option, refclock or malformed value becomes an issue with its line
// number; comments and blank lines are skipped. Duplicates are imported once.
ServerListImport parseServerList(const QString &text, ConfFormat format, const QString &fileName);
// Reads `path` and parses it, following include directives (relative patterns are relative to
// the including file's directory) up to MAX_INCLUDE_DEPTH levels and MAX_INCLUDED_FILES files;
// an include too deep, a loop, or an unreadable included file is an issue naming file:line. The
// error names the file when `path` itself cannot be read, is over MAX_CONF_FILE_SIZE or is not
// text.
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

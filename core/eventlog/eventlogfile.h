// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFile>
#include <QString>

#include "core/result.h"

namespace chronoscope::eventlog {

// Appends event lines to a text file and rotates it like logrotate: when a line would take the
// file beyond maxBytes, name.(keep−1) → name.keep, …, name → name.1, and a new file starts.
// keep = 0 truncates instead of keeping old files. Lines are flushed as they are written.
class EventLogFile
{
    Q_DISABLE_COPY_MOVE(EventLogFile)
public:
    EventLogFile(const QString &path, qint64 maxBytes, int keep);
    ~EventLogFile();

    // Opens (creating the directory); the error names the file.
    Result<QString> open();
    Result<QString> writeLine(const QString &line);
    QString path() const { return m_path; }
    qint64 maxBytes() const { return m_maxBytes; }
    int keep() const { return m_keep; }

private:
    Result<QString> rotate();

    QString m_path;
    qint64 m_maxBytes;
    int m_keep;
    QFile m_file;
};

} // namespace chronoscope::eventlog

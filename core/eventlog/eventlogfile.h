// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QFile>
#include <QString>
#include <QStringList>

#include "core/result.h"

namespace chronoscope::eventlog {

// Appends event lines to a text file and rotates it like logrotate: when a line would take the
// file beyond maxBytes, name.(keep−1) → name.keep, …, name → name.1, and a new file starts with
// the mode of the one it replaced. keep = 0 truncates instead of keeping old files. Lines are
// flushed as they are written, each in one write.
//
// A process killed while it writes leaves whole lines and a complete rotation behind once the
// file is opened again: open() drops a last line cut short and finishes a rotation that stopped
// between its renames (a gap in name.1 … name.keep), and says so in repairs().
class EventLogFile
{
    Q_DISABLE_COPY_MOVE(EventLogFile)
public:
    EventLogFile(const QString &path, qint64 maxBytes, int keep);
    ~EventLogFile();

    // Opens (creating the directory), after the repairs above; the error names the file.
    Result<QString> open();
    Result<QString> writeLine(const QString &line);
    QString path() const { return m_path; }
    qint64 maxBytes() const { return m_maxBytes; }
    int keep() const { return m_keep; }
    // What the last open() repaired, one sentence each naming the file; empty when nothing.
    QStringList repairs() const { return m_repairs; }

private:
    Result<QString> rotate();
    Result<QString> openFile(std::optional<QFileDevice::Permissions> permissions);
    QString rotatedName(int index) const;
    // Renames name.(from−1) → name.from, …, name.1 → name.2, then name → name.1.
    bool shiftFrom(int from);
    void finishInterruptedRotation();
    void dropLineCutShort();

    QString m_path;
    qint64 m_maxBytes;
    int m_keep;
    QFile m_file;
    QStringList m_repairs;
};

} // namespace chronoscope::eventlog

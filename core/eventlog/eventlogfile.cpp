// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/eventlog/eventlogfile.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace chronoscope::eventlog {
namespace {

constexpr qint64 TAIL_CHUNK = 4096;   // bytes read at a time when looking for the last newline

} // namespace

EventLogFile::EventLogFile(const QString &path, qint64 maxBytes, int keep)
    : m_path(path)
    , m_maxBytes(std::max<qint64>(maxBytes, 256))
    , m_keep(std::max(keep, 0))
    , m_file(path)
{
}

EventLogFile::~EventLogFile() = default;

QString EventLogFile::rotatedName(int index) const
{
    return m_path + u'.' + QString::number(index);
}

Result<QString> EventLogFile::open()
{
    m_repairs.clear();
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(dir))
        return Error{u"cannot create the directory %1 for the log file"_s.arg(dir)};
    finishInterruptedRotation();
    dropLineCutShort();
    // A rotation killed after its last rename has not created the new file yet: create it as
    // the rotation would have, with the mode of the file it replaced.
    if (!QFile::exists(m_path) && m_keep > 0 && QFile::exists(rotatedName(1)))
        return openFile(QFile::permissions(rotatedName(1)));
    return openFile(std::nullopt);
}

Result<QString> EventLogFile::openFile(std::optional<QFileDevice::Permissions> permissions)
{
    constexpr QIODevice::OpenMode mode = QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text;
    // The permissions apply only when the file is created (with them, from the start; the
    // umask still applies). Without them: 0666 less the umask.
    const bool opened = permissions ? m_file.open(mode, *permissions) : m_file.open(mode);
    if (!opened)
        return Error{u"cannot open log file %1: %2"_s.arg(m_path, m_file.errorString())};
    return m_path;
}

bool EventLogFile::shiftFrom(int from)
{
    for (int i = from - 1; i >= 1; --i) {
        if (QFile::exists(rotatedName(i)))
            QFile::rename(rotatedName(i), rotatedName(i + 1));
    }
    return !QFile::exists(m_path) || QFile::rename(m_path, rotatedName(1));
}

// rotate() removes name.keep and renames from the top down, so a rotation stopped half-way
// leaves exactly one gap: name.g missing while a higher name.k exists. Carrying on from the gap
// completes it; nothing is lost or reordered.
void EventLogFile::finishInterruptedRotation()
{
    int gap = 0;
    for (int i = 1; i <= m_keep; ++i) {
        const bool exists = QFile::exists(rotatedName(i));
        if (!exists && gap == 0)
            gap = i;
        if (exists && gap != 0) {
            if (shiftFrom(gap))
                m_repairs << u"%1: finished a rotation that was interrupted (%1.%2 was missing)"_s.arg(m_path).arg(gap);
            return;
        }
    }
}

// A write killed part-way leaves a line without its newline; new lines must not be glued to it.
void EventLogFile::dropLineCutShort()
{
    QFile file(m_path);
    // ReadWrite would create a missing file (with the default mode): leave that to open().
    if (!file.exists() || !file.open(QIODevice::ReadWrite) || file.size() == 0)
        return;
    const qint64 size = file.size();
    qint64 keepBytes = 0;  // up to and including the last newline
    for (qint64 end = size; end > 0 && keepBytes == 0;) {
        const qint64 start = std::max<qint64>(0, end - TAIL_CHUNK);
        if (!file.seek(start))
            return;
        const QByteArray chunk = file.read(end - start);
        if (chunk.size() != end - start)
            return;
        const qsizetype newline = chunk.lastIndexOf('\n');
        if (newline >= 0)
            keepBytes = start + newline + 1;
        end = start;
    }
    if (keepBytes == size)
        return;
    if (file.resize(keepBytes))
        m_repairs << u"%1: dropped the last line, cut short after %2 bytes"_s.arg(m_path).arg(size - keepBytes);
}

Result<QString> EventLogFile::rotate()
{
    const QFileDevice::Permissions permissions = m_file.permissions();
    m_file.close();
    if (m_keep == 0) {
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
            return Error{u"cannot truncate log file %1: %2"_s.arg(m_path, m_file.errorString())};
        return m_path;
    }
    QFile::remove(rotatedName(m_keep));
    if (!shiftFrom(m_keep))
        return Error{u"cannot rotate log file %1 to %1.1"_s.arg(m_path)};
    return openFile(permissions);
}

Result<QString> EventLogFile::writeLine(const QString &line)
{
    if (!m_file.isOpen())
        return Error{u"log file %1 is not open"_s.arg(m_path)};
    const QByteArray bytes = line.toUtf8() + '\n';
    if (m_file.size() > 0 && m_file.size() + bytes.size() > m_maxBytes) {
        if (Result<QString> rotated = rotate(); !rotated)
            return rotated;
    }
    if (m_file.write(bytes) != bytes.size() || !m_file.flush())
        return Error{u"cannot write log file %1: %2"_s.arg(m_path, m_file.errorString())};
    return m_path;
}

} // namespace chronoscope::eventlog

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/eventlog/eventlogfile.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace chronoscope::eventlog {

EventLogFile::EventLogFile(const QString &path, qint64 maxBytes, int keep)
    : m_path(path)
    , m_maxBytes(std::max<qint64>(maxBytes, 256))
    , m_keep(std::max(keep, 0))
    , m_file(path)
{
}

EventLogFile::~EventLogFile() = default;

Result<QString> EventLogFile::open()
{
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(dir))
        return Error{u"cannot create the directory %1 for the log file"_s.arg(dir)};
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
        return Error{u"cannot open log file %1: %2"_s.arg(m_path, m_file.errorString())};
    return m_path;
}

Result<QString> EventLogFile::rotate()
{
    m_file.close();
    if (m_keep == 0) {
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
            return Error{u"cannot truncate log file %1: %2"_s.arg(m_path, m_file.errorString())};
        return m_path;
    }
    QFile::remove(m_path + u'.' + QString::number(m_keep));
    for (int i = m_keep - 1; i >= 1; --i) {
        const QString from = m_path + u'.' + QString::number(i);
        if (QFile::exists(from))
            QFile::rename(from, m_path + u'.' + QString::number(i + 1));
    }
    if (!QFile::rename(m_path, m_path + u".1"_s))
        return Error{u"cannot rotate log file %1 to %1.1"_s.arg(m_path)};
    return open();
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

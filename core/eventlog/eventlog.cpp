// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/eventlog/eventlog.h"

#include <limits>

#include <QCoreApplication>

namespace chronoscope::eventlog {

EventLog::EventLog(QObject *parent) : QObject(parent) { }

EventLog::~EventLog() = default;

void EventLog::setCapacity(int capacity)
{
    m_capacity = std::max(MIN_CAPACITY, capacity);
    trimTo(m_capacity);
}

void EventLog::trimTo(int maxSize)
{
    if (size() <= maxSize)
        return;
    if (m_dropped == 0) {
        // The oldest entry's slot becomes the marker: one entry dropped, the size unchanged.
        m_dropped = 1;
        m_entries.front() = EventLogEntry{};
    }
    const int count = std::min(size() - maxSize, size() - 1);
    if (count > 0) {
        emit aboutToRemove(1, count);
        m_entries.erase(m_entries.begin() + 1, m_entries.begin() + 1 + count);
        emit removed(1, count);
        m_dropped += count;
    }
    updateMarker();
    emit entryChanged(0);
}

void EventLog::updateMarker()
{
    EventLogEntry &marker = m_entries.front();
    marker.kind = EventKind::Configuration;
    marker.level = EventLevel::Warning;
    marker.serverId = -1;
    marker.server.clear();
    // Dated like the oldest entry still shown.
    marker.time = m_entries.size() > 1 ? m_entries[1].time : marker.time;
    marker.message = QCoreApplication::translate("chronoscope::eventlog::EventLog", "%n older entries dropped (the log "
                                                 "keeps the newest %1)", nullptr, int(std::min<qint64>(m_dropped, std::numeric_limits<int>::max())))
                         .arg(m_capacity - 1);
}

void EventLog::setLogFile(std::unique_ptr<EventLogFile> file)
{
    m_file = std::move(file);
}

bool EventLog::record(const EventLogEntry &entry)
{
    if (!isRecorded(entry.kind))
        return false;
    trimTo(m_capacity - 1);
    m_entries.push_back(entry);
    emit entryAdded(entry);
    if (m_file) {
        if (const Result<QString> written = m_file->writeLine(formatEntryLine(entry)); !written) {
            m_file.reset();
            emit fileError(written.errorMessage());
        }
    }
    return true;
}

void EventLog::clear()
{
    emit aboutToClear();
    m_entries.clear();
    m_dropped = 0;
    emit cleared();
}

QList<EventLogEntry> EventLog::entries(const EventFilter &filter) const
{
    QList<EventLogEntry> list;
    for (const EventLogEntry &entry : m_entries)
        if (filter.matches(entry))
            list.append(entry);
    return list;
}

} // namespace chronoscope::eventlog

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/eventlog/eventlog.h"

namespace chronoscope::eventlog {

EventLog::EventLog(QObject *parent) : QObject(parent) { }

EventLog::~EventLog() = default;

void EventLog::setCapacity(int capacity)
{
    m_capacity = std::max(1, capacity);
    const int excess = size() - m_capacity;
    if (excess > 0) {
        emit aboutToDropOldest(excess);
        m_entries.erase(m_entries.begin(), m_entries.begin() + excess);
        emit oldestDropped(excess);
    }
}

void EventLog::setLogFile(std::unique_ptr<EventLogFile> file)
{
    m_file = std::move(file);
}

bool EventLog::record(const EventLogEntry &entry)
{
    if (!isRecorded(entry.kind))
        return false;
    if (size() >= m_capacity) {
        emit aboutToDropOldest(1);
        m_entries.pop_front();
        emit oldestDropped(1);
    }
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

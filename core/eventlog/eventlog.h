// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <deque>
#include <memory>

#include <QList>
#include <QObject>

#include "core/eventlog/eventfilter.h"
#include "core/eventlog/eventlogentry.h"
#include "core/eventlog/eventlogfile.h"

namespace chronoscope::eventlog {

// The user-visible event log: a bounded store of the kinds the user chose to record, optionally
// mirrored to a rotating, size-capped file. When full, the oldest entries are dropped and
// entry 0 becomes a marker counting them ("1,204 older entries dropped"), so the log never grows
// past capacity() and never hides that it lost something. It is data, not developer logging
// (that is QLoggingCategory). Lives in the GUI thread.
class EventLog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLog)
public:
    static constexpr int DEFAULT_CAPACITY = 10000;
    static constexpr int MIN_CAPACITY = 2; // the marker and one entry

    explicit EventLog(QObject *parent = nullptr);
    ~EventLog() override;

    void setCapacity(int capacity);
    int capacity() const { return m_capacity; }
    // Bit mask of kindBit(EventKind): only these kinds are stored and written.
    void setRecordedKinds(quint32 mask) { m_recorded = mask; }
    quint32 recordedKinds() const { return m_recorded; }
    bool isRecorded(EventKind kind) const { return (m_recorded & kindBit(kind)) != 0; }

    // Mirrors every recorded entry to `file` (already opened); nullptr stops writing.
    void setLogFile(std::unique_ptr<EventLogFile> file);
    const EventLogFile *logFile() const { return m_file.get(); }

    // Stores the entry when its kind is recorded; returns whether it was.
    bool record(const EventLogEntry &entry);
    void clear();

    int size() const { return int(m_entries.size()); }
    // Entries dropped since the last clear(); when non-zero, at(0) is the marker saying so.
    qint64 droppedCount() const { return m_dropped; }
    const EventLogEntry &at(int index) const { return m_entries.at(size_t(index)); }
    QList<EventLogEntry> entries(const EventFilter &filter = {}) const;

signals:
    // After an entry was appended at index size() − 1.
    void entryAdded(const chronoscope::eventlog::EventLogEntry &entry);
    // Before and after entries first … first + count − 1 are removed (the oldest ones; first
    // is 1 while entry 0 is the drop marker).
    void aboutToRemove(int first, int count);
    void removed(int first, int count);
    // Entry `index` was replaced (the drop marker's count changed).
    void entryChanged(int index);
    void aboutToClear();
    void cleared();
    // Writing the log file failed (detail names the file); the file is closed.
    void fileError(const QString &detail);

private:
    // Drops the oldest entries until at most `maxSize` remain, the marker at index 0 included
    // (created by turning the oldest entry into it).
    void trimTo(int maxSize);
    void updateMarker();

    std::deque<EventLogEntry> m_entries;
    qint64 m_dropped = 0;
    int m_capacity = DEFAULT_CAPACITY;
    quint32 m_recorded = ALL_EVENT_KINDS;
    std::unique_ptr<EventLogFile> m_file;
};

} // namespace chronoscope::eventlog

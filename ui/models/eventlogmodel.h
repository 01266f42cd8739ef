// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>

#include "core/eventlog/eventlog.h"

namespace chronoscope::ui {

// The event log as a table (newest last). Follows the EventLog store row by row: appended
// entries are inserted, the oldest ones removed when the store is full.
class EventLogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLogModel)
public:
    enum Column { Time, Level, Server, Kind, Message, ColumnCount };
    static constexpr int LevelRole = Qt::UserRole + 1;    // int(EventLevel)
    static constexpr int ServerRole = Qt::UserRole + 2;   // server name ("" for system events)
    static constexpr int SortRole = Qt::UserRole + 3;

    explicit EventLogModel(eventlog::EventLog *log, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const eventlog::EventLogEntry &entryAt(int row) const { return m_log->at(row); }
    static QString levelName(eventlog::EventLevel level);
    static QString kindName(eventlog::EventKind kind);

private:
    eventlog::EventLog *m_log;
    int m_count = 0;     // rows announced to views (the store may be one step ahead)
};

} // namespace chronoscope::ui

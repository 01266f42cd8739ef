// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QList>

#include "core/engine/serverstatus.h"

namespace chronoscope::ui {

// One row per server association, updated row by row as the engine reports changes (never a
// reset per sample). Display text is formatted here, on demand; SortRole gives raw numbers
// (unknown values sort last) for QSortFilterProxyModel.
class ServerTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerTableModel)
public:
    enum Column { Name, Address, State, Reason, Stratum, Reach, Poll, LastReply, Offset, Delay, Jitter, Auth, ColumnCount };
    // Raw value for sorting (numbers as numbers, unknown last).
    static constexpr int SortRole = Qt::UserRole + 1;
    // The server's engine id.
    static constexpr int ServerIdRole = Qt::UserRole + 2;

    explicit ServerTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Makes the rows those of an engine snapshot: new servers inserted, missing ones removed,
    // changed ones updated (dataChanged per changed row only).
    void setServers(const QList<engine::ServerStatus> &servers);
    // Inserts or updates the row of status.id (emits dataChanged for that row only).
    void updateServer(const engine::ServerStatus &status);
    // Removes the row of `serverId`, if any.
    void removeServer(int serverId);
    void clear();
    const engine::ServerStatus *serverAt(int row) const;
    const engine::ServerStatus *serverById(int serverId) const;
    int rowOf(int serverId) const { return m_rows.value(serverId, -1); }
    QList<engine::ServerStatus> servers() const { return m_servers; }
    // Reference time for "last reply" ages (Unix seconds); tests set it, the window ticks it.
    void setNow(double unixSeconds);

private:
    QVariant displayData(const engine::ServerStatus &s, int column) const;
    QVariant sortData(const engine::ServerStatus &s, int column) const;
    QVariant toolTip(const engine::ServerStatus &s, int column) const;
    QIcon swatch(int serverId) const;
    void reindex();

    QList<engine::ServerStatus> m_servers;
    QHash<int, int> m_rows;             // server id → row
    mutable QHash<int, QIcon> m_swatches;
    double m_now = 0;
};

} // namespace chronoscope::ui

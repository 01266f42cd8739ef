// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QList>

#include "core/engine/enginesnapshot.h"
#include "core/engine/serverstatus.h"

namespace chronoscope::ui {

// One row per server association, shown straight from the engine's latest snapshot: the model
// holds that snapshot (an implicitly shared, immutable value: the session's, not a copy of
// its own) and only the order of its rows. A new snapshot updates row by row: rows whose
// server changed (revision, state, reason or address) get dataChanged, others are not
// touched; never a reset per sample. Display text is formatted here, on demand; SortRole gives
// raw numbers (unknown values sort last) for QSortFilterProxyModel.
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

    // Shows `snapshot`: new servers inserted, missing ones removed, changed ones updated
    // (dataChanged per changed row only).
    void setSnapshot(const engine::EngineSnapshot &snapshot);
    // The snapshot shown (its system result included).
    const engine::EngineSnapshot &snapshot() const { return m_snapshot; }
    // For tests and previews: the shown snapshot with status.id's entry inserted or replaced
    // (dataChanged for that row only).
    void updateServer(const engine::ServerStatus &status);
    // Removes the row of `serverId`, if any (the engine removed the server).
    void removeServer(int serverId);
    void clear();
    const engine::ServerStatus *serverAt(int row) const;
    const engine::ServerStatus *serverById(int serverId) const;
    int rowOf(int serverId) const { return m_rows.value(serverId, -1); }
    // The servers in row order.
    QList<engine::ServerStatus> servers() const;
    // Reference time for "last reply" ages (Unix seconds); tests set it, the window ticks it.
    void setNow(double unixSeconds);

private:
    QVariant displayData(const engine::ServerStatus &s, int column) const;
    QVariant sortData(const engine::ServerStatus &s, int column) const;
    QVariant toolTip(const engine::ServerStatus &s, int column) const;
    QIcon swatch(int serverId) const;
    // Shows `next`; `forcedId`'s row gets dataChanged even when its revision is unchanged.
    void apply(const engine::EngineSnapshot &next, int forcedId);
    void reindex();

    engine::EngineSnapshot m_snapshot;  // the shown one (shared with the session's)
    QList<int> m_ids;                   // row → server id
    QHash<int, int> m_rows;             // server id → row
    QHash<int, qsizetype> m_positions;  // server id → index in m_snapshot.servers
    mutable QHash<int, QIcon> m_swatches;
    double m_now = 0;
};

} // namespace chronoscope::ui

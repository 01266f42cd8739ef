// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>

#include "core/engine/serverstatus.h"

namespace chronoscope::ui {

// The eight clock-filter stages of one server (newest first), with the stage the filter chose
// (lowest delay) marked. Fixed eight rows; a new server or sample changes data, not rows.
class FilterStageModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterStageModel)
public:
    enum Column { Stage, Age, Offset, Delay, Dispersion, ColumnCount };
    static constexpr int ChosenRole = Qt::UserRole + 1; // bool
    static constexpr int ValidRole = Qt::UserRole + 2;  // bool

    explicit FilterStageModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Shows `status`'s stages, ages relative to `now` (Unix seconds).
    void setStatus(const engine::ServerStatus &status, double now);
    void clear();
    int chosenStage() const { return m_chosen; }

private:
    std::array<stats::FilterStage, ntp::NSTAGE> m_stages{};
    int m_chosen = -1;
    double m_now = 0;
};

} // namespace chronoscope::ui

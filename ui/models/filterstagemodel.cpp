// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/filterstagemodel.h"

#include <QFont>
#include <QIcon>

#include "core/report/humanformat.h"

using namespace Qt::StringLiterals;

namespace chronoscope::ui {

FilterStageModel::FilterStageModel(QObject *parent) : QAbstractTableModel(parent) { }

int FilterStageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ntp::NSTAGE;
}

int FilterStageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FilterStageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Stage: return tr("Stage");
    case Age: return tr("Age");
    case Offset: return tr("Offset");
    case Delay: return tr("Delay");
    case Dispersion: return tr("Dispersion");
    default: return {};
    }
}

QVariant FilterStageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const stats::FilterStage &stage = m_stages[size_t(index.row())];
    const bool chosen = index.row() == m_chosen;
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == Stage)
            return chosen ? tr("%1 (chosen)").arg(index.row() + 1) : QString::number(index.row() + 1);
        if (!stage.valid)
            return index.column() == Age ? tr("empty") : u"–"_s;
        switch (index.column()) {
        case Age: return report::formatAge(m_now - stage.time);
        case Offset: return report::formatSeconds(stage.offset, true);
        case Delay: return report::formatSeconds(stage.delay);
        case Dispersion: return report::formatSeconds(stage.dispersion);
        default: return {};
        }
    case Qt::DecorationRole:
        return index.column() == Stage && chosen ? QIcon(u":/icons/state-syspeer.svg"_s) : QVariant();
    case Qt::FontRole:
        if (chosen) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == Stage ? QVariant(Qt::AlignLeft | Qt::AlignVCenter) : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        return chosen ? tr("The filter uses the sample with the lowest delay of the last eight") : QVariant();
    case ChosenRole: return chosen;
    case ValidRole: return stage.valid;
    default: return {};
    }
}

void FilterStageModel::setStatus(const engine::ServerStatus &status, double now)
{
    m_stages = status.filterStages;
    m_chosen = status.filter ? status.filter->chosenStage : -1;
    m_now = now;
    emit dataChanged(index(0, 0), index(ntp::NSTAGE - 1, ColumnCount - 1));
}

void FilterStageModel::clear()
{
    m_stages = {};
    m_chosen = -1;
    emit dataChanged(index(0, 0), index(ntp::NSTAGE - 1, ColumnCount - 1));
}

} // namespace chronoscope::ui

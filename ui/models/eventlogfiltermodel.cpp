// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/eventlogfiltermodel.h"

#include "ui/models/eventlogmodel.h"

namespace chronoscope::ui {

EventLogFilterModel::EventLogFilterModel(QObject *parent) : QSortFilterProxyModel(parent) { }

void EventLogFilterModel::setEventFilter(const eventlog::EventFilter &filter)
{
    m_filter = filter;
    invalidateRowsFilter();
}

bool EventLogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const auto *model = qobject_cast<const EventLogModel *>(sourceModel());
    if (!model || sourceParent.isValid())
        return false;
    return m_filter.matches(model->entryAt(sourceRow));
}

} // namespace chronoscope::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

#include "core/eventlog/eventfilter.h"

namespace chronoscope::ui {

// Shows the event log entries that match an EventFilter (server, minimum level, text).
class EventLogFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLogFilterModel)
public:
    explicit EventLogFilterModel(QObject *parent = nullptr);

    void setEventFilter(const eventlog::EventFilter &filter);
    const eventlog::EventFilter &eventFilter() const { return m_filter; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    eventlog::EventFilter m_filter;
};

} // namespace chronoscope::ui

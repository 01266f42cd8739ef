// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include "core/result.h"

class QComboBox;
class QLineEdit;
class QTableView;

namespace chronoscope::eventlog {
class EventLog;
}

namespace chronoscope::ui {

class EventLogFilterModel;
class EventLogModel;

// The event log tab: a filterable table (server, minimum level, text) with copy and export.
class EventLogPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLogPane)
public:
    explicit EventLogPane(eventlog::EventLog *log, QWidget *parent = nullptr);

    // Names offered in the server filter (the table's servers).
    void setServerNames(const QStringList &names);
    EventLogModel *model() const { return m_model; }
    EventLogFilterModel *filterModel() const { return m_filter; }
    QComboBox *serverFilter() const { return m_server; }
    QComboBox *levelFilter() const { return m_level; }
    // The visible (filtered) entries as text lines, or only the selected ones.
    QString visibleText(bool selectedOnly) const;
    void copyToClipboard();
    Result<QString> exportTo(const QString &path) const;

signals:
    void exportRequested();

private:
    void applyFilter();

    eventlog::EventLog *m_log;
    EventLogModel *m_model;
    EventLogFilterModel *m_filter;
    QTableView *m_view;
    QComboBox *m_server;
    QComboBox *m_level;
    QLineEdit *m_search;
    bool m_follow = true;
};

} // namespace chronoscope::ui

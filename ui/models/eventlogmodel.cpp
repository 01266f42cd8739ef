// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/eventlogmodel.h"

#include <QApplication>
#include <QBrush>
#include <QDateTime>
#include <QIcon>

#include "ui/statecolors.h"

using namespace Qt::StringLiterals;

namespace chronoscope::ui {

EventLogModel::EventLogModel(eventlog::EventLog *log, QObject *parent)
    : QAbstractTableModel(parent)
    , m_log(log)
    , m_count(log->size())
{
    connect(log, &eventlog::EventLog::entryAdded, this, [this] {
        beginInsertRows({}, m_count, m_count);
        ++m_count;
        endInsertRows();
    });
    connect(log, &eventlog::EventLog::aboutToRemove, this, [this](int first, int count) {
        beginRemoveRows({}, first, first + count - 1);
    });
    connect(log, &eventlog::EventLog::removed, this, [this](int, int count) {
        m_count -= count;
        endRemoveRows();
    });
    connect(log, &eventlog::EventLog::entryChanged, this, [this](int row) {
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    });
    connect(log, &eventlog::EventLog::aboutToClear, this, [this] { beginResetModel(); });
    connect(log, &eventlog::EventLog::cleared, this, [this] {
        m_count = 0;
        endResetModel();
    });
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EventLogModel::levelName(eventlog::EventLevel level)
{
    switch (level) {
    case eventlog::EventLevel::Detail: return tr("detail");
    case eventlog::EventLevel::Info: return tr("info");
    case eventlog::EventLevel::Warning: return tr("warning");
    case eventlog::EventLevel::Error: return tr("error");
    }
    return {};
}

QString EventLogModel::kindName(eventlog::EventKind kind)
{
    switch (kind) {
    case eventlog::EventKind::RequestSent: return tr("request sent");
    case eventlog::EventKind::ReplyAccepted: return tr("reply accepted");
    case eventlog::EventKind::ReplyRejected: return tr("reply rejected");
    case eventlog::EventKind::Timeout: return tr("no reply");
    case eventlog::EventKind::KissOfDeath: return tr("kiss-o'-death");
    case eventlog::EventKind::StateChanged: return tr("state change");
    case eventlog::EventKind::SelectionChanged: return tr("selection change");
    case eventlog::EventKind::StepRequested: return tr("clock step requested");
    case eventlog::EventKind::Configuration: return tr("configuration");
    }
    return {};
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time: return tr("Time");
    case Level: return tr("Level");
    case Server: return tr("Server");
    case Kind: return tr("Event");
    case Message: return tr("Message");
    default: return {};
    }
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const eventlog::EventLogEntry &e = m_log->at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Time: return QDateTime::fromMSecsSinceEpoch(qint64(e.time * 1000.0)).toString(u"HH:mm:ss.zzz"_s);
        case Level: return levelName(e.level);
        case Server: return e.server.isEmpty() ? tr("(system)") : e.server;
        case Kind: return kindName(e.kind);
        case Message: return e.message;
        default: return {};
        }
    case Qt::DecorationRole:
        if (index.column() != Level)
            return {};
        if (e.level == eventlog::EventLevel::Error)
            return QIcon(u":/icons/state-bad.svg"_s);
        if (e.level == eventlog::EventLevel::Warning)
            return QIcon(u":/icons/state-warning.svg"_s);
        return {};
    case Qt::ForegroundRole:
        if (e.level == eventlog::EventLevel::Detail)
            return QBrush(QApplication::palette().color(QPalette::Disabled, QPalette::Text));
        if (e.level == eventlog::EventLevel::Error || e.level == eventlog::EventLevel::Warning)
            return index.column() == Level
                ? QVariant(QBrush(severityColor(e.level == eventlog::EventLevel::Error ? report::Severity::Bad
                                                                                        : report::Severity::Warning,
                                                QApplication::palette())))
                : QVariant();
        return {};
    case LevelRole: return int(e.level);
    case ServerRole: return e.server;
    case SortRole: return index.column() == Time ? QVariant(e.time) : data(index, Qt::DisplayRole);
    default: return {};
    }
}

} // namespace chronoscope::ui

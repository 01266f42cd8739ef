// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/servertablemodel.h"

#include <QBrush>
#include <QColor>

#include <cmath>

#include "core/report/humanformat.h"

using namespace Qt::StringLiterals;

namespace chronoscope::ui {
namespace {

bool hasFilter(const engine::ServerStatus &s)
{
    return s.filter && s.filter->validStages > 0;
}

QString reachDots(quint8 reach)
{
    // Oldest poll on the left, newest on the right: ● answered, ○ missed.
    QString dots;
    for (int bit = 7; bit >= 0; --bit)
        dots += (reach >> bit) & 1 ? u"●"_s : u"○"_s;
    return dots;
}

QColor stateColor(engine::ServerState state)
{
    switch (state) {
    case engine::ServerState::SysPeer:
    case engine::ServerState::Candidate: return QColor(0x1b, 0x7f, 0x3a);
    case engine::ServerState::Outlier:
    case engine::ServerState::Jittery:
    case engine::ServerState::KodRate: return QColor(0xa6, 0x6a, 0x00);
    default: return QColor(0xb0, 0x24, 0x1b);
    }
}

} // namespace

ServerTableModel::ServerTableModel(QObject *parent) : QAbstractTableModel(parent) { }

int ServerTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_servers.size());
}

int ServerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ServerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Server");
    case Address: return tr("Address");
    case State: return tr("State");
    case Reason: return tr("Reason");
    case Stratum: return tr("Stratum");
    case Reach: return tr("Reach");
    case Poll: return tr("Poll");
    case LastReply: return tr("Last reply");
    case Offset: return tr("Offset");
    case Delay: return tr("Delay");
    case Jitter: return tr("Jitter");
    default: return {};
    }
}

QVariant ServerTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const engine::ServerStatus &s = m_servers.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(s, index.column());
    case SortRole:
        return sortData(s, index.column());
    case ServerIdRole:
        return s.id;
    case Qt::ForegroundRole:
        return index.column() == State ? QVariant(QBrush(stateColor(s.state))) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() >= Stratum ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == Reach)
            return tr("Reach register %1 (octal): the last 8 polls, newest on the right").arg(report::formatReach(s.reach));
        if (index.column() == Offset)
            return tr("Server time minus local time: positive means your clock is behind");
        return index.column() == Reason ? QVariant(s.reason) : QVariant();
    default:
        return {};
    }
}

QVariant ServerTableModel::displayData(const engine::ServerStatus &s, int column) const
{
    switch (column) {
    case Name: return s.name;
    case Address: return s.address;
    case State: return engine::serverStateId(s.state).replace(u'_', u' ');
    case Reason: return s.reason;
    case Stratum: return s.stratum >= 0 ? QVariant(s.stratum) : QVariant(u"–"_s);
    case Reach: return reachDots(s.reach);
    case Poll: return report::formatAge(std::ldexp(1.0, s.pollLog2));
    case LastReply: return s.lastReplyTime > 0 ? report::formatAge(m_now - s.lastReplyTime) : u"–"_s;
    case Offset: return hasFilter(s) ? report::formatSeconds(s.filter->offset, true) : u"–"_s;
    case Delay: return hasFilter(s) ? report::formatSeconds(s.filter->delay) : u"–"_s;
    case Jitter: return hasFilter(s) ? report::formatSeconds(s.filter->jitter) : u"–"_s;
    default: return {};
    }
}

QVariant ServerTableModel::sortData(const engine::ServerStatus &s, int column) const
{
    constexpr double unknown = 1e300; // sorts after every real value
    switch (column) {
    case State: return int(s.state);
    case Stratum: return s.stratum >= 0 ? s.stratum : 1000;
    case Reach: return int(s.reach);
    case Poll: return s.pollLog2;
    case LastReply: return s.lastReplyTime > 0 ? m_now - s.lastReplyTime : unknown;
    case Offset: return hasFilter(s) ? s.filter->offset : unknown;
    case Delay: return hasFilter(s) ? s.filter->delay : unknown;
    case Jitter: return hasFilter(s) ? s.filter->jitter : unknown;
    default: return displayData(s, column);
    }
}

void ServerTableModel::updateServer(const engine::ServerStatus &status)
{
    for (int row = 0; row < m_servers.size(); ++row) {
        if (m_servers.at(row).id == status.id) {
            m_servers[row] = status;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            return;
        }
    }
    const int row = int(m_servers.size());
    beginInsertRows({}, row, row);
    m_servers.append(status);
    endInsertRows();
}

void ServerTableModel::clear()
{
    beginResetModel();
    m_servers.clear();
    endResetModel();
}

const engine::ServerStatus *ServerTableModel::serverAt(int row) const
{
    return row >= 0 && row < m_servers.size() ? &m_servers.at(row) : nullptr;
}

void ServerTableModel::setNow(double unixSeconds)
{
    m_now = unixSeconds;
    if (!m_servers.isEmpty())
        emit dataChanged(index(0, LastReply), index(rowCount() - 1, LastReply));
}

} // namespace chronoscope::ui

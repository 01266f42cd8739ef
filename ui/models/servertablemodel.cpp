// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/servertablemodel.h"

#include <algorithm>
#include <bit>
#include <cmath>

#include <QApplication>
#include <QBrush>
#include <QPainter>
#include <QPixmap>

#include "core/auth/keytype.h"
#include "core/report/humanformat.h"
#include "ui/ntstext.h"
#include "core/texts/reasontexts.h"
#include "ui/serverpalette.h"
#include "ui/statecolors.h"

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

} // namespace

ServerTableModel::ServerTableModel(QObject *parent) : QAbstractTableModel(parent) { }

int ServerTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int ServerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ServerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Reach: return tr("Answers to the last 8 requests, oldest on the left");
        case Poll: return tr("Current interval between requests");
        case Offset: return tr("Server time minus local time: positive means your clock is behind");
        case Delay: return tr("Round-trip delay of the chosen sample");
        case Jitter: return tr("Spread of the recent samples around the chosen one");
        case Auth: return tr("How replies are authenticated");
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
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
    case Auth: return tr("Auth");
    default: return {};
    }
}

QIcon ServerTableModel::swatch(int serverId) const
{
    auto it = m_swatches.constFind(serverId);
    if (it != m_swatches.constEnd())
        return *it;
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(serverColor(serverId));
    painter.drawRoundedRect(QRectF(6, 6, 20, 20), 5, 5);
    painter.end();
    const QIcon icon(pixmap);
    m_swatches.insert(serverId, icon);
    return icon;
}

QVariant ServerTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const engine::ServerStatus &s = *serverAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(s, index.column());
    case SortRole:
        return sortData(s, index.column());
    case ServerIdRole:
        return s.id;
    case Qt::DecorationRole:
        if (index.column() == State)
            return stateIcon(s.state);
        if (index.column() == Name)
            return swatch(s.id);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == State || index.column() == Reach)
            return QBrush(stateColor(s.state, QApplication::palette()));
        return {};
    case Qt::FontRole:
        if (index.column() == Name && s.state == engine::ServerState::SysPeer) {
            QFont font = QApplication::font();
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() >= Stratum && index.column() <= Jitter)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        return toolTip(s, index.column());
    case Qt::AccessibleTextRole:
        return index.column() == Reach ? tr("%1 of the last 8 requests answered").arg(std::popcount(s.reach))
                                       : displayData(s, index.column());
    default:
        return {};
    }
}

QVariant ServerTableModel::toolTip(const engine::ServerStatus &s, int column) const
{
    switch (column) {
    case Reach:
        return tr("Reach register %1 (octal): %2 of the last 8 requests answered, newest on the right")
            .arg(report::formatReach(s.reach))
            .arg(std::popcount(s.reach));
    case Offset:
        return tr("Server time minus local time: positive means your clock is behind");
    case State:
    case Reason:
        return s.reason.isEmpty() ? QVariant(stateName(s.state)) : QVariant(texts::ReasonTexts::text(s.reasonCode, s.reason));
    case Name:
        return s.host == s.name ? QVariant(s.name) : QVariant(tr("%1 (from %2)").arg(s.name, s.host));
    case Auth:
        if (s.nts)
            return NtsText::toolTip(s);
        return s.authType ? QVariant(tr("%n reply(s) authenticated with key %1", nullptr, s.authenticatedReplies).arg(s.keyId))
                          : QVariant();
    default:
        return {};
    }
}

QVariant ServerTableModel::displayData(const engine::ServerStatus &s, int column) const
{
    switch (column) {
    case Name: return s.name;
    case Address: return s.address.isEmpty() ? u"–"_s : s.address;
    case State: return stateName(s.state);
    case Reason: return texts::ReasonTexts::text(s.reasonCode, s.reason);
    case Stratum: return s.stratum >= 0 ? QString::number(s.stratum) : u"–"_s;
    case Reach: return reachDots(s.reach);
    case Poll: return report::formatAge(std::ldexp(1.0, s.pollLog2));
    case LastReply: return s.lastReplyTime > 0 ? report::formatAge(m_now - s.lastReplyTime) : u"–"_s;
    case Offset: return hasFilter(s) ? report::formatSeconds(s.filter->offset, true) : u"–"_s;
    case Delay: return hasFilter(s) ? report::formatSeconds(s.filter->delay) : u"–"_s;
    case Jitter: return hasFilter(s) ? report::formatSeconds(s.filter->jitter) : u"–"_s;
    case Auth:
        if (s.nts)
            return NtsText::badge(*s.nts);
        if (s.authType)
            //: Authentication column: MAC algorithm and key number, e.g. "sha1 · key 7"
            return tr("%1 · key %2").arg(auth::keyTypeId(*s.authType)).arg(s.keyId);
        if (s.keyId != 0)
            return tr("key %1 not loaded").arg(s.keyId);
        //: Authentication column: no key or NTS in use
        return tr("none");
    default: return {};
    }
}

QVariant ServerTableModel::sortData(const engine::ServerStatus &s, int column) const
{
    constexpr double unknown = 1e300; // sorts after every real value
    switch (column) {
    case State: return int(s.state);
    case Stratum: return s.stratum >= 0 ? s.stratum : 1000;
    case Reach: return std::popcount(s.reach) * 256 + int(s.reach);
    case Poll: return s.pollLog2;
    case LastReply: return s.lastReplyTime > 0 ? m_now - s.lastReplyTime : unknown;
    case Offset: return hasFilter(s) ? s.filter->offset : unknown;
    case Delay: return hasFilter(s) ? s.filter->delay : unknown;
    case Jitter: return hasFilter(s) ? s.filter->jitter : unknown;
    default: return displayData(s, column);
    }
}

namespace {

bool rowChanged(const engine::ServerStatus &shown, const engine::ServerStatus &next)
{
    return shown.revision != next.revision || shown.state != next.state || shown.reason != next.reason
        || shown.reasonCode != next.reasonCode
        || shown.address != next.address;
}

} // namespace

void ServerTableModel::setSnapshot(const engine::EngineSnapshot &snapshot)
{
    apply(snapshot, -1);
}

void ServerTableModel::updateServer(const engine::ServerStatus &status)
{
    engine::EngineSnapshot next = m_snapshot;
    const auto it = std::find_if(next.servers.begin(), next.servers.end(),
                                 [&](const engine::ServerStatus &s) { return s.id == status.id; });
    if (it != next.servers.end())
        *it = status;
    else
        next.servers.append(status);
    apply(next, status.id);
}

void ServerTableModel::removeServer(int serverId)
{
    if (rowOf(serverId) < 0)
        return;
    engine::EngineSnapshot next = m_snapshot;
    next.servers.removeIf([serverId](const engine::ServerStatus &s) { return s.id == serverId; });
    apply(next, -1);
}

void ServerTableModel::apply(const engine::EngineSnapshot &next, int forcedId)
{
    QHash<int, qsizetype> nextPositions;
    for (qsizetype i = 0; i < next.servers.size(); ++i)
        nextPositions.insert(next.servers.at(i).id, i);
    // Rows of servers that are gone (the old snapshot still answers data() meanwhile).
    for (qsizetype row = m_ids.size() - 1; row >= 0; --row) {
        if (nextPositions.contains(m_ids.at(row)))
            continue;
        beginRemoveRows({}, int(row), int(row));
        m_ids.removeAt(row);
        reindex();
        endRemoveRows();
    }
    const engine::EngineSnapshot previous = m_snapshot;
    const QHash<int, qsizetype> previousPositions = m_positions;
    m_snapshot = next;
    m_positions = nextPositions;
    for (const engine::ServerStatus &s : next.servers) {
        const int row = rowOf(s.id);
        if (row < 0) {
            const int newRow = int(m_ids.size());
            beginInsertRows({}, newRow, newRow);
            m_ids.append(s.id);
            m_rows.insert(s.id, newRow);
            endInsertRows();
            continue;
        }
        // Unchanged rows (same revision) are not touched: no dataChanged, no repaint.
        const engine::ServerStatus &shown = previous.servers.at(previousPositions.value(s.id));
        if (s.id == forcedId || rowChanged(shown, s))
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

void ServerTableModel::reindex()
{
    m_rows.clear();
    for (int row = 0; row < m_ids.size(); ++row)
        m_rows.insert(m_ids.at(row), row);
}

void ServerTableModel::clear()
{
    beginResetModel();
    m_snapshot = {};
    m_ids.clear();
    m_rows.clear();
    m_positions.clear();
    endResetModel();
}

const engine::ServerStatus *ServerTableModel::serverAt(int row) const
{
    if (row < 0 || row >= m_ids.size())
        return nullptr;
    const qsizetype position = m_positions.value(m_ids.at(row), -1);
    return position >= 0 ? &m_snapshot.servers.at(position) : nullptr;
}

const engine::ServerStatus *ServerTableModel::serverById(int serverId) const
{
    return serverAt(rowOf(serverId));
}

QList<engine::ServerStatus> ServerTableModel::servers() const
{
    QList<engine::ServerStatus> list;
    list.reserve(m_ids.size());
    for (int row = 0; row < m_ids.size(); ++row)
        list.append(*serverAt(row));
    return list;
}

void ServerTableModel::setNow(double unixSeconds)
{
    m_now = unixSeconds;
    if (!m_ids.isEmpty())
        emit dataChanged(index(0, LastReply), index(rowCount() - 1, LastReply), {Qt::DisplayRole, SortRole});
}

} // namespace chronoscope::ui

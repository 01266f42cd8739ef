// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/keys/keytablemodel.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace chronoscope::ui {
namespace {

constexpr int MASK_LENGTH = 12; // bullets shown for a hidden secret, whatever its length

QStringList splitServers(const QString &text)
{
    QStringList servers;
    for (const QString &part : text.split(QRegularExpression(u"[,;\\s]+"_s), Qt::SkipEmptyParts))
        servers.append(part.trimmed());
    return servers;
}

} // namespace

KeyTableModel::KeyTableModel(auth::KeyStore *store, QObject *parent) : QAbstractTableModel(parent), m_store(store) { }

int KeyTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_store->keys().size());
}

int KeyTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant KeyTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auth::SymmetricKey &key = m_store->keys().at(index.row());
    if (role == KeyIdRole)
        return key.id;
    if (role == Qt::ToolTipRole) {
        if (index.column() == Type && auth::hasInteropCaveat(key.type))
            return tr("SHA256 works with chrony and ntpsec only as a 20-byte MAC in NTPv4, which is what "
                      "Chronoscope sends.");
        if (index.column() == Secret)
            return m_revealed ? tr("%1 bytes, shown as hex").arg(key.secret.size())
                              : tr("Hidden. Tick \"Show secrets\" to reveal it.");
        if (index.column() == Servers)
            return tr("Servers that use this key, separated by commas (host or host:port)");
        return {};
    }
    if (role == Qt::AccessibleTextRole && index.column() == Secret && !m_revealed)
        return tr("hidden secret");
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (Column(index.column())) {
    case Id: return key.id;
    case Type: return auth::chronyTypeName(key.type);
    case Label: return key.label;
    case Servers: return key.servers.join(u", "_s);
    case Secret:
        if (!m_revealed)
            //: A masked secret followed by its length, e.g. "•••••••••••• (16 bytes)"
            return QString(QString(MASK_LENGTH, QChar(0x2022)) + u' ' + tr("(%1 bytes)").arg(key.secret.size()));
        return auth::secretAsChronyHex(key);
    case ColumnCount: break;
    }
    return {};
}

QVariant KeyTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Id: return tr("ID");
    case Type: return tr("Type");
    case Label: return tr("Label");
    case Servers: return tr("Servers");
    case Secret: return tr("Secret");
    case ColumnCount: break;
    }
    return {};
}

Qt::ItemFlags KeyTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && (index.column() == Label || index.column() == Servers))
        f |= Qt::ItemIsEditable;
    return f;
}

bool KeyTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    auth::SymmetricKey key = m_store->keys().at(index.row());
    if (index.column() == Label)
        key.label = value.toString().trimmed();
    else if (index.column() == Servers)
        key.servers = splitServers(value.toString());
    else
        return false;
    if (m_store->update(key))
        return false;
    emit dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole});
    emit keysEdited(key.id);
    return true;
}

void KeyTableModel::setSecretsRevealed(bool revealed)
{
    if (m_revealed == revealed)
        return;
    m_revealed = revealed;
    if (rowCount() > 0)
        emit dataChanged(index(0, Secret), index(rowCount() - 1, Secret), {Qt::DisplayRole, Qt::ToolTipRole});
}

void KeyTableModel::reload()
{
    beginResetModel();
    endResetModel();
}

int KeyTableModel::rowOf(quint32 id) const
{
    const QList<auth::SymmetricKey> &keys = m_store->keys();
    for (int row = 0; row < keys.size(); ++row) {
        if (keys.at(row).id == id)
            return row;
    }
    return -1;
}

quint32 KeyTableModel::idAt(int row) const
{
    return row >= 0 && row < m_store->keys().size() ? m_store->keys().at(row).id : 0;
}

} // namespace chronoscope::ui

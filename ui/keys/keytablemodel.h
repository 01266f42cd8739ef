// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>

#include "core/auth/keystore.h"

namespace chronoscope::ui {

// The keys of a KeyStore as a table: id, type, label, servers, secret. Secrets are masked unless
// revealed explicitly (setSecretsRevealed). Label and servers are editable in place; an edit
// changes the store (the caller saves it on keysEdited()).
class KeyTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyTableModel)
public:
    enum Column { Id, Type, Label, Servers, Secret, ColumnCount };
    enum Role { KeyIdRole = Qt::UserRole + 1 };

    // `store` is not owned and must outlive the model.
    explicit KeyTableModel(auth::KeyStore *store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    void setSecretsRevealed(bool revealed);
    bool secretsRevealed() const { return m_revealed; }
    // Re-reads the store after it changed behind the model's back (add, delete, import).
    void reload();
    // The row of key `id`, or -1.
    int rowOf(quint32 id) const;
    quint32 idAt(int row) const;

signals:
    // Label or servers of key `id` were edited in the table.
    void keysEdited(quint32 id);

private:
    auth::KeyStore *m_store;
    bool m_revealed = false;
};

} // namespace chronoscope::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QDialog>
#include <QList>

#include "core/auth/keyfileformat.h"
#include "core/auth/keystore.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace chronoscope::ui {

class KeyTableModel;

// The key manager: lists the keys of a KeyStore (secrets masked until "Show secrets" is ticked),
// adds a key typed in, generates one, imports and exports key files in chrony or ntpd/ntpsec
// format, deletes, edits labels and server assignments in place, copies ready-to-paste
// chrony/ntp configuration lines, and optionally keeps secrets in the system keyring. Every
// change is saved at once (atomically, mode 0600) and announced with keysChanged().
//
// The buttons ask the user for their input (file dialogs, confirmations) and then call the
// public operations below, which tests drive directly.
class KeyManagerDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyManagerDialog)
public:
    enum class ConfigLine {
        ChronyKey,      // "1 AES128 HEX:…" for chrony.keys (contains the secret)
        NtpKey,         // "1 AES128CMAC …" for ntp.keys (contains the secret)
        ChronyServer,   // "server HOST [port N] key 1" for chrony.conf
        NtpServer,      // "server HOST key 1" + "trustedkey 1" for ntp.conf
    };
    enum class ImportErrors {
        Ask,                 // show the invalid lines and ask whether to import the valid ones
        AcceptValidLines,    // import the valid lines
        Refuse,              // import nothing from a file with errors
    };

    // `store` is not owned; it should be loaded already and must outlive the dialog.
    explicit KeyManagerDialog(auth::KeyStore *store, QWidget *parent = nullptr);
    ~KeyManagerDialog() override;

    KeyTableModel *model() const { return m_model; }
    // The last outcome in words (also shown in the dialog): what was done, or why it failed.
    QString statusText() const;

    // The id of the new key, or empty (statusText says why).
    std::optional<quint32> generateKey(auth::KeyType type);
    bool addKey(const auth::SymmetricKey &key);
    bool deleteKey(quint32 id);
    bool assignServers(quint32 id, const QStringList &servers);
    // `format` empty: detected. Keys with an id already in the store are replaced only when
    // their secret is the same (then nothing changes); a different secret is refused.
    bool importFile(const QString &path, std::optional<auth::KeyFileFormat> format, ImportErrors errors);
    // `ids` empty: every key. Written atomically with mode 0600.
    bool exportFile(const QString &path, auth::KeyFileFormat format, const QList<quint32> &ids = {});
    // The text "Copy" puts on the clipboard; empty (statusText says why) when it cannot be made.
    QString configLine(quint32 id, ConfigLine kind) const;
    bool copyConfigLine(quint32 id, ConfigLine kind);
    void setSecretsRevealed(bool revealed);
    bool setUseKeyring(bool use);
    // The key of the selected row (0: none).
    quint32 selectedKeyId() const;
    void selectKey(quint32 id);

signals:
    // The store changed and was saved: whoever feeds the engine re-reads its keys.
    void keysChanged();

private:
    void buildUi();
    void updateButtons();
    bool saveStore(const QString &done);
    void setStatus(const QString &text, bool error = false);
    // Button handlers: ask, then call the operations above.
    void onAdd();
    void onImport();
    void onExport();
    void onDelete();

    auth::KeyStore *m_store;
    KeyTableModel *m_model;
    QTableView *m_table = nullptr;
    QComboBox *m_generateType = nullptr;
    QPushButton *m_generateButton = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_importButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QPushButton *m_copyButton = nullptr;
    QCheckBox *m_revealBox = nullptr;
    QCheckBox *m_keyringBox = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace chronoscope::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/keys/keymanagerdialog.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "core/auth/keyfileio.h"
#include "core/auth/keyfilewriter.h"
#include "core/auth/keygenerator.h"
#include "core/auth/keyringvault.h"
#include "core/engine/serverspec.h"
#include "ui/keys/keyeditdialog.h"
#include "ui/keys/keytablemodel.h"

using namespace Qt::StringLiterals;

namespace chronoscope::ui {

KeyManagerDialog::KeyManagerDialog(auth::KeyStore *store, QWidget *parent)
    : QDialog(parent), m_store(store), m_model(new KeyTableModel(store, this))
{
    setWindowTitle(tr("Authentication Keys"));
    buildUi();
    connect(m_model, &KeyTableModel::keysEdited, this,
            [this](quint32 id) { saveStore(tr("Saved the label and servers of key %1.").arg(id)); });
    updateButtons();
    setStatus(m_store->isEmpty() ? tr("No keys yet. Generate one, add one you were given, or import a key file.")
                                 : tr("Keys in %1: %2").arg(m_store->path()).arg(m_store->keys().size()));
}

KeyManagerDialog::~KeyManagerDialog() = default;

void KeyManagerDialog::buildUi()
{
    m_table = new QTableView(this);
    m_table->setObjectName(u"keyTable"_s);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(KeyTableModel::Servers, QHeaderView::Stretch);
    m_table->setAccessibleName(tr("Keys"));

    m_generateType = new QComboBox(this);
    m_generateType->setObjectName(u"generateType"_s);
    for (auth::KeyType type : auth::ALL_KEY_TYPES)
        m_generateType->addItem(auth::chronyTypeName(type), int(type));
    m_generateType->setCurrentIndex(m_generateType->findData(int(auth::KeyType::Aes128Cmac)));
    m_generateType->setToolTip(tr("AES128 (CMAC) is what RFC 8573 recommends; MD5 and SHA1 suit older servers."));
    m_generateButton = new QPushButton(tr("&Generate"), this);
    m_generateButton->setObjectName(u"generateButton"_s);
    m_addButton = new QPushButton(tr("&Add…"), this);
    m_addButton->setObjectName(u"addButton"_s);
    m_importButton = new QPushButton(tr("&Import…"), this);
    m_importButton->setObjectName(u"importButton"_s);
    m_exportButton = new QPushButton(tr("&Export…"), this);
    m_exportButton->setObjectName(u"exportButton"_s);
    m_deleteButton = new QPushButton(tr("&Delete"), this);
    m_deleteButton->setObjectName(u"deleteButton"_s);
    m_copyButton = new QPushButton(tr("&Copy Config Line"), this);
    m_copyButton->setObjectName(u"copyButton"_s);
    auto *copyMenu = new QMenu(m_copyButton);
    const auto addCopy = [this, copyMenu](const QString &text, ConfigLine kind) {
        copyMenu->addAction(text, this, [this, kind] { copyConfigLine(selectedKeyId(), kind); });
    };
    addCopy(tr("chrony.keys line (includes the secret)"), ConfigLine::ChronyKey);
    addCopy(tr("ntp.keys line (includes the secret)"), ConfigLine::NtpKey);
    addCopy(tr("chrony.conf server line"), ConfigLine::ChronyServer);
    addCopy(tr("ntp.conf server and trustedkey lines"), ConfigLine::NtpServer);
    m_copyButton->setMenu(copyMenu);

    m_revealBox = new QCheckBox(tr("&Show secrets"), this);
    m_revealBox->setObjectName(u"revealBox"_s);
    m_keyringBox = new QCheckBox(tr("Keep secrets in the system &keyring"), this);
    m_keyringBox->setObjectName(u"keyringBox"_s);
    m_keyringBox->setChecked(m_store->usesKeyring());
    m_keyringBox->setEnabled(auth::KeyringVault::isCompiledIn());
    m_keyringBox->setToolTip(auth::KeyringVault::isCompiledIn()
                                 ? tr("Without a keyring the secrets stay in %1 (readable only by you).").arg(m_store->path())
                                 : tr("This build has no keyring support; the secrets stay in %1 (readable only by you).")
                                       .arg(m_store->path()));
    m_status = new QLabel(this);
    m_status->setObjectName(u"status"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_generateType);
    buttons->addWidget(m_generateButton);
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_importButton);
    buttons->addWidget(m_exportButton);
    buttons->addWidget(m_deleteButton);
    buttons->addWidget(m_copyButton);
    buttons->addStretch(1);
    auto *options = new QHBoxLayout;
    options->addWidget(m_revealBox);
    options->addWidget(m_keyringBox);
    options->addStretch(1);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    layout->addLayout(options);
    layout->addWidget(m_status);
    layout->addWidget(close);
    resize(760, 380);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_generateButton, &QPushButton::clicked, this,
            [this] { generateKey(auth::KeyType(m_generateType->currentData().toInt())); });
    connect(m_addButton, &QPushButton::clicked, this, &KeyManagerDialog::onAdd);
    connect(m_importButton, &QPushButton::clicked, this, &KeyManagerDialog::onImport);
    connect(m_exportButton, &QPushButton::clicked, this, &KeyManagerDialog::onExport);
    connect(m_deleteButton, &QPushButton::clicked, this, &KeyManagerDialog::onDelete);
    connect(m_revealBox, &QCheckBox::toggled, m_model, &KeyTableModel::setSecretsRevealed);
    connect(m_keyringBox, &QCheckBox::toggled, this, &KeyManagerDialog::setUseKeyring);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &KeyManagerDialog::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &KeyManagerDialog::updateButtons);
}

QString KeyManagerDialog::statusText() const
{
    return m_status->text();
}

void KeyManagerDialog::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? u"color: #b0241b;"_s : QString());
    m_status->setAccessibleDescription(error ? tr("Error") : QString());
}

void KeyManagerDialog::updateButtons()
{
    const bool selected = selectedKeyId() != 0;
    m_deleteButton->setEnabled(selected);
    m_copyButton->setEnabled(selected);
    m_exportButton->setEnabled(!m_store->isEmpty());
}

quint32 KeyManagerDialog::selectedKeyId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : m_model->idAt(rows.first().row());
}

void KeyManagerDialog::selectKey(quint32 id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_table->selectRow(row);
}

bool KeyManagerDialog::saveStore(const QString &done)
{
    if (const std::optional<Error> failed = m_store->save()) {
        setStatus(tr("Could not save the keys: %1").arg(failed->message), true);
        return false;
    }
    setStatus(m_store->lastWarning().isEmpty() ? done : done + u' ' + m_store->lastWarning(),
              !m_store->lastWarning().isEmpty());
    emit keysChanged();
    return true;
}

std::optional<quint32> KeyManagerDialog::generateKey(auth::KeyType type)
{
    const quint32 id = m_store->nextFreeId();
    if (id == 0) {
        setStatus(tr("Every key ID is in use."), true);
        return std::nullopt;
    }
    Result<auth::SymmetricKey> key = auth::generateKey(id, type);
    if (!key) {
        setStatus(key.errorMessage(), true);
        return std::nullopt;
    }
    if (!addKey(*key))
        return std::nullopt;
    //: %1 key id, %2 type (AES128, ...), %3 key length in bytes
    QString done = tr("Generated key %1 (%2, %3 random bytes).")
                       .arg(id)
                       .arg(auth::chronyTypeName(type))
                       .arg(key->secret.size());
    if (auth::hasInteropCaveat(type))
        done += u' ' + tr("SHA256 works with chrony and ntpsec only as a 20-byte MAC, which Chronoscope sends.");
    setStatus(done + u' ' + tr("Give it to the server with Export or Copy Config Line."));
    return id;
}

bool KeyManagerDialog::addKey(const auth::SymmetricKey &key)
{
    if (const std::optional<Error> refused = m_store->add(key)) {
        setStatus(refused->message, true);
        return false;
    }
    m_model->reload();
    selectKey(key.id);
    return saveStore(tr("Added key %1.").arg(key.id));
}

bool KeyManagerDialog::deleteKey(quint32 id)
{
    if (!m_store->remove(id)) {
        setStatus(tr("There is no key %1.").arg(id), true);
        return false;
    }
    m_model->reload();
    return saveStore(tr("Deleted key %1.").arg(id));
}

bool KeyManagerDialog::assignServers(quint32 id, const QStringList &servers)
{
    const int row = m_model->rowOf(id);
    if (row < 0) {
        setStatus(tr("There is no key %1.").arg(id), true);
        return false;
    }
    return m_model->setData(m_model->index(row, KeyTableModel::Servers), servers.join(u", "_s));
}

bool KeyManagerDialog::importFile(const QString &path, std::optional<auth::KeyFileFormat> format, ImportErrors errors)
{
    const Result<auth::KeyFileContents> contents = auth::readKeyFile(path, format, false);
    if (!contents) {
        setStatus(contents.errorMessage(), true);
        return false;
    }
    auth::ImportPolicy policy;
    if (contents->hasErrors()) {
        if (errors == ImportErrors::Refuse || contents->keys.isEmpty()) {
            setStatus(tr("Nothing was imported; %1 has invalid lines:\n%2").arg(path, contents->describeErrors()), true);
            return false;
        }
        if (errors == ImportErrors::Ask) {
            const auto answer = QMessageBox::question(
                this, tr("Import Keys"),
                tr("%1 has invalid lines:").arg(path) + u"\n\n"_s
                    + contents->describeErrors() + u"\n\n"_s
                    + tr("Import the valid keys (%1) anyway?").arg(contents->keyIdList()),
                QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
            if (answer != QMessageBox::Yes) {
                setStatus(tr("Nothing was imported from %1.").arg(path));
                return false;
            }
        }
        policy.acceptValidLines = true;
    }
    const Result<auth::ImportSummary> summary = m_store->importKeys(*contents, policy);
    if (!summary) {
        setStatus(summary.errorMessage(), true);
        return false;
    }
    m_model->reload();
    QString done = tr("Imported from %1 (%2 format): %3 new, %4 already there.")
                       .arg(path, auth::keyFileFormatId(contents->format))
                       .arg(summary->added)
                       .arg(summary->unchanged);
    if (summary->skippedLines > 0)
        done += u' ' + tr("Invalid lines skipped: %1.").arg(summary->skippedLines);
    if (auth::checkPrivatePermissions(path))
        done += u' ' + tr("Note: %1 is readable by other users (mode %2).").arg(path, auth::permissionText(path));
    return saveStore(done);
}

bool KeyManagerDialog::exportFile(const QString &path, auth::KeyFileFormat format, const QList<quint32> &ids)
{
    QList<auth::SymmetricKey> keys;
    for (const auth::SymmetricKey &key : m_store->keys()) {
        if (ids.isEmpty() || ids.contains(key.id))
            keys.append(key);
    }
    if (keys.isEmpty()) {
        setStatus(tr("There are no keys to export."), true);
        return false;
    }
    const Result<QByteArray> text = auth::writeKeyFile(keys, format);
    if (!text) {
        setStatus(text.errorMessage(), true);
        return false;
    }
    if (const std::optional<Error> failed = auth::writePrivateFile(path, *text)) {
        setStatus(failed->message, true);
        return false;
    }
    //: %1 file, %2 "chrony" or "ntp", %3 number of keys
    setStatus(tr("Exported to %1 (%2 format, readable only by you); keys: %3.")
                  .arg(path, auth::keyFileFormatId(format))
                  .arg(keys.size()));
    return true;
}

QString KeyManagerDialog::configLine(quint32 id, ConfigLine kind) const
{
    const auth::SymmetricKey *key = m_store->find(id);
    if (!key)
        return {};
    switch (kind) {
    case ConfigLine::ChronyKey:
    case ConfigLine::NtpKey: {
        const Result<QString> line = auth::keyFileLine(
            *key, kind == ConfigLine::ChronyKey ? auth::KeyFileFormat::Chrony : auth::KeyFileFormat::Ntp);
        return line ? *line : QString();
    }
    case ConfigLine::ChronyServer:
    case ConfigLine::NtpServer: break;
    }
    // The first assigned server, split into host and port as the daemons want them.
    QString host = u"SERVER"_s;
    quint16 port = 123;
    if (!key->servers.isEmpty()) {
        if (const Result<engine::ServerSpec> spec = engine::parseServerSpec(key->servers.first())) {
            host = spec->host;
            port = spec->port;
        }
    }
    if (kind == ConfigLine::ChronyServer)
        return port == 123 ? u"server %1 key %2"_s.arg(host).arg(id) : u"server %1 port %2 key %3"_s.arg(host).arg(port).arg(id);
    const QString server = port == 123 ? host : host.contains(u':') ? u"[%1]:%2"_s.arg(host).arg(port)
                                                                      : u"%1:%2"_s.arg(host).arg(port);
    return u"server %1 key %2\ntrustedkey %2"_s.arg(server).arg(id);
}

bool KeyManagerDialog::copyConfigLine(quint32 id, ConfigLine kind)
{
    const QString text = configLine(id, kind);
    if (text.isEmpty()) {
        const auth::SymmetricKey *key = m_store->find(id);
        const Result<QString> why = key ? auth::keyFileLine(*key, auth::KeyFileFormat::Ntp) : Result<QString>(QString());
        setStatus(key ? why.errorMessage() : tr("Select a key first."), true);
        return false;
    }
    QGuiApplication::clipboard()->setText(text);
    const bool secret = kind == ConfigLine::ChronyKey || kind == ConfigLine::NtpKey;
    setStatus(secret ? tr("Copied the key line of key %1 to the clipboard. It contains the secret: paste it only "
                          "into the server's key file.")
                           .arg(id)
                     : tr("Copied the server line for key %1 to the clipboard.").arg(id));
    return true;
}

void KeyManagerDialog::setSecretsRevealed(bool revealed)
{
    m_revealBox->setChecked(revealed); // the box drives the model
}

bool KeyManagerDialog::setUseKeyring(bool use)
{
    if (m_store->usesKeyring() == use)
        return true;
    m_store->setUseKeyring(use);
    const QSignalBlocker blocker(m_keyringBox);
    m_keyringBox->setChecked(use);
    return saveStore(use ? tr("The secrets are now kept in the system keyring.")
                         : tr("The secrets are now kept in %1 (readable only by you).").arg(m_store->path()));
}

void KeyManagerDialog::onAdd()
{
    QList<quint32> used;
    for (const auth::SymmetricKey &key : m_store->keys())
        used.append(key.id);
    KeyEditDialog dialog(used, m_store->nextFreeId(), this);
    if (dialog.exec() == QDialog::Accepted)
        addKey(dialog.key());
}

void KeyManagerDialog::onImport()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import Key File"), QString(),
                                                      tr("Key files (*.keys *.key keys);;All files (*)"));
    if (!path.isEmpty())
        importFile(path, std::nullopt, ImportErrors::Ask);
}

void KeyManagerDialog::onExport()
{
    const QString chrony = tr("chrony key file (*.keys)");
    const QString ntp = tr("ntpd/ntpsec key file (*.keys)");
    QString filter = chrony;
    // The selected key alone (to hand to one server), or every key when none is selected.
    const quint32 selected = selectedKeyId();
    const QString title = selected != 0 ? tr("Export Key %1").arg(selected) : tr("Export All Keys");
    const QString path = QFileDialog::getSaveFileName(this, title, u"chrony.keys"_s, chrony + u";;"_s + ntp, &filter);
    if (path.isEmpty())
        return;
    exportFile(path, filter == ntp ? auth::KeyFileFormat::Ntp : auth::KeyFileFormat::Chrony,
               selected != 0 ? QList<quint32>{selected} : QList<quint32>{});
}

void KeyManagerDialog::onDelete()
{
    const quint32 id = selectedKeyId();
    if (id == 0)
        return;
    const auto answer = QMessageBox::question(this, tr("Delete Key"),
                                              tr("Delete key %1? Servers that use it can no longer be "
                                                 "authenticated.").arg(id),
                                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer == QMessageBox::Yes)
        deleteKey(id);
}

} // namespace chronoscope::ui

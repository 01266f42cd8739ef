// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/keys/keyeditdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace chronoscope::ui {
namespace {

enum Encoding { Hex, Text };

} // namespace

KeyEditDialog::KeyEditDialog(const QList<quint32> &usedIds, quint32 suggestedId, QWidget *parent)
    : QDialog(parent)
    , m_usedIds(usedIds)
    , m_id(new QSpinBox(this))
    , m_type(new QComboBox(this))
    , m_encoding(new QComboBox(this))
    , m_secret(new QLineEdit(this))
    , m_showSecret(new QCheckBox(tr("Show"), this))
    , m_label(new QLineEdit(this))
    , m_servers(new QLineEdit(this))
    , m_problemLabel(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Add Key"));
    m_id->setRange(int(auth::MIN_KEY_ID), int(auth::MAX_KEY_ID));
    m_id->setValue(int(suggestedId == 0 ? auth::MIN_KEY_ID : suggestedId));
    m_id->setObjectName(u"keyId"_s);
    for (auth::KeyType type : auth::ALL_KEY_TYPES)
        m_type->addItem(auth::chronyTypeName(type), int(type));
    m_type->setCurrentIndex(m_type->findData(int(auth::KeyType::Aes128Cmac)));
    m_type->setObjectName(u"keyType"_s);
    m_encoding->addItem(tr("Hex"), Hex);
    m_encoding->addItem(tr("Text (ASCII)"), Text);
    m_encoding->setObjectName(u"encoding"_s);
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setObjectName(u"secret"_s);
    m_secret->setPlaceholderText(tr("e.g. 7EA62AE64D190114D46D5A082F948EC1"));
    m_showSecret->setObjectName(u"showSecret"_s);
    m_label->setObjectName(u"label"_s);
    m_servers->setObjectName(u"servers"_s);
    m_servers->setPlaceholderText(tr("ntp.example.org, 192.0.2.1:123"));
    m_problemLabel->setObjectName(u"problem"_s);
    m_problemLabel->setWordWrap(true);

    auto *secretRow = new QHBoxLayout;
    secretRow->addWidget(m_encoding);
    secretRow->addWidget(m_secret, 1);
    secretRow->addWidget(m_showSecret);
    auto *form = new QFormLayout;
    form->addRow(tr("&ID:"), m_id);
    form->addRow(tr("&Type:"), m_type);
    auto *secretLabel = new QLabel(tr("&Secret:"), this);
    secretLabel->setBuddy(m_secret);
    form->addRow(secretLabel, secretRow);
    form->addRow(tr("&Label:"), m_label);
    form->addRow(tr("Se&rvers:"), m_servers);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problemLabel);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_showSecret, &QCheckBox::toggled, this,
            [this](bool show) { m_secret->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password); });
    connect(m_id, &QSpinBox::valueChanged, this, &KeyEditDialog::validate);
    connect(m_type, &QComboBox::currentIndexChanged, this, &KeyEditDialog::validate);
    connect(m_encoding, &QComboBox::currentIndexChanged, this, &KeyEditDialog::validate);
    connect(m_secret, &QLineEdit::textChanged, this, &KeyEditDialog::validate);
    validate();
}

auth::SymmetricKey KeyEditDialog::key() const
{
    auth::SymmetricKey key;
    key.id = quint32(m_id->value());
    key.type = auth::KeyType(m_type->currentData().toInt());
    // Our copies of the secret are wiped once it is in secure memory (the line edit keeps its own).
    QString text = m_secret->text().trimmed();
    if (m_encoding->currentData().toInt() == Hex) {
        QString digits = text.startsWith(u"HEX:"_s, Qt::CaseInsensitive) ? text.mid(4) : text;
        QByteArray latin1 = digits.toLatin1();
        key.secret = auth::SecretBytes(QByteArray::fromHex(latin1));
        auth::wipeBuffer(latin1);
        auth::wipeBuffer(digits);
    } else {
        key.secret = auth::SecretBytes(text.toUtf8());
    }
    auth::wipeBuffer(text);
    key.label = m_label->text().trimmed();
    for (const QString &server : m_servers->text().split(QRegularExpression(u"[,;\\s]+"_s), Qt::SkipEmptyParts))
        key.servers.append(server);
    return key;
}

void KeyEditDialog::validate()
{
    m_problem.clear();
    const QString text = m_secret->text().trimmed();
    if (m_usedIds.contains(quint32(m_id->value()))) {
        m_problem = tr("Key ID %1 is already in use.").arg(m_id->value());
    } else if (text.isEmpty()) {
        m_problem = tr("Enter the secret.");
    } else if (m_encoding->currentData().toInt() == Hex) {
        static const QRegularExpression hex(u"^(HEX:)?([0-9A-Fa-f]{2})+$"_s, QRegularExpression::CaseInsensitiveOption);
        if (!hex.match(text).hasMatch())
            m_problem = tr("The secret is not an even number of hex digits.");
    }
    if (m_problem.isEmpty()) {
        // The core rules (cipher key lengths, limits); their message names lengths, not bytes.
        if (const std::optional<Error> invalid = auth::validateKey(key()))
            m_problem = invalid->message;
    }
    m_problemLabel->setText(m_problem);
    m_problemLabel->setVisible(!m_problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_problem.isEmpty());
}

} // namespace chronoscope::ui

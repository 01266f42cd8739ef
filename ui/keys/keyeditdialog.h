// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include "core/auth/symmetrickey.h"

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace chronoscope::ui {

// Enter a key someone else generated (e.g. the server's administrator): id, type, the secret as
// hex or text (masked while typed unless "Show" is ticked), label and servers. OK stays disabled
// with the reason shown until the key is valid and its id unused.
class KeyEditDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyEditDialog)
public:
    // `usedIds` are refused; `suggestedId` is preset.
    explicit KeyEditDialog(const QList<quint32> &usedIds, quint32 suggestedId, QWidget *parent = nullptr);

    auth::SymmetricKey key() const;
    // Why the input is refused (empty when OK is possible).
    QString problem() const { return m_problem; }

private:
    void validate();

    QList<quint32> m_usedIds;
    QSpinBox *m_id;
    QComboBox *m_type;
    QComboBox *m_encoding;
    QLineEdit *m_secret;
    QCheckBox *m_showSecret;
    QLineEdit *m_label;
    QLineEdit *m_servers;
    QLabel *m_problemLabel;
    QDialogButtonBox *m_buttons;
    QString m_problem;
};

} // namespace chronoscope::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QStringList>

class QLabel;
class QListWidget;

namespace chronoscope::ui {

// Tools → NTS Certificate Authorities…: the CA files and directories trusted for NTS servers
// besides the system store (a private CA), as `--nts-ca` in the CLI. Entries that do not exist
// or cannot be read are refused with the reason.
class NtsTrustDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NtsTrustDialog)
public:
    explicit NtsTrustDialog(const QStringList &paths, QWidget *parent = nullptr);

    QStringList paths() const;
    // Adds a CA file or directory; false (and the reason shown) when it cannot be used.
    bool addPath(const QString &path);
    QString problem() const;

private:
    void removeSelected();

    QListWidget *m_list;
    QLabel *m_problem;
};

} // namespace chronoscope::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dialogs/ntstrustdialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/config/ntstrustfile.h"

namespace chronoscope::ui {

NtsTrustDialog::NtsTrustDialog(const QStringList &paths, QWidget *parent)
    : QDialog(parent), m_list(new QListWidget(this)), m_problem(new QLabel(this))
{
    setWindowTitle(tr("NTS Certificate Authorities"));
    auto *intro = new QLabel(tr("NTS servers must show a certificate from a trusted authority. The system's "
                                "certificate store is always trusted; add your own CA here (a PEM file, or a "
                                "directory of .pem/.crt files) to use NTS servers it certified."),
                             this);
    intro->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("caList"));
    m_list->setAccessibleName(tr("Trusted certificate authorities"));
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    auto *addFile = new QPushButton(tr("Add &File…"), this);
    auto *addDirectory = new QPushButton(tr("Add &Directory…"), this);
    auto *remove = new QPushButton(tr("&Remove"), this);
    connect(addFile, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("CA Certificate"), QString(),
                                                          tr("Certificates (*.pem *.crt);;All files (*)"));
        if (!file.isEmpty())
            addPath(file);
    });
    connect(addDirectory, &QPushButton::clicked, this, [this] {
        const QString directory = QFileDialog::getExistingDirectory(this, tr("Directory of CA Certificates"));
        if (!directory.isEmpty())
            addPath(directory);
    });
    connect(remove, &QPushButton::clicked, this, &NtsTrustDialog::removeSelected);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *row = new QHBoxLayout;
    row->addWidget(addFile);
    row->addWidget(addDirectory);
    row->addWidget(remove);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list);
    layout->addLayout(row);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    for (const QString &path : paths)
        m_list->addItem(path);
}

QStringList NtsTrustDialog::paths() const
{
    QStringList paths;
    for (int i = 0; i < m_list->count(); ++i)
        paths << m_list->item(i)->text();
    return paths;
}

bool NtsTrustDialog::addPath(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QString problem = config::NtsTrustFile::problemWith(absolute);
    if (problem.isEmpty() && paths().contains(absolute))
        problem = tr("'%1' is already in the list").arg(absolute);
    if (problem.isEmpty() && m_list->count() >= config::NtsTrustFile::MAX_PATHS)
        problem = tr("at most %1 entries").arg(config::NtsTrustFile::MAX_PATHS);
    m_problem->setText(problem);
    if (!problem.isEmpty())
        return false;
    m_list->addItem(absolute);
    return true;
}

QString NtsTrustDialog::problem() const
{
    return m_problem->text();
}

void NtsTrustDialog::removeSelected()
{
    delete m_list->currentItem();
    m_problem->clear();
}

} // namespace chronoscope::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow.h"

#include <QApplication>
#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

#include "core/engine/localclock.h"
#include "core/report/headline.h"
#include "ui/models/servertablemodel.h"

using namespace Qt::StringLiterals;

namespace chronoscope::ui {
namespace {

QString severityColor(report::Severity severity)
{
    switch (severity) {
    case report::Severity::Good: return u"#1b7f3a"_s;
    case report::Severity::Warning: return u"#a66a00"_s;
    case report::Severity::Bad: return u"#b0241b"_s;
    case report::Severity::Unknown: break;
    }
    return u"palette(text)"_s;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_model(new ServerTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_headline(new QLabel(this))
    , m_subline(new QLabel(this))
    , m_tick(this)
{
    setWindowTitle(tr("Chronoscope"));
    setWindowIcon(QIcon::fromTheme(u"preferences-system-time"_s));

    QFont headlineFont = m_headline->font();
    headlineFont.setPointSizeF(headlineFont.pointSizeF() * 1.6);
    headlineFont.setBold(true);
    m_headline->setFont(headlineFont);
    m_headline->setWordWrap(true);
    m_headline->setAccessibleName(tr("Clock status"));
    m_subline->setAccessibleName(tr("Last update"));

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ServerTableModel::SortRole);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ServerTableModel::Name, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ServerTableModel::Reason, QHeaderView::Stretch);
    m_table->setAccessibleName(tr("Servers"));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_headline);
    layout->addWidget(m_subline);
    layout->addWidget(m_table, 1);
    setCentralWidget(central);
    createMenus();
    statusBar()->showMessage(tr("Starting…"));
    resize(1000, 420);

    connect(&m_tick, &QTimer::timeout, this, &MainWindow::onTick);
    m_tick.start(1000);
    refreshHeadline();
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Chronoscope"), this, [this] {
        QMessageBox::about(this, tr("About Chronoscope"),
                           tr("<b>Chronoscope %1</b><p>How far your clock is off, and why each time server is "
                              "trusted or not.</p><p>Offsets are server time minus local time: positive means your "
                              "clock is behind.</p>").arg(QStringLiteral(CHRONOSCOPE_VERSION)));
    });
}

void MainWindow::updateServer(const engine::ServerStatus &status)
{
    m_model->updateServer(status);
    refreshHeadline();
}

void MainWindow::updateSystem(const engine::SystemStatus &system)
{
    m_system = system;
    m_haveSystem = true;
    refreshHeadline();
}

QString MainWindow::headlineText() const
{
    return m_headline->text();
}

void MainWindow::refreshHeadline()
{
    bool anyReachable = false;
    bool measuring = m_model->rowCount() > 0;
    bool anyPending = false;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const engine::ServerStatus *s = m_model->serverAt(row);
        anyReachable = anyReachable || s->reach != 0;
        anyPending = anyPending || (s->reach == 0 && s->requestsSent == 0 && s->state != engine::ServerState::Unreachable);
        anyPending = anyPending || (s->reach != 0 && !s->hasSample());
    }
    measuring = m_model->rowCount() == 0 || anyPending || (anyReachable && !m_system.synchronized && !m_haveSystem);
    m_headline->setText(report::headline(m_system, anyReachable, measuring));
    m_headline->setStyleSheet(u"color: %1;"_s.arg(severityColor(report::headlineSeverity(m_system))));
    if (m_haveSystem && m_system.time > 0) {
        const QString when = QDateTime::fromMSecsSinceEpoch(qint64(m_system.time * 1000)).toString(u"HH:mm:ss"_s);
        m_subline->setText(m_system.synchronized
                               ? tr("Updated %1 · system peer %2 · %3 server(s)").arg(when, m_system.sysPeer).arg(m_model->rowCount())
                               : tr("Updated %1 · %2 server(s)").arg(when).arg(m_model->rowCount()));
    } else {
        m_subline->setText(tr("Waiting for the first replies…"));
    }
}

void MainWindow::onTick()
{
    m_model->setNow(engine::LocalClock::nowUnixSeconds());
    statusBar()->showMessage(tr("%n server(s)", nullptr, m_model->rowCount()));
}

} // namespace chronoscope::ui

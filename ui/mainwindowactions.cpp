// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow's menus, toolbar and the file and server actions behind them.
#include "ui/mainwindow.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>

#include "core/config/settingsstore.h"
#include "ui/charts/chartspanel.h"
#include "ui/dialogs/serverdialog.h"
#include "ui/dialogs/settingsdialog.h"
#include "ui/eventlogpane.h"
#include "ui/eventrecorder.h"
#include "ui/measurementexport.h"
#include "ui/models/servertablemodel.h"
#include "ui/serverlistcontroller.h"

using namespace Qt::StringLiterals;

namespace chronoscope::ui {

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *import = file->addAction(QIcon::fromTheme(u"document-open"_s), tr("&Import Server List…"), this,
                                      &MainWindow::importServerList);
    import->setShortcut(Qt::CTRL | Qt::Key_I);
    import->setToolTip(tr("Read server and pool lines from a chrony.conf or ntp.conf"));
    QAction *exportList = file->addAction(QIcon::fromTheme(u"document-save-as"_s), tr("&Export Server List…"), this,
                                          &MainWindow::exportServerList);
    exportList->setShortcut(Qt::CTRL | Qt::Key_E);
    file->addSeparator();
    file->addAction(tr("Export &Measurements…"), this, &MainWindow::exportMeasurements)->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_M);
    file->addAction(tr("Export &Chart as PNG…"), this, &MainWindow::exportChart)->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_P);
    file->addAction(tr("Export Event &Log…"), this, &MainWindow::exportEventLog)->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_L);
    file->addSeparator();
    QAction *quit = file->addAction(QIcon::fromTheme(u"application-exit"_s), tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *servers = menuBar()->addMenu(tr("&Servers"));
    m_addAction = servers->addAction(QIcon(u":/icons/action-add.svg"_s), tr("&Add Server…"), this, &MainWindow::addServer);
    m_addAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_N), QKeySequence(Qt::Key_Insert)});
    m_editAction = servers->addAction(QIcon(u":/icons/action-edit.svg"_s), tr("&Edit Server…"), this,
                                      &MainWindow::editSelectedServer);
    m_editAction->setShortcut(Qt::Key_F2);
    m_removeAction = servers->addAction(QIcon(u":/icons/action-remove.svg"_s), tr("&Remove Server"), this,
                                        &MainWindow::removeSelectedServer);
    m_removeAction->setShortcut(QKeySequence::Delete);
    m_table->addActions({m_addAction, m_editAction, m_removeAction});

    QMenu *view = menuBar()->addMenu(tr("&View"));
    const QList<std::pair<QString, QKeySequence>> pages{
        {tr("&Charts"), QKeySequence(Qt::CTRL | Qt::Key_1)},   {tr("&Selection"), QKeySequence(Qt::CTRL | Qt::Key_2)},
        {tr("&Drift"), QKeySequence(Qt::CTRL | Qt::Key_3)},    {tr("De&tails"), QKeySequence(Qt::CTRL | Qt::Key_4)},
        {tr("Event &Log"), QKeySequence(Qt::CTRL | Qt::Key_5)}};
    for (int i = 0; i < pages.size(); ++i) {
        QAction *action = view->addAction(pages.at(i).first, this, [this, i] { m_tabs->setCurrentIndex(i); });
        action->setShortcut(pages.at(i).second);
    }
    view->addSeparator();
    QMenu *range = view->addMenu(tr("Chart &Range"));
    m_rangeGroup = new QActionGroup(this);
    const QList<std::pair<int, QString>> ranges{{300, tr("Last &5 minutes")}, {3600, tr("Last &hour")},
                                                {86400, tr("Last &24 hours")}, {0, tr("&Everything")}};
    for (const auto &[seconds, label] : ranges) {
        QAction *action = range->addAction(label, this, [this, s = seconds] { m_charts->setRange(s); });
        action->setCheckable(true);
        action->setData(seconds);
        action->setChecked(seconds == m_charts->range());
        m_rangeGroup->addAction(action);
    }
    connect(m_charts, &ChartsPanel::rangeChanged, this, [this](int seconds) {
        for (QAction *action : m_rangeGroup->actions())
            action->setChecked(action->data().toInt() == seconds);
    });
    QAction *pause = view->addAction(tr("&Pause Charts"));
    pause->setCheckable(true);
    pause->setShortcut(Qt::CTRL | Qt::Key_P);
    connect(pause, &QAction::toggled, m_charts, &ChartsPanel::setPaused);
    view->addAction(tr("Reset &Zoom"), m_charts, &ChartsPanel::resetZoom)->setShortcut(Qt::CTRL | Qt::Key_0);
    QAction *logDelay = view->addAction(tr("&Logarithmic Delay Axis"));
    logDelay->setCheckable(true);
    connect(logDelay, &QAction::toggled, m_charts, &ChartsPanel::setLogDelay);

    m_toolsMenu = menuBar()->addMenu(tr("&Tools"));
    m_toolsSeparator = m_toolsMenu->addSeparator();
    QAction *preferences = m_toolsMenu->addAction(QIcon::fromTheme(u"preferences-system"_s), tr("&Preferences…"), this,
                                                  &MainWindow::showPreferences);
    preferences->setShortcut(QKeySequence::Preferences);
    if (preferences->shortcut().isEmpty())
        preferences->setShortcut(Qt::CTRL | Qt::Key_Comma);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Chronoscope"), this, [this] {
        QMessageBox::about(this, tr("About Chronoscope"),
                           tr("<b>Chronoscope %1</b><p>How far your clock is off, and why each time server is "
                              "trusted or not.</p><p>Offsets are server time minus local time: positive means your "
                              "clock is behind.</p>").arg(QStringLiteral(CHRONOSCOPE_VERSION)));
    });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    QToolBar *toolbar = addToolBar(tr("Main toolbar"));
    toolbar->setObjectName(u"mainToolbar"_s);
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setIconSize(QSize(18, 18));
    toolbar->addAction(m_addAction);
    toolbar->addAction(m_editAction);
    toolbar->addAction(m_removeAction);
    toolbar->addSeparator();
    toolbar->addAction(import);
    toolbar->addAction(exportList);
}

void MainWindow::addToolAction(QAction *action)
{
    m_toolsMenu->insertAction(m_toolsSeparator, action);
}

void MainWindow::updateActions()
{
    const bool selected = selectedServerId() >= 0;
    if (m_editAction)
        m_editAction->setEnabled(selected);
    if (m_removeAction)
        m_removeAction->setEnabled(selected);
}

QString MainWindow::dialogDirectory() const
{
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

void MainWindow::addServer()
{
    ServerDialog dialog(m_servers->servers(), -1, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const config::ConfiguredServer server = dialog.server();
    m_servers->addServer(server);
    m_recorder->recordConfiguration(tr("added %1").arg(server.spec.displayName()));
}

void MainWindow::editSelectedServer()
{
    const engine::ServerStatus *status = m_model->serverById(selectedServerId());
    if (!status)
        return;
    const int index = m_servers->indexOf(*status);
    if (index < 0)
        return;
    ServerDialog dialog(m_servers->servers(), index, this);
    dialog.setServer(m_servers->servers().at(index));
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_servers->replaceServer(index, dialog.server());
    m_recorder->recordConfiguration(tr("changed %1").arg(dialog.server().spec.displayName()));
}

void MainWindow::removeSelectedServer()
{
    const engine::ServerStatus *status = m_model->serverById(selectedServerId());
    if (!status)
        return;
    const int index = m_servers->indexOf(*status);
    if (index < 0)
        return;
    const config::ConfiguredServer server = m_servers->servers().at(index);
    const QString question = server.spec.isPool
        ? tr("Remove the pool %1 and all of its addresses?").arg(server.spec.displayName())
        : tr("Remove %1?").arg(server.spec.displayName());
    if (QMessageBox::question(this, tr("Remove Server"), question) != QMessageBox::Yes)
        return;
    m_servers->removeServer(index);
    m_recorder->recordConfiguration(tr("removed %1").arg(server.spec.displayName()));
}

Result<int> MainWindow::importServerListFrom(const QString &path, config::ConfFormat format, bool replace)
{
    const Result<config::ServerListImport> imported = config::importServerList(path, format);
    if (!imported) {
        showNotice(imported.errorMessage(), true);
        return imported.error();
    }
    QList<config::ConfiguredServer> list = replace ? QList<config::ConfiguredServer>() : m_servers->servers();
    QStringList skipped;
    int added = 0;
    for (const config::ConfiguredServer &server : imported->servers) {
        if (config::findDuplicate(list, server) >= 0) {
            skipped << tr("%1 is already in the list").arg(server.spec.displayName());
            continue;
        }
        list.append(server);
        ++added;
    }
    if (replace) {
        m_servers->setServers(list);
        saveSettings();
    } else {
        for (qsizetype i = list.size() - added; i < list.size(); ++i)
            m_servers->addServer(list.at(i));
    }
    const QStringList issues = imported->issueTexts() + skipped;
    //: %1 number of servers, %2 file name
    QString report = tr("Imported %n server(s) from %1.", nullptr, added).arg(QFileInfo(path).fileName());
    if (!issues.isEmpty()) {
        constexpr int SHOWN = 12;
        report += u' ' + tr("%n line(s) were not imported as written:", nullptr, int(issues.size())) + u'\n'
            + issues.mid(0, SHOWN).join(u'\n');
        if (issues.size() > SHOWN)
            report += u'\n' + tr("… and %n more (see the event log)", nullptr, int(issues.size() - SHOWN));
    }
    showNotice(report, !issues.isEmpty());
    m_recorder->recordConfiguration(tr("imported %n server(s) from %1", nullptr, added).arg(path));
    for (const QString &issue : issues)
        m_recorder->recordConfiguration(issue, eventlog::EventLevel::Warning);
    return added;
}

Result<QString> MainWindow::exportServerListTo(const QString &path, config::ConfFormat format)
{
    QStringList warnings;
    const Result<QString> written = config::exportServerList(path, m_servers->servers(), format, &warnings);
    if (!written) {
        showNotice(written.errorMessage(), true);
        return written;
    }
    showNotice(warnings.isEmpty() ? tr("Server list written to %1.").arg(path)
                                  : tr("Server list written to %1, with notes:\n%2").arg(path, warnings.join(u'\n')),
               !warnings.isEmpty());
    return written;
}

void MainWindow::importServerList()
{
    QString filter;
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import Server List"), u"/etc"_s,
        tr("chrony configuration (chrony.conf *.conf *.sources);;ntpd / ntpsec configuration (ntp.conf ntpsec.conf *.conf);;All files (*)"),
        &filter);
    if (path.isEmpty())
        return;
    const config::ConfFormat format = filter.startsWith(u"ntpd"_s) || filter.contains(u"ntp.conf"_s)
        ? config::ConfFormat::Ntp
        : filter.startsWith(u"chrony"_s) ? config::ConfFormat::Chrony
                                         : config::guessConfFormat(path);
    QMessageBox box(QMessageBox::Question, tr("Import Server List"),
                    tr("Add the servers of %1 to your list, or replace your list with them?").arg(QFileInfo(path).fileName()),
                    QMessageBox::Cancel, this);
    QPushButton *add = box.addButton(tr("&Add"), QMessageBox::AcceptRole);
    QPushButton *replace = box.addButton(tr("&Replace"), QMessageBox::DestructiveRole);
    box.setDefaultButton(add);
    box.exec();
    if (box.clickedButton() != add && box.clickedButton() != replace)
        return;
    importServerListFrom(path, format, box.clickedButton() == replace);
}

void MainWindow::exportServerList()
{
    QString filter;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Server List"), dialogDirectory() + u"/chrony.conf"_s,
        tr("chrony configuration (*.conf *.sources);;ntpd / ntpsec configuration (ntp.conf *.conf)"), &filter);
    if (path.isEmpty())
        return;
    exportServerListTo(path, filter.startsWith(u"ntpd"_s) ? config::ConfFormat::Ntp : config::ConfFormat::Chrony);
}

void MainWindow::exportMeasurements()
{
    QString filter;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Measurements"),
                                                      dialogDirectory() + u"/chronoscope-measurements.csv"_s,
                                                      tr("CSV (*.csv);;JSON (*.json)"), &filter);
    if (path.isEmpty())
        return;
    const bool json = path.endsWith(u".json"_s, Qt::CaseInsensitive) || filter.startsWith(u"JSON"_s);
    const Result<QString> written = json ? exportMeasurementsJson(*m_charts, path) : exportMeasurementsCsv(*m_charts, path);
    showNotice(written ? tr("Measurements written to %1.").arg(*written) : written.errorMessage(), !written);
}

void MainWindow::exportChart()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Chart"), dialogDirectory() + u"/chronoscope-charts.png"_s,
                                                      tr("PNG image (*.png)"));
    if (path.isEmpty())
        return;
    const Result<QString> written = m_charts->exportPng(path);
    showNotice(written ? tr("Chart saved as %1.").arg(*written) : written.errorMessage(), !written);
}

void MainWindow::exportEventLog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Event Log"), dialogDirectory() + u"/chronoscope-events.log"_s,
                                                      tr("Text files (*.log *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    const Result<QString> written = m_logPane->exportTo(path);
    showNotice(written ? tr("Event log written to %1.").arg(*written) : written.errorMessage(), !written);
}

void MainWindow::showPreferences()
{
    SettingsDialog dialog(m_settings, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    setAppSettings(dialog.settings());
    saveSettings();
}

} // namespace chronoscope::ui

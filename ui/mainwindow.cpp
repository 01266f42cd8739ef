// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow.h"

#include <algorithm>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include "core/config/settingsstore.h"
#include "core/engine/localclock.h"
#include "core/engine/enginesession.h"
#include "core/eventlog/eventlog.h"
#include "core/report/headline.h"
#include "core/report/humanformat.h"
#include "ui/charts/chartspanel.h"
#include "ui/charts/driftchart.h"
#include "ui/eventlogpane.h"
#include "ui/eventrecorder.h"
#include "core/texts/headlinetext.h"
#include "ui/metricsendpoint.h"
#include "ui/models/servertablemodel.h"
#include "ui/serverdetailpane.h"
#include "ui/serverlistcontroller.h"
#include "ui/theme.h"
#include "ui/tray/traycontroller.h"
#include "ui/widgets/headlinebanner.h"
#include "ui/widgets/noticebar.h"
#include "ui/widgets/selectionview.h"

using namespace Qt::StringLiterals;

namespace chronoscope::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_model(new ServerTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_banner(new HeadlineBanner(this))
    , m_notice(new NoticeBar(this))
    , m_tabs(new QTabWidget(this))
    , m_charts(new ChartsPanel(this))
    , m_selection(new SelectionView(this))
    , m_drift(new DriftChart(this))
    , m_details(new ServerDetailPane(this))
    , m_log(new eventlog::EventLog(this))
    , m_logPane(new EventLogPane(m_log, this))
    , m_recorder(new EventRecorder(m_log, this))
    , m_servers(new ServerListController(this))
    , m_tray(new TrayController(this))
    , m_metrics(new MetricsEndpoint(this))
    , m_tick(this)
{
    setWindowTitle(tr("Chronoscope"));
    setWindowIcon(QIcon(u":/icons/chronoscope.svg"_s));

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ServerTableModel::SortRole);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ServerTableModel::Name, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ServerTableModel::Reason, QHeaderView::Stretch);
    m_table->setAccessibleName(tr("Servers"));
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_tabs->addTab(m_charts, QIcon(u":/icons/tab-charts.svg"_s), tr("&Charts"));
    m_tabs->addTab(m_selection, QIcon(u":/icons/tab-selection.svg"_s), tr("&Selection"));
    m_tabs->addTab(m_drift, QIcon(u":/icons/tab-drift.svg"_s), tr("&Drift"));
    m_tabs->addTab(m_details, QIcon(u":/icons/tab-details.svg"_s), tr("De&tails"));
    m_tabs->addTab(m_logPane, QIcon(u":/icons/tab-log.svg"_s), tr("Event &log"));
    m_tabs->setDocumentMode(true);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 5);
    split->setChildrenCollapsible(false);
    split->setObjectName(u"mainSplitter"_s);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 8, 8, 4);
    layout->setSpacing(6);
    layout->addWidget(m_banner);
    layout->addWidget(m_notice);
    layout->addWidget(split, 1);
    setCentralWidget(central);
    createMenus();
    statusBar()->showMessage(tr("Starting…"));
    resize(1180, 820);
    // Default split: the table shows about seven servers without a scrollbar, the pages get the
    // rest. Laid out now, so that the sizes are exact; the user's own sizes are kept in
    // AppSettings::windowState (see saveSettings).
    QMainWindow::layout()->activate();
    layout->activate();
    const int tableHeight = m_table->horizontalHeader()->sizeHint().height()
        + 7 * m_table->verticalHeader()->defaultSectionSize() + 2 * m_table->frameWidth();
    split->setSizes({tableHeight, std::max(tableHeight, split->height() - tableHeight)});

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        refreshDetails();
        updateActions();
    });
    connect(m_table, &QTableView::doubleClicked, this, &MainWindow::editSelectedServer);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_tabs->currentWidget() == m_selection)
            refreshSelection();
        if (m_tabs->currentWidget() == m_details)
            refreshDetails();
        if (m_tabs->currentWidget() == m_drift)
            m_drift->refreshRange(m_charts->range());
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        QStringList names;
        for (const engine::ServerStatus &s : m_model->servers())
            names << s.name;
        m_logPane->setServerNames(names);
    });
    connect(m_logPane, &EventLogPane::exportRequested, this, &MainWindow::exportEventLog);
    connect(m_servers, &ServerListController::listEdited, this, &MainWindow::saveSettings);
    connect(m_charts, &ChartsPanel::rangeChanged, this, [this](int seconds) {
        m_settings.chartRangeSeconds = seconds;
    });
    connect(m_log, &eventlog::EventLog::fileError, this, [this](const QString &detail) {
        showNotice(tr("The event log file was closed after an error: %1").arg(detail), true);
    });
    connect(m_tray, &TrayController::showWindowRequested, this, [this] {
        show();
        raise();
        activateWindow();
    });
    connect(m_tray, &TrayController::quitRequested, qApp, &QApplication::quit);
    connect(qApp, &QApplication::aboutToQuit, this, &MainWindow::saveSettings);

    connect(&m_tick, &QTimer::timeout, this, &MainWindow::onTick);
    m_tick.start(1000);
    onTick();
    refreshHeadline();
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::attachSession(engine::EngineSession *session)
{
    m_servers->setSession(session);
    connect(session, &engine::EngineSession::snapshotChanged, this, &MainWindow::applySnapshot);
    connect(session, &engine::EngineSession::sampleAccepted, this, &MainWindow::addSample);
    connect(session, &engine::EngineSession::requestFailed, m_recorder, &EventRecorder::onRequestFailed);
    connect(session, &engine::EngineSession::rejectionsSummarised, m_recorder, &EventRecorder::onRejections);
    connect(session, &engine::EngineSession::serverRemoved, this, &MainWindow::removeServerRow);
    m_metrics->setSession(session);
    applyMetrics();
}

void MainWindow::loadSettings(config::SettingsStore *store, const QList<config::ConfiguredServer> &sessionServers)
{
    m_store = store;
    QList<config::ConfiguredServer> servers; // without a store (tests): nothing but sessionServers
    if (store) {
        const config::LoadedSettings loaded = store->load();
        servers = loaded.servers;
        setAppSettings(loaded.app);
        if (!loaded.problem.isEmpty()) {
            const QString backup = loaded.backupPath.isEmpty() ? tr("No backup could be made.")
                                                               : tr("A copy was saved as %1.").arg(loaded.backupPath);
            showNotice(tr("The settings file was damaged and has been repaired; entries that could not be read were "
                          "dropped. %1\n%2").arg(backup, loaded.problem), true);
            m_recorder->recordConfiguration(tr("settings file damaged: %1").arg(loaded.problem), eventlog::EventLevel::Error);
            // Write a sound file right away, so the damage is reported once.
            if (const Result<QString> saved = store->save(servers, m_settings); !saved)
                showNotice(saved.errorMessage(), true);
        }
    } else {
        setAppSettings(m_settings);
    }
    if (!sessionServers.isEmpty()) {
        servers = sessionServers;
        m_servers->setPersistent(false);
        statusBar()->showMessage(tr("Servers from the command line: the saved list is unchanged"), 8000);
    }
    if (!m_settings.windowGeometry.isEmpty())
        restoreGeometry(m_settings.windowGeometry);
    if (!m_settings.windowState.isEmpty())
        findChild<QSplitter *>(u"mainSplitter"_s)->restoreState(m_settings.windowState);
    m_servers->setServers(servers);
}

void MainWindow::setAppSettings(const config::AppSettings &settings)
{
    const bool themeChanged = settings.theme != m_settings.theme;
    const bool fileChanged = settings.logFileEnabled != m_settings.logFileEnabled || settings.logFilePath != m_settings.logFilePath
        || settings.logFileMaxBytes != m_settings.logFileMaxBytes || settings.logFileKeep != m_settings.logFileKeep;
    const bool metricsChanged = settings.metricsEnabled != m_settings.metricsEnabled
        || settings.metricsAddress != m_settings.metricsAddress || (settings.metricsEnabled && !m_metrics->isServing());
    m_settings = settings;
    m_policy.setOffsetThreshold(settings.offsetThreshold);
    m_policy.setNotifyOffset(settings.notifyOffset);
    m_policy.setNotifyUnreachable(settings.notifyUnreachable);
    m_log->setRecordedKinds(settings.recordedEvents);
    m_log->setCapacity(settings.eventLogCapacity);
    if (m_charts->range() != settings.chartRangeSeconds)
        m_charts->setRange(settings.chartRangeSeconds);
    if (themeChanged) {
        applyTheme(Theme(settings.theme));
        m_banner->refreshStyle();
    }
    if (fileChanged || (settings.logFileEnabled && !m_log->logFile()))
        applyLogFile();
    if (metricsChanged)
        applyMetrics();
}

void MainWindow::applyMetrics()
{
    const QString failed = tr("Metrics for Prometheus are not served: %1");
    const Result<bool> applied = m_metrics->apply(m_settings.metricsEnabled, m_settings.metricsAddress);
    if (!applied) {
        showNotice(failed.arg(applied.errorMessage()), true);
        return;
    }
    if (!m_notice->isHidden() && m_notice->text().startsWith(failed.section(u'%', 0, 0)))
        m_notice->hide(); // an earlier failure no longer holds
    if (m_metrics->isServing())
        statusBar()->showMessage(tr("Metrics for Prometheus: %1").arg(m_metrics->url()), 8000);
}

void MainWindow::applyLogFile()
{
    m_log->setLogFile(nullptr);
    if (!m_settings.logFileEnabled)
        return;
    const QString path = m_settings.logFilePath.isEmpty()
        ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/chronoscope.log"_s
        : m_settings.logFilePath;
    auto file = std::make_unique<eventlog::EventLogFile>(path, m_settings.logFileMaxBytes, m_settings.logFileKeep);
    if (const Result<QString> opened = file->open(); !opened) {
        showNotice(tr("The event log file cannot be written: %1").arg(opened.errorMessage()), true);
        return;
    }
    m_log->setLogFile(std::move(file));
}

void MainWindow::saveSettings()
{
    m_settings.windowGeometry = saveGeometry();
    m_settings.windowState = findChild<QSplitter *>(u"mainSplitter"_s)->saveState();
    if (!m_store)
        return;
    // Servers from the command line are for this run only: keep the saved list as it is.
    QList<config::ConfiguredServer> servers = m_servers->servers();
    if (!m_servers->isPersistent())
        servers = m_store->load().servers;
    if (const Result<QString> saved = m_store->save(servers, m_settings); !saved)
        showNotice(tr("Settings could not be saved: %1").arg(saved.errorMessage()), true);
}

void MainWindow::applySnapshot(const engine::EngineSnapshot &snapshot)
{
    const bool newSystem = snapshot.system.time > 0 && snapshot.system.time != m_model->snapshot().system.time;
    m_model->setSnapshot(snapshot);
    m_recorder->onSnapshot(snapshot);
    if (snapshot.system.time > 0) {
        m_haveSystem = true;
        const engine::SystemStatus &system = snapshot.system;
        if (newSystem && system.driftMeaningful && system.freqPpm && system.skewPpm)
            m_drift->addEstimate(system.time, *system.freqPpm, *system.skewPpm);
        if (m_tabs->currentWidget() == m_drift)
            m_drift->refreshRange(m_charts->range());
    }
    m_selectionDirty = true;
    if (m_tabs->currentWidget() == m_selection)
        refreshSelection();
    if (m_tabs->currentWidget() == m_details)
        refreshDetails();
    refreshHeadline();
}

void MainWindow::addSample(const engine::AcceptedSample &sample)
{
    m_charts->addMeasurement(sample.serverId, sample.serverName, sample.time, sample.offset, sample.delay, sample.jitter);
    m_recorder->onSampleAccepted(sample);
}

void MainWindow::removeServerRow(int serverId)
{
    m_recorder->onServerRemoved(serverId);
    m_model->removeServer(serverId);
    m_charts->removeServer(serverId);
    m_selectionDirty = true;
    if (m_tabs->currentWidget() == m_selection)
        refreshSelection();
    refreshDetails();
    refreshHeadline();
}

void MainWindow::refreshSelection()
{
    if (!m_selectionDirty)
        return;
    m_selectionDirty = false;
    m_selection->setData(m_model->servers(), m_model->snapshot().system);
}

int MainWindow::selectedServerId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().data(ServerTableModel::ServerIdRole).toInt();
}

void MainWindow::refreshDetails()
{
    const engine::ServerStatus *status = m_model->serverById(selectedServerId());
    m_details->showServer(status ? std::optional(*status) : std::nullopt, engine::LocalClock::nowUnixSeconds());
}

void MainWindow::refreshHeadline()
{
    bool anyReachable = false;
    bool anyPending = false;
    int reachable = 0;
    const int rows = m_model->rowCount();
    for (int row = 0; row < rows; ++row) {
        const engine::ServerStatus *s = m_model->serverAt(row);
        if (s->reach != 0)
            ++reachable;
        anyReachable = anyReachable || s->reach != 0;
        anyPending = anyPending || (s->reach == 0 && s->requestsSent == 0 && s->state != engine::ServerState::Unreachable);
        anyPending = anyPending || (s->reach != 0 && !s->hasSample());
    }
    const bool measuring = rows == 0 || anyPending || (anyReachable && !m_haveSystem);
    const engine::SystemStatus &system = m_model->snapshot().system;
    const QString headline = rows == 0 && m_servers->servers().isEmpty()
        ? tr("No time servers configured: add one with Servers → Add Server")
        : texts::HeadlineText::headline(system, anyReachable, measuring);
    const report::Severity severity = !system.synchronized && !measuring && rows > 0
        ? report::Severity::Bad
        : report::headlineSeverity(system);
    m_banner->setHeadline(headline, severity);
    if (m_haveSystem && system.time > 0) {
        const QString when = QDateTime::fromMSecsSinceEpoch(qint64(system.time * 1000)).toString(u"HH:mm:ss"_s);
        const QString age = report::formatAge(engine::LocalClock::nowUnixSeconds() - system.time);
        //: %1 time of day, %2 age ("5 s"), %3 reachable servers, %4 all servers
        QString line = tr("Updated %1 (%2 ago) · %3 of %4 server(s) answer").arg(when, age).arg(reachable).arg(rows);
        if (system.synchronized)
            line += tr(" · system peer %1 · %n survivor(s)", nullptr, system.survivors).arg(system.sysPeer);
        m_banner->setSubline(line);
    } else {
        m_banner->setSubline(tr("Waiting for the first replies…"));
    }
    m_tray->setStatus(severity, headline);
    if (m_haveSystem) {
        if (const std::optional<Notification> note = m_policy.update(system, rows, anyReachable, measuring))
            m_tray->notify(*note);
    }
}

void MainWindow::onTick()
{
    m_model->setNow(engine::LocalClock::nowUnixSeconds());
    if (m_haveSystem)
        refreshHeadline();
    statusBar()->showMessage(tr("%n server(s) monitored", nullptr, m_model->rowCount()));
}

QString MainWindow::headlineText() const
{
    return m_banner->headline();
}

QString MainWindow::noticeText() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

void MainWindow::showNotice(const QString &text, bool warning)
{
    m_notice->showNotice(text, warning);
}

int MainWindow::addPage(QWidget *page, const QString &title)
{
    return m_tabs->addTab(page, title);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    if (m_settings.closeToTray && m_tray->isAvailable()) {
        hide();
        event->ignore();
        if (!m_trayHintShown) {
            m_trayHintShown = true;
            m_tray->notify({tr("Chronoscope keeps monitoring"),
                            tr("It is still running in the tray. Quit from the tray menu or with Ctrl+Q."), false});
        }
        return;
    }
    event->accept();
    qApp->quit();
}

} // namespace chronoscope::ui

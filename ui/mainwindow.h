// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include "core/config/appsettings.h"
#include "core/config/configuredserver.h"
#include "core/config/serverlistformat.h"
#include "core/engine/acceptedsample.h"
#include "core/engine/enginesnapshot.h"
#include "core/engine/serverstatus.h"
#include "core/result.h"
#include "ui/tray/notificationpolicy.h"

class QAction;
class QActionGroup;
class QMenu;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace chronoscope::config {
class SettingsStore;
}
namespace chronoscope::engine {
class EngineSession;
}
namespace chronoscope::eventlog {
class EventLog;
}

namespace chronoscope::ui {

class ChartsPanel;
class DriftChart;
class EventLogPane;
class EventRecorder;
class HeadlineBanner;
class MetricsEndpoint;
class NoticeBar;
class SelectionView;
class ServerDetailPane;
class ServerListController;
class ServerTableModel;
class TrayController;

// The main window: headline, server table, and tabs for charts, the selection picture, drift,
// server details and the event log. It knows nothing about threads: attachSession() connects
// the engine session's signals (snapshots, accepted samples, failures, rejection summaries),
// and every view reads the latest snapshot (held by the server model, shared with the
// session's) instead of keeping its own copy of server state.
// Extensions add entries to toolsMenu() and pages with addPage().
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    enum Page { ChartsPage, SelectionPage, DriftPage, DetailsPage, EventLogPage };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void attachSession(engine::EngineSession *session);
    // Applies the settings in `store` and starts its servers (the public pool on a fresh install).
    // Without a store nothing is saved and only `sessionServers` are started.
    // Non-empty `sessionServers` replace the saved list for this run only (never saved).
    void loadSettings(config::SettingsStore *store, const QList<config::ConfiguredServer> &sessionServers = {});
    const config::AppSettings &appSettings() const { return m_settings; }
    void setAppSettings(const config::AppSettings &settings);

    // --- Parts, for the composition root, extensions and tests ---
    ServerTableModel *serverModel() const { return m_model; }
    QTableView *serverTable() const { return m_table; }
    ChartsPanel *charts() const { return m_charts; }
    SelectionView *selectionView() const { return m_selection; }
    DriftChart *driftChart() const { return m_drift; }
    ServerDetailPane *detailPane() const { return m_details; }
    EventLogPane *eventLogPane() const { return m_logPane; }
    eventlog::EventLog *eventLog() const { return m_log; }
    EventRecorder *eventRecorder() const { return m_recorder; }
    ServerListController *serverList() const { return m_servers; }
    // Serves /metrics while AppSettings::metricsEnabled (needs an attached session).
    MetricsEndpoint *metricsEndpoint() const { return m_metrics; }
    TrayController *tray() const { return m_tray; }
    QTabWidget *tabs() const { return m_tabs; }
    // The Tools menu: "Synchronise now", the key manager and similar tools go here.
    QMenu *toolsMenu() const { return m_toolsMenu; }
    // Adds `action` to the Tools menu above Preferences.
    void addToolAction(QAction *action);
    // Adds a tab (e.g. diagnostics); returns its index.
    int addPage(QWidget *page, const QString &title);
    QAction *addServerAction() const { return m_addAction; }
    QAction *editServerAction() const { return m_editAction; }
    QAction *removeServerAction() const { return m_removeAction; }

    QString headlineText() const;
    QString noticeText() const;
    void showNotice(const QString &text, bool warning);

    // Non-interactive file operations (the menu actions ask for a path, then call these).
    // importServerListFrom adds the servers not yet listed and reports skipped lines in the
    // notice bar; returns how many servers were added.
    Result<int> importServerListFrom(const QString &path, config::ConfFormat format, bool replace = false);
    Result<QString> exportServerListTo(const QString &path, config::ConfFormat format);

public slots:
    // The engine's latest state: rows, headline, details, selection picture, drift, tray.
    void applySnapshot(const chronoscope::engine::EngineSnapshot &snapshot);
    // One accepted sample: a chart point (and an event-log entry).
    void addSample(const chronoscope::engine::AcceptedSample &sample);
    void removeServerRow(int serverId);

    void addServer();
    void editSelectedServer();
    void removeSelectedServer();
    void importServerList();
    void exportServerList();
    void exportMeasurements();
    void exportChart();
    void exportEventLog();
    void showPreferences();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void refreshHeadline();
    void refreshDetails();
    void refreshSelection();
    void onTick();
    void saveSettings();
    void applyLogFile();
    void applyMetrics();
    void updateActions();
    int selectedServerId() const;
    QString dialogDirectory() const;

    ServerTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    HeadlineBanner *m_banner;
    NoticeBar *m_notice;
    QTabWidget *m_tabs;
    ChartsPanel *m_charts;
    SelectionView *m_selection;
    DriftChart *m_drift;
    ServerDetailPane *m_details;
    eventlog::EventLog *m_log;
    EventLogPane *m_logPane;
    EventRecorder *m_recorder;
    ServerListController *m_servers;
    TrayController *m_tray;
    MetricsEndpoint *m_metrics;
    QMenu *m_toolsMenu = nullptr;
    QAction *m_toolsSeparator = nullptr;
    QAction *m_addAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_removeAction = nullptr;
    QActionGroup *m_rangeGroup = nullptr;

    config::SettingsStore *m_store = nullptr;
    config::AppSettings m_settings;
    NotificationPolicy m_policy;
    bool m_haveSystem = false;
    bool m_selectionDirty = true;
    bool m_trayHintShown = false;
    QTimer m_tick;
};

} // namespace chronoscope::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>
#include <QTimer>

#include "core/engine/serverstatus.h"

class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace chronoscope::ui {

class ServerTableModel;

// The main window: the plain-language headline on top, the server table below. It knows
// nothing about threads: the composition root feeds it the engine's snapshots.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    ServerTableModel *serverModel() const { return m_model; }
    QString headlineText() const;

public slots:
    void updateServer(const chronoscope::engine::ServerStatus &status);
    void updateSystem(const chronoscope::engine::SystemStatus &system);

private:
    void createMenus();
    void refreshHeadline();
    void onTick();

    ServerTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLabel *m_headline;
    QLabel *m_subline;
    engine::SystemStatus m_system;
    bool m_haveSystem = false;
    QTimer m_tick;
};

} // namespace chronoscope::ui

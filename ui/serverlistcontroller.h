// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include "core/config/configuredserver.h"
#include "core/engine/serverstatus.h"

namespace chronoscope::engine {
class SyncEngine;
}

namespace chronoscope::ui {

// The user's server list and its mirror in the engine: adding, editing and removing entries
// starts and stops the matching associations (a pool entry owns all of its addresses). The
// engine may live in another thread; it is only called through queued invocations.
class ServerListController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerListController)
public:
    explicit ServerListController(QObject *parent = nullptr);

    void setEngine(engine::SyncEngine *engine);
    const QList<config::ConfiguredServer> &servers() const { return m_servers; }
    // Replaces the whole list (engine included).
    void setServers(const QList<config::ConfiguredServer> &servers);
    void addServer(const config::ConfiguredServer &server);
    void replaceServer(int index, const config::ConfiguredServer &server);
    void removeServer(int index);
    // The list entry an engine association belongs to (-1: none).
    int indexOf(const engine::ServerStatus &status) const;
    // Whether changes are saved (false for servers given on the command line).
    void setPersistent(bool persistent) { m_persistent = persistent; }
    bool isPersistent() const { return m_persistent; }

public slots:
    void onServerChanged(const chronoscope::engine::ServerStatus &status);
    void onServerRemoved(int serverId);

signals:
    // The list changed through the user (not through setServers at start-up).
    void listEdited();

private:
    void startInEngine(const config::ConfiguredServer &server);
    void stopInEngine(const config::ConfiguredServer &server);

    struct Endpoint
    {
        QString host;
        quint16 port = 123;
    };
    QPointer<engine::SyncEngine> m_engine;
    QList<config::ConfiguredServer> m_servers;
    QHash<int, Endpoint> m_associations; // engine id → configured host and port
    bool m_persistent = true;
};

} // namespace chronoscope::ui

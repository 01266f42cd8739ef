// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

#include "core/config/configuredserver.h"
#include "core/engine/serverstatus.h"

namespace chronoscope::engine {
class EngineSession;
}

namespace chronoscope::ui {

// The user's server list. Every change hands the whole list to the engine session, which keeps
// the associations of unchanged entries and starts or stops the rest (a pool entry owns all of
// its addresses). It keeps no copy of engine state.
class ServerListController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerListController)
public:
    explicit ServerListController(QObject *parent = nullptr);

    void setSession(engine::EngineSession *session);
    const QList<config::ConfiguredServer> &servers() const { return m_servers; }
    // Replaces the whole list (engine included).
    void setServers(const QList<config::ConfiguredServer> &servers);
    void addServer(const config::ConfiguredServer &server);
    void replaceServer(int index, const config::ConfiguredServer &server);
    void removeServer(int index);
    // NTS servers start afresh (new key exchange), e.g. after the trusted CAs changed.
    void restartNtsServers();
    // The list entry an engine association belongs to (-1: none).
    int indexOf(const engine::ServerStatus &status) const;
    // Whether changes are saved (false for servers given on the command line).
    void setPersistent(bool persistent) { m_persistent = persistent; }
    bool isPersistent() const { return m_persistent; }

signals:
    // The list changed through the user (not through setServers at start-up).
    void listEdited();

private:
    void applyToSession();

    QPointer<engine::EngineSession> m_session;
    QList<config::ConfiguredServer> m_servers;
    bool m_persistent = true;
};

} // namespace chronoscope::ui

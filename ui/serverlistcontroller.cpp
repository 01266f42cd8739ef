// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/serverlistcontroller.h"

#include "core/engine/syncengine.h"

namespace chronoscope::ui {

ServerListController::ServerListController(QObject *parent) : QObject(parent) { }

void ServerListController::setEngine(engine::SyncEngine *engine)
{
    m_engine = engine;
}

void ServerListController::startInEngine(const config::ConfiguredServer &server)
{
    if (!m_engine)
        return;
    engine::SyncEngine *engine = m_engine;
    engine::ServerSpec spec = server.spec;
    spec.keyId = server.keyId; // the list's key number is what the engine authenticates with
    QMetaObject::invokeMethod(engine, [engine, spec] { engine->addServer(spec); });
}

void ServerListController::stopInEngine(const config::ConfiguredServer &server)
{
    if (!m_engine)
        return;
    engine::SyncEngine *engine = m_engine;
    for (auto it = m_associations.cbegin(); it != m_associations.cend(); ++it) {
        if (it->port == server.spec.port && it->host.compare(server.spec.host, Qt::CaseInsensitive) == 0) {
            const int id = it.key();
            QMetaObject::invokeMethod(engine, [engine, id] { engine->removeServer(id); });
        }
    }
}

void ServerListController::setServers(const QList<config::ConfiguredServer> &servers)
{
    if (m_engine) {
        engine::SyncEngine *engine = m_engine;
        QMetaObject::invokeMethod(engine, [engine] { engine->removeAllServers(); });
    }
    m_servers = servers;
    for (const config::ConfiguredServer &server : servers)
        startInEngine(server);
}

void ServerListController::addServer(const config::ConfiguredServer &server)
{
    m_servers.append(server);
    startInEngine(server);
    emit listEdited();
}

void ServerListController::replaceServer(int index, const config::ConfiguredServer &server)
{
    if (index < 0 || index >= m_servers.size())
        return;
    if (m_servers.at(index) == server)
        return;
    stopInEngine(m_servers.at(index));
    m_servers[index] = server;
    startInEngine(server);
    emit listEdited();
}

void ServerListController::removeServer(int index)
{
    if (index < 0 || index >= m_servers.size())
        return;
    stopInEngine(m_servers.at(index));
    m_servers.removeAt(index);
    emit listEdited();
}

int ServerListController::indexOf(const engine::ServerStatus &status) const
{
    for (int i = 0; i < m_servers.size(); ++i) {
        const engine::ServerSpec &spec = m_servers.at(i).spec;
        if (spec.port == status.port && spec.host.compare(status.host, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

void ServerListController::onServerChanged(const engine::ServerStatus &status)
{
    m_associations.insert(status.id, Endpoint{status.host, status.port});
}

void ServerListController::onServerRemoved(int serverId)
{
    m_associations.remove(serverId);
}

} // namespace chronoscope::ui

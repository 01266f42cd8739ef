// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/serverlistcontroller.h"

#include "core/engine/enginesession.h"

namespace chronoscope::ui {

ServerListController::ServerListController(QObject *parent) : QObject(parent) { }

void ServerListController::setSession(engine::EngineSession *session)
{
    m_session = session;
    applyToSession();
}

void ServerListController::applyToSession()
{
    if (!m_session)
        return;
    QList<engine::ServerSpec> specs;
    specs.reserve(m_servers.size());
    for (const config::ConfiguredServer &server : m_servers) {
        engine::ServerSpec spec = server.spec;
        spec.keyId = server.keyId; // the list's key number is what the engine authenticates with
        specs.append(spec);
    }
    m_session->setServers(specs);
}

void ServerListController::restartNtsServers()
{
    if (!m_session)
        return;
    // Without them, then with them: the session keeps equal entries, so this re-creates only
    // the NTS associations (with the engine's current trust).
    QList<engine::ServerSpec> withoutNts;
    for (const engine::ServerSpec &spec : m_session->servers())
        if (!spec.nts)
            withoutNts.append(spec);
    if (withoutNts.size() == m_session->servers().size())
        return;
    m_session->setServers(withoutNts);
    applyToSession();
}

void ServerListController::setServers(const QList<config::ConfiguredServer> &servers)
{
    m_servers = servers;
    applyToSession();
}

void ServerListController::addServer(const config::ConfiguredServer &server)
{
    m_servers.append(server);
    applyToSession();
    emit listEdited();
}

void ServerListController::replaceServer(int index, const config::ConfiguredServer &server)
{
    if (index < 0 || index >= m_servers.size())
        return;
    if (m_servers.at(index) == server)
        return;
    m_servers[index] = server;
    applyToSession();
    emit listEdited();
}

void ServerListController::removeServer(int index)
{
    if (index < 0 || index >= m_servers.size())
        return;
    m_servers.removeAt(index);
    applyToSession();
    emit listEdited();
}

int ServerListController::indexOf(const engine::ServerStatus &status) const
{
    for (int i = 0; i < m_servers.size(); ++i) {
        const engine::ServerSpec &spec = m_servers.at(i).spec;
        // NTS servers are known by their key-exchange port: the NTP port is negotiated.
        const bool samePort = status.nts ? spec.nts && spec.ntsPort == status.nts->kePort
                                         : !spec.nts && spec.port == status.port;
        if (samePort && spec.host.compare(status.host, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

} // namespace chronoscope::ui

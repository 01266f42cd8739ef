// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/config/configuredserver.h"

#include "core/result.h"

using namespace Qt::StringLiterals;

namespace chronoscope::config {

std::optional<QString> validateServer(const ConfiguredServer &server)
{
    const engine::ServerSpec &spec = server.spec;
    if (spec.host.trimmed().isEmpty())
        return u"the host name is empty"_s;
    // The engine's own parser judges the name; a port of 0 is caught here as well.
    const QString host = spec.host.contains(u':') ? QString(u"["_s + spec.host + u"]"_s) : spec.host;
    const Result<engine::ServerSpec> parsed = engine::parseServerSpec(host + u":"_s + QString::number(spec.port));
    if (!parsed)
        return parsed.errorMessage();
    if (spec.minPollLog2 < MIN_POLL_LOG2 || spec.minPollLog2 > MAX_POLL_LOG2)
        return u"minpoll %1 is outside %2…%3"_s.arg(spec.minPollLog2).arg(MIN_POLL_LOG2).arg(MAX_POLL_LOG2);
    if (spec.maxPollLog2 < MIN_POLL_LOG2 || spec.maxPollLog2 > MAX_POLL_LOG2)
        return u"maxpoll %1 is outside %2…%3"_s.arg(spec.maxPollLog2).arg(MIN_POLL_LOG2).arg(MAX_POLL_LOG2);
    if (spec.minPollLog2 > spec.maxPollLog2)
        return u"minpoll %1 is above maxpoll %2"_s.arg(spec.minPollLog2).arg(spec.maxPollLog2);
    if (server.keyId > MAX_KEY_ID)
        return u"key %1 is above %2"_s.arg(server.keyId).arg(MAX_KEY_ID);
    if (spec.nts && server.keyId != 0)
        return u"NTS and key %1 exclude each other (NTS brings its own keys)"_s.arg(server.keyId);
    if (spec.nts && spec.ntsPort == 0)
        return u"NTS-KE port 0 is not a port"_s;
    if (spec.prefer && spec.noselect)
        return u"'prefer' and 'noselect' contradict each other"_s;
    return std::nullopt;
}

int findDuplicate(const QList<ConfiguredServer> &list, const ConfiguredServer &server, int ignoreIndex)
{
    for (int i = 0; i < list.size(); ++i) {
        if (i == ignoreIndex)
            continue;
        const engine::ServerSpec &other = list.at(i).spec;
        if (other.port == server.spec.port
            && other.host.trimmed().compare(server.spec.host.trimmed(), Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

QList<ConfiguredServer> defaultServers()
{
    QList<ConfiguredServer> list;
    for (int i = 0; i < 4; ++i) {
        ConfiguredServer server;
        server.spec.host = u"%1.pool.ntp.org"_s.arg(i);
        server.spec.iburst = true;
        list.append(server);
    }
    return list;
}

} // namespace chronoscope::config

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sysservice/timeserviceplan.h"

#include <QFileInfo>

#include "core/ntp/ntpconstants.h"
#include "core/protocol/sourcevalidation.h"

using namespace Qt::StringLiterals;

namespace chronoscope::sysservice {

namespace ts = protocol::timeservice;

namespace {

QString displayName(const engine::ServerSpec &spec)
{
    return spec.displayName();
}

// The options of a ConfiguredServer that the helper's fields (ServerEntry) do not carry.
QString unsupportedOption(const engine::ServerSpec &spec)
{
    if (spec.noselect)
        return u"noselect"_s;
    if (spec.trust)
        return u"trust"_s;
    if (spec.require)
        return u"require"_s;
    if (spec.nts && spec.ntsPort != 4460)
        return u"ntsport"_s;
    return {};
}

ts::ServerEntry entryFor(TimeServiceDaemon daemon, const config::ConfiguredServer &server)
{
    const engine::ServerSpec &spec = server.spec;
    ts::ServerEntry entry;
    entry.host = spec.host.trimmed().toStdString();
    entry.port = spec.port == 123 ? 0 : spec.port;   // 0: the daemon's default
    entry.keyId = server.keyId;
    // systemd-timesyncd has no per-server options at all; its NTP= line takes names only, and
    // it polls quickly by itself after a start, so iburst is simply left out for it.
    if (spec.iburst && daemon != ts::Daemon::Timesyncd)
        entry.flags |= ts::SERVER_IBURST;
    if (spec.prefer)
        entry.flags |= ts::SERVER_PREFER;
    if (spec.nts)
        entry.flags |= ts::SERVER_NTS;
    if (spec.minPollLog2 != ntp::DEFAULT_MINPOLL || spec.maxPollLog2 != ntp::DEFAULT_MAXPOLL) {
        entry.flags |= ts::SERVER_POLL;
        // Out-of-range values are kept (clamped into int8) so that validateSources names them.
        entry.minPoll = std::int8_t(qBound(-128, spec.minPollLog2, 127));
        entry.maxPoll = std::int8_t(qBound(-128, spec.maxPollLog2, 127));
    }
    return entry;
}

} // namespace

QString timeServiceDaemonName(TimeServiceDaemon daemon)
{
    switch (daemon) {
    case ts::Daemon::Chronyd: return u"chronyd"_s;
    case ts::Daemon::Timesyncd: return u"systemd-timesyncd"_s;
    case ts::Daemon::Ntpd: return u"ntpd"_s;
    }
    return {};
}

std::optional<TimeServiceDaemon> parseTimeServiceDaemon(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == u"chronyd"_s || n == u"chrony"_s)
        return ts::Daemon::Chronyd;
    if (n == u"timesyncd"_s || n == u"systemd-timesyncd"_s)
        return ts::Daemon::Timesyncd;
    if (n == u"ntpd"_s || n == u"ntpsec"_s)
        return ts::Daemon::Ntpd;
    return std::nullopt;
}

QString timeServiceConfigPath(TimeServiceDaemon daemon)
{
    switch (daemon) {
    case ts::Daemon::Chronyd: return u"/etc/chrony/sources.d/chronoscope.sources"_s;
    case ts::Daemon::Timesyncd: return u"/etc/systemd/timesyncd.conf.d/chronoscope.conf"_s;
    case ts::Daemon::Ntpd:
        // The helper edits whichever exists, ntpsec's first (HELPER.md §4.5).
        return QFileInfo::exists(u"/etc/ntpsec/ntp.conf"_s) ? u"/etc/ntpsec/ntp.conf"_s : u"/etc/ntp.conf"_s;
    }
    return {};
}

TimeServicePlan planTimeService(TimeServiceDaemon daemon, const QList<config::ConfiguredServer> &servers)
{
    TimeServicePlan plan;
    plan.daemon = daemon;
    plan.path = timeServiceConfigPath(daemon);
    // Bound the list before converting anything (the helper's MAX_SERVERS).
    if (servers.size() > qsizetype(ts::MAX_SERVERS)) {
        plan.refusal.sourceError = ts::SourceError::TooManyServers;
        plan.refusal.value = servers.size();
        return plan;
    }
    for (qsizetype i = 0; i < servers.size(); ++i) {
        const engine::ServerSpec &spec = servers.at(i).spec;
        if (const QString option = unsupportedOption(spec); !option.isEmpty()) {
            plan.refusal.option = option;
            plan.refusal.index = i;
            plan.refusal.server = displayName(spec);
            plan.refusal.value = option == u"ntsport"_s ? spec.ntsPort : 0;
            return plan;
        }
        plan.servers.push_back(entryFor(daemon, servers.at(i)));
        plan.serverNames.append(displayName(spec));
        if (spec.isPool)
            plan.poolNames.append(displayName(spec));
    }
    const ts::SourcesCheck check = ts::validateSources(daemon, plan.servers);
    if (!check.ok()) {
        plan.refusal.sourceError = check.error;
        if (check.error != ts::SourceError::NoServers && check.error != ts::SourceError::TooManyServers) {
            const auto index = qsizetype(check.index);
            plan.refusal.index = index;
            plan.refusal.server = plan.serverNames.value(index);
            const config::ConfiguredServer &offending = servers.at(index);
            switch (check.error) {
            case ts::SourceError::PollOutOfRange: {
                const int minPoll = offending.spec.minPollLog2;
                plan.refusal.value = minPoll < ts::MIN_POLL || minPoll > ts::MAX_POLL ? minPoll : offending.spec.maxPollLog2;
                break;
            }
            case ts::SourceError::PollTooFrequent: plan.refusal.value = offending.spec.minPollLog2; break;
            case ts::SourceError::KeyOutOfRange: plan.refusal.value = offending.keyId; break;
            case ts::SourceError::HostTooLong: plan.refusal.value = offending.spec.host.size(); break;
            default: break;
            }
        }
    }
    return plan;
}

QString timeServiceRefusalText(const TimeServiceRefusal &refusal, TimeServiceDaemon daemon)
{
    const QString who = refusal.server.isEmpty() ? QString() : refusal.server + u": "_s;
    const QString name = timeServiceDaemonName(daemon);
    if (!refusal.option.isEmpty()) {
        if (refusal.option == u"ntsport"_s)
            return who + u"NTS-KE port %1 cannot be written to %2's configuration by Chronoscope (only the default, 4460)"_s
                                 .arg(refusal.value).arg(name);
        return who + u"the option '%1' cannot be written to %2's configuration by Chronoscope; remove it from the "
                     u"server to apply the list"_s.arg(refusal.option, name);
    }
    switch (refusal.sourceError) {
    case ts::SourceError::None: return {};
    case ts::SourceError::NoServers: return u"the server list is empty"_s;
    case ts::SourceError::TooManyServers:
        return u"%1 servers are more than the %2 that can be applied at once"_s.arg(refusal.value).arg(ts::MAX_SERVERS);
    case ts::SourceError::EmptyHost: return who + u"the host name is empty"_s;
    case ts::SourceError::HostTooLong:
        return who + u"the host name is longer than %1 characters"_s.arg(ts::MAX_HOST_LENGTH);
    case ts::SourceError::BadHostCharacter:
        return who + u"the host name may contain only letters, digits, '-' and '.' (or be an IP address)"_s;
    case ts::SourceError::BadHostLabel:
        return who + u"not a valid host name (empty or over-long part, '-' at either end, or all digits at the end)"_s;
    case ts::SourceError::BadAddress: return who + u"not a valid IP address"_s;
    case ts::SourceError::PollOutOfRange:
        return who + u"poll interval %1 is outside %2…%3 (log2 seconds)"_s.arg(refusal.value).arg(ts::MIN_POLL).arg(ts::MAX_POLL);
    case ts::SourceError::PollOrder: return who + u"minpoll is above maxpoll"_s;
    case ts::SourceError::PollTooFrequent:
        return who + u"minpoll %1 is below %2 (64 s), allowed only for servers on this computer"_s.arg(refusal.value).arg(
                       ts::MIN_POLL_PUBLIC);
    case ts::SourceError::PollWithoutFlag: return who + u"poll fields without the poll flag"_s;
    case ts::SourceError::NtsWithKey: return who + u"NTS and a symmetric key exclude each other"_s;
    case ts::SourceError::KeyOutOfRange:
        return who + u"key %1 is above ntpd's largest key number, %2"_s.arg(refusal.value).arg(ts::MAX_NTPD_KEY_ID);
    case ts::SourceError::NotSupportedByDaemon:
        if (daemon == ts::Daemon::Timesyncd)
            return who + u"systemd-timesyncd takes host names only: no port, key, NTS, prefer or poll options"_s;
        return who + u"%1 cannot express this server's options (ntpd: no port other than 123)"_s.arg(name);
    case ts::SourceError::DuplicateHost: return who + u"the server is in the list twice"_s;
    }
    return who + u"refused"_s;
}

} // namespace chronoscope::sysservice

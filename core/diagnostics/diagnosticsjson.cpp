// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnostics/diagnosticsjson.h"

#include <QJsonArray>

#include "core/report/jsonvalue.h"
using namespace Qt::StringLiterals;

namespace chronoscope::diagnostics {
namespace {

QJsonArray stringArray(const QStringList &list)
{
    QJsonArray array;
    for (const QString &s : list)
        array.append(s);
    return array;
}

QJsonObject socketToJson(const UdpSocketEntry &entry, const QString &meaning)
{
    QJsonObject o;
    o[u"family"_s] = entry.isIpv6() ? u"ipv6"_s : u"ipv4"_s;
    o[u"address"_s] = entry.localAddress.toString();
    o[u"port"_s] = entry.localPort;
    o[u"remote_address"_s] = entry.isConnected() ? QJsonValue(entry.remoteAddress.toString()) : QJsonValue();
    o[u"remote_port"_s] = entry.isConnected() ? QJsonValue(entry.remotePort) : QJsonValue();
    o[u"uid"_s] = entry.uid ? QJsonValue(qint64(*entry.uid)) : QJsonValue();
    o[u"inode"_s] = entry.inode != 0 ? QJsonValue(qint64(entry.inode)) : QJsonValue();
    QJsonArray processes;
    for (const ProcessRef &p : entry.processes) {
        processes.append(QJsonObject{{u"pid"_s, p.pid},
                                     {u"name"_s, report::textOrNull(p.name)},
                                     {u"executable"_s, report::textOrNull(p.executable)}});
    }
    o[u"processes"_s] = processes;
    o[u"meaning"_s] = meaning;
    return o;
}

QJsonObject outcomeToJson(const ProbeOutcome &o)
{
    QJsonObject json;
    json[u"request"_s] = o.request;
    json[u"sent"_s] = o.requestBytes > 0;
    json[u"request_bytes"_s] = o.requestBytes;
    json[u"send_error"_s] = report::textOrNull(o.sendError);
    json[u"answered"_s] = o.answered();
    json[u"answered_with_data"_s] = o.answeredWithData();
    json[u"refused"_s] = o.refused;
    json[u"network_error"_s] = report::textOrNull(o.networkError);
    json[u"datagrams"_s] = o.datagrams;
    json[u"reply_bytes"_s] = o.replyBytes;
    json[u"valid_replies"_s] = o.validReplies;
    json[u"data_bytes"_s] = o.dataBytes;
    json[u"amplification_factor"_s] = o.amplificationFactor();
    json[u"complete"_s] = o.answered() ? QJsonValue(o.complete) : QJsonValue();
    json[u"error_code"_s] = o.errorCode ? QJsonValue(*o.errorCode) : QJsonValue();
    json[u"error"_s] = report::textOrNull(o.errorText);
    QJsonArray rejected;
    for (auto it = o.rejected.cbegin(); it != o.rejected.cend(); ++it)
        rejected.append(QJsonObject{{u"reason"_s, it.key()}, {u"count"_s, it.value()}});
    json[u"rejected"_s] = rejected;
    if (o.request == u"monlist"_s)
        json[u"monlist_entries"_s] = o.monlistEntries;
    else
        json[u"server_version"_s] = report::textOrNull(o.serverVersion);
    return json;
}

} // namespace

QJsonObject portUsageToJson(const PortUsageFindings &findings)
{
    QJsonObject o;
    o[u"port"_s] = findings.port;
    o[u"checked"_s] = findings.error.isEmpty();
    o[u"error"_s] = report::textOrNull(findings.error);
    o[u"in_use"_s] = findings.error.isEmpty() ? QJsonValue(!findings.sockets.isEmpty()) : QJsonValue();
    QJsonArray sockets;
    for (qsizetype i = 0; i < findings.sockets.size(); ++i)
        sockets.append(socketToJson(findings.sockets.at(i), findings.meanings.value(i)));
    o[u"sockets"_s] = sockets;
    o[u"summary"_s] = findings.summary;
    return o;
}

QJsonObject timeServicesToJson(const TimeServicesFindings &findings)
{
    QJsonArray services;
    for (const TimeServiceStatus &s : findings.services) {
        services.append(QJsonObject{{u"name"_s, s.name},
                                    {u"running"_s, s.running},
                                    {u"description"_s, s.description}});
    }
    const KernelClockStatus &k = findings.kernel;
    QJsonObject kernel;
    kernel[u"available"_s] = k.available;
    kernel[u"error"_s] = report::textOrNull(k.error);
    kernel[u"synchronized"_s] = k.available ? QJsonValue(k.synchronized) : QJsonValue();
    kernel[u"state"_s] = report::textOrNull(k.state);
    kernel[u"max_error"_s] = report::numberOrNull(k.maxError);
    kernel[u"estimated_error"_s] = report::numberOrNull(k.estimatedError);
    kernel[u"frequency_ppm"_s] = report::numberOrNull(k.frequencyPpm);
    kernel[u"flags"_s] = stringArray(k.flags);
    QJsonObject o;
    o[u"services"_s] = services;
    o[u"services_error"_s] = report::textOrNull(findings.servicesError);
    o[u"kernel"_s] = kernel;
    o[u"summary"_s] = findings.summary;
    return o;
}

QJsonObject reachabilityToJson(const ReachabilityFindings &findings)
{
    QJsonArray servers;
    for (const ServerReachability &s : findings.servers) {
        QJsonObject o;
        o[u"name"_s] = s.name;
        o[u"address"_s] = report::textOrNull(s.address);
        o[u"port"_s] = s.port;
        o[u"outcome"_s] = reachOutcomeId(s.outcome);
        o[u"requests"_s] = s.requests;
        o[u"replies"_s] = s.tally.accepted;
        o[u"unusable_replies"_s] = s.tally.unusable;
        o[u"invalid_replies"_s] = s.tally.invalid;
        o[u"kiss_of_death"_s] = s.tally.kisses;
        o[u"timeouts"_s] = s.tally.timeouts;
        o[u"refused"_s] = s.tally.refused;
        o[u"send_errors"_s] = s.tally.socketErrors;
        o[u"kiss_code"_s] = report::textOrNull(s.kissCode);
        o[u"detail"_s] = report::textOrNull(s.detail);
        servers.append(o);
    }
    return QJsonObject{{u"servers"_s, servers},
                       {u"conclusion"_s, reachConclusionId(findings.conclusion)},
                       {u"summary"_s, findings.summary}};
}

QJsonObject exposureToJson(const ExposureFindings &findings)
{
    QJsonObject o;
    o[u"target"_s] = findings.target;
    o[u"host"_s] = findings.host;
    o[u"address"_s] = report::textOrNull(findings.address);
    o[u"port"_s] = findings.port;
    o[u"addresses_found"_s] = findings.addressesFound;
    o[u"window"_s] = findings.windowSeconds;
    o[u"error"_s] = report::textOrNull(findings.error);
    o[u"mode6"_s] = outcomeToJson(findings.mode6);
    o[u"mode7"_s] = outcomeToJson(findings.mode7);
    o[u"verdict"_s] = exposureVerdictId(findings.verdict);
    o[u"summary"_s] = findings.summary;
    o[u"advice"_s] = stringArray(findings.advice);
    return o;
}

QJsonObject diagnoseReportToJson(const PortUsageFindings &port, const TimeServicesFindings &services,
                                 const std::optional<ReachabilityFindings> &reachability,
                                 const std::optional<ExposureFindings> &exposure)
{
    QJsonObject o;
    o[u"version"_s] = 1;
    o[u"port"_s] = portUsageToJson(port);
    o[u"time_services"_s] = timeServicesToJson(services);
    o[u"reachability"_s] = reachability ? QJsonValue(reachabilityToJson(*reachability)) : QJsonValue();
    o[u"exposure"_s] = exposure ? QJsonValue(exposureToJson(*exposure)) : QJsonValue();
    return o;
}

} // namespace chronoscope::diagnostics

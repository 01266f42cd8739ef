// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/report/statusjson.h"

#include <QJsonArray>

#include "core/report/jsonvalue.h"
#include "core/report/ntsjson.h"

using namespace Qt::StringLiterals;

namespace chronoscope::report {
namespace {

QString leapText(ntp::LeapIndicator leap)
{
    switch (leap) {
    case ntp::LeapIndicator::NoWarning: return u"none"_s;
    case ntp::LeapIndicator::AddSecond: return u"insert"_s;
    case ntp::LeapIndicator::DeleteSecond: return u"delete"_s;
    case ntp::LeapIndicator::Unsynchronized: return u"unsynchronized"_s;
    }
    return u"none"_s;
}

} // namespace

QJsonObject serverToJson(const engine::ServerStatus &s)
{
    QJsonObject o;
    o[u"name"_s] = s.name;
    o[u"address"_s] = textOrNull(s.address);
    o[u"port"_s] = s.port;
    o[u"state"_s] = engine::serverStateId(s.state);
    o[u"reason"_s] = textOrNull(s.reason);
    o[u"stratum"_s] = s.stratum >= 0 ? QJsonValue(s.stratum) : QJsonValue(QJsonValue::Null);
    o[u"refid"_s] = textOrNull(s.refid);
    const bool replied = s.stratum >= 0;
    o[u"leap"_s] = replied ? QJsonValue(leapText(s.leap)) : QJsonValue(QJsonValue::Null);

    const bool filtered = s.filter && s.filter->validStages > 0;
    o[u"offset"_s] = filtered ? QJsonValue(s.filter->offset) : QJsonValue(QJsonValue::Null);
    o[u"delay"_s] = filtered ? QJsonValue(s.filter->delay) : QJsonValue(QJsonValue::Null);
    o[u"dispersion"_s] = filtered ? QJsonValue(s.filter->dispersion) : QJsonValue(QJsonValue::Null);
    o[u"jitter"_s] = filtered ? QJsonValue(s.filter->jitter) : QJsonValue(QJsonValue::Null);
    o[u"root_delay"_s] = s.lastMeasurement ? QJsonValue(s.lastMeasurement->rootDelay) : QJsonValue(QJsonValue::Null);
    o[u"root_dispersion"_s] = s.lastMeasurement ? QJsonValue(s.lastMeasurement->rootDispersion)
                                                : QJsonValue(QJsonValue::Null);
    o[u"root_distance"_s] = numberOrNull(s.rootDistance);
    o[u"samples_sent"_s] = s.requestsSent;
    o[u"samples_received"_s] = s.repliesAccepted;
    o[u"reach"_s] = s.reach;
    o[u"poll"_s] = s.pollLog2;
    // The MAC algorithm the requests carry; null when a key id is configured but its key is
    // missing (nothing was sent). The key id only, never key material.
    o[u"auth"_s] = s.nts               ? QJsonValue(u"nts"_s)
        : s.authType                 ? QJsonValue(auth::keyTypeId(*s.authType))
        : s.keyId != 0               ? QJsonValue(QJsonValue::Null)
                                     : QJsonValue(u"none"_s);
    o[u"key_id"_s] = s.keyId != 0 ? QJsonValue(qint64(s.keyId)) : QJsonValue(QJsonValue::Null);
    // NTS servers (RFC 8915): key exchange, negotiated NTP server, certificate; null otherwise.
    o[u"nts"_s] = s.nts ? QJsonValue(ntsStatusToJson(*s.nts)) : QJsonValue(QJsonValue::Null);
    const bool drift = s.drift && s.drift->samples >= 3;
    o[u"frequency_ppm"_s] = drift ? QJsonValue(s.drift->freqPpm) : QJsonValue(QJsonValue::Null);
    o[u"skew_ppm"_s] = drift ? QJsonValue(s.drift->skewPpm) : QJsonValue(QJsonValue::Null);
    o[u"drift_meaningful"_s] = drift && s.drift->meaningful;
    o[u"kiss_code"_s] = textOrNull(s.lastKiss);
    // Where T4 and T1 came from: "kernel" (socket timestamps) or "userspace" (a clock read
    // around the system call); and T3: "interleaved" (the server's precise transmit time of its
    // previous reply, xleave) or "basic" (the one in its reply); null before the first exchange.
    const bool interleaved = s.lastMeasurement && s.lastMeasurement->interleaved;
    o[u"timestamps"_s] = replied ? QJsonValue(QJsonObject{
                                       {u"receive"_s, s.kernelTimestamps ? u"kernel"_s : u"userspace"_s},
                                       {u"transmit"_s, s.kernelTransmitTimestamp ? u"kernel"_s : u"userspace"_s},
                                       {u"server_transmit"_s, interleaved ? u"interleaved"_s : u"basic"_s}})
                                 : QJsonValue(QJsonValue::Null);
    QJsonArray errors;
    for (auto it = s.rejections.cbegin(); it != s.rejections.cend(); ++it)
        errors.append(QJsonObject{{u"reason"_s, it.key()}, {u"count"_s, it.value()}});
    if (s.timeouts > 0)
        errors.append(QJsonObject{{u"reason"_s, u"timeout"_s}, {u"count"_s, s.timeouts}});
    o[u"errors"_s] = errors;
    return o;
}

QJsonObject systemToJson(const engine::SystemStatus &sys)
{
    QJsonObject o;
    o[u"synchronized"_s] = sys.synchronized;
    o[u"offset"_s] = numberOrNull(sys.offset);
    o[u"jitter"_s] = numberOrNull(sys.jitter);
    o[u"error_bound"_s] = numberOrNull(sys.errorBound);
    o[u"sys_peer"_s] = textOrNull(sys.sysPeer);
    o[u"survivors"_s] = sys.survivors;
    o[u"root_delay"_s] = numberOrNull(sys.rootDelay);
    o[u"root_dispersion"_s] = numberOrNull(sys.rootDispersion);
    o[u"frequency_ppm"_s] = numberOrNull(sys.freqPpm);
    o[u"skew_ppm"_s] = numberOrNull(sys.skewPpm);
    o[u"drift_meaningful"_s] = sys.driftMeaningful;
    o[u"summary"_s] = textOrNull(sys.summary);
    return o;
}

QJsonObject checkReportToJson(const QList<engine::ServerStatus> &servers, const engine::SystemStatus &system)
{
    QJsonArray list;
    for (const engine::ServerStatus &s : servers)
        list.append(serverToJson(s));
    return QJsonObject{{u"version"_s, 1}, {u"servers"_s, list}, {u"system"_s, systemToJson(system)}};
}

QJsonObject acceptedSampleToJson(const engine::AcceptedSample &e)
{
    QJsonObject o;
    o[u"type"_s] = u"sample"_s;
    o[u"server"_s] = e.serverName;
    o[u"t"_s] = e.time;
    o[u"offset"_s] = e.offset;
    o[u"delay"_s] = e.delay;
    o[u"jitter"_s] = e.jitter;
    o[u"dispersion"_s] = e.dispersion;
    o[u"accepted"_s] = true;
    o[u"reason"_s] = e.popcornSpike ? QJsonValue(u"popcorn_spike"_s) : QJsonValue();
    o[u"interleaved"_s] = e.interleaved;
    return o;
}

QJsonObject requestOutcomeToJson(const engine::RequestOutcome &e)
{
    QJsonObject o;
    o[u"type"_s] = u"sample"_s;
    o[u"server"_s] = e.serverName;
    o[u"t"_s] = e.time;
    o[u"offset"_s] = QJsonValue();
    o[u"delay"_s] = QJsonValue();
    o[u"accepted"_s] = false;
    o[u"reason"_s] = textOrNull(e.reasonId);
    if (!e.detail.isEmpty())
        o[u"detail"_s] = e.detail;
    return o;
}

QJsonObject rejectionSummaryToJson(const engine::RejectionSummary &e)
{
    QJsonObject counts;
    for (auto it = e.counts.cbegin(); it != e.counts.cend(); ++it)
        counts[it.key()] = it.value();
    QJsonObject o;
    o[u"type"_s] = u"rejections"_s;
    o[u"server"_s] = e.serverName;
    o[u"t"_s] = e.time;
    o[u"window"_s] = e.windowSeconds;
    o[u"total"_s] = e.total;
    o[u"reasons"_s] = counts;
    return o;
}

QJsonObject systemEventToJson(const engine::SystemStatus &sys, const QList<engine::ServerStatus> &servers)
{
    QJsonObject states;
    for (const engine::ServerStatus &s : servers)
        states[s.name] = engine::serverStateId(s.state);
    QJsonObject o;
    o[u"type"_s] = u"system"_s;
    o[u"t"_s] = sys.time;
    o[u"offset"_s] = numberOrNull(sys.offset);
    o[u"jitter"_s] = numberOrNull(sys.jitter);
    o[u"sys_peer"_s] = textOrNull(sys.sysPeer);
    o[u"error_bound"_s] = numberOrNull(sys.errorBound);
    o[u"frequency_ppm"_s] = numberOrNull(sys.freqPpm);
    o[u"states"_s] = states;
    // NTS servers: key-exchange state and counts (changes here print a new line; bounded by
    // the key exchanges and NAKs, not by packets).
    QJsonObject nts;
    for (const engine::ServerStatus &s : servers) {
        if (!s.nts)
            continue;
        nts[s.name] = QJsonObject{{u"ke_state"_s, engine::ntsKeStateId(s.nts->keState)},
                                  {u"key_exchanges"_s, s.nts->keyExchanges},
                                  {u"naks"_s, s.nts->naks},
                                  {u"failure"_s, textOrNull(s.nts->lastFailureId)}};
    }
    if (!nts.isEmpty())
        o[u"nts"_s] = nts;
    return o;
}

} // namespace chronoscope::report

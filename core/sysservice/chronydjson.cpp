// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sysservice/chronydjson.h"

#include <QJsonArray>

#include "core/sysservice/chronydsourcestate.h"

using namespace Qt::StringLiterals;

namespace chronoscope::sysservice {
namespace {

QString refIdHex(std::uint32_t id)
{
    return u"%1"_s.arg(id, 8, 16, QChar(u'0')).toUpper();
}

QString modeName(ChronydSourceMode mode)
{
    switch (mode) {
    case ChronydSourceMode::Client: return u"server"_s;
    case ChronydSourceMode::Peer: return u"peer"_s;
    case ChronydSourceMode::ReferenceClock: return u"refclock"_s;
    }
    return u"unknown"_s;
}

QString authModeName(ChronydAuthData::Mode mode)
{
    switch (mode) {
    case ChronydAuthData::Mode::None: return u"none"_s;
    case ChronydAuthData::Mode::Symmetric: return u"symmetric key"_s;
    case ChronydAuthData::Mode::Nts: return u"NTS"_s;
    }
    return u"unknown"_s;
}

QJsonValue timeJson(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toString(Qt::ISODateWithMs)) : QJsonValue();
}

} // namespace

QJsonObject chronydSourceJson(const ChronydSourceView &view)
{
    const ChronydSource &s = view.source;
    QJsonObject out {
        {u"address"_s, s.address.toString()},
        {u"name"_s, view.name},
        {u"mode"_s, modeName(s.mode)},
        {u"state"_s, chronydStateName(s.state)},
        {u"stateSymbol"_s, QString(QChar::fromLatin1(chronydStateSymbol(s.state)))},
        {u"stateWords"_s, chronydStateWords(view)},
        {u"stratum"_s, s.stratum},
        {u"pollLog2"_s, s.pollLog2},
        {u"reachability"_s, s.reachability},
        {u"secondsSinceSample"_s, double(s.secondsSinceSample)},
        {u"offset"_s, -s.latestOffset},
        {u"offsetError"_s, s.latestOffsetError},
        {u"chronyLatestOffset"_s, s.latestOffset},
        {u"chronyOriginalOffset"_s, s.originalLatestOffset},
    };
    if (view.stats) {
        const ChronydSourceStats &st = *view.stats;
        out.insert(u"stats"_s, QJsonObject {
            {u"samples"_s, double(st.samples)},
            {u"runs"_s, double(st.runs)},
            {u"spanSeconds"_s, double(st.spanSeconds)},
            {u"standardDeviation"_s, st.standardDeviation},
            {u"residualFrequencyPpm"_s, st.residualFrequencyPpm},
            {u"skewPpm"_s, st.skewPpm},
            {u"offset"_s, -st.estimatedOffset},
            {u"offsetError"_s, st.estimatedOffsetError},
        });
    }
    if (view.selection) {
        const ChronydSelectData &sel = *view.selection;
        out.insert(u"selection"_s, QJsonObject {
            {u"code"_s, QString(QChar::fromLatin1(sel.stateCode))},
            {u"words"_s, chronydSelectCodeWords(sel.stateCode)},
            {u"authenticated"_s, sel.authenticated},
            {u"leap"_s, chronydLeapWords(sel.leap)},
            {u"configuredOptions"_s, int(sel.configuredOptions)},
            {u"effectiveOptions"_s, int(sel.effectiveOptions)},
            {u"secondsSinceSample"_s, double(sel.secondsSinceSample)},
            {u"score"_s, sel.score},
            {u"chronyLowLimit"_s, sel.lowLimit},
            {u"chronyHighLimit"_s, sel.highLimit},
        });
    }
    if (view.ntp) {
        const ChronydNtpData &n = *view.ntp;
        out.insert(u"ntp"_s, QJsonObject {
            {u"remoteAddress"_s, n.remoteAddress.toString()},
            {u"remotePort"_s, int(n.remotePort)},
            {u"localAddress"_s, n.localAddress.toString()},
            {u"leap"_s, chronydLeapWords(n.leap)},
            {u"version"_s, n.version},
            {u"mode"_s, n.mode},
            {u"stratum"_s, n.stratum},
            {u"pollLog2"_s, n.pollLog2},
            {u"precisionLog2"_s, n.precisionLog2},
            {u"rootDelay"_s, n.rootDelay},
            {u"rootDispersion"_s, n.rootDispersion},
            {u"referenceId"_s, refIdHex(n.referenceId)},
            {u"referenceTime"_s, timeJson(n.referenceTime)},
            {u"offset"_s, -n.offset},
            {u"delay"_s, n.peerDelay},
            {u"dispersion"_s, n.peerDispersion},
            {u"responseTime"_s, n.responseTime},
            {u"authenticated"_s, n.authenticated()},
            {u"interleaved"_s, n.interleaved()},
            {u"transmitted"_s, double(n.totalTransmitted)},
            {u"received"_s, double(n.totalReceived)},
            {u"valid"_s, double(n.totalValid)},
            {u"good"_s, double(n.totalGood)},
        });
    }
    if (view.auth) {
        const ChronydAuthData &a = *view.auth;
        out.insert(u"auth"_s, QJsonObject {
            {u"mode"_s, authModeName(a.mode)},
            {u"keyId"_s, double(a.keyId)},
            {u"keyType"_s, a.keyType},
            {u"keyLengthBits"_s, a.keyLengthBits},
            {u"keyEstablishmentAttempts"_s, a.keyEstablishmentAttempts},
            {u"cookies"_s, a.cookies},
            {u"nak"_s, a.nak},
        });
    }
    return out;
}

QJsonObject chronydSnapshotJson(const ChronydSnapshot &snapshot)
{
    const ChronydTracking &t = snapshot.tracking;
    QJsonArray sources;
    QString selected;
    for (const ChronydSourceView &view : snapshot.sources) {
        sources.append(chronydSourceJson(view));
        if (view.source.state == ChronydSourceState::Selected)
            selected = view.source.address.toString();
    }
    return QJsonObject {
        {u"daemon"_s, u"chronyd"_s},
        {u"endpoint"_s, snapshot.endpoint},
        {u"selectedSource"_s, selected.isEmpty() ? QJsonValue() : QJsonValue(selected)},
        {u"tracking"_s, QJsonObject {
             {u"referenceId"_s, refIdHex(t.referenceId)},
             {u"address"_s, t.address.toString()},
             {u"stratum"_s, t.stratum},
             {u"leap"_s, chronydLeapWords(t.leapStatus)},
             {u"referenceTime"_s, timeJson(t.referenceTime)},
             {u"systemTimeOffset"_s, t.currentCorrection},
             {u"lastOffset"_s, -t.lastOffset},
             {u"rmsOffset"_s, t.rmsOffset},
             {u"frequencyPpm"_s, t.frequencyPpm},
             {u"residualFrequencyPpm"_s, t.residualFrequencyPpm},
             {u"skewPpm"_s, t.skewPpm},
             {u"rootDelay"_s, t.rootDelay},
             {u"rootDispersion"_s, t.rootDispersion},
             {u"lastUpdateInterval"_s, t.lastUpdateInterval},
             {u"chronyCurrentCorrection"_s, t.currentCorrection},
             {u"chronyLastOffset"_s, t.lastOffset},
         }},
        {u"sources"_s, sources},
        {u"selectDataSupported"_s, snapshot.selectDataSupported},
        {u"warnings"_s, QJsonArray::fromStringList(snapshot.warnings)},
        {u"ignoredReplies"_s, snapshot.ignoredReplies},
    };
}

} // namespace chronoscope::sysservice

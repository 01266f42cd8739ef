// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sysservice/ntpdjson.h"

#include <QJsonArray>

#include "core/sysservice/ntpdpeerstate.h"

using namespace Qt::StringLiterals;

namespace chronoscope::sysservice {

QJsonObject ntpdPeerJson(const NtpdPeerView &peer)
{
    const NtpdSelection selection = ntpdSelection(peer.statusWord);
    return QJsonObject {
        {u"associationId"_s, peer.associationId},
        {u"statusWord"_s, u"%1"_s.arg(peer.statusWord, 4, 16, QChar(u'0'))},
        {u"address"_s, peer.address.toString()},
        {u"port"_s, peer.port},
        {u"name"_s, peer.hostName},
        {u"state"_s, ntpdStateName(selection, peer.reach)},
        {u"stateSymbol"_s, QString(QChar::fromLatin1(ntpdTallyCode(selection)))},
        {u"stateWords"_s, ntpdStateWords(selection, peer.reach)},
        {u"ntpdSelection"_s, ntpdSelectionName(selection)},
        {u"configured"_s, ntpdPeerConfigured(peer.statusWord)},
        {u"authentic"_s, ntpdPeerAuthentic(peer.statusWord)},
        {u"stratum"_s, peer.stratum},
        {u"referenceId"_s, peer.referenceId},
        {u"reachability"_s, int(peer.reach)},
        {u"pollLog2"_s, peer.pollLog2},
        {u"offset"_s, peer.offset},
        {u"delay"_s, peer.delay},
        {u"dispersion"_s, peer.dispersion},
        {u"jitter"_s, peer.jitter},
        {u"leap"_s, ntpdLeapWords(peer.leap)},
        {u"variablesRead"_s, peer.variablesRead},
    };
}

QString ntpdSelectedAddress(const NtpdSnapshot &snapshot)
{
    for (const NtpdPeerView &peer : snapshot.peers) {
        const NtpdSelection selection = ntpdSelection(peer.statusWord);
        if (selection == NtpdSelection::SystemPeer || selection == NtpdSelection::PpsPeer)
            return peer.address.toString();
    }
    return {};
}

QJsonObject ntpdSnapshotJson(const NtpdSnapshot &snapshot)
{
    QJsonArray sources;
    for (const NtpdPeerView &peer : snapshot.peers)
        sources.append(ntpdPeerJson(peer));
    const QString selected = ntpdSelectedAddress(snapshot);
    return QJsonObject {
        {u"daemon"_s, u"ntpd"_s},
        {u"version"_s, snapshot.version},
        {u"endpoint"_s, snapshot.endpoint},
        {u"selectedSource"_s, selected.isEmpty() ? QJsonValue() : QJsonValue(selected)},
        {u"system"_s, QJsonObject {
             {u"stratum"_s, snapshot.stratum},
             {u"leap"_s, ntpdLeapWords(snapshot.leap)},
             {u"referenceId"_s, snapshot.referenceId},
             {u"systemPeerAssociationId"_s, snapshot.systemPeerId},
             {u"offset"_s, snapshot.offset},
             {u"frequencyPpm"_s, snapshot.frequencyPpm},
             {u"systemJitter"_s, snapshot.systemJitter},
             {u"rootDelay"_s, snapshot.rootDelay},
             {u"rootDispersion"_s, snapshot.rootDispersion},
         }},
        {u"sources"_s, sources},
        {u"warnings"_s, QJsonArray::fromStringList(snapshot.warnings)},
        {u"ignoredReplies"_s, snapshot.ignoredReplies},
    };
}

} // namespace chronoscope::sysservice

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sysservice/systemservicereading.h"

#include "core/sysservice/chronydsourcestate.h"
#include "core/sysservice/ntpdjson.h"
#include "core/sysservice/ntpdpeerstate.h"

using namespace Qt::StringLiterals;

namespace chronoscope::sysservice {

SystemServiceReading readingFromChronyd(const ChronydSnapshot &snapshot)
{
    SystemServiceReading r;
    r.daemon = u"chronyd"_s;
    r.endpoint = snapshot.endpoint;
    const ChronydTracking &t = snapshot.tracking;
    r.offset = t.currentCorrection;   // chronyd's "system time" correction: positive when behind
    r.frequencyPpm = t.frequencyPpm;
    r.stratum = t.stratum;
    r.leapWords = chronydLeapWords(t.leapStatus);
    r.warnings = snapshot.warnings;
    for (const ChronydSourceView &view : snapshot.sources) {
        SystemServiceSource s;
        s.address = view.source.mode == ChronydSourceMode::ReferenceClock ? QString() : view.source.address.toString();
        s.name = view.name;
        s.state = (view.source.state == ChronydSourceState::NonSelectable && view.source.reachability == 0)
            ? u"unreachable"_s : chronydStateName(view.source.state);
        s.stateSymbol = QString(QChar::fromLatin1(chronydStateSymbol(view.source.state)));
        s.stateWords = chronydStateWords(view);
        s.offset = -view.source.latestOffset;   // chrony's sign is the opposite of ours
        s.stratum = view.source.stratum;
        s.reach = view.source.reachability;
        if (view.source.state == ChronydSourceState::Selected)
            r.selectedAddress = s.address;
        r.sources.append(s);
    }
    return r;
}

SystemServiceReading readingFromNtpd(const NtpdSnapshot &snapshot)
{
    SystemServiceReading r;
    r.daemon = u"ntpd"_s;
    r.version = snapshot.version;
    r.endpoint = snapshot.endpoint;
    r.offset = snapshot.offset;
    r.frequencyPpm = snapshot.frequencyPpm;
    r.stratum = snapshot.stratum;
    r.leapWords = ntpdLeapWords(snapshot.leap);
    r.warnings = snapshot.warnings;
    r.selectedAddress = ntpdSelectedAddress(snapshot);
    for (const NtpdPeerView &peer : snapshot.peers) {
        const NtpdSelection selection = ntpdSelection(peer.statusWord);
        SystemServiceSource s;
        s.address = peer.address.toString();
        s.name = peer.hostName;
        s.state = ntpdStateName(selection, peer.reach);
        s.stateSymbol = QString(QChar::fromLatin1(ntpdTallyCode(selection)));
        s.stateWords = ntpdStateWords(selection, peer.reach);
        if (peer.variablesRead)
            s.offset = peer.offset;
        s.stratum = peer.stratum;
        s.reach = int(peer.reach);
        r.sources.append(s);
    }
    return r;
}

} // namespace chronoscope::sysservice

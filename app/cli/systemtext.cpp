// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/systemtext.h"

#include <cmath>

#include "core/sysservice/chronydsourcestate.h"
#include "core/sysservice/ntpdjson.h"
#include "core/sysservice/ntpdpeerstate.h"

using namespace Qt::StringLiterals;

namespace chronoscope::cli {
namespace {

// "+1.234 ms", "-2.500 s": offsets with their sign, in a readable unit.
QString signedSeconds(double seconds)
{
    const double a = std::abs(seconds);
    const QString sign = seconds < 0 ? u"-"_s : u"+"_s;
    if (a >= 1)
        return sign + QString::number(a, 'f', 3) + u" s"_s;
    if (a >= 1e-3)
        return sign + QString::number(a * 1e3, 'f', 3) + u" ms"_s;
    return sign + QString::number(a * 1e6, 'f', 1) + u" µs"_s;
}

} // namespace

QString chronydSnapshotText(const sysservice::ChronydSnapshot &snapshot)
{
    using namespace sysservice;
    const ChronydTracking &t = snapshot.tracking;
    QString out = u"chronyd (read from %1)\n"_s.arg(snapshot.endpoint);
    const QString selected = t.address.toString();
    if (t.leapStatus == 3 || selected.isEmpty())
        out += u"  not synchronised to any source\n"_s;
    else
        out += u"  follows %1 at stratum %2; leap status %3\n"_s.arg(selected).arg(t.stratum).arg(chronydLeapWords(t.leapStatus));
    out += u"  system clock offset %1 (positive: behind NTP time), last update %2, rms %3\n"_s
               .arg(signedSeconds(t.currentCorrection), signedSeconds(-t.lastOffset), signedSeconds(t.rmsOffset).mid(1));
    out += u"  frequency %1 ppm, residual %2 ppm, skew %3 ppm; root delay %4, dispersion %5\n"_s
               .arg(t.frequencyPpm, 0, 'f', 3).arg(t.residualFrequencyPpm, 0, 'f', 3).arg(t.skewPpm, 0, 'f', 3)
               .arg(signedSeconds(t.rootDelay).mid(1), signedSeconds(t.rootDispersion).mid(1));
    out += u"\n  %1 %2 %3 %4 %5  %6\n"_s.arg(u"source"_s, -26).arg(u"stratum"_s, 7).arg(u"reach"_s, 5)
               .arg(u"offset"_s, 12).arg(u"± error"_s, 11).arg(u"state"_s);
    for (const ChronydSourceView &view : snapshot.sources) {
        const ChronydSource &s = view.source;
        QString address = s.address.toString();
        if (!view.name.isEmpty() && view.name != address)
            address = view.name + u" ("_s + address + u")"_s;
        out += u"  %1 %2 %3 %4 %5  %6\n"_s.arg(address, -26).arg(s.stratum, 7)
                   .arg(QString::number(s.reachability, 8), 5)
                   .arg(signedSeconds(-s.latestOffset), 12).arg(signedSeconds(s.latestOffsetError).mid(1), 11)
                   .arg(chronydStateWords(view));
    }
    if (snapshot.sources.isEmpty())
        out += u"  (no sources)\n"_s;
    for (const QString &warning : snapshot.warnings)
        out += u"  note: "_s + warning + u"\n"_s;
    return out;
}

QString ntpdSnapshotText(const sysservice::NtpdSnapshot &snapshot)
{
    using namespace sysservice;
    QString out = u"%1 (read from %2 over mode 6)\n"_s.arg(snapshot.version.isEmpty() ? u"ntpd"_s : snapshot.version, snapshot.endpoint);
    const QString selected = ntpdSelectedAddress(snapshot);
    if (selected.isEmpty())
        out += u"  not synchronised to any source\n"_s;
    else
        out += u"  follows %1 at stratum %2; leap status %3\n"_s.arg(selected).arg(snapshot.stratum).arg(ntpdLeapWords(snapshot.leap));
    out += u"  system offset %1 (positive: behind NTP time), jitter %2; frequency %3 ppm; root delay %4, dispersion %5\n"_s
               .arg(signedSeconds(snapshot.offset), signedSeconds(snapshot.systemJitter).mid(1))
               .arg(snapshot.frequencyPpm, 0, 'f', 3)
               .arg(signedSeconds(snapshot.rootDelay).mid(1), signedSeconds(snapshot.rootDispersion).mid(1));
    out += u"\n  %1 %2 %3 %4 %5  %6\n"_s.arg(u"source"_s, -26).arg(u"stratum"_s, 7).arg(u"reach"_s, 5)
               .arg(u"offset"_s, 12).arg(u"jitter"_s, 11).arg(u"state"_s);
    for (const NtpdPeerView &peer : snapshot.peers) {
        const NtpdSelection selection = ntpdSelection(peer.statusWord);
        QString address = peer.address.isNull() ? u"association %1"_s.arg(peer.associationId) : peer.address.toString();
        if (!peer.hostName.isEmpty() && peer.hostName != address)
            address = peer.hostName + u" ("_s + address + u")"_s;
        out += u"  %1 %2 %3 %4 %5  %6\n"_s.arg(address, -26).arg(peer.stratum, 7)
                   .arg(QString::number(peer.reach, 8), 5)
                   .arg(signedSeconds(peer.offset), 12).arg(signedSeconds(peer.jitter).mid(1), 11)
                   .arg(ntpdStateWords(selection, peer.reach));
    }
    if (snapshot.peers.isEmpty())
        out += u"  (no associations)\n"_s;
    for (const QString &warning : snapshot.warnings)
        out += u"  note: "_s + warning + u"\n"_s;
    return out;
}

#ifdef CHRONOSCOPE_HAVE_TIMESYNCD
QString timesyncdSnapshotText(const sysservice::TimesyncdSnapshot &s)
{
    using namespace sysservice;
    QString out = u"systemd-timesyncd (read over D-Bus)\n"_s;
    if (s.serverAddress.isEmpty())
        out += u"  has not contacted a server yet\n"_s;
    else
        out += u"  uses %1 (%2), poll interval %3 s\n"_s.arg(s.serverName, s.serverAddress).arg(s.pollIntervalSeconds);
    if (s.hasMessage)
        out += u"  last reply: offset %1 (positive: behind NTP time), delay %2, jitter %3, stratum %4, leap status %5\n"_s
                   .arg(signedSeconds(s.offset), signedSeconds(s.delay).mid(1), signedSeconds(s.jitter).mid(1))
                   .arg(s.stratum).arg(chronydLeapWords(s.leap));
    if (s.frequencyPpm)
        out += u"  frequency %1 ppm\n"_s.arg(*s.frequencyPpm, 0, 'f', 3);
    const auto list = [&](const QString &label, const QStringList &servers) {
        if (!servers.isEmpty())
            out += u"  %1: %2\n"_s.arg(label, servers.join(u", "_s));
    };
    list(u"servers from the network"_s, s.linkServers);
    list(u"configured servers"_s, s.systemServers);
    list(u"servers set at run time"_s, s.runtimeServers);
    list(u"fallback servers"_s, s.fallbackServers);
    return out;
}
#endif

} // namespace chronoscope::cli

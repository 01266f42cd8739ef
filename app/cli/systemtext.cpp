// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/systemtext.h"

#include <cmath>

#include "core/sysservice/chronydsourcestate.h"

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
    const TrackingReport &t = snapshot.tracking;
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
        const SourceReport &s = view.source;
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

} // namespace chronoscope::cli

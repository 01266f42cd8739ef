// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/texts/headlinetext.h"

#include <cmath>

#include <QLocale>

#include "core/report/humanformat.h"
#include "core/texts/reasontexts.h"

using namespace Qt::StringLiterals;

namespace chronoscope::texts {
namespace {

// report::formatSeconds with the user's digits (decimal comma in German and French).
QString localSeconds(double seconds)
{
    return report::formatSeconds(seconds, false, QLocale());
}

} // namespace

QString HeadlineText::driftPhrase(const engine::SystemStatus &system)
{
    if (!system.driftMeaningful || !system.freqPpm)
        return {};
    const double perDay = *system.freqPpm * 1e-6 * 86400.0; // seconds gained per day
    if (std::abs(perDay) < 1e-3)
        return tr("keeps time to within 1 ms per day");
    // "about" a rate: two significant digits are all the estimate supports (as the core says it).
    const double magnitude = std::abs(perDay);
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    const QString amount = magnitude >= 1.0 ? locale.toString(magnitude, 'f', magnitude >= 10 ? 0 : 1) + u" s"_s
                                            : localSeconds(magnitude);
    //: %1: seconds per day, e.g. "4.3 s"
    return perDay > 0 ? tr("gains about %1 per day").arg(amount) : tr("loses about %1 per day").arg(amount);
}

QString HeadlineText::headline(const engine::SystemStatus &system, bool anyServerReachable, bool stillMeasuring)
{
    if (!system.synchronized || !system.offset) {
        if (stillMeasuring)
            return tr("Measuring… waiting for enough replies from the servers");
        if (!anyServerReachable)
            return tr("No time server answers: check the network or the server list");
        if (!system.summary.isEmpty())
            return tr("Cannot tell the time: %1").arg(ReasonTexts::text(system.summaryCode, system.summary));
        return tr("The servers' answers cannot be trusted: no usable majority");
    }
    const double offset = *system.offset;
    QString text;
    if (system.errorBound && std::abs(offset) <= *system.errorBound / 2.0) {
        text = tr("Your clock is correct to within %1").arg(localSeconds(*system.errorBound));
    } else if (system.errorBound) {
        // Positive offset: the server is ahead, so the local clock is behind (clockmath.h).
        text = offset > 0 ? tr("Your clock is %1 behind (± %2)").arg(localSeconds(std::abs(offset)),
                                                                     localSeconds(*system.errorBound))
                          : tr("Your clock is %1 ahead (± %2)").arg(localSeconds(std::abs(offset)),
                                                                    localSeconds(*system.errorBound));
    } else {
        text = offset > 0 ? tr("Your clock is %1 behind").arg(localSeconds(std::abs(offset)))
                          : tr("Your clock is %1 ahead").arg(localSeconds(std::abs(offset)));
    }
    const QString drift = driftPhrase(system);
    //: Headline and drift, e.g. "Your clock is 12 ms behind (± 3 ms)" + "loses about 4 s per day"
    return drift.isEmpty() ? text : tr("%1 and %2").arg(text, drift);
}

} // namespace chronoscope::texts

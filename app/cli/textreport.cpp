// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/textreport.h"

#include <QDateTime>

#include "core/report/humanformat.h"
#include "core/report/ntsjson.h"
#include "core/texts/headlinetext.h"
#include "core/texts/reasontexts.h"

using namespace Qt::StringLiterals;
using chronoscope::report::formatAge;
using chronoscope::report::formatSeconds;
using chronoscope::texts::ReasonTexts;

namespace chronoscope::cli {
namespace {

QString pad(const QString &text, int width, bool right = false)
{
    return right ? text.rightJustified(width) : text.leftJustified(width);
}

// The last NTS failure in the user's language, with the offending value (as the GUI's detail
// pane); core's English words where the id has no phrase.
QString ntsFailure(const engine::NtsStatus &n)
{
    if (!ReasonTexts::knowsReject(n.lastFailureId))
        return n.lastFailureText;
    const QString phrase = ReasonTexts::rejectText(n.lastFailureId);
    return n.lastFailureDetail.isEmpty() ? phrase : u"%1 (%2)"_s.arg(phrase, n.lastFailureDetail);
}

} // namespace

QString formatSystemLine(const engine::SystemStatus &system)
{
    if (!system.synchronized || !system.offset)
        return u"System: not synchronised: "_s
            + (system.summary.isEmpty() ? u"no usable time source (no reply or every reply rejected)"_s
                                        : ReasonTexts::text(system.summaryCode, system.summary));
    QString line = u"System: offset %1 (positive: your clock is behind), error bound ±%2, jitter %3, "
                   u"system peer %4, %5 survivor(s)"_s.arg(formatSeconds(system.offset, true), formatSeconds(system.errorBound),
                                                          formatSeconds(system.jitter), system.sysPeer)
                       .arg(system.survivors);
    if (system.freqPpm)
        line += u", frequency %1 ppm ± %2"_s.arg(*system.freqPpm, 0, 'f', 3).arg(system.skewPpm.value_or(0), 0, 'f', 3);
    return line;
}

QString formatCheckReport(const QList<engine::ServerStatus> &servers, const engine::SystemStatus &system, double now)
{
    QString out;
    bool anyReachable = false;
    for (const engine::ServerStatus &s : servers)
        anyReachable = anyReachable || s.reach != 0;
    out += texts::HeadlineText::headline(system, anyReachable, false) + u"\n\n"_s;
    out += pad(u"State"_s, 12) + pad(u"Name/IP address"_s, 28) + pad(u"St"_s, 3, true) + pad(u"Poll"_s, 5, true)
        + pad(u"Reach"_s, 6, true) + pad(u"LastRx"_s, 8, true) + pad(u"Offset"_s, 12, true)
        + pad(u"Delay"_s, 11, true) + pad(u"Jitter"_s, 11, true) + pad(u"Freq ppm"_s, 10, true) + u"  Reason\n"_s;
    for (const engine::ServerStatus &s : servers) {
        const bool filtered = s.filter && s.filter->validStages > 0;
        out += pad(engine::serverStateId(s.state), 12);
        out += pad(s.name, 28);
        out += pad(s.stratum >= 0 ? QString::number(s.stratum) : u"-"_s, 3, true);
        out += pad(QString::number(s.pollLog2), 5, true);
        out += pad(report::formatReach(s.reach), 6, true);
        out += pad(s.lastReplyTime > 0 ? formatAge(now - s.lastReplyTime) : u"-"_s, 8, true);
        out += pad(filtered ? formatSeconds(s.filter->offset, true) : u"-"_s, 12, true);
        out += pad(filtered ? formatSeconds(s.filter->delay) : u"-"_s, 11, true);
        out += pad(filtered ? formatSeconds(s.filter->jitter) : u"-"_s, 11, true);
        // Local clock rate against this server, shown once enough span has been observed.
        out += pad(s.drift && s.drift->meaningful ? QString::number(s.drift->freqPpm, 'f', 2) : u"-"_s, 10, true);
        out += u"  "_s + ReasonTexts::text(s.reasonCode, s.reason) + u"\n"_s;
    }
    for (const engine::ServerStatus &s : servers)
        if (s.nts)
            out += formatNtsLine(s) + u"\n"_s;
    out += formatSystemLine(system) + u"\n"_s;
    return out;
}

QString formatNtsLine(const engine::ServerStatus &s)
{
    const engine::NtsStatus &n = *s.nts;
    const QString ke = u"%1:%2"_s.arg(n.keHost).arg(n.kePort);
    if (n.keyExchanges == 0)
        return n.lastFailureText.isEmpty() ? u"NTS %1: no key exchange with %2 yet"_s.arg(s.name, ke)
                                           : u"NTS %1: key exchange with %2 failed: %3"_s.arg(s.name, ke, ntsFailure(n));
    const auto utc = [](const QDateTime &t) { return t.toUTC().toString(u"yyyy-MM-dd HH:mm:ss 'UTC'"_s); };
    return u"NTS %1: keys from %2 at %3 (%4, %5), NTP at %6:%7, %8 cookie(s), certificate %9 issued by %10, "
           u"valid until %11"_s.arg(s.name, ke, utc(n.lastKeyExchange), n.tlsVersion, report::aeadName(n.aead),
                                    n.ntpServer)
        .arg(n.ntpPort)
        .arg(n.cookiesHeld)
        .arg(n.certificateSubject, n.certificateIssuer, utc(n.certificateNotAfter));
}

QString formatSampleLine(const engine::AcceptedSample &e)
{
    const QString time = QDateTime::fromMSecsSinceEpoch(qint64(e.time * 1000)).toString(u"HH:mm:ss.zzz"_s);
    return u"%1 %2 offset %3 delay %4 jitter %5"_s.arg(time, e.serverName, formatSeconds(e.offset, true),
                                                       formatSeconds(e.delay), formatSeconds(e.jitter));
}

QString formatFailureLine(const engine::RequestOutcome &e)
{
    const QString time = QDateTime::fromMSecsSinceEpoch(qint64(e.time * 1000)).toString(u"HH:mm:ss.zzz"_s);
    const QString detail = ReasonTexts::text(e.detailCode, e.detail);
    return u"%1 %2 %3%4"_s.arg(time, e.serverName, e.reasonId, detail.isEmpty() ? QString() : u" ("_s + detail + u")"_s);
}

QString formatRejectionLine(const engine::RejectionSummary &e)
{
    const QString time = QDateTime::fromMSecsSinceEpoch(qint64(e.time * 1000)).toString(u"HH:mm:ss.zzz"_s);
    QStringList parts;
    for (auto it = e.counts.cbegin(); it != e.counts.cend(); ++it)
        parts << u"%1 %2"_s.arg(it.key()).arg(it.value());
    return u"%1 %2 %3 datagram(s) rejected in the last %4: %5"_s.arg(time, e.serverName).arg(e.total).arg(
        formatAge(e.windowSeconds), parts.join(u", "_s));
}

} // namespace chronoscope::cli

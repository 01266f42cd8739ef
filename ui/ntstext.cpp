// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ntstext.h"

#include <QLocale>

#include "core/report/humanformat.h"
#include "core/report/ntsjson.h"
#include "core/texts/reasontexts.h"

using namespace Qt::StringLiterals;

namespace chronoscope::ui {
namespace {

QString row(const QString &label, const QString &value)
{
    return u"<tr><td>%1</td><td>&nbsp;%2</td></tr>"_s.arg(label.toHtmlEscaped(), value.toHtmlEscaped());
}

QString when(const QDateTime &time, const QDateTime &now)
{
    if (!time.isValid())
        return u"–"_s;
    const double seconds = double(now.msecsTo(time)) / 1000.0;
    const QString local = QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
    return seconds >= 0 ? NtsText::tr("%1 (in %2)").arg(local, report::formatAge(seconds))
                        : NtsText::tr("%1 (%2 ago)").arg(local, report::formatAge(-seconds));
}

} // namespace

QString NtsText::failureText(const QString &id)
{
    return texts::ReasonTexts::knowsReject(id) && id.startsWith(u"nts_"_s) ? texts::ReasonTexts::rejectText(id) : QString();
}

QString NtsText::badge(const engine::NtsStatus &nts)
{
    switch (nts.keState) {
    case engine::NtsStatus::KeState::Negotiating:
        //: Authentication column: NTS key exchange running
        return tr("NTS · negotiating");
    case engine::NtsStatus::KeState::Failed:
        //: Authentication column: the NTS key exchange failed
        return tr("NTS · failed");
    case engine::NtsStatus::KeState::Idle:
    case engine::NtsStatus::KeState::Established:
        break;
    }
    //: Authentication column: Network Time Security in use
    return tr("NTS");
}

QString NtsText::toolTip(const engine::ServerStatus &s)
{
    const engine::NtsStatus &n = *s.nts;
    if (n.keState == engine::NtsStatus::KeState::Failed)
        return tr("NTS key exchange with %1:%2 failed: %3").arg(n.keHost).arg(n.kePort).arg(failureText(n.lastFailureId));
    return tr("%n reply(s) authenticated with NTS; keys from %1:%2, %3 cookie(s) left", nullptr, s.authenticatedReplies)
        .arg(n.keHost)
        .arg(n.kePort)
        .arg(n.cookiesHeld);
}

QString NtsText::detailHtml(const engine::ServerStatus &s, const QDateTime &now)
{
    const engine::NtsStatus &n = *s.nts;
    QString html = u"<table>"_s;
    html += row(tr("Key exchange"), tr("%1 port %2 (%3)").arg(n.keHost).arg(n.kePort).arg(badge(n)));
    if (n.keyExchanges > 0) {
        html += row(tr("Vouched for by"), n.certificateIssuer);
        html += row(tr("Certificate"), n.certificateSubject);
        html += row(tr("Valid"), tr("%1 to %2").arg(QLocale().toString(n.certificateNotBefore.toLocalTime(), QLocale::ShortFormat),
                                                   when(n.certificateNotAfter, now)));
        for (int i = 0; i < n.certificateChain.size(); ++i)
            html += row(i == 0 ? tr("Chain") : QString(), n.certificateChain.at(i));
        html += row(tr("Keys negotiated"), when(n.lastKeyExchange, now));
        html += row(tr("Next key exchange"), tr("%1, or earlier after a NAK or when the cookies run out").arg(when(n.rekeyDue, now)));
        html += row(tr("Cookies left"), tr("%1 of 8").arg(n.cookiesHeld));
        html += row(tr("NTP server"), tr("%1 port %2").arg(n.ntpServer).arg(n.ntpPort));
        html += row(tr("Protection"), tr("%1 over %2").arg(report::aeadName(n.aead), n.tlsVersion));
        html += row(tr("Key exchanges"), tr("%1 (%2 failed, %3 NAK(s))").arg(n.keyExchanges).arg(n.keyExchangeFailures).arg(n.naks));
    }
    html += u"</table>"_s;
    if (!n.lastFailureId.isEmpty())
        html += u"<p>"_s
            + tr("Last NTS problem (%1): <b>%2</b>").arg(when(n.lastFailureTime, now).toHtmlEscaped(),
                                                        failureText(n.lastFailureId).toHtmlEscaped())
            + (n.lastFailureDetail.isEmpty() ? QString() : u"<br>"_s + n.lastFailureDetail.toHtmlEscaped()) + u"</p>"_s;
    else if (n.keyExchanges > 0)
        html += u"<p>"_s + tr("No NTS problem so far.") + u"</p>"_s;
    return html;
}

} // namespace chronoscope::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ntstext.h"

#include <QHash>
#include <QLocale>

#include "core/report/humanformat.h"
#include "core/report/ntsjson.h"

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
    static const QHash<QString, const char *> texts{
        {u"nts_resolve"_s, QT_TR_NOOP("the key-exchange server's name does not resolve")},
        {u"nts_connect"_s, QT_TR_NOOP("cannot connect to the key-exchange server")},
        {u"nts_timeout"_s, QT_TR_NOOP("the key exchange did not finish in time")},
        {u"nts_tls_handshake"_s, QT_TR_NOOP("the TLS handshake with the key-exchange server failed")},
        {u"nts_tls_version"_s, QT_TR_NOOP("the key-exchange server does not offer TLS 1.3")},
        {u"nts_certificate_untrusted"_s, QT_TR_NOOP("the server's certificate is not signed by a trusted authority")},
        {u"nts_certificate_expired"_s, QT_TR_NOOP("the server's certificate has expired or is not yet valid")},
        {u"nts_certificate_name"_s, QT_TR_NOOP("the server's certificate is for a different host name")},
        {u"nts_alpn"_s, QT_TR_NOOP("the server does not speak the NTS key-exchange protocol")},
        {u"nts_ke_malformed"_s, QT_TR_NOOP("the key-exchange reply is malformed")},
        {u"nts_ke_error"_s, QT_TR_NOOP("the key-exchange server refused the request")},
        {u"nts_ke_warning"_s, QT_TR_NOOP("the key-exchange server sent a warning")},
        {u"nts_ke_unknown_critical"_s, QT_TR_NOOP("the key-exchange reply has a critical record we do not know")},
        {u"nts_ke_negotiation"_s, QT_TR_NOOP("the key-exchange server offered nothing usable (no NTPv4, algorithm or cookies)")},
        {u"nts_no_cookies"_s, QT_TR_NOOP("no NTS cookies left")},
        {u"nts_nak"_s, QT_TR_NOOP("the server no longer accepts our cookies (NTS NAK); new keys are negotiated")},
        {u"nts_unique_id_mismatch"_s, QT_TR_NOOP("reply does not answer our request (NTS unique identifier)")},
        {u"nts_missing_authenticator"_s, QT_TR_NOOP("reply without an NTS authenticator")},
        {u"nts_bad_authenticator"_s, QT_TR_NOOP("reply's NTS authenticator is wrong")},
        {u"nts_malformed_fields"_s, QT_TR_NOOP("reply's NTS extension fields are malformed")},
    };
    const auto it = texts.constFind(id);
    return it == texts.constEnd() ? QString() : tr(*it);
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
            + u"<br>"_s + n.lastFailureText.toHtmlEscaped() + u"</p>"_s;
    else if (n.keyExchanges > 0)
        html += u"<p>"_s + tr("No NTS problem so far.") + u"</p>"_s;
    return html;
}

} // namespace chronoscope::ui

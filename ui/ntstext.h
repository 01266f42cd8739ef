// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include "core/engine/serverstatus.h"

namespace chronoscope::ui {

// The words the GUI uses for NTS (RFC 8915): the Auth column badge and its tooltip, every NTS
// failure reason, and the detail pane's section on who vouched for the time.
class NtsText
{
    Q_DECLARE_TR_FUNCTIONS(NtsText)
public:
    // Translated phrase for an NTS reason id ("nts_certificate_untrusted" → "the server's
    // certificate is not signed by a trusted authority"); empty for ids that are not NTS ones.
    static QString failureText(const QString &reasonId);
    // Auth column: "NTS", "NTS · negotiating", "NTS · failed".
    static QString badge(const engine::NtsStatus &nts);
    static QString toolTip(const engine::ServerStatus &server);
    // The detail pane's section (rich text): certificate chain with subject, issuer and expiry,
    // when the keys were negotiated, cookies left, next key exchange, the last NTS failure.
    static QString detailHtml(const engine::ServerStatus &server, const QDateTime &now);
};

} // namespace chronoscope::ui

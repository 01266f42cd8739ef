// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/ntsoutcome.h"

using namespace Qt::StringLiterals;

namespace chronoscope::cli {

QStringList ntsCertificateRefusals(const QList<engine::ServerStatus> &servers)
{
    QStringList lines;
    for (const engine::ServerStatus &s : servers) {
        if (!s.nts || s.nts->keState != engine::NtsStatus::KeState::Failed)
            continue;
        const QString &id = s.nts->lastFailureId;
        QString hint;
        if (id == u"nts_certificate_untrusted"_s)
            hint = u"if the server uses a private CA, pass its certificate with --nts-ca FILE"_s;
        else if (id == u"nts_certificate_name"_s)
            hint = u"use the host name the certificate was issued for"_s;
        else if (id == u"nts_certificate_expired"_s)
            hint = u"the server's certificate must be renewed (or this machine's date is wrong)"_s;
        else
            continue;
        lines << u"NTS %1 (key exchange %2:%3): %4; %5"_s.arg(s.name, s.nts->keHost).arg(s.nts->kePort)
                     .arg(s.nts->lastFailureText, hint);
    }
    return lines;
}

int offsetExitStatus(bool synchronized, const QList<engine::ServerStatus> &servers)
{
    if (synchronized)
        return 0;
    return ntsCertificateRefusals(servers).isEmpty() ? 1 : EXIT_NTS_CERTIFICATE;
}

} // namespace chronoscope::cli

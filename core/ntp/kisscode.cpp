// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ntp/kisscode.h"

#include "core/ntp/ntppacket.h"

using namespace Qt::StringLiterals;

namespace chronoscope::ntp {

KissCode kissCodeFromReferenceId(std::uint32_t referenceId)
{
    const QByteArray code = referenceIdAscii(referenceId);
    if (code.isEmpty())
        return KissCode::None;
    if (code == "RATE")
        return KissCode::Rate;
    if (code == "DENY")
        return KissCode::Deny;
    if (code == "RSTR")
        return KissCode::Restrict;
    return KissCode::Other;
}

QString kissCodeText(std::uint32_t referenceId)
{
    return QString::fromLatin1(referenceIdAscii(referenceId));
}

} // namespace chronoscope::ntp

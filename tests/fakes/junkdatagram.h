// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QRandomGenerator>

#include "core/ntp/ntppacket.h"

namespace chronoscope::testing {

// The kinds of junk a hostile server sprays at a client before (or instead of) its real reply,
// each with the reject reason a correct client gives it.
enum class JunkKind {
    ShortRandom,        // 1–47 random bytes: shorter than an NTP header   → malformed
    WrongOriginReply,   // a well-formed mode-4 reply whose origin is not our nonce → bogus_origin
    WrongOriginKissRate,// a kiss-o'-death RATE with a wrong origin (must not slow us down) → bogus_origin
    Oversize,           // 3000 random bytes, more than any NTP datagram may have → malformed
};
inline constexpr int JUNK_KIND_COUNT = 4;

// One junk datagram of `kind` aimed at the client that sent `request`.
QByteArray junkDatagram(JunkKind kind, const ntp::Packet &request, QRandomGenerator &random);

} // namespace chronoscope::testing

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include "core/auth/symmetrickey.h"
#include "core/ntp/ntppacket.h"
#include "core/ntp/rejectreason.h"
#include "core/result.h"

namespace chronoscope::ntp {

// Appends the legacy MAC trailer to an encoded packet (header and extension fields): the key id
// (32 bits, big-endian) followed by the wire MAC of every byte before it (NTP-NOTES §5.1).
Result<QByteArray> appendMac(const QByteArray &encoded, const auth::SymmetricKey &key);

// Why a reply to an authenticated request fails RFC 5905 test 5, in words and as a reason.
struct AuthFailure
{
    RejectReason reason;
    QString detail;   // names key ids and lengths, never key material
};

// Test 5 for a reply to a request sent with `key`: the reply must end in a MAC with the same
// key id whose digest verifies (constant-time). A crypto-NAK (4 zero bytes) is recognised as
// the server saying "unknown key or bad MAC". Empty when the reply is authentic.
std::optional<AuthFailure> checkReplyMac(QByteArrayView datagram, const Packet &packet, const auth::SymmetricKey &key);

} // namespace chronoscope::ntp

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ntp/packetmac.h"

#include <QtEndian>

#include "core/auth/macalgorithm.h"

using namespace Qt::StringLiterals;

namespace chronoscope::ntp {

Result<QByteArray> appendMac(const QByteArray &encoded, const auth::SymmetricKey &key)
{
    Result<QByteArray> mac = auth::computeWireMac(key.type, key.secret.reveal(), encoded);
    if (!mac)
        return mac.error();
    QByteArray out = encoded;
    char id[4];
    qToBigEndian(key.id, id);
    out.append(id, 4);
    out.append(*mac);
    return out;
}

std::optional<AuthFailure> checkReplyMac(QByteArrayView datagram, const Packet &packet, const auth::SymmetricKey &key)
{
    if (packet.cryptoNak)
        return AuthFailure{RejectReason::CryptoNak,
                           u"the server sent a crypto-NAK: it does not know key %1 or could not verify our MAC"_s.arg(
                               key.id)};
    if (!packet.mac)
        return AuthFailure{RejectReason::AuthMissing, u"reply without a MAC; we sent key %1"_s.arg(key.id)};
    if (packet.mac->keyId != key.id)
        return AuthFailure{RejectReason::AuthKeyMismatch,
                           u"reply authenticated with key %1, we sent key %2"_s.arg(packet.mac->keyId).arg(key.id)};
    const qsizetype expected = auth::wireMacLength(key.type);
    if (packet.mac->digest.size() != expected)
        return AuthFailure{RejectReason::AuthBadMac, u"%1-byte MAC for key %2, %3 needs %4 bytes"_s
                                                         .arg(packet.mac->digest.size())
                                                         .arg(key.id)
                                                         .arg(auth::chronyTypeName(key.type))
                                                         .arg(expected)};
    // The MAC covers every byte before the trailer: header and extension fields.
    const QByteArrayView authenticated = datagram.first(datagram.size() - 4 - packet.mac->digest.size());
    if (!auth::verifyWireMac(key.type, key.secret.reveal(), authenticated, packet.mac->digest))
        return AuthFailure{RejectReason::AuthBadMac,
                           u"the %1 MAC does not verify with key %2 (different secret?)"_s.arg(
                               auth::chronyTypeName(key.type)).arg(key.id)};
    return std::nullopt;
}

} // namespace chronoscope::ntp

// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the NTP packet decoder (core/ntp/ntppacket): header, the RFC 7822
// extension-field walk, MAC and crypto-NAK trailers, and the MAC check of test 5
// (core/ntp/packetmac). Properties checked on every input, besides "no crash, no sanitizer
// report":
//   - a datagram that decodes re-encodes to exactly the same bytes (one reading of every byte);
//   - the extension fields found fit in the datagram (at most 1024 / 16 of them);
//   - checkReplyMac with each of the five test keys either fails with a reason and words, or
//     passes only for a MAC trailer with that key id;
//   - a MAC appended with appendMac to a trailer-less packet always verifies after decoding.
// The keys are those of tests/unit/data/ntp-mac-vectors.json, so the seeds' MACs verify.
#include <cstddef>
#include <cstdint>

#include <QByteArray>

#include "core/auth/symmetrickey.h"
#include "core/ntp/ntppacket.h"
#include "core/ntp/packetmac.h"
#include "tests/fuzz/fuzzcheck.h"
#include "tests/fuzz/fuzzmackeys.h"

using namespace chronoscope;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const QList<auth::SymmetricKey> keys = fuzzMacTestKeys();
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));

    const Result<ntp::Packet> decoded = ntp::decode(bytes);
    if (!decoded) {
        fuzzCheck(!decoded.errorMessage().isEmpty());
        return 0;
    }
    const ntp::Packet &packet = *decoded;
    fuzzCheck(ntp::encode(packet) == bytes);
    fuzzCheck(packet.extensions.size() <= ntp::MAX_DATAGRAM_SIZE / ntp::MIN_EXTENSION_FIELD_SIZE);
    fuzzCheck(!(packet.mac && packet.cryptoNak));

    for (const auth::SymmetricKey &key : keys) {
        const std::optional<ntp::AuthFailure> failure = ntp::checkReplyMac(bytes, packet, key);
        if (failure)
            fuzzCheck(!failure->detail.isEmpty());
        else
            fuzzCheck(packet.mac && packet.mac->keyId == key.id);
    }

    if (!packet.mac && !packet.cryptoNak && size + 24 <= std::size_t(ntp::MAX_DATAGRAM_SIZE)) {
        const auth::SymmetricKey &key = keys.at(size % std::size_t(keys.size()));
        const Result<QByteArray> signedPacket = ntp::appendMac(bytes, key);
        fuzzCheck(signedPacket.ok());
        const Result<ntp::Packet> again = ntp::decode(*signedPacket);
        fuzzCheck(again.ok() && again->mac && again->mac->keyId == key.id);
        fuzzCheck(!ntp::checkReplyMac(*signedPacket, *again, key).has_value());
    }
    return 0;
}

// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the NTS extension fields of NTP replies (core/nts): locating the Unique
// Identifier and Authenticator in a datagram, opening the authenticator, and the encrypted
// fields inside it. Properties checked besides "no crash, no sanitizer report":
//   - every field found lies inside the input, and the fields tile it exactly;
//   - a located authenticator starts after the 48-byte header, its nonce is at least 16 bytes
//     and its ciphertext at least the 16-byte tag;
//   - decoded encrypted fields keep at most 8 cookies of at most 256 bytes.
// The input is read whole as a reply datagram, and whole as a decrypted authenticator.
#include <cstddef>
#include <cstdint>

#include <QByteArray>

#include "core/nts/aessivcmac.h"
#include "core/nts/kemessage.h"
#include "core/nts/ntsextensionfields.h"

using namespace chronoscope::nts;

namespace {

void check(bool condition)
{
    if (!condition)
        __builtin_trap();
}

void checkDatagram(QByteArrayView bytes)
{
    if (const auto fields = splitExtensionFields(bytes, NTP_HEADER_SIZE, 32)) {
        qsizetype pos = NTP_HEADER_SIZE;
        for (const FieldSpan &f : *fields) {
            check(f.offset == pos && f.length >= 4 && f.length % 4 == 0);
            pos += f.length;
        }
        check(pos == bytes.size());
    }
    const NtsReplyLayoutCheck located = locateNtsReplyFields(bytes);
    if (!located.layout) {
        check(located.failure.kind == NtsFailureKind::MalformedFields);
        return;
    }
    if (!located.layout->authOffset)
        return;
    check(*located.layout->authOffset >= NTP_HEADER_SIZE && *located.layout->authOffset < bytes.size());
    check(located.layout->nonce.size() >= NTS_NONCE_SIZE);
    check(located.layout->ciphertext.size() >= AesSivCmac256::TAG_SIZE);
    const QByteArray key(AesSivCmac256::KEY_SIZE, 'k');
    const auto plain = AesSivCmac256::decrypt(key, located.layout->nonce, bytes.first(*located.layout->authOffset),
                                              located.layout->ciphertext);
    if (plain)
        check(plain->size() == located.layout->ciphertext.size() - AesSivCmac256::TAG_SIZE);
}

void checkEncrypted(QByteArrayView bytes)
{
    const auto inner = decodeEncryptedFields(bytes);
    if (!inner)
        return;
    check(inner->cookies.size() <= MAX_COOKIES);
    for (const QByteArray &cookie : inner->cookies)
        check(!cookie.isEmpty() && cookie.size() <= MAX_COOKIE_SIZE);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    checkDatagram(bytes);
    checkEncrypted(bytes);
    return 0;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/nts/aessivcmac.h"

#include <cstddef>

#include <nettle/siv-cmac.h>

namespace chronoscope::nts {
namespace {

const std::uint8_t *bytes(QByteArrayView view)
{
    return reinterpret_cast<const std::uint8_t *>(view.data());
}

// The context holds the expanded AES keys (whose first round key is the key itself): it is
// overwritten before its stack frame is given up, so no key stays in dead stack (issue 13).
class WipedContext
{
public:
    WipedContext() = default;
    ~WipedContext()
    {
        volatile auto *p = reinterpret_cast<volatile unsigned char *>(&ctx);
        for (std::size_t i = 0; i < sizeof ctx; ++i)
            p[i] = 0;
    }
    WipedContext(const WipedContext &) = delete;
    WipedContext &operator=(const WipedContext &) = delete;

    siv_cmac_aes128_ctx ctx;
};

} // namespace

std::optional<QByteArray> AesSivCmac256::encrypt(QByteArrayView key, QByteArrayView nonce,
                                                 QByteArrayView associatedData, QByteArrayView plaintext)
{
    if (key.size() != KEY_SIZE || nonce.isEmpty())
        return std::nullopt;
    WipedContext wiped;
    siv_cmac_aes128_ctx &ctx = wiped.ctx;
    siv_cmac_aes128_set_key(&ctx, bytes(key));
    QByteArray out(TAG_SIZE + plaintext.size(), Qt::Uninitialized);
    siv_cmac_aes128_encrypt_message(&ctx, size_t(nonce.size()), bytes(nonce), size_t(associatedData.size()),
                                    bytes(associatedData), size_t(out.size()),
                                    reinterpret_cast<std::uint8_t *>(out.data()), bytes(plaintext));
    return out;
}

std::optional<QByteArray> AesSivCmac256::decrypt(QByteArrayView key, QByteArrayView nonce,
                                                 QByteArrayView associatedData, QByteArrayView ciphertext)
{
    if (key.size() != KEY_SIZE || nonce.isEmpty() || ciphertext.size() < TAG_SIZE)
        return std::nullopt;
    WipedContext wiped;
    siv_cmac_aes128_ctx &ctx = wiped.ctx;
    siv_cmac_aes128_set_key(&ctx, bytes(key));
    QByteArray out(ciphertext.size() - TAG_SIZE, Qt::Uninitialized);
    if (!siv_cmac_aes128_decrypt_message(&ctx, size_t(nonce.size()), bytes(nonce), size_t(associatedData.size()),
                                         bytes(associatedData), size_t(out.size()),
                                         reinterpret_cast<std::uint8_t *>(out.data()), bytes(ciphertext)))
        return std::nullopt;
    return out;
}

} // namespace chronoscope::nts

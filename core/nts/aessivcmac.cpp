// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/nts/aessivcmac.h"

#include <nettle/siv-cmac.h>

namespace chronoscope::nts {
namespace {

const std::uint8_t *bytes(QByteArrayView view)
{
    return reinterpret_cast<const std::uint8_t *>(view.data());
}

} // namespace

std::optional<QByteArray> AesSivCmac256::encrypt(QByteArrayView key, QByteArrayView nonce,
                                                 QByteArrayView associatedData, QByteArrayView plaintext)
{
    if (key.size() != KEY_SIZE || nonce.isEmpty())
        return std::nullopt;
    siv_cmac_aes128_ctx ctx;
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
    siv_cmac_aes128_ctx ctx;
    siv_cmac_aes128_set_key(&ctx, bytes(key));
    QByteArray out(ciphertext.size() - TAG_SIZE, Qt::Uninitialized);
    if (!siv_cmac_aes128_decrypt_message(&ctx, size_t(nonce.size()), bytes(nonce), size_t(associatedData.size()),
                                         bytes(associatedData), size_t(out.size()),
                                         reinterpret_cast<std::uint8_t *>(out.data()), bytes(ciphertext)))
        return std::nullopt;
    return out;
}

} // namespace chronoscope::nts

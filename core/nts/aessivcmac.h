// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QByteArray>
#include <QByteArrayView>

namespace chronoscope::nts {

// AEAD_AES_SIV_CMAC_256 (RFC 5297, IANA AEAD id 15) in its nonce-based form with one
// associated-data component, as NTS uses it (RFC 8915 §5.6): S2V over (AD, nonce, plaintext).
// Implemented by Nettle's siv_cmac_aes128_* (two AES-128 keys = a 32-byte key), which, unlike
// OpenSSL 3.0's EVP AES-SIV, accepts the empty plaintext of an NTS request.
class AesSivCmac256
{
public:
    static constexpr qsizetype KEY_SIZE = 32;
    static constexpr qsizetype TAG_SIZE = 16;   // the synthetic IV, first on the wire

    // tag (16) ‖ ciphertext (plaintext.size()). Empty when the key is not 32 bytes or the nonce
    // is empty (the two inputs Nettle cannot take).
    static std::optional<QByteArray> encrypt(QByteArrayView key, QByteArrayView nonce, QByteArrayView associatedData,
                                             QByteArrayView plaintext);
    // The plaintext when `ciphertext` (tag ‖ encrypted bytes) is authentic; empty when it is not,
    // or when the key, nonce or ciphertext length is impossible. Never reads outside the views.
    static std::optional<QByteArray> decrypt(QByteArrayView key, QByteArrayView nonce, QByteArrayView associatedData,
                                             QByteArrayView ciphertext);
};

} // namespace chronoscope::nts

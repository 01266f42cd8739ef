// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/keygenerator.h"

#include <openssl/err.h>
#include <openssl/rand.h>

using namespace Qt::StringLiterals;

namespace chronoscope::auth {

Result<SecretBytes> randomSecret(int length)
{
    if (length <= 0 || length > MAX_SECRET_LENGTH)
        return Error{u"invalid key length %1 bytes (1-%2)"_s.arg(length).arg(MAX_SECRET_LENGTH)};
    QByteArray bytes(length, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), length) != 1) {
        ERR_clear_error();
        return Error{u"the system's random number generator failed; no key was generated"_s};
    }
    return SecretBytes(std::move(bytes));
}

Result<SymmetricKey> generateKey(std::uint32_t id, KeyType type)
{
    Result<SecretBytes> secret = randomSecret(generatedKeyLength(type));
    if (!secret)
        return secret.error();
    SymmetricKey key;
    key.id = id;
    key.type = type;
    key.secret = std::move(secret).value();
    if (std::optional<Error> invalid = validateKey(key))
        return *invalid;
    return key;
}

} // namespace chronoscope::auth

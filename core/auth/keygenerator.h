// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include "core/auth/symmetrickey.h"
#include "core/result.h"

namespace chronoscope::auth {

// `length` bytes from OpenSSL's CSPRNG (RAND_bytes). Fails only when the generator cannot be
// seeded; never falls back to a weaker source.
Result<SecretBytes> randomSecret(int length);

// A new key of `type` with generatedKeyLength(type) random bytes (AES128 16, AES256 32, SHA256
// 32, MD5/SHA1 20).
Result<SymmetricKey> generateKey(std::uint32_t id, KeyType type);

} // namespace chronoscope::auth

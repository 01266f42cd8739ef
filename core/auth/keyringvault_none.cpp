// SPDX-License-Identifier: GPL-3.0-or-later
// KeyringVault when built without QtKeychain: every call says so; secrets stay in the 0600 file.
#include "core/auth/keyringvault.h"

using namespace Qt::StringLiterals;

namespace chronoscope::auth {
namespace {

Error unavailable()
{
    return Error{u"this build of Chronoscope has no system keyring support (QtKeychain was not found)"_s};
}

} // namespace

bool KeyringVault::isCompiledIn()
{
    return false;
}

Result<SecretBytes> KeyringVault::read(std::uint32_t) const
{
    return unavailable();
}

std::optional<Error> KeyringVault::write(std::uint32_t, const SecretBytes &) const
{
    return unavailable();
}

std::optional<Error> KeyringVault::remove(std::uint32_t) const
{
    return unavailable();
}

} // namespace chronoscope::auth

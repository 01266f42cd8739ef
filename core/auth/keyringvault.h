// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>

#include <QString>

#include "core/auth/secretbytes.h"
#include "core/result.h"

namespace chronoscope::auth {

// Secrets in the system keyring (Secret Service, KWallet, macOS Keychain, Windows Credential
// Store) through QtKeychain, never with its plain-text fallback. Each call waits for the keyring
// in a local event loop (a QCoreApplication must exist). Entries are named after the store file
// and key id, so two stores never share a secret. Without QtKeychain at build time every call
// fails with a message saying so, and the store keeps secrets in its 0600 file.
class KeyringVault
{
public:
    // True when built with QtKeychain (whether a keyring service is running is another matter:
    // calls tell).
    static bool isCompiledIn();

    explicit KeyringVault(QString storePath) : m_storePath(std::move(storePath)) { }

    Result<SecretBytes> read(std::uint32_t id) const;
    std::optional<Error> write(std::uint32_t id, const SecretBytes &secret) const;
    std::optional<Error> remove(std::uint32_t id) const;

    // The keyring entry name, e.g. "ntp-key 10 (/home/u/.config/chronoscope/keys)".
    QString entryName(std::uint32_t id) const;

    static constexpr const char *SERVICE = "chronoscope";

private:
    QString m_storePath;
};

} // namespace chronoscope::auth

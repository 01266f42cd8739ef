// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>

#include <QList>
#include <QSet>
#include <QString>

#include "core/auth/keyfilecontents.h"
#include "core/auth/symmetrickey.h"
#include "core/result.h"

namespace chronoscope::auth {

// What importKeys did.
struct ImportSummary
{
    int added = 0;
    int replaced = 0;
    int unchanged = 0;       // already in the store with the same type and secret
    int skippedLines = 0;    // invalid lines left out (only with acceptValidLines)
};

struct ImportPolicy
{
    // Import the valid keys of a file that also has invalid lines. Off: a file with any error
    // imports nothing (the issue's rule: the user must accept the valid lines explicitly).
    bool acceptValidLines = false;
    // Overwrite a key whose id is already in the store with a different type or secret.
    bool replaceExisting = false;
};

// Chronoscope's own key store: one private (0600) file in chrony key-file format, so it can be
// handed to chronyd as it is, with "#@" comment lines for labels and server assignments.
// Optionally the secrets live in the system keyring instead (KeyringVault) and the file keeps
// only "#@keyring ID TYPE" references; when the keyring fails, the 0600 file is the fallback.
class KeyStore
{
public:
    // `path` empty: defaultPath().
    explicit KeyStore(QString path = {});

    // $CHRONOSCOPE_KEY_STORE if set, else <generic config dir>/chronoscope/keys
    // (~/.config/chronoscope/keys on Linux), shared by the GUI and the CLI.
    static QString defaultPath();
    QString path() const { return m_path; }

    // Reads the store. A missing file is an empty store. Refuses a file others can read, and
    // one with invalid lines (file:line in the message): our own file must be clean.
    std::optional<Error> load();
    // Writes the store atomically with mode 0600 (and the secrets to the keyring when enabled).
    std::optional<Error> save();
    // Set by save() when the keyring was wanted but failed and the file took the secrets.
    QString lastWarning() const { return m_lastWarning; }

    // Keep secrets in the system keyring from the next save() on.
    void setUseKeyring(bool use) { m_useKeyring = use; }
    bool usesKeyring() const { return m_useKeyring; }

    const QList<SymmetricKey> &keys() const { return m_keys; }
    bool isEmpty() const { return m_keys.isEmpty(); }
    const SymmetricKey *find(std::uint32_t id) const;
    // Adds a valid key with an unused id; the error names the conflict.
    std::optional<Error> add(SymmetricKey key);
    // Replaces the key with the same id (label, servers, type, secret).
    std::optional<Error> update(const SymmetricKey &key);
    bool remove(std::uint32_t id);
    // The smallest unused id (MIN_KEY_ID..MAX_KEY_ID), 0 when every id is taken.
    std::uint32_t nextFreeId() const;

    // The key assigned to `server` (compared with each key's servers list, case-insensitively;
    // "host" matches "host:123"), or nullptr.
    const SymmetricKey *keyForServer(const QString &server) const;

    // Merges the keys of a parsed file under `policy`. Fails, importing nothing, when the file
    // has invalid lines (unless accepted) or an id conflict (unless replacing).
    Result<ImportSummary> importKeys(const KeyFileContents &contents, const ImportPolicy &policy);

private:
    QString m_path;
    QList<SymmetricKey> m_keys;
    QSet<std::uint32_t> m_inKeyring;   // ids whose secret the keyring holds right now
    bool m_useKeyring = false;
    QString m_lastWarning;
};

} // namespace chronoscope::auth

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QList>
#include <QString>

#include "core/auth/keyfileformat.h"
#include "core/auth/symmetrickey.h"

namespace chronoscope::auth {

// One problem found in a key file. `line` is 1-based; 0 means the file as a whole.
struct KeyFileIssue
{
    int line = 0;
    QString message;   // names the offending value, never secret material
};

// A key whose secret lives in the system keyring (our own store only: a "#@keyring" line).
struct KeyringReference
{
    std::uint32_t id = 0;
    KeyType type = KeyType::Sha1;
    int line = 0;
    QString label;          // from the key's "#@key" line
    QStringList servers;
};

// Everything a key file held: the keys that parsed, and every line that did not.
struct KeyFileContents
{
    QString fileName;                       // as given, for file:line messages
    KeyFileFormat format = KeyFileFormat::Chrony;
    QList<SymmetricKey> keys;               // valid keys, in file order
    QList<KeyringReference> keyringKeys;    // secrets to fetch from the keyring
    QList<KeyFileIssue> errors;             // lines that were not read
    QList<KeyFileIssue> warnings;           // read, but worth knowing (CRLF, weak key)
    bool prefersKeyring = false;            // "#@storage keyring": secrets belong in the keyring

    bool hasErrors() const { return !errors.isEmpty(); }
    // "FILE:LINE: message" lines, one per error (or warning).
    QString describeErrors() const;
    QString describeWarnings() const;
    // The ids of the valid keys, e.g. "1, 2, 10" (for "key 7 not found" messages).
    QString keyIdList() const;
    const SymmetricKey *find(std::uint32_t id) const;
};

} // namespace chronoscope::auth

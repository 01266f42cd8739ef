// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QList>
#include <QString>
#include <QStringList>

#include "app/cli/commandspec.h"
#include "core/auth/keyfileformat.h"
#include "core/auth/keytype.h"
#include "core/result.h"

namespace chronoscope::cli {

enum class KeysAction { Generate, List, Import, Export, Delete, Help };

// `chronoscope-cli keys ACTION ...` (keysUsageText lists every option).
struct KeysOptions
{
    KeysAction action = KeysAction::Help;
    std::optional<KeysAction> helpAction;     // Help: `keys ACTION --help` (nullopt: `keys --help`)
    QString storePath;                        // --store FILE; empty: auth::KeyStore::defaultPath()
    auth::KeyType type = auth::KeyType::Aes128Cmac; // generate --type (RFC 8573 recommends AES128)
    quint32 id = 0;                           // generate --id (0: the next free one); delete ID
    QList<quint32> ids;                       // export --id ID (repeatable; empty: every key)
    QString label;                            // generate --label TEXT
    QStringList servers;                      // generate --server HOST[:PORT] (repeatable)
    QString file;                             // import FILE / export FILE ("-": standard output)
    std::optional<auth::KeyFileFormat> format; // --format chrony|ntp (import: detected when empty)
    bool acceptValidLines = false;            // import --accept-valid-lines
    bool replace = false;                     // import --replace
    bool showSecrets = false;                 // list/generate --show-secrets
    bool json = false;                        // list --json (never with secrets)
    std::optional<bool> keyring;              // --keyring / --no-keyring: where the store keeps secrets
};

// A key id option value, 1–65534; the error names the option and the value.
Result<quint32> parseKeyId(const QString &option, const QString &text);

// Parses the arguments after "keys". Errors name the offending value (exit status 2).
Result<KeysOptions> parseKeysArguments(const QStringList &arguments);

// `keys --help`: every action in one text.
QString keysUsageText();

// `keys ACTION --help`.
QString keysActionHelpText(KeysAction action);

// `keys generate`, `keys list`, `keys import`, `keys export`, `keys delete`: one builder each.
QList<CommandSpec> keysCommandSpecs();

} // namespace chronoscope::cli

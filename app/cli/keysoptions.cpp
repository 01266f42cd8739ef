// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/keysoptions.h"

#include "core/auth/symmetrickey.h"

using namespace Qt::StringLiterals;

namespace chronoscope::cli {
namespace {

std::optional<KeysAction> actionFromName(const QString &name)
{
    if (name == u"generate"_s)
        return KeysAction::Generate;
    if (name == u"list"_s)
        return KeysAction::List;
    if (name == u"import"_s)
        return KeysAction::Import;
    if (name == u"export"_s)
        return KeysAction::Export;
    if (name == u"delete"_s)
        return KeysAction::Delete;
    if (name == u"help"_s || name == u"--help"_s || name == u"-h"_s)
        return KeysAction::Help;
    return std::nullopt;
}

// Which options each action takes; anything else is a usage error naming the option.
bool applies(KeysAction action, const QString &option)
{
    if (option == u"--store"_s)
        return true;
    if (option == u"--keyring"_s || option == u"--no-keyring"_s)
        return action == KeysAction::Generate || action == KeysAction::Import || action == KeysAction::Delete;
    if (option == u"--type"_s || option == u"--label"_s || option == u"--server"_s)
        return action == KeysAction::Generate;
    if (option == u"--id"_s)
        return action == KeysAction::Generate || action == KeysAction::Export;
    if (option == u"--format"_s)
        return action == KeysAction::Import || action == KeysAction::Export;
    if (option == u"--accept-valid-lines"_s || option == u"--replace"_s)
        return action == KeysAction::Import;
    if (option == u"--show-secrets"_s)
        return action == KeysAction::List || action == KeysAction::Generate;
    if (option == u"--json"_s)
        return action == KeysAction::List;
    return false;
}

QString actionName(KeysAction action)
{
    switch (action) {
    case KeysAction::Generate: return u"generate"_s;
    case KeysAction::List: return u"list"_s;
    case KeysAction::Import: return u"import"_s;
    case KeysAction::Export: return u"export"_s;
    case KeysAction::Delete: return u"delete"_s;
    case KeysAction::Help: break;
    }
    return u"help"_s;
}

} // namespace

Result<quint32> parseKeyId(const QString &option, const QString &text)
{
    bool ok = false;
    const uint id = text.toUInt(&ok);
    if (!ok || id < auth::MIN_KEY_ID || id > auth::MAX_KEY_ID)
        return Error{u"invalid value '%1' for %2 (expected a key id %3-%4)"_s.arg(text, option)
                         .arg(auth::MIN_KEY_ID)
                         .arg(auth::MAX_KEY_ID)};
    return quint32(id);
}

Result<KeysOptions> parseKeysArguments(const QStringList &arguments)
{
    KeysOptions options;
    if (arguments.isEmpty())
        return Error{u"missing keys action (generate, list, import, export, delete); try keys --help"_s};
    const std::optional<KeysAction> action = actionFromName(arguments.first());
    if (!action)
        return Error{u"unknown keys action '%1' (expected generate, list, import, export or delete)"_s.arg(
            arguments.first())};
    options.action = *action;
    if (options.action == KeysAction::Help)
        return options;

    QStringList positional;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        QString arg = arguments.at(i);
        if (arg == u"--help"_s || arg == u"-h"_s) {
            options.action = KeysAction::Help;
            return options;
        }
        if (!arg.startsWith(u"--"_s) || arg == u"-"_s) {
            positional.append(arg);
            continue;
        }
        QString value;
        bool hasValue = false;
        if (const qsizetype eq = arg.indexOf(u'='); eq > 0) {
            value = arg.mid(eq + 1);
            arg = arg.left(eq);
            hasValue = true;
        }
        if (!applies(options.action, arg)) {
            if (arg == u"--store"_s || arg == u"--type"_s || arg == u"--label"_s || arg == u"--server"_s
                || arg == u"--id"_s || arg == u"--format"_s || arg == u"--accept-valid-lines"_s
                || arg == u"--replace"_s || arg == u"--show-secrets"_s || arg == u"--json"_s
                || arg == u"--keyring"_s || arg == u"--no-keyring"_s)
                return Error{u"option %1 does not apply to keys %2"_s.arg(arg, actionName(options.action))};
            return Error{u"unknown option '%1'"_s.arg(arg)};
        }
        const bool takesValue = arg == u"--store"_s || arg == u"--type"_s || arg == u"--label"_s
            || arg == u"--server"_s || arg == u"--id"_s || arg == u"--format"_s;
        if (takesValue && !hasValue) {
            if (i + 1 >= arguments.size())
                return Error{u"option %1 needs a value"_s.arg(arg)};
            value = arguments.at(++i);
        } else if (!takesValue && hasValue) {
            return Error{u"option %1 takes no value (got '%2')"_s.arg(arg, value)};
        }

        if (arg == u"--store"_s) {
            options.storePath = value;
        } else if (arg == u"--type"_s) {
            const std::optional<auth::KeyType> type = auth::keyTypeFromId(value);
            if (!type)
                return Error{u"invalid value '%1' for --type (expected md5, sha1, sha256, aes128 or aes256)"_s.arg(value)};
            options.type = *type;
        } else if (arg == u"--label"_s) {
            options.label = value;
        } else if (arg == u"--server"_s) {
            if (value.trimmed().isEmpty())
                return Error{u"--server needs a server name"_s};
            options.servers.append(value.trimmed());
        } else if (arg == u"--id"_s) {
            Result<quint32> id = parseKeyId(arg, value);
            if (!id)
                return id.error();
            if (options.action == KeysAction::Generate)
                options.id = *id;
            else
                options.ids.append(*id);
        } else if (arg == u"--format"_s) {
            const std::optional<auth::KeyFileFormat> format = auth::keyFileFormatFromId(value);
            if (!format)
                return Error{u"invalid value '%1' for --format (expected chrony or ntp)"_s.arg(value)};
            options.format = *format;
        } else if (arg == u"--accept-valid-lines"_s) {
            options.acceptValidLines = true;
        } else if (arg == u"--replace"_s) {
            options.replace = true;
        } else if (arg == u"--show-secrets"_s) {
            options.showSecrets = true;
        } else if (arg == u"--json"_s) {
            options.json = true;
        } else if (arg == u"--keyring"_s || arg == u"--no-keyring"_s) {
            options.keyring = arg == u"--keyring"_s;
        }
    }

    switch (options.action) {
    case KeysAction::Import:
    case KeysAction::Export:
        if (positional.size() != 1)
            return Error{u"keys %1 needs exactly one FILE%2"_s.arg(actionName(options.action),
                                                                  options.action == KeysAction::Export ? u" (or - for standard output)"_s
                                                                                                       : QString())};
        options.file = positional.first();
        break;
    case KeysAction::Delete: {
        if (positional.size() != 1)
            return Error{u"keys delete needs exactly one key ID"_s};
        Result<quint32> id = parseKeyId(u"keys delete"_s, positional.first());
        if (!id)
            return id.error();
        options.id = *id;
        break;
    }
    case KeysAction::Generate:
    case KeysAction::List:
        if (!positional.isEmpty())
            return Error{u"unexpected argument '%1' for keys %2"_s.arg(positional.first(), actionName(options.action))};
        break;
    case KeysAction::Help: break;
    }
    if (options.json && options.showSecrets)
        return Error{u"--show-secrets cannot be combined with --json: secrets never go into JSON output"_s};
    return options;
}

QString keysUsageText()
{
    return uR"(Usage:
  chronoscope-cli keys generate [--type TYPE] [--id ID] [--label TEXT] [--server HOST[:PORT]]...
                                [--show-secrets]
  chronoscope-cli keys list     [--json] [--show-secrets]
  chronoscope-cli keys import   FILE [--format chrony|ntp] [--accept-valid-lines] [--replace]
  chronoscope-cli keys export   FILE|- [--format chrony|ntp] [--id ID]...
  chronoscope-cli keys delete   ID

Keys live in Chronoscope's key store (~/.config/chronoscope/keys, mode 0600, chrony key-file
format; --store FILE or $CHRONOSCOPE_KEY_STORE chooses another). --keyring keeps the secrets in
the system keyring instead (the file then holds only references; if the keyring is unavailable
the 0600 file is used and a warning says so); --no-keyring moves them back into the file.

  generate   a new random key (OpenSSL's CSPRNG): TYPE md5, sha1, sha256, aes128 (default) or
             aes256; ID defaults to the smallest free id (1-65534); --server assigns it to a
             server, so the GUI uses it there. sha256 works with chrony and ntpsec only as a
             20-byte MAC in NTPv4, which is what Chronoscope sends.
  list       id, type, length, label and servers; the secrets only with --show-secrets (never
             in --json output).
  import     reads a chrony (ID TYPE HEX:...) or ntpd/ntpsec (ID TYPE KEY) key file, detected
             unless --format says. A file with invalid lines imports nothing: each line is
             reported as FILE:LINE: reason; --accept-valid-lines imports the valid ones anyway.
             An id already in the store with another secret is refused unless --replace.
  export     writes the keys (all, or each --id) as a key file for chronyd (--format chrony, the
             default) or ntpd/ntpsec (--format ntp) with mode 0600; - prints it instead.
  delete     removes key ID from the store.

To use a key: chronoscope-cli check --key ID SERVER (from the store), or
chronoscope-cli check --keys FILE --key ID SERVER, or SERVER,key=ID for one server.
Exit status: 0 done, 1 failed (the message says why), 2 usage error.
)"_s;
}

} // namespace chronoscope::cli

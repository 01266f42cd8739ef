// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/keysoptions.h"

#include "app/cli/commandspecs.h"
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


QCommandLineOption storeOption()
{
    return QCommandLineOption(u"store"_s, u"the key store file (default ~/.config/chronoscope/keys or $CHRONOSCOPE_KEY_STORE)"_s,
                              u"FILE"_s);
}

QList<QCommandLineOption> keyringOptions()
{
    return {QCommandLineOption(u"keyring"_s, u"keep the secrets in the system keyring (the file then holds references)"_s),
            QCommandLineOption(u"no-keyring"_s, u"keep the secrets in the 0600 store file"_s)};
}

QCommandLineOption formatOption(const QString &description)
{
    return QCommandLineOption(u"format"_s, description, u"chrony|ntp"_s);
}

QCommandLineOption showSecretsOption()
{
    return QCommandLineOption(u"show-secrets"_s, u"print the secrets as well"_s);
}

CommandSpec generateSpec()
{
    CommandSpec spec;
    spec.name = u"keys generate"_s;
    spec.synopsis = u"[--type TYPE] [--id ID] [--label TEXT] [--server HOST[:PORT]]... [options]"_s;
    spec.summary = u"Generate a new random key (OpenSSL's CSPRNG) and add it to the key store."_s;
    spec.options = {storeOption(),
                    QCommandLineOption(u"type"_s, u"md5, sha1, sha256, aes128 (default) or aes256"_s, u"TYPE"_s),
                    QCommandLineOption(u"id"_s, u"the key id, 1-65534 (default: the smallest free one)"_s, u"ID"_s),
                    QCommandLineOption(u"label"_s, u"a label shown by keys list"_s, u"TEXT"_s),
                    QCommandLineOption(u"server"_s, u"assign the key to this server, so the GUI uses it there (repeatable)"_s,
                                       u"HOST[:PORT]"_s),
                    showSecretsOption()};
    spec.options += keyringOptions();
    spec.details = u"sha256 works with chrony and ntpsec only as a 20-byte MAC in NTPv4, which is what Chronoscope sends.\n"_s;
    return spec;
}

CommandSpec listSpec()
{
    CommandSpec spec;
    spec.name = u"keys list"_s;
    spec.synopsis = u"[--json] [--show-secrets] [options]"_s;
    spec.summary = u"List the keys: id, type, length, label and servers."_s;
    spec.options = {storeOption(), QCommandLineOption(u"json"_s, u"one JSON document (never with secrets)"_s),
                    showSecretsOption()};
    return spec;
}

CommandSpec importSpec()
{
    CommandSpec spec;
    spec.name = u"keys import"_s;
    spec.synopsis = u"[--format chrony|ntp] [--accept-valid-lines] [--replace] [options] FILE"_s;
    spec.summary = u"Import a chrony (ID TYPE HEX:...) or ntpd/ntpsec (ID TYPE KEY) key file."_s;
    spec.arguments = {{u"FILE"_s, u"the key file to read"_s}};
    spec.options = {storeOption(), formatOption(u"the file's format (default: detected)"_s),
                    QCommandLineOption(u"accept-valid-lines"_s, u"import the valid lines of a file with invalid ones"_s),
                    QCommandLineOption(u"replace"_s, u"replace a key whose id is already in the store with another secret"_s)};
    spec.options += keyringOptions();
    spec.details = u"A file with invalid lines imports nothing: each line is reported as FILE:LINE: reason.\n"_s;
    return spec;
}

CommandSpec exportSpec()
{
    CommandSpec spec;
    spec.name = u"keys export"_s;
    spec.synopsis = u"[--format chrony|ntp] [--id ID]... [options] FILE|-"_s;
    spec.summary = u"Write the keys as a key file for chronyd or ntpd/ntpsec with mode 0600."_s;
    spec.arguments = {{u"FILE"_s, u"the key file to write; - prints it instead"_s}};
    spec.options = {storeOption(), formatOption(u"chrony (default) or ntp (ntpd/ntpsec)"_s),
                    QCommandLineOption(u"id"_s, u"export this key only (repeatable; default: every key)"_s, u"ID"_s)};
    return spec;
}

CommandSpec deleteSpec()
{
    CommandSpec spec;
    spec.name = u"keys delete"_s;
    spec.synopsis = u"[options] ID"_s;
    spec.summary = u"Remove a key from the key store."_s;
    spec.arguments = {{u"ID"_s, u"the key id, 1-65534"_s}};
    spec.options = {storeOption()};
    spec.options += keyringOptions();
    return spec;
}

CommandSpec keysActionSpec(KeysAction action)
{
    switch (action) {
    case KeysAction::Generate: return generateSpec();
    case KeysAction::List: return listSpec();
    case KeysAction::Import: return importSpec();
    case KeysAction::Export: return exportSpec();
    case KeysAction::Delete: return deleteSpec();
    case KeysAction::Help: break;
    }
    return {};
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

    const CommandSpec spec = keysActionSpec(options.action);
    QCommandLineParser parser;
    const Result<ParsedCommand> parsed = parseCommand(spec, arguments.mid(1), &parser, allCommandSpecs());
    if (!parsed)
        return parsed.error();
    if (parsed->help) {
        options.helpAction = options.action;
        options.action = KeysAction::Help;
        return options;
    }
    const auto given = [&](const QString &name) { return spec.hasOption(name) && parser.isSet(name); };
    options.storePath = parser.value(u"store"_s);
    if (given(u"type"_s)) {
        const QString value = parser.value(u"type"_s);
        const std::optional<auth::KeyType> type = auth::keyTypeFromId(value);
        if (!type)
            return Error{u"invalid value '%1' for --type (expected md5, sha1, sha256, aes128 or aes256)"_s.arg(value)};
        options.type = *type;
    }
    if (given(u"label"_s))
        options.label = parser.value(u"label"_s);
    if (given(u"server"_s)) {
        for (const QString &value : parser.values(u"server"_s)) {
            if (value.trimmed().isEmpty())
                return Error{u"--server needs a server name"_s};
            options.servers.append(value.trimmed());
        }
    }
    if (given(u"id"_s)) {
        for (const QString &value : parser.values(u"id"_s)) {
            Result<quint32> id = parseKeyId(u"--id"_s, value);
            if (!id)
                return id.error();
            if (options.action == KeysAction::Generate)
                options.id = *id;
            else
                options.ids.append(*id);
        }
    }
    if (given(u"format"_s)) {
        const QString value = parser.value(u"format"_s);
        const std::optional<auth::KeyFileFormat> format = auth::keyFileFormatFromId(value);
        if (!format)
            return Error{u"invalid value '%1' for --format (expected chrony or ntp)"_s.arg(value)};
        options.format = *format;
    }
    options.acceptValidLines = given(u"accept-valid-lines"_s);
    options.replace = given(u"replace"_s);
    options.showSecrets = given(u"show-secrets"_s);
    options.json = given(u"json"_s);
    for (const auto &[option, value] : parsed->ordered) {   // the last of --keyring/--no-keyring counts
        if (option == u"keyring"_s || option == u"no-keyring"_s)
            options.keyring = option == u"keyring"_s;
    }

    const QStringList &positional = parsed->positional;
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

QString keysActionHelpText(KeysAction action)
{
    return action == KeysAction::Help ? keysUsageText() : commandHelpText(keysActionSpec(action));
}

QList<CommandSpec> keysCommandSpecs()
{
    return {keysActionSpec(KeysAction::Generate), keysActionSpec(KeysAction::List), keysActionSpec(KeysAction::Import),
            keysActionSpec(KeysAction::Export), keysActionSpec(KeysAction::Delete)};
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

'chronoscope-cli keys ACTION --help' shows the options of one action.
To use a key: chronoscope-cli check --key ID SERVER (from the store), or
chronoscope-cli check --keys FILE --key ID SERVER, or SERVER,key=ID for one server.
Exit status: 0 done, 1 failed (the message says why), 2 usage error.
)"_s;
}

} // namespace chronoscope::cli

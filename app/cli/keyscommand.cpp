// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/keyscommand.h"

#include <cstdio>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>

#include "app/cli/coredumpexclusion.h"
#include "core/auth/keyfileio.h"
#include "core/auth/keyfilewriter.h"
#include "core/auth/keygenerator.h"
#include "core/auth/keystore.h"
#include "core/auth/secretbytes.h"

using namespace Qt::StringLiterals;

namespace chronoscope::cli {
namespace {

void out(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

int fail(const QString &message)
{
    std::fprintf(stderr, "chronoscope-cli: %s\n", qPrintable(message));
    return 1;
}

void warn(const QString &message)
{
    for (const QString &line : message.split(u'\n'))
        std::fprintf(stderr, "chronoscope-cli: warning: %s\n", qPrintable(line));
}

int save(auth::KeyStore &store)
{
    if (std::optional<Error> failed = store.save())
        return fail(failed->message);
    if (!store.lastWarning().isEmpty())
        warn(store.lastWarning());
    return 0;
}

QString pad(const QString &text, int width)
{
    return text.leftJustified(width);
}

int generate(auth::KeyStore &store, const KeysOptions &options)
{
    const quint32 id = options.id != 0 ? options.id : store.nextFreeId();
    if (id == 0)
        return fail(u"every key id (1-65534) is in use"_s);
    if (store.find(id))
        return fail(u"key id %1 is already in use in %2 (choose another --id, or delete it first)"_s.arg(id).arg(
            store.path()));
    Result<auth::SymmetricKey> key = auth::generateKey(id, options.type);
    if (!key)
        return fail(key.errorMessage());
    key.value().label = options.label;
    key.value().servers = options.servers;
    if (std::optional<Error> failed = store.add(*key))
        return fail(failed->message);
    if (const int status = save(store); status != 0)
        return status;
    out(u"Generated key %1 (%2, %3 bytes) in %4.\n"_s.arg(id)
            .arg(auth::chronyTypeName(key->type))
            .arg(key->secret.size())
            .arg(store.path()));
    if (auth::hasInteropCaveat(key->type))
        out(u"Note: SHA256 interoperates only as a 20-byte MAC in NTPv4 (chrony and ntpsec accept that form).\n"_s);
    if (options.showSecrets) {
        out(u"chrony.keys line: %1\n"_s.arg(*auth::keyFileLine(*key, auth::KeyFileFormat::Chrony)));
        if (const Result<QString> ntp = auth::keyFileLine(*key, auth::KeyFileFormat::Ntp))
            out(u"ntp.keys line:    %1\n"_s.arg(*ntp));
    }
    out(u"Give the server the key: chronoscope-cli keys export --id %1 FILE (then 'keyfile FILE' in chrony.conf).\n"
        u"Use it: chronoscope-cli check --key %1 SERVER\n"_s.arg(id));
    return 0;
}

int list(const auth::KeyStore &store, const KeysOptions &options)
{
    if (options.json) {
        QJsonArray keys;
        for (const auth::SymmetricKey &key : store.keys()) {
            keys.append(QJsonObject{{u"id"_s, qint64(key.id)},
                                    {u"type"_s, auth::keyTypeId(key.type)},
                                    {u"bytes"_s, qint64(key.secret.size())},
                                    {u"label"_s, key.label.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(key.label)},
                                    {u"servers"_s, QJsonArray::fromStringList(key.servers)}});
        }
        const QJsonObject document{{u"version"_s, 1},
                                   {u"store"_s, store.path()},
                                   {u"keyring"_s, store.usesKeyring()},
                                   {u"keys"_s, keys}};
        out(QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Indented)));
        return 0;
    }
    if (store.isEmpty()) {
        out(u"No keys in %1. Create one with: chronoscope-cli keys generate\n"_s.arg(store.path()));
        return 0;
    }
    out(u"Keys in %1%2:\n"_s.arg(store.path(), store.usesKeyring() ? u" (secrets in the system keyring)"_s : QString()));
    out(pad(u"ID"_s, 7) + pad(u"Type"_s, 8) + pad(u"Bytes"_s, 7) + pad(u"Label"_s, 20) + u"Servers"_s
        + (options.showSecrets ? u"  Secret"_s : QString()) + u"\n"_s);
    for (const auth::SymmetricKey &key : store.keys()) {
        QString line = pad(QString::number(key.id), 7) + pad(auth::chronyTypeName(key.type), 8)
            + pad(QString::number(key.secret.size()), 7) + pad(key.label.isEmpty() ? u"-"_s : key.label, 20)
            + (key.servers.isEmpty() ? u"-"_s : key.servers.join(u", "_s));
        if (options.showSecrets)
            line += u"  "_s + auth::secretAsChronyHex(key);
        out(line + u"\n"_s);
    }
    if (!options.showSecrets)
        out(u"(secrets hidden; --show-secrets prints them)\n"_s);
    return 0;
}

int import(auth::KeyStore &store, const KeysOptions &options)
{
    const Result<auth::KeyFileContents> contents = auth::readKeyFile(options.file, options.format, false);
    if (!contents)
        return fail(contents.errorMessage());
    if (auth::checkPrivatePermissions(options.file))
        warn(u"%1 is readable by group or others (mode %2): other users may know these keys"_s.arg(
            options.file, auth::permissionText(options.file)));
    if (!contents->warnings.isEmpty())
        warn(contents->describeWarnings());
    auth::ImportPolicy policy;
    policy.acceptValidLines = options.acceptValidLines;
    policy.replaceExisting = options.replace;
    const Result<auth::ImportSummary> summary = store.importKeys(*contents, policy);
    if (!summary) {
        QString message = summary.errorMessage();
        if (contents->hasErrors() && !options.acceptValidLines && !contents->keys.isEmpty())
            message += u"\n--accept-valid-lines imports the %1 valid key(s) (%2) anyway"_s.arg(contents->keys.size())
                           .arg(contents->keyIdList());
        return fail(message);
    }
    if (contents->hasErrors())
        warn(u"skipped invalid lines:\n"_s + contents->describeErrors());
    if (const int status = save(store); status != 0)
        return status;
    out(u"Imported %1 key(s) from %2 (%3 format) into %4: %5 new, %6 replaced, %7 already there%8.\n"_s
            .arg(summary->added + summary->replaced + summary->unchanged)
            .arg(options.file, auth::keyFileFormatId(contents->format), store.path())
            .arg(summary->added)
            .arg(summary->replaced)
            .arg(summary->unchanged)
            .arg(summary->skippedLines > 0 ? u", %1 invalid line(s) skipped"_s.arg(summary->skippedLines) : QString()));
    return 0;
}

int exportKeys(const auth::KeyStore &store, const KeysOptions &options)
{
    QList<auth::SymmetricKey> keys;
    if (options.ids.isEmpty()) {
        keys = store.keys();
    } else {
        for (quint32 id : options.ids) {
            const auth::SymmetricKey *key = store.find(id);
            if (!key)
                return fail(u"key %1 is not in %2"_s.arg(id).arg(store.path()));
            keys.append(*key);
        }
    }
    if (keys.isEmpty())
        return fail(u"there are no keys to export in %1"_s.arg(store.path()));
    const auth::KeyFileFormat format = options.format.value_or(auth::KeyFileFormat::Chrony);
    Result<QByteArray> data = auth::writeKeyFile(keys, format);
    if (!data)
        return fail(data.errorMessage());
    const auto wipe = qScopeGuard([&data] { auth::wipeBuffer(data.value()); }); // the key file text holds every secret
    if (options.file == u"-"_s) {
        std::fwrite(data->constData(), 1, size_t(data->size()), stdout);
        std::fflush(stdout);
        return 0;
    }
    if (std::optional<Error> failed = auth::writePrivateFile(options.file, *data))
        return fail(failed->message);
    out(u"Exported %1 key(s) to %2 (%3 format, mode 0600).\n"_s.arg(keys.size()).arg(options.file,
                                                                                     auth::keyFileFormatId(format)));
    return 0;
}

int remove(auth::KeyStore &store, const KeysOptions &options)
{
    if (!store.remove(options.id))
        return fail(u"key %1 is not in %2"_s.arg(options.id).arg(store.path()));
    if (const int status = save(store); status != 0)
        return status;
    out(u"Deleted key %1 from %2.\n"_s.arg(options.id).arg(store.path()));
    return 0;
}

} // namespace

int runKeys(const KeysOptions &options)
{
    if (options.action == KeysAction::Help) {
        out(options.helpAction ? keysActionHelpText(*options.helpAction) : keysUsageText());
        return 0;
    }
    if (!excludeFromCoreDumps())
        warn(u"cannot keep this process out of core dumps; key material could end up in one"_s);
    auth::KeyStore store(options.storePath);
    if (std::optional<Error> failed = store.load())
        return fail(failed->message);
    if (options.keyring)
        store.setUseKeyring(*options.keyring);
    switch (options.action) {
    case KeysAction::Generate: return generate(store, options);
    case KeysAction::List: return list(store, options);
    case KeysAction::Import: return import(store, options);
    case KeysAction::Export: return exportKeys(store, options);
    case KeysAction::Delete: return remove(store, options);
    case KeysAction::Help: break;
    }
    return 2;
}

} // namespace chronoscope::cli

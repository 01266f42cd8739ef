// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/keystore.h"

#include <algorithm>

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStandardPaths>

#include "core/auth/keyfileio.h"
#include "core/auth/keyfileparser.h"
#include "core/auth/keyfilewriter.h"
#include "core/auth/keyringvault.h"
#include "core/config/corruptcopy.h"

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcKeyStore, "chronoscope.core.keystore", QtWarningMsg)

namespace chronoscope::auth {
namespace {

QString normalisedServer(const QString &server)
{
    QString s = server.trimmed().toLower();
    if (s.endsWith(u":123"_s) && s.count(u':') == 1)
        s.chop(4);
    else if (s.startsWith(u'[') && s.endsWith(u"]:123"_s))
        s = s.mid(1, s.size() - 6);
    return s;
}

} // namespace

KeyStore::KeyStore(QString path) : m_path(path.isEmpty() ? defaultPath() : std::move(path)) { }

QString KeyStore::defaultPath()
{
    const QString fromEnv = qEnvironmentVariable("CHRONOSCOPE_KEY_STORE");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + u"/chronoscope/keys"_s;
}

std::optional<Error> KeyStore::load()
{
    m_keys.clear();
    m_inKeyring.clear();
    if (!QFileInfo::exists(m_path))
        return std::nullopt;
    Result<KeyFileContents> read = readKeyFile(m_path, KeyFileFormat::Chrony, true);
    if (!read)
        return read.error();
    const KeyFileContents &contents = *read;
    if (contents.hasErrors()) {
        // Kept aside (mode 0600 like the store) before a later save() replaces it.
        const Result<QString> copy = config::keepCorruptCopy(m_path);
        const QString kept = copy ? u"a copy of the damaged file was kept as %1"_s.arg(*copy) : copy.errorMessage();
        return Error{u"the key store %1 has invalid lines (%2):\n"_s.arg(m_path, kept) + contents.describeErrors()};
    }
    m_keys = contents.keys;
    m_useKeyring = contents.prefersKeyring;
    const KeyringVault vault(m_path);
    for (const KeyringReference &ref : contents.keyringKeys) {
        Result<SecretBytes> secret = vault.read(ref.id);
        if (!secret)
            return Error{u"%1:%2: %3"_s.arg(m_path).arg(ref.line).arg(secret.errorMessage())};
        SymmetricKey key;
        key.id = ref.id;
        key.type = ref.type;
        key.label = ref.label;
        key.servers = ref.servers;
        key.secret = std::move(secret).value();
        if (std::optional<Error> invalid = validateKey(key))
            return Error{u"%1:%2: the keyring's %3"_s.arg(m_path).arg(ref.line).arg(invalid->message)};
        m_keys.append(std::move(key));
        m_inKeyring.insert(ref.id);
    }
    std::sort(m_keys.begin(), m_keys.end(), [](const SymmetricKey &a, const SymmetricKey &b) { return a.id < b.id; });
    return std::nullopt;
}

std::optional<Error> KeyStore::save()
{
    m_lastWarning.clear();
    const KeyringVault vault(m_path);
    QSet<std::uint32_t> nowInKeyring;
    QList<SymmetricKey> inFile = m_keys;
    if (m_useKeyring) {
        for (const SymmetricKey &key : std::as_const(m_keys)) {
            if (std::optional<Error> failed = vault.write(key.id, key.secret)) {
                m_lastWarning = u"the system keyring is not available (%1); the secrets were saved in %2 (mode "
                                u"0600) instead"_s.arg(failed->message, m_path);
                nowInKeyring.clear();
                break;
            }
            nowInKeyring.insert(key.id);
        }
        if (m_lastWarning.isEmpty())
            inFile.clear();
    }

    Result<QByteArray> body = writeKeyFile(inFile, KeyFileFormat::Chrony, true);
    if (!body)
        return body.error();
    // Appending must not leave a copy behind: room first, then the secrets (growing the body's
    // own buffer could move it and leave the old one unwiped).
    QByteArray data;
    data.reserve(body->size() + m_keys.size() * 512 + 64);
    data.append(body->constData(), body->size());
    wipeBuffer(body.value());
    if (m_useKeyring)
        data += "#@storage keyring\n";
    for (const SymmetricKey &key : std::as_const(m_keys)) {
        if (!nowInKeyring.contains(key.id))
            continue;
        if (const QString meta = metadataLine(key); !meta.isEmpty())
            data += meta.toUtf8() + '\n';
        data += u"#@keyring %1 %2\n"_s.arg(key.id).arg(chronyTypeName(key.type)).toUtf8();
    }
    std::optional<Error> notWritten = writePrivateFile(m_path, data);
    wipeBuffer(data);
    wipeStackBelowCaller();
    if (notWritten)
        return notWritten;

    // Secrets that left the keyring (deleted keys, or moved back into the file).
    for (std::uint32_t id : std::as_const(m_inKeyring)) {
        if (!nowInKeyring.contains(id)) {
            if (std::optional<Error> failed = vault.remove(id))
                qCWarning(lcKeyStore) << "could not delete key" << id << "from the keyring:" << failed->message;
        }
    }
    m_inKeyring = nowInKeyring;
    return std::nullopt;
}

const SymmetricKey *KeyStore::find(std::uint32_t id) const
{
    const auto it = std::find_if(m_keys.cbegin(), m_keys.cend(), [id](const SymmetricKey &k) { return k.id == id; });
    return it == m_keys.cend() ? nullptr : &*it;
}

namespace {

// The store keeps a key's label and servers on one "#@key" line, which its reader accepts only
// up to MAX_KEY_FILE_LINE characters: a longer one would make the whole store unreadable.
std::optional<Error> checkMetadataLength(const SymmetricKey &key)
{
    const qsizetype length = metadataLine(key).size();
    if (length <= MAX_KEY_FILE_LINE)
        return std::nullopt;
    return Error{u"key %1: the label and servers are too long (%2 characters in the key file, at most %3)"_s
                     .arg(key.id).arg(length).arg(MAX_KEY_FILE_LINE)};
}

} // namespace

std::optional<Error> KeyStore::add(SymmetricKey key)
{
    if (std::optional<Error> invalid = validateKey(key))
        return invalid;
    if (std::optional<Error> tooLong = checkMetadataLength(key))
        return tooLong;
    if (find(key.id))
        return Error{u"key id %1 is already in use"_s.arg(key.id)};
    const auto at = std::lower_bound(m_keys.begin(), m_keys.end(), key.id,
                                     [](const SymmetricKey &k, std::uint32_t id) { return k.id < id; });
    m_keys.insert(at, std::move(key));
    return std::nullopt;
}

std::optional<Error> KeyStore::update(const SymmetricKey &key)
{
    if (std::optional<Error> invalid = validateKey(key))
        return invalid;
    if (std::optional<Error> tooLong = checkMetadataLength(key))
        return tooLong;
    for (SymmetricKey &existing : m_keys) {
        if (existing.id == key.id) {
            existing = key;
            return std::nullopt;
        }
    }
    return Error{u"there is no key %1 to change"_s.arg(key.id)};
}

bool KeyStore::remove(std::uint32_t id)
{
    return m_keys.removeIf([id](const SymmetricKey &k) { return k.id == id; }) > 0;
}

std::uint32_t KeyStore::nextFreeId() const
{
    std::uint32_t candidate = MIN_KEY_ID;
    for (const SymmetricKey &key : m_keys) { // sorted by id
        if (key.id == candidate)
            ++candidate;
        else if (key.id > candidate)
            break;
    }
    return candidate <= MAX_KEY_ID ? candidate : 0;
}

const SymmetricKey *KeyStore::keyForServer(const QString &server) const
{
    const QString wanted = normalisedServer(server);
    for (const SymmetricKey &key : m_keys) {
        for (const QString &assigned : key.servers) {
            if (normalisedServer(assigned) == wanted)
                return &key;
        }
    }
    return nullptr;
}

Result<ImportSummary> KeyStore::importKeys(const KeyFileContents &contents, const ImportPolicy &policy)
{
    ImportSummary summary;
    if (contents.hasErrors() && !policy.acceptValidLines)
        return Error{u"nothing was imported: %1 has %2 invalid line(s):\n%3"_s.arg(contents.fileName)
                         .arg(contents.errors.size())
                         .arg(contents.describeErrors())};
    summary.skippedLines = int(contents.errors.size());
    // Check every conflict before changing anything, so a refused import changes nothing.
    for (const SymmetricKey &key : contents.keys) {
        const SymmetricKey *existing = find(key.id);
        const bool same = existing && existing->type == key.type && existing->secret == key.secret;
        if (existing && !same && !policy.replaceExisting)
            return Error{u"nothing was imported: key %1 is already in the store with a different %2"_s.arg(key.id).arg(
                existing->type != key.type ? u"type"_s : u"secret"_s)};
    }
    for (const SymmetricKey &key : contents.keys) {
        SymmetricKey *existing = nullptr;
        for (SymmetricKey &k : m_keys) {
            if (k.id == key.id)
                existing = &k;
        }
        if (!existing) {
            add(key);
            ++summary.added;
        } else if (existing->type == key.type && existing->secret == key.secret) {
            if (existing->label.isEmpty())
                existing->label = key.label;
            for (const QString &server : key.servers) {
                if (!existing->servers.contains(server))
                    existing->servers.append(server);
            }
            ++summary.unchanged;
        } else {
            *existing = key;
            ++summary.replaced;
        }
    }
    return summary;
}

} // namespace chronoscope::auth

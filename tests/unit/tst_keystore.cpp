// SPDX-License-Identifier: GPL-3.0-or-later
// The key store: add/remove/assign, save and load through the private file, imports that refuse
// files with errors unless the valid lines are accepted, id conflicts.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "core/auth/keyfileio.h"
#include "core/auth/keyfileparser.h"
#include "core/auth/keygenerator.h"
#include "core/auth/keystore.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::auth;

namespace {

SymmetricKey makeKey(std::uint32_t id, KeyType type, const QByteArray &secret)
{
    SymmetricKey key;
    key.id = id;
    key.type = type;
    key.secret = SecretBytes(secret);
    return key;
}

} // namespace

class TestKeyStore : public QObject
{
    Q_OBJECT

private slots:
    void missingFileIsAnEmptyStore();
    void saveAndLoad();
    void refusesReadableStore();
    void refusesStoreWithInvalidLines();
    void addRemoveAndIds();
    void keyForServer();
    void importRefusesFileWithErrors();
    void importAcceptsValidLinesWhenAsked();
    void importConflicts();
    void keyringFallsBackToTheFile();
    void defaultPathHonoursEnvironment();
};

void TestKeyStore::missingFileIsAnEmptyStore()
{
    QTemporaryDir dir;
    KeyStore store(dir.filePath(u"keys"_s));
    QVERIFY(!store.load().has_value());
    QVERIFY(store.isEmpty());
    QCOMPARE(store.nextFreeId(), 1u);
}

void TestKeyStore::saveAndLoad()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"conf/chronoscope/keys"_s);
    KeyStore store(path);
    for (KeyType type : ALL_KEY_TYPES) {
        const auto key = generateKey(store.nextFreeId(), type);
        QVERIFY(key.ok());
        QVERIFY(!store.add(*key).has_value());
    }
    SymmetricKey labelled = *store.find(2);
    labelled.label = u"office"_s;
    labelled.servers = {u"127.0.0.1:11123"_s};
    QVERIFY(!store.update(labelled).has_value());
    QVERIFY(!store.save().has_value());
    QVERIFY(store.lastWarning().isEmpty());
    QVERIFY(!checkPrivatePermissions(path).has_value());

    KeyStore reloaded(path);
    QVERIFY(!reloaded.load().has_value());
    QCOMPARE(reloaded.keys(), store.keys());
    QCOMPARE(reloaded.find(2)->label, u"office"_s);

    // The store file is a valid chrony key file as it stands (labels are comments to chronyd).
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    const KeyFileContents asChrony = parseKeyFile(text, path, KeyFileFormat::Chrony);
    QVERIFY(!asChrony.hasErrors());
    QCOMPARE(asChrony.keys.size(), 5);
    for (const QByteArray &line : text.split('\n')) {
        if (!line.startsWith('#') && !line.isEmpty())
            QVERIFY2(line.contains(" HEX:"), line.constData());
    }
}

void TestKeyStore::refusesReadableStore()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"keys"_s);
    KeyStore store(path);
    QVERIFY(!store.add(makeKey(1, KeyType::Sha1, QByteArray(20, 'k'))).has_value());
    QVERIFY(!store.save().has_value());
    QVERIFY(QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::ReadGroup));
    KeyStore reloaded(path);
    const auto error = reloaded.load();
    QVERIFY(error.has_value());
    QVERIFY2(error->message.contains(u"refusing to use"_s) && error->message.contains(u"0640"_s),
             qPrintable(error->message));
    QVERIFY(reloaded.isEmpty());
}

void TestKeyStore::refusesStoreWithInvalidLines()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"keys"_s);
    QVERIFY(!writePrivateFile(path, "1 SHA1 HEX:933F62BE1D604E68A81B557F18CFA200483F5B70\n2 SHA1 HEX:123\n").has_value());
    KeyStore store(path);
    const auto error = store.load();
    QVERIFY(error.has_value());
    QVERIFY2(error->message.contains(path + u":2: "_s), qPrintable(error->message));
}

void TestKeyStore::addRemoveAndIds()
{
    KeyStore store(u"/nonexistent/keys"_s);
    QVERIFY(!store.add(makeKey(1, KeyType::Md5, "0123456789ab")).has_value());
    QVERIFY(!store.add(makeKey(3, KeyType::Md5, "0123456789ab")).has_value());
    QCOMPARE(store.nextFreeId(), 2u);
    const auto duplicate = store.add(makeKey(3, KeyType::Sha1, "0123456789ab"));
    QVERIFY(duplicate.has_value());
    QVERIFY(duplicate->message.contains(u"key id 3 is already in use"_s));
    const auto invalid = store.add(makeKey(4, KeyType::Aes128Cmac, "short"));
    QVERIFY(invalid.has_value());
    QVERIFY(invalid->message.contains(u"16-byte key"_s));
    QVERIFY(store.add(makeKey(0, KeyType::Md5, "0123456789ab")).has_value());
    QVERIFY(store.remove(1));
    QVERIFY(!store.remove(1));
    QCOMPARE(store.nextFreeId(), 1u);
    QCOMPARE(store.keys().size(), 1);
}

void TestKeyStore::keyForServer()
{
    KeyStore store(u"/nonexistent/keys"_s);
    SymmetricKey a = makeKey(5, KeyType::Sha1, QByteArray(20, 'a'));
    a.servers = {u"ntp.example.org"_s, u"127.0.0.1:11123"_s};
    SymmetricKey b = makeKey(6, KeyType::Aes128Cmac, QByteArray(16, 'b'));
    b.servers = {u"[::1]:123"_s};
    QVERIFY(!store.add(a).has_value());
    QVERIFY(!store.add(b).has_value());
    QCOMPARE(store.keyForServer(u"NTP.example.org"_s)->id, 5u);
    QCOMPARE(store.keyForServer(u"ntp.example.org:123"_s)->id, 5u);
    QCOMPARE(store.keyForServer(u"127.0.0.1:11123"_s)->id, 5u);
    QCOMPARE(store.keyForServer(u"::1"_s)->id, 6u);
    QVERIFY(!store.keyForServer(u"127.0.0.1"_s));
}

void TestKeyStore::importRefusesFileWithErrors()
{
    KeyStore store(u"/nonexistent/keys"_s);
    const KeyFileContents contents = parseKeyFile("1 SHA1 HEX:933F62BE1D604E68A81B557F18CFA200483F5B70\n2 SHA9 HEX:00\n",
                                                  u"in.keys"_s, KeyFileFormat::Chrony);
    const auto result = store.importKeys(contents, {});
    QVERIFY(!result.ok());
    QVERIFY2(result.errorMessage().contains(u"nothing was imported"_s)
                 && result.errorMessage().contains(u"in.keys:2: unsupported key type 'SHA9'"_s),
             qPrintable(result.errorMessage()));
    QVERIFY(store.isEmpty());
}

void TestKeyStore::importAcceptsValidLinesWhenAsked()
{
    KeyStore store(u"/nonexistent/keys"_s);
    const KeyFileContents contents = parseKeyFile("1 SHA1 HEX:933F62BE1D604E68A81B557F18CFA200483F5B70\n2 SHA9 HEX:00\n",
                                                  u"in.keys"_s, KeyFileFormat::Chrony);
    ImportPolicy policy;
    policy.acceptValidLines = true;
    const auto result = store.importKeys(contents, policy);
    QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
    QCOMPARE(result->added, 1);
    QCOMPARE(result->skippedLines, 1);
    QCOMPARE(store.keys().size(), 1);
}

void TestKeyStore::importConflicts()
{
    KeyStore store(u"/nonexistent/keys"_s);
    QVERIFY(!store.add(makeKey(1, KeyType::Sha1, QByteArray(20, 'a'))).has_value());
    QVERIFY(!store.add(makeKey(2, KeyType::Sha1, QByteArray(20, 'b'))).has_value());
    const QByteArray text = "1 SHA1 HEX:" + QByteArray(20, 'a').toHex() + "\n"   // same: unchanged
                            "2 SHA1 HEX:" + QByteArray(20, 'c').toHex() + "\n"   // different secret
                            "3 AES128 HEX:" + QByteArray(16, 'd').toHex() + "\n"; // new
    const KeyFileContents contents = parseKeyFile(text, u"in"_s, KeyFileFormat::Chrony);
    const auto refused = store.importKeys(contents, {});
    QVERIFY(!refused.ok());
    QVERIFY2(refused.errorMessage().contains(u"key 2 is already in the store with a different secret"_s),
             qPrintable(refused.errorMessage()));
    QCOMPARE(store.keys().size(), 2); // nothing changed
    QCOMPARE(store.find(2)->secret.reveal(), QByteArray(20, 'b'));

    ImportPolicy replace;
    replace.replaceExisting = true;
    const auto result = store.importKeys(contents, replace);
    QVERIFY(result.ok());
    QCOMPARE(result->added, 1);
    QCOMPARE(result->replaced, 1);
    QCOMPARE(result->unchanged, 1);
    QCOMPARE(store.find(2)->secret.reveal(), QByteArray(20, 'c'));
    QCOMPARE(store.find(3)->type, KeyType::Aes128Cmac);
}

void TestKeyStore::keyringFallsBackToTheFile()
{
    // No secret service runs in this test's environment (the keyring test starts its own), so
    // asking for the keyring must fall back to the 0600 file and say so, never lose a key.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/chronoscope-test-bus");
    QTemporaryDir dir;
    const QString path = dir.filePath(u"keys"_s);
    KeyStore store(path);
    QVERIFY(!store.add(makeKey(7, KeyType::Aes128Cmac, QByteArray(16, 'z'))).has_value());
    store.setUseKeyring(true);
    QVERIFY(!store.save().has_value());
    QVERIFY2(store.lastWarning().contains(u"saved in "_s + path), qPrintable(store.lastWarning()));
    KeyStore reloaded(path);
    QVERIFY(!reloaded.load().has_value());
    QCOMPARE(reloaded.keys(), store.keys());
    QVERIFY(reloaded.usesKeyring()); // the preference is kept for the next save
}

void TestKeyStore::defaultPathHonoursEnvironment()
{
    qputenv("CHRONOSCOPE_KEY_STORE", "/tmp/somewhere/keys");
    QCOMPARE(KeyStore::defaultPath(), u"/tmp/somewhere/keys"_s);
    qunsetenv("CHRONOSCOPE_KEY_STORE");
    QVERIFY(KeyStore::defaultPath().endsWith(u"/chronoscope/keys"_s));
}

QTEST_GUILESS_MAIN(TestKeyStore)
#include "tst_keystore.moc"

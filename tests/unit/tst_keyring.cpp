// SPDX-License-Identifier: GPL-3.0-or-later
// The key store with its secrets in a real system keyring (gnome-keyring's Secret Service in a
// private D-Bus session: run-with-keyring.sh). The 0600 file then holds references only; the
// secrets come back from the keyring on load, leave it on delete, and move back into the file
// when the keyring is switched off.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "core/auth/keyfileio.h"
#include "core/auth/keygenerator.h"
#include "core/auth/keyringvault.h"
#include "core/auth/keystore.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::auth;

namespace {

QByteArray fileText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestKeyring : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void secretsLiveInTheKeyring();

private:
    QTemporaryDir m_dir;
};

void TestKeyring::initTestCase()
{
    QVERIFY2(KeyringVault::isCompiledIn(), "built without QtKeychain: install qtkeychain-qt6-dev");
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "run through tests/unit/run-with-keyring.sh");
}

void TestKeyring::secretsLiveInTheKeyring()
{
    const QString path = m_dir.filePath(u"keys"_s);
    KeyStore store(path);
    QList<QByteArray> secrets;
    for (KeyType type : {KeyType::Aes128Cmac, KeyType::Sha1}) {
        const auto key = generateKey(store.nextFreeId(), type);
        QVERIFY(key.ok());
        QVERIFY(!store.add(*key).has_value());
        secrets.append(QByteArray(key->secret.reveal().constData(), key->secret.size()));   // outlives the key
    }
    SymmetricKey labelled = *store.find(2);
    labelled.label = u"office"_s;
    labelled.servers = {u"127.0.0.1:11123"_s};
    QVERIFY(!store.update(labelled).has_value());
    store.setUseKeyring(true);
    QVERIFY(!store.save().has_value());
    QVERIFY2(store.lastWarning().isEmpty(), qPrintable(store.lastWarning()));

    // The file: references and labels, no secret, still private.
    const QByteArray text = fileText(path);
    QVERIFY(text.contains("#@keyring 1 AES128"));
    QVERIFY(text.contains("#@keyring 2 SHA1"));
    QVERIFY(text.contains("#@storage keyring"));
    for (const QByteArray &secret : std::as_const(secrets)) {
        QVERIFY(!text.contains(secret.toHex()));
        QVERIFY(!text.contains(secret.toHex().toUpper()));
    }
    QVERIFY(!checkPrivatePermissions(path).has_value());

    // The secrets themselves are in the keyring.
    const KeyringVault vault(path);
    const auto fromKeyring = vault.read(1);
    QVERIFY2(fromKeyring.ok(), qPrintable(fromKeyring.errorMessage()));
    QCOMPARE(fromKeyring->reveal(), secrets[0]);

    // Loading brings everything back.
    KeyStore reloaded(path);
    QVERIFY(!reloaded.load().has_value());
    QVERIFY(reloaded.usesKeyring());
    QCOMPARE(reloaded.keys(), store.keys());
    QCOMPARE(reloaded.find(2)->label, u"office"_s);

    // Deleting a key deletes its keyring entry.
    QVERIFY(reloaded.remove(1));
    QVERIFY(!reloaded.save().has_value());
    QVERIFY(!vault.read(1).ok());
    QVERIFY(vault.read(2).ok());

    // Switching the keyring off moves the secret back into the 0600 file and out of the keyring.
    reloaded.setUseKeyring(false);
    QVERIFY(!reloaded.save().has_value());
    QVERIFY(fileText(path).contains(secrets[1].toHex().toUpper()));
    QVERIFY(!vault.read(2).ok());
    KeyStore plain(path);
    QVERIFY(!plain.load().has_value());
    QVERIFY(!plain.usesKeyring());
    QCOMPARE(plain.keys().size(), 1);
    QCOMPARE(plain.keys()[0].secret.reveal(), secrets[1]);
}

QTEST_GUILESS_MAIN(TestKeyring)
#include "tst_keyring.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The key manager dialog under the offscreen platform: generate, export, re-import into another
// store, assign to a server and watch that server authenticate against a real chronyd reading the
// exported file; secrets masked until revealed; import errors; config lines; the add dialog.
#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include "core/auth/keyfileio.h"
#include "core/auth/keyfileparser.h"
#include "core/engine/syncengine.h"
#include "tests/fakes/engineharness.h"
#include "tests/interop/chronydinstance.h"
#include "ui/keys/keyeditdialog.h"
#include "ui/keys/keymanagerdialog.h"
#include "ui/keys/keytablemodel.h"

using namespace Qt::StringLiterals;
using chronoscope::auth::KeyFileFormat;
using chronoscope::auth::KeyStore;
using chronoscope::auth::KeyType;
using chronoscope::testing::ChronydInstance;
using chronoscope::testing::EngineHarness;
using chronoscope::ui::KeyEditDialog;
using chronoscope::ui::KeyManagerDialog;
using chronoscope::ui::KeyTableModel;

class TestKeyManagerDialog : public QObject
{
    Q_OBJECT

private slots:
    void generateExportReimportAssignAuthenticate();
    void secretsAreMaskedUntilRevealed();
    void generateButtonUsesTheChosenType();
    void editsAreSavedAtOnce();
    void importWithInvalidLines();
    void configLines();
    void exportNtpFormat();
    void addDialogValidates();

private:
    QTemporaryDir m_dir;
};

void TestKeyManagerDialog::generateExportReimportAssignAuthenticate()
{
    QVERIFY2(!ChronydInstance::findChronyd().isEmpty(), "chronyd not found: install chrony");
    // 1. Generate an AES256 key in one store.
    KeyStore first(m_dir.filePath(u"first/keys"_s));
    QVERIFY(!first.load().has_value());
    KeyManagerDialog dialog(&first);
    QSignalSpy changed(&dialog, &KeyManagerDialog::keysChanged);
    const std::optional<quint32> id = dialog.generateKey(KeyType::Aes256Cmac);
    QVERIFY2(id.has_value(), qPrintable(dialog.statusText()));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(first.find(*id)->secret.size(), 32);

    // 2. Export it for chronyd, and start chronyd with that file.
    const QString exported = m_dir.filePath(u"server/chrony.keys"_s);
    QVERIFY2(dialog.exportFile(exported, KeyFileFormat::Chrony), qPrintable(dialog.statusText()));
    QVERIFY(!chronoscope::auth::checkPrivatePermissions(exported).has_value());
    ChronydInstance chronyd;
    chronyd.setExtraConfig(u"keyfile %1\n"_s.arg(exported));
    QVERIFY2(chronyd.start(), qPrintable(chronyd.errorString()));

    // 3. Re-import the file into a second, empty store (another machine, say).
    KeyStore second(m_dir.filePath(u"second/keys"_s));
    QVERIFY(!second.load().has_value());
    KeyManagerDialog other(&second);
    QVERIFY2(other.importFile(exported, std::nullopt, KeyManagerDialog::ImportErrors::Refuse),
             qPrintable(other.statusText()));
    QCOMPARE(other.model()->rowCount(), 1);
    QVERIFY(second.find(*id)->secret == first.find(*id)->secret);

    // 4. Assign it to the chronyd server by editing the Servers cell, as a user would.
    const int row = other.model()->rowOf(*id);
    QVERIFY(other.model()->setData(other.model()->index(row, KeyTableModel::Servers), chronyd.endpoint()));
    KeyStore reloaded(second.path());
    QVERIFY(!reloaded.load().has_value());
    QVERIFY(reloaded.keyForServer(chronyd.endpoint()) != nullptr);

    // 5. The engine, configured the way the main window does it, authenticates.
    chronoscope::engine::AssociationOptions options;
    options.maxRequests = 3;
    options.fixedInterval = 0.2;
    options.timeout = 0.5;
    EngineHarness harness(options);
    harness.engine().setKeys(reloaded.keys());
    chronoscope::engine::ServerSpec spec = chronyd.serverSpec();
    spec.keyId = reloaded.keyForServer(chronyd.endpoint())->id;
    harness.addServer(spec);
    QVERIFY(harness.waitForFinished(20.0));
    const auto status = harness.server(chronyd.address(), chronyd.port());
    QVERIFY(status.has_value());
    QVERIFY2(status->state == chronoscope::engine::ServerState::SysPeer, qPrintable(status->reason));
    QCOMPARE(status->authenticatedReplies, 3);
    QCOMPARE(status->authType, std::optional<KeyType>(KeyType::Aes256Cmac));
}

void TestKeyManagerDialog::secretsAreMaskedUntilRevealed()
{
    KeyStore store(m_dir.filePath(u"mask/keys"_s));
    KeyManagerDialog dialog(&store);
    QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const std::optional<quint32> id = dialog.generateKey(KeyType::Sha1);
    QVERIFY(id.has_value());
    const QByteArray hex = store.find(*id)->secret.reveal().toHex().toUpper();
    const QModelIndex secret = dialog.model()->index(0, KeyTableModel::Secret);
    QVERIFY(!dialog.model()->data(secret).toString().contains(QString::fromLatin1(hex)));
    QVERIFY(dialog.model()->data(secret).toString().contains(u"20 bytes"_s));
    QVERIFY(!dialog.statusText().contains(QString::fromLatin1(hex), Qt::CaseInsensitive));

    auto *reveal = dialog.findChild<QCheckBox *>(u"revealBox"_s);
    QVERIFY(reveal && !reveal->isChecked());
    reveal->click();
    QCOMPARE(dialog.model()->data(secret).toString(), u"HEX:"_s + QString::fromLatin1(hex));
    reveal->click();
    QVERIFY(!dialog.model()->data(secret).toString().contains(QString::fromLatin1(hex)));
    // Every column but Label and Servers is read-only.
    QVERIFY(!(dialog.model()->flags(secret) & Qt::ItemIsEditable));
    QVERIFY(dialog.model()->flags(dialog.model()->index(0, KeyTableModel::Label)) & Qt::ItemIsEditable);
}

void TestKeyManagerDialog::generateButtonUsesTheChosenType()
{
    KeyStore store(m_dir.filePath(u"button/keys"_s));
    KeyManagerDialog dialog(&store);
    auto *type = dialog.findChild<QComboBox *>(u"generateType"_s);
    auto *generate = dialog.findChild<QPushButton *>(u"generateButton"_s);
    auto *remove = dialog.findChild<QPushButton *>(u"deleteButton"_s);
    QVERIFY(type && generate && remove);
    QVERIFY(!remove->isEnabled());
    type->setCurrentIndex(type->findText(u"MD5"_s));
    QTest::mouseClick(generate, Qt::LeftButton);
    QCOMPARE(store.keys().size(), 1);
    QCOMPARE(store.keys()[0].type, KeyType::Md5);
    QCOMPARE(store.keys()[0].secret.size(), 20);
    QCOMPARE(dialog.selectedKeyId(), store.keys()[0].id); // the new key is selected
    QVERIFY(remove->isEnabled());
    QVERIFY(dialog.deleteKey(store.keys()[0].id));
    QVERIFY(store.isEmpty());
    KeyStore reloaded(store.path());
    QVERIFY(!reloaded.load().has_value());
    QVERIFY(reloaded.isEmpty());
}

void TestKeyManagerDialog::editsAreSavedAtOnce()
{
    KeyStore store(m_dir.filePath(u"edit/keys"_s));
    KeyManagerDialog dialog(&store);
    const auto id = dialog.generateKey(KeyType::Aes128Cmac);
    QVERIFY(id.has_value());
    QVERIFY(dialog.model()->setData(dialog.model()->index(0, KeyTableModel::Label), u"  office GPS "_s));
    QVERIFY(dialog.assignServers(*id, {u"ntp1.example.org"_s, u"192.0.2.7:1123"_s}));
    KeyStore reloaded(store.path());
    QVERIFY(!reloaded.load().has_value());
    QCOMPARE(reloaded.find(*id)->label, u"office GPS"_s);
    QCOMPARE(reloaded.find(*id)->servers, (QStringList{u"ntp1.example.org"_s, u"192.0.2.7:1123"_s}));
    QVERIFY(!chronoscope::auth::checkPrivatePermissions(store.path()).has_value());
}

void TestKeyManagerDialog::importWithInvalidLines()
{
    const QString file = m_dir.filePath(u"mixed.keys"_s);
    QVERIFY(!chronoscope::auth::writePrivateFile(file, "5 SHA1 HEX:933F62BE1D604E68A81B557F18CFA200483F5B70\n"
                                                       "6 AES128 HEX:7EA62AE64D190114D46D5A082F948E\n")
                 .has_value());
    KeyStore store(m_dir.filePath(u"import/keys"_s));
    KeyManagerDialog dialog(&store);
    QVERIFY(!dialog.importFile(file, std::nullopt, KeyManagerDialog::ImportErrors::Refuse));
    QVERIFY(store.isEmpty());
    QVERIFY2(dialog.statusText().contains(file + u":2: key 6: AES128 needs a 16-byte key"_s), qPrintable(dialog.statusText()));
    QVERIFY(dialog.importFile(file, std::nullopt, KeyManagerDialog::ImportErrors::AcceptValidLines));
    QCOMPARE(store.keys().size(), 1);
    QCOMPARE(store.keys()[0].id, 5u);
    QVERIFY(dialog.statusText().contains(u"Invalid lines skipped: 1"_s));
}

void TestKeyManagerDialog::configLines()
{
    KeyStore store(m_dir.filePath(u"lines/keys"_s));
    KeyManagerDialog dialog(&store);
    chronoscope::auth::SymmetricKey key;
    key.id = 30;
    key.type = KeyType::Aes128Cmac;
    key.secret = chronoscope::auth::SecretBytes(QByteArray::fromHex("7EA62AE64D190114D46D5A082F948EC1"));
    key.servers = {u"127.0.0.1:11123"_s};
    QVERIFY(dialog.addKey(key));
    using Line = KeyManagerDialog::ConfigLine;
    QCOMPARE(dialog.configLine(30, Line::ChronyKey), u"30 AES128 HEX:7EA62AE64D190114D46D5A082F948EC1"_s);
    QCOMPARE(dialog.configLine(30, Line::NtpKey), u"30 AES128CMAC 7ea62ae64d190114d46d5a082f948ec1"_s);
    QCOMPARE(dialog.configLine(30, Line::ChronyServer), u"server 127.0.0.1 port 11123 key 30"_s);
    QCOMPARE(dialog.configLine(30, Line::NtpServer), u"server 127.0.0.1:11123 key 30\ntrustedkey 30"_s);
    QVERIFY(dialog.copyConfigLine(30, Line::ChronyKey));
    QCOMPARE(QGuiApplication::clipboard()->text(), u"30 AES128 HEX:7EA62AE64D190114D46D5A082F948EC1"_s);
    QVERIFY(dialog.statusText().contains(u"contains the secret"_s));
    QVERIFY(dialog.copyConfigLine(30, Line::ChronyServer));
    QCOMPARE(QGuiApplication::clipboard()->text(), u"server 127.0.0.1 port 11123 key 30"_s);
    // Every copied line is what the daemons read: the key line parses back to the same key.
    const auto parsed = chronoscope::auth::parseKeyFile(dialog.configLine(30, Line::NtpKey).toUtf8(), u"x"_s,
                                                        KeyFileFormat::Ntp);
    QCOMPARE(parsed.keys.size(), 1);
    QVERIFY(parsed.keys[0].secret == key.secret);
}

void TestKeyManagerDialog::exportNtpFormat()
{
    KeyStore store(m_dir.filePath(u"ntpexport/keys"_s));
    KeyManagerDialog dialog(&store);
    const auto a = dialog.generateKey(KeyType::Sha1);
    const auto b = dialog.generateKey(KeyType::Md5);
    QVERIFY(a && b);
    const QString file = m_dir.filePath(u"ntp.keys"_s);
    QVERIFY2(dialog.exportFile(file, KeyFileFormat::Ntp, {*b}), qPrintable(dialog.statusText()));
    const auto contents = chronoscope::auth::readKeyFile(file, KeyFileFormat::Ntp, true);
    QVERIFY(contents.ok());
    QCOMPARE(contents->keys.size(), 1);
    QCOMPARE(contents->keys[0].id, *b);
    QVERIFY(contents->keys[0].secret == store.find(*b)->secret);
}

void TestKeyManagerDialog::addDialogValidates()
{
    KeyEditDialog dialog({1, 2}, 3);
    auto *id = dialog.findChild<QSpinBox *>(u"keyId"_s);
    auto *type = dialog.findChild<QComboBox *>(u"keyType"_s);
    auto *encoding = dialog.findChild<QComboBox *>(u"encoding"_s);
    auto *secret = dialog.findChild<QLineEdit *>(u"secret"_s);
    auto *show = dialog.findChild<QCheckBox *>(u"showSecret"_s);
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(id && type && encoding && secret && show && ok);
    QCOMPARE(id->value(), 3);
    QCOMPARE(secret->echoMode(), QLineEdit::Password); // masked while typed
    QVERIFY(!ok->isEnabled());

    secret->setText(u"7EA62AE64D190114D46D5A082F948EC"_s); // odd number of digits
    QVERIFY(!ok->isEnabled());
    QVERIFY(dialog.problem().contains(u"hex"_s));
    secret->setText(u"7EA62AE64D190114D46D5A082F948E"_s); // 15 bytes for AES128
    QVERIFY(!ok->isEnabled());
    QVERIFY2(dialog.problem().contains(u"16-byte key, got 15 bytes"_s), qPrintable(dialog.problem()));
    secret->setText(u"HEX:7EA62AE64D190114D46D5A082F948EC1"_s);
    QVERIFY2(ok->isEnabled(), qPrintable(dialog.problem()));
    id->setValue(2);
    QVERIFY(!ok->isEnabled());
    QVERIFY(dialog.problem().contains(u"already in use"_s));
    id->setValue(9);
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog.key().secret.reveal(), QByteArray::fromHex("7EA62AE64D190114D46D5A082F948EC1"));

    type->setCurrentIndex(type->findText(u"MD5"_s));
    encoding->setCurrentIndex(1); // text
    secret->setText(u"tulip-garden"_s);
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog.key().secret.reveal(), QByteArray("tulip-garden"));
    QCOMPARE(dialog.key().type, KeyType::Md5);
    show->click();
    QCOMPARE(secret->echoMode(), QLineEdit::Normal);
}

QTEST_MAIN(TestKeyManagerDialog)
#include "tst_keymanagerdialog.moc"

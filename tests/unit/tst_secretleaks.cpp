// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 13: key material never reaches logs, error texts, JSON, leftover files or a readable
// temporary file. Two known secrets (a printable one and a binary one) go through everything
// that handles keys: the key store (save, load, import), key files in both formats, valid and
// broken in every way that makes the parser or writer explain itself, the MAC code, qDebug of
// the secret, and chronoscope-cli keys list/export. Every message Qt logs (all categories on),
// every error and warning text and the CLI's output are collected and searched for the secrets:
// their text, their hex (both cases) and every 8-character piece of the printable one.
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "core/auth/keyfileio.h"
#include "core/auth/keyfileparser.h"
#include "core/auth/keyfilewriter.h"
#include "core/auth/keystore.h"
#include "core/auth/macalgorithm.h"

using namespace chronoscope;
using namespace chronoscope::auth;
using namespace Qt::StringLiterals;

namespace {

const QByteArray PRINTABLE = "Kn0wnS3cret4Chr0nos!";   // 20 bytes, a SHA1 key
const QByteArray BINARY = QByteArray::fromHex("9f00e1c2a37b44d5e6f70819aa2bcc3d");   // 16 bytes, AES128

QStringList g_logged;

void captureMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_logged << message;
}

// Everything a secret can look like in text.
QList<QByteArray> needles()
{
    QList<QByteArray> out{BINARY, BINARY.toHex(), BINARY.toHex().toUpper(), PRINTABLE.toHex(),
                          PRINTABLE.toHex().toUpper()};
    for (qsizetype i = 0; i + 8 <= PRINTABLE.size(); ++i)
        out << PRINTABLE.mid(i, 8);
    return out;
}

// The first secret found in `text`, or empty.
QByteArray leakIn(const QByteArray &text)
{
    for (const QByteArray &needle : needles()) {
        if (text.contains(needle))
            return needle;
    }
    return {};
}

SymmetricKey key(std::uint32_t id, KeyType type, const QByteArray &secret)
{
    SymmetricKey k;
    k.id = id;
    k.type = type;
    k.secret = SecretBytes(secret);
    k.label = u"test key %1"_s.arg(id);
    k.servers = {u"ntp.example:123"_s};
    return k;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

class TestSecretLeaks : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void keyStoreAndKeyFiles();
    void brokenKeyFilesExplainWithoutTheSecret_data();
    void brokenKeyFilesExplainWithoutTheSecret();
    void cliOutputShowsSecretsOnlyWhenAsked();
    void keyFilesArePrivateFromCreation();

private:
    void record(const QString &text) { m_texts << text; }
    void verifyNoLeak();

    QStringList m_texts;   // error and warning texts collected by the tests
    QtMessageHandler m_previous = nullptr;
};

void TestSecretLeaks::initTestCase()
{
    QLoggingCategory::setFilterRules(u"*.debug=true"_s);
    m_previous = qInstallMessageHandler(captureMessage);
    // The needles really are what the code under test would print.
    QVERIFY(!leakIn("HEX:" + BINARY.toHex().toUpper()).isEmpty());
    QVERIFY(leakIn("key 1 SHA1 (a 20-character field)").isEmpty());
}

void TestSecretLeaks::cleanupTestCase()
{
    qInstallMessageHandler(m_previous);
    QLoggingCategory::setFilterRules(QString());
}

void TestSecretLeaks::verifyNoLeak()
{
    const QByteArray logged = g_logged.join(u'\n').toUtf8();
    QVERIFY2(leakIn(logged).isEmpty(), qPrintable(u"a secret was logged: "_s + QString::fromUtf8(logged)));
    const QByteArray texts = m_texts.join(u'\n').toUtf8();
    QVERIFY2(leakIn(texts).isEmpty(), qPrintable(u"a secret is in a message: "_s + QString::fromUtf8(texts)));
}

void TestSecretLeaks::keyStoreAndKeyFiles()
{
    QTemporaryDir tmp;
    const QString storePath = tmp.filePath(u"store/keys"_s);
    KeyStore store(storePath);
    QVERIFY(!store.add(key(1, KeyType::Sha1, PRINTABLE)));
    QVERIFY(!store.add(key(2, KeyType::Aes128Cmac, BINARY)));
    if (const std::optional<Error> failed = store.add(key(2, KeyType::Sha1, PRINTABLE)))
        record(failed->message);
    QVERIFY(!store.save());
    record(store.lastWarning());
    KeyStore loaded(storePath);
    QVERIFY(!loaded.load());
    QCOMPARE(loaded.keys().size(), 2);
    QCOMPARE(loaded.find(2)->secret.reveal(), BINARY);   // the secrets are really in there
    qDebug() << "loaded" << loaded.find(1)->secret << loaded.find(2)->secret;

    // Importing a conflicting file explains the conflict.
    const Result<QByteArray> ntpText = writeKeyFile({key(1, KeyType::Sha1, BINARY + "x")}, KeyFileFormat::Chrony);
    QVERIFY(ntpText);
    const KeyFileContents conflicting = parseKeyFile(*ntpText, u"conflict.keys"_s, std::nullopt);
    const Result<ImportSummary> refused = loaded.importKeys(conflicting, {});
    QVERIFY(!refused);
    record(refused.errorMessage());

    // The ntp format cannot hold a short binary key: the error says why, not what.
    const Result<QByteArray> unwritable =
        writeKeyFile({key(3, KeyType::Md5, BINARY.left(10))}, KeyFileFormat::Ntp);
    QVERIFY(!unwritable);
    record(unwritable.errorMessage());
    // A key of the wrong length for its type.
    if (const std::optional<Error> invalid = validateKey(key(4, KeyType::Aes128Cmac, PRINTABLE)))
        record(invalid->message);
    else
        QFAIL("a 20-byte AES128 key must be refused");
    // The MAC code with a key of the wrong length.
    const Result<QByteArray> mac = computeMac(KeyType::Aes128Cmac, PRINTABLE, "message");
    if (!mac)
        record(mac.errorMessage());

    // A private store that others can read is refused, naming the mode.
    QVERIFY(::chmod(QFile::encodeName(storePath).constData(), 0644) == 0);
    KeyStore exposed(storePath);
    const std::optional<Error> refusedExposed = exposed.load();
    QVERIFY(refusedExposed);
    record(refusedExposed->message);
    verifyNoLeak();
}

void TestSecretLeaks::brokenKeyFilesExplainWithoutTheSecret_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("format");
    const QByteArray hex = BINARY.toHex().toUpper();
    QTest::newRow("ntp key and type swapped") << "1 " + PRINTABLE + " SHA1\n" << u"ntp"_s;
    QTest::newRow("chrony key in the id column") << PRINTABLE + " SHA1 1\n" << u"chrony"_s;
    QTest::newRow("chrony hex key in the id column") << "HEX:" + hex + " AES128 1\n" << u"chrony"_s;
    QTest::newRow("chrony key in the type column") << "1 " + PRINTABLE + " HEX:" + hex + "\n" << u"chrony"_s;
    QTest::newRow("hex with a bad digit") << "1 AES128 HEX:" + hex + "Z\n" << u"chrony"_s;
    QTest::newRow("odd hex") << "1 AES128 HEX:" + hex + "A\n" << u"chrony"_s;
    QTest::newRow("wrong length") << "1 AES128 HEX:" + hex + hex + "\n" << u"chrony"_s;
    QTest::newRow("ntp long key not hex") << "1 SHA1 " + PRINTABLE + PRINTABLE + "\n" << u"ntp"_s;
    QTest::newRow("too many fields") << "1 SHA1 " + PRINTABLE + " extra more\n" << u"ntp"_s;
    QTest::newRow("binary junk") << "1 SHA1 " + PRINTABLE + "\x01\n" << u"chrony"_s;
    QTest::newRow("duplicate id") << "1 SHA1 ASCII:" + PRINTABLE + "\n1 SHA1 ASCII:" + PRINTABLE + "\n" << u"chrony"_s;
    QTest::newRow("keyring reference junk") << "#@keyring " + PRINTABLE + " SHA1\n" << u"chrony"_s;
    QTest::newRow("metadata junk") << "#@key " + PRINTABLE + " label=x\n" << u"chrony"_s;
    QTest::newRow("short key warning") << "1 MD5 ASCII:" + PRINTABLE.left(6) + "\n" << u"chrony"_s;
}

void TestSecretLeaks::brokenKeyFilesExplainWithoutTheSecret()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, format);
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"broken.keys"_s);
    QVERIFY(writeFile(path, content));
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    const Result<KeyFileContents> read = readKeyFile(path, keyFileFormatFromId(format), true);
    QVERIFY(read);
    QVERIFY2(read->hasErrors() || !read->warnings.isEmpty(), "each of these lines must be explained");
    record(read->describeErrors());
    for (const auto &warning : read->warnings)
        record(warning.message);
    KeyStore store(tmp.filePath(u"store"_s));
    const Result<ImportSummary> imported = store.importKeys(*read, {});
    if (!imported)
        record(imported.errorMessage());
    verifyNoLeak();
}

void TestSecretLeaks::cliOutputShowsSecretsOnlyWhenAsked()
{
    const QString cli = qEnvironmentVariable("CHRONOSCOPE_CLI");
    QVERIFY2(QFileInfo(cli).isExecutable(), "CHRONOSCOPE_CLI must name chronoscope-cli");
    QTemporaryDir tmp;
    const QString storePath = tmp.filePath(u"keys"_s);
    KeyStore store(storePath);
    QVERIFY(!store.add(key(1, KeyType::Sha1, PRINTABLE)));
    QVERIFY(!store.add(key(2, KeyType::Aes128Cmac, BINARY)));
    QVERIFY(!store.save());
    const auto run = [&](const QStringList &arguments) -> QByteArray {
        QProcess process;
        process.start(cli, QStringList{u"keys"_s} + arguments + QStringList{u"--store"_s, storePath});
        process.waitForFinished(30000);
        return process.readAllStandardOutput() + process.readAllStandardError();
    };
    const QByteArray listed = run({u"list"_s});
    QVERIFY2(listed.contains("test key 1"), listed);
    QVERIFY2(leakIn(listed).isEmpty(), listed);
    const QByteArray json = run({u"list"_s, u"--json"_s});
    QVERIFY2(json.contains("\"id\""), json);
    QVERIFY2(leakIn(json).isEmpty(), json);
    const QByteArray jsonAsked = run({u"list"_s, u"--json"_s, u"--show-secrets"_s});
    QVERIFY2(leakIn(jsonAsked).isEmpty(), jsonAsked);   // never in JSON
    const QByteArray exportedToFile = run({u"export"_s, tmp.filePath(u"out.keys"_s)});
    QVERIFY2(leakIn(exportedToFile).isEmpty(), exportedToFile);
    // Asked for, they do appear: the search above would have found them.
    QVERIFY(!leakIn(run({u"list"_s, u"--show-secrets"_s})).isEmpty());
    QVERIFY(!leakIn(run({u"export"_s, u"-"_s})).isEmpty());
    // The exported file is private, and nothing else was left in the directory.
    QCOMPARE(QFileInfo(tmp.filePath(u"out.keys"_s)).permissions().toInt() & 0x0077, 0);
    QCOMPARE(QDir(tmp.path()).entryList(QDir::Files | QDir::Hidden).size(), 2);
}

// A key file is 0600 from the moment its temporary file exists: no chmod after creation (which
// inotify would report as IN_ATTRIB), even with umask 0, and no temporary file left over.
void TestSecretLeaks::keyFilesArePrivateFromCreation()
{
    QTemporaryDir tmp;
    const int inotify = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    QVERIFY(inotify >= 0);
    QVERIFY(inotify_add_watch(inotify, QFile::encodeName(tmp.path()).constData(), IN_CREATE | IN_ATTRIB) >= 0);
    const mode_t oldMask = ::umask(0);
    KeyStore store(tmp.filePath(u"keys"_s));
    QVERIFY(!store.add(key(1, KeyType::Sha1, PRINTABLE)));
    const std::optional<Error> saved = store.save();
    const std::optional<Error> exported = writePrivateFile(tmp.filePath(u"chrony.keys"_s), "1 SHA1 HEX:00\n");
    ::umask(oldMask);
    QVERIFY(!saved);
    QVERIFY(!exported);

    alignas(inotify_event) char buffer[8192];
    const ssize_t n = ::read(inotify, buffer, sizeof buffer);
    ::close(inotify);
    QVERIFY(n > 0);
    int created = 0;
    QStringList changedAfterCreation;
    for (const char *p = buffer; p < buffer + n;) {
        const auto *event = reinterpret_cast<const inotify_event *>(p);
        const QString name = event->len ? QString::fromLocal8Bit(event->name) : QString();
        if (event->mask & IN_CREATE)
            ++created;
        if (event->mask & IN_ATTRIB)
            changedAfterCreation << name;
        p += sizeof(inotify_event) + event->len;
    }
    QCOMPARE(created, 2);   // one temporary file per write
    QVERIFY2(changedAfterCreation.isEmpty(), qPrintable(changedAfterCreation.join(u' ')));
    for (const QString &name : {u"keys"_s, u"chrony.keys"_s})
        QCOMPARE(QFileInfo(tmp.filePath(name)).permissions().toInt() & 0x0077, 0);
    QCOMPARE(QDir(tmp.path()).entryList(QDir::Files | QDir::Hidden).size(), 2);
}

QTEST_GUILESS_MAIN(TestSecretLeaks)
#include "tst_secretleaks.moc"

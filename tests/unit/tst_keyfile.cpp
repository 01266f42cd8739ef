// SPDX-License-Identifier: GPL-3.0-or-later
// Key files: both formats parse and round-trip; every malformed line is reported with its number
// and reason; files are written atomically with mode 0600 and refused when others can read them.
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include "core/auth/keyfileio.h"
#include "core/auth/keyfileparser.h"
#include "core/auth/keyfilewriter.h"
#include "core/auth/keystore.h"
#include "core/auth/keygenerator.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::auth;

Q_DECLARE_METATYPE(chronoscope::auth::KeyFileFormat)

namespace {

SymmetricKey makeKey(std::uint32_t id, KeyType type, const QByteArray &secret, const QString &label = {},
                     const QStringList &servers = {})
{
    SymmetricKey key;
    key.id = id;
    key.type = type;
    key.secret = SecretBytes(secret);
    key.label = label;
    key.servers = servers;
    return key;
}

QList<SymmetricKey> sampleKeys()
{
    // The example keys of chrony's documentation plus one of each other type.
    return {makeKey(10, KeyType::Md5, "tulip"),
            makeKey(25, KeyType::Sha1, QByteArray::fromHex("933F62BE1D604E68A81B557F18CFA200483F5B70")),
            makeKey(30, KeyType::Aes128Cmac, QByteArray::fromHex("7EA62AE64D190114D46D5A082F948EC1")),
            makeKey(31, KeyType::Aes256Cmac, QByteArray(32, '\x5a')),
            makeKey(40, KeyType::Sha256, QByteArray::fromHex("4142434445464748494A4B4C4D4E4F505152535455565758595A5B5C5D5E5F60"))};
}

int fileMode(const QString &path)
{
    const QFileDevice::Permissions p = QFile::permissions(path);
    int mode = 0;
    const std::pair<QFileDevice::Permission, int> bits[] = {
        {QFileDevice::ReadOwner, 0400}, {QFileDevice::WriteOwner, 0200}, {QFileDevice::ExeOwner, 0100},
        {QFileDevice::ReadGroup, 040},  {QFileDevice::WriteGroup, 020},  {QFileDevice::ExeGroup, 010},
        {QFileDevice::ReadOther, 04},   {QFileDevice::WriteOther, 02},   {QFileDevice::ExeOther, 01}};
    for (const auto &[flag, value] : bits)
        mode |= p.testFlag(flag) ? value : 0;
    return mode;
}

} // namespace

class TestKeyFile : public QObject
{
    Q_OBJECT

private slots:
    void keyCountIsBounded();
    void metadataThatCannotBeWrittenBackIsRefused();
    void chronyFormat();
    void ntpFormat();
    void formatDetection_data();
    void formatDetection();
    void roundTrip_data();
    void roundTrip();
    void metadataRoundTrip();
    void ntpWriterRefusesUnrepresentableKeys();
    void malformedLines_data();
    void malformedLines();
    void crlfIsAcceptedWithAWarning();
    void shortKeyWarns();
    void validLinesSurviveBesideErrors();
    void errorCountIsCapped();
    void oversizedFile();
    void randomJunkIsReportedNeverTrusted();
    void messagesNeverContainSecrets();
    void writtenFilesAreMode0600();
    void overwriteMakesAnExistingFilePrivate();
    void permissionCheck_data();
    void permissionCheck();
    void readKeyFileRefusesReadableFile();
};

void TestKeyFile::chronyFormat()
{
    const QByteArray text = "# comment\n"
                            "  ! also a comment\n"
                            "; and this\n"
                            "% and this\n"
                            "\n"
                            "1 ASCII:tulip#1\n"      // MD5 by default; # inside an ASCII key is part of it
                            "2 SHA1 HEX:933F62BE1D604E68A81B557F18CFA200483F5B70\n"
                            "3 AES128 HEX:7EA62AE64D190114D46D5A082F948EC1\n"
                            "4 md5 plainpassword\n"
                            "\t5\tSHA256\tHEX:00112233445566778899aabbccddeeff\n";
    const KeyFileContents c = parseKeyFile(text, u"keys.conf"_s, KeyFileFormat::Chrony);
    QVERIFY2(!c.hasErrors(), qPrintable(c.describeErrors()));
    QCOMPARE(c.keys.size(), 5);
    QCOMPARE(c.keys[0].id, 1u);
    QCOMPARE(c.keys[0].type, KeyType::Md5);
    QCOMPARE(c.keys[0].secret.reveal(), QByteArray("tulip#1"));
    QCOMPARE(c.keys[1].type, KeyType::Sha1);
    QCOMPARE(c.keys[1].secret.reveal().toHex().toUpper(), QByteArray("933F62BE1D604E68A81B557F18CFA200483F5B70"));
    QCOMPARE(c.keys[2].type, KeyType::Aes128Cmac);
    QCOMPARE(c.keys[2].secret.size(), 16);
    QCOMPARE(c.keys[3].secret.reveal(), QByteArray("plainpassword"));
    QCOMPARE(c.keys[4].type, KeyType::Sha256);
    QCOMPARE(c.keys[4].secret.size(), 16);
}

void TestKeyFile::ntpFormat()
{
    const QByteArray text = "# ntp.keys\n"
                            "1 MD5 tulip   # trailing comment\n"
                            "2 SHA1 933f62be1d604e68a81b557f18cfa200483f5b70\n"
                            "3 AES128CMAC 7ea62ae64d190114d46d5a082f948ec1\n"
                            "4 AES-256 808182838485868788898A8B8C8D8E8F909192939495969798999A9B9C9D9E9F\n"
                            "5 SHA1 exactly20characters!\n"      // 20 characters: still ASCII
                            "6 AES 000102030405060708090a0b0c0d0e0f 127.0.0.1,::1\n";
    const KeyFileContents c = parseKeyFile(text, u"ntp.keys"_s, KeyFileFormat::Ntp);
    QVERIFY2(!c.hasErrors(), qPrintable(c.describeErrors()));
    QCOMPARE(c.keys.size(), 6);
    QCOMPARE(c.keys[0].secret.reveal(), QByteArray("tulip"));
    QCOMPARE(c.keys[1].secret.size(), 20);
    QCOMPARE(c.keys[2].type, KeyType::Aes128Cmac);
    QCOMPARE(c.keys[3].type, KeyType::Aes256Cmac);
    QCOMPARE(c.keys[3].secret.size(), 32);
    QCOMPARE(c.keys[4].secret.reveal(), QByteArray("exactly20characters!"));
    QCOMPARE(c.keys[5].type, KeyType::Aes128Cmac);
    QCOMPARE(c.keys[5].servers, (QStringList{u"127.0.0.1"_s, u"::1"_s}));
}

void TestKeyFile::formatDetection_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<KeyFileFormat>("expected");
    QTest::newRow("HEX: prefix") << QByteArray("1 SHA1 HEX:00112233445566778899\n") << u"keys"_s << KeyFileFormat::Chrony;
    QTest::newRow("two fields") << QByteArray("1 tulip\n") << u"keys"_s << KeyFileFormat::Chrony;
    QTest::newRow("file name") << QByteArray("1 MD5 tulip\n") << u"/etc/chrony/chrony.keys"_s << KeyFileFormat::Chrony;
    QTest::newRow("ntp style") << QByteArray("1 SHA1 00112233445566778899aabbccddeeff00112233\n") << u"ntp.keys"_s
                               << KeyFileFormat::Ntp;
}

void TestKeyFile::formatDetection()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, fileName);
    QFETCH(KeyFileFormat, expected);
    const KeyFileContents c = parseKeyFile(text, fileName);
    QCOMPARE(c.format, expected);
    QVERIFY2(!c.hasErrors(), qPrintable(c.describeErrors()));
    QCOMPARE(c.keys.size(), 1);
}

void TestKeyFile::roundTrip_data()
{
    QTest::addColumn<KeyFileFormat>("format");
    QTest::newRow("chrony") << KeyFileFormat::Chrony;
    QTest::newRow("ntp") << KeyFileFormat::Ntp;
}

void TestKeyFile::roundTrip()
{
    QFETCH(KeyFileFormat, format);
    QList<SymmetricKey> keys = sampleKeys();
    for (KeyType type : ALL_KEY_TYPES) {
        const auto generated = generateKey(100 + quint32(type), type);
        QVERIFY(generated.ok());
        keys.append(*generated);
    }
    const auto written = writeKeyFile(keys, format);
    QVERIFY2(written.ok(), qPrintable(written.errorMessage()));
    // Parsed back with the format given and detected alike.
    for (const std::optional<KeyFileFormat> &asked : {std::optional<KeyFileFormat>(format), std::optional<KeyFileFormat>()}) {
        const KeyFileContents c = parseKeyFile(*written, u"roundtrip"_s, asked);
        QVERIFY2(!c.hasErrors(), qPrintable(c.describeErrors()));
        QCOMPARE(c.format, format);
        QCOMPARE(c.keys, keys); // sampleKeys() and the generated ones are in id order already
    }
    // Writing what was read gives the same bytes.
    const KeyFileContents again = parseKeyFile(*written, u"roundtrip"_s, format);
    QCOMPARE(*writeKeyFile(again.keys, format), *written);
}

void TestKeyFile::metadataRoundTrip()
{
    QList<SymmetricKey> keys = sampleKeys();
    keys[0].label = u"Büro GPS, rack 3 = top"_s;
    keys[0].servers = {u"127.0.0.1:11123"_s, u"[::1]:11123"_s};
    keys[2].servers = {u"ntp.example.org"_s};
    const auto written = writeKeyFile(keys, KeyFileFormat::Chrony, true);
    QVERIFY(written.ok());
    QVERIFY(written->contains("#@key 10 label="));
    const KeyFileContents c = parseKeyFile(*written, u"store"_s, KeyFileFormat::Chrony);
    QVERIFY2(!c.hasErrors(), qPrintable(c.describeErrors()));
    QCOMPARE(c.keys, keys);
    // Without metadata (an export for chronyd), labels and servers stay at home.
    const auto plain = writeKeyFile(keys, KeyFileFormat::Chrony, false);
    QVERIFY(!plain->contains("#@"));
    QVERIFY(!plain->contains("GPS"));
}

void TestKeyFile::ntpWriterRefusesUnrepresentableKeys()
{
    // 8 binary bytes would be 16 hex characters, which ntpd reads as ASCII.
    const auto binary = keyFileLine(makeKey(7, KeyType::Md5, QByteArray::fromHex("00ff00ff00ff00ff")), KeyFileFormat::Ntp);
    QVERIFY(!binary.ok());
    QVERIFY2(binary.errorMessage().contains(u"key 7"_s) && binary.errorMessage().contains(u"chrony format"_s),
             qPrintable(binary.errorMessage()));
    // A short printable one is written as ASCII.
    QCOMPARE(*keyFileLine(makeKey(8, KeyType::Md5, "tulip"), KeyFileFormat::Ntp), u"8 MD5 tulip"_s);
    // Over 32 bytes: beyond ntpsec.
    QVERIFY(!keyFileLine(makeKey(9, KeyType::Sha1, QByteArray(40, 'x')), KeyFileFormat::Ntp).ok());
    // chrony holds them all.
    QCOMPARE(*keyFileLine(makeKey(7, KeyType::Md5, QByteArray::fromHex("00ff00ff00ff00ff")), KeyFileFormat::Chrony),
             u"7 MD5 HEX:00FF00FF00FF00FF"_s);
}

void TestKeyFile::malformedLines_data()
{
    QTest::addColumn<KeyFileFormat>("format");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");
    const QByteArray good = "1 SHA1 HEX:933F62BE1D604E68A81B557F18CFA200483F5B70\n";
    const auto chrony = KeyFileFormat::Chrony;
    const auto ntp = KeyFileFormat::Ntp;
    auto row = [](const char *name, KeyFileFormat format, const QByteArray &text, int line, const QString &message) {
        QTest::newRow(name) << format << text << line << message;
    };
    row("bad hex", chrony, good + "2 SHA1 HEX:933F62BE1D604E68A81B557F18CFA200483F5BZZ\n", 2,
        u"not a hex digit at position 39"_s);
    row("odd length", chrony, good + "# c\n3 SHA1 HEX:933F62BE1D604E68A81B557F18CFA200483F5B7\n", 3,
        u"odd number of digits (39)"_s);
    row("empty hex", chrony, "5 SHA1 HEX:\n", 1, u"the key is empty"_s);
    row("unknown type", chrony, good + "2 SHA512 HEX:00112233445566778899\n", 2, u"unsupported key type 'SHA512'"_s);
    row("unknown type ntp", ntp, "1 FOO 00112233445566778899aabbccdd\n", 1, u"unsupported key type 'FOO'"_s);
    row("id zero", chrony, "0 SHA1 HEX:00112233445566778899\n", 1, u"key id '0' is out of range (1-65534)"_s);
    row("id 65535", chrony, "65535 SHA1 HEX:00112233445566778899\n", 1, u"key id '65535' is out of range (1-65534)"_s);
    row("id huge", ntp, "99999999999999999999999 MD5 tulip\n", 1, u"is out of range (1-65534)"_s);
    row("id not a number", chrony, "x1 SHA1 HEX:00112233445566778899\n", 1, u"key id 'x1' is not a number"_s);
    row("negative id", ntp, "-3 MD5 tulip\n", 1, u"key id '-3' is not a number"_s);
    row("duplicate id", chrony, good + "\n1 MD5 HEX:00112233445566778899\n", 3,
        u"duplicate key id 1 (first defined on line 1)"_s);
    row("AES128 too short", chrony, "4 AES128 HEX:000102030405060708090A0B0C0D0E\n", 1,
        u"AES128 needs a 16-byte key, got 15 bytes"_s);
    row("AES256 too long", ntp, "4 AES-256 " + QByteArray(66, 'a') + "\n", 1, u"AES256 needs a 32-byte key, got 33 bytes"_s);
    row("too few fields", ntp, "7 MD5\n", 1, u"expected 'ID TYPE KEY', found 2 field(s)"_s);
    row("too many fields", chrony, "7 MD5 HEX:0011223344556677 extra\n", 1, u"expected 'ID [TYPE] KEY', found 4 field(s)"_s);
    row("ntp long key not hex", ntp, "8 SHA1 this-is-a-long-ascii-password\n", 1,
        u"keys longer than 20 characters are hex"_s);
    row("very long line", chrony, good + "9 SHA1 HEX:" + QByteArray(3000, 'A') + "\n", 2,
        u"the line is 3011 characters long (limit 2047)"_s);
    row("NUL byte", chrony, good + QByteArray("2 MD5 ab\0cd\n", 12), 2, u"NUL byte"_s);
    row("control byte", chrony, "3 MD5 tu\x01lip\n", 1, u"byte 0x01 at column 9"_s);
    row("invalid UTF-8", chrony, "3 MD5 tu\xff\xfelip\n", 1, u"not valid UTF-8"_s);
    row("bad keyring reference", chrony, "#@keyring 70000 SHA1\n", 1, u"out of range"_s);
}

void TestKeyFile::malformedLines()
{
    QFETCH(KeyFileFormat, format);
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(QString, message);
    const KeyFileContents c = parseKeyFile(text, u"/tmp/bad.keys"_s, format);
    QCOMPARE(c.errors.size(), 1);
    QCOMPARE(c.errors[0].line, line);
    QVERIFY2(c.errors[0].message.contains(message), qPrintable(c.errors[0].message));
    // The user sees file:line: reason.
    QVERIFY2(c.describeErrors().startsWith(u"/tmp/bad.keys:%1: "_s.arg(line)), qPrintable(c.describeErrors()));
}

void TestKeyFile::crlfIsAcceptedWithAWarning()
{
    const QByteArray text = "# windows\r\n1 SHA1 HEX:933F62BE1D604E68A81B557F18CFA200483F5B70\r\n2 MD5 tulip-garden\r\n";
    const KeyFileContents c = parseKeyFile(text, u"win.keys"_s, KeyFileFormat::Chrony);
    QVERIFY2(!c.hasErrors(), qPrintable(c.describeErrors()));
    QCOMPARE(c.keys.size(), 2);
    QCOMPARE(c.keys[1].secret.reveal(), QByteArray("tulip-garden")); // no trailing CR in the key
    QCOMPARE(c.warnings.size(), 1);
    QCOMPARE(c.warnings[0].line, 1);
    QVERIFY(c.warnings[0].message.contains(u"CRLF"_s));
}

void TestKeyFile::shortKeyWarns()
{
    const KeyFileContents c = parseKeyFile("3 MD5 tulip\n", u"k"_s, KeyFileFormat::Chrony);
    QVERIFY(!c.hasErrors());
    QCOMPARE(c.keys.size(), 1);
    QCOMPARE(c.warnings.size(), 1);
    QVERIFY2(c.warnings[0].message.contains(u"only 5 bytes"_s), qPrintable(c.warnings[0].message));
}

void TestKeyFile::validLinesSurviveBesideErrors()
{
    const QByteArray text = "1 SHA1 HEX:933F62BE1D604E68A81B557F18CFA200483F5B70\n"
                            "2 BOGUS HEX:00\n"
                            "3 AES128 HEX:7EA62AE64D190114D46D5A082F948EC1\n"
                            "1 MD5 HEX:0011223344556677889900\n";
    const KeyFileContents c = parseKeyFile(text, u"mixed"_s, KeyFileFormat::Chrony);
    QCOMPARE(c.errors.size(), 2);
    QCOMPARE(c.errors[0].line, 2);
    QCOMPARE(c.errors[1].line, 4);
    QCOMPARE(c.keys.size(), 2);
    QCOMPARE(c.keys[0].id, 1u);
    QCOMPARE(c.keys[0].type, KeyType::Sha1); // the first definition of id 1 stands
    QCOMPARE(c.keys[1].id, 3u);
    QCOMPARE(c.keyIdList(), u"1, 3"_s);
}

void TestKeyFile::errorCountIsCapped()
{
    QByteArray junk;
    for (int i = 0; i < 500; ++i)
        junk += "x\x02y\n";
    const KeyFileContents c = parseKeyFile(junk, u"junk"_s, KeyFileFormat::Chrony);
    QCOMPARE(c.errors.size(), 101);
    QCOMPARE(c.errors.last().line, 0);
    QVERIFY(c.errors.last().message.contains(u"400 more error(s)"_s));
}

void TestKeyFile::oversizedFile()
{
    const KeyFileContents c = parseKeyFile(QByteArray(MAX_KEY_FILE_SIZE + 1, '#'), u"big"_s);
    QCOMPARE(c.errors.size(), 1);
    QCOMPARE(c.errors[0].line, 0);
    QVERIFY(c.keys.isEmpty());
}

void TestKeyFile::randomJunkIsReportedNeverTrusted()
{
    // Random bytes mixed with pieces of real key lines: whatever the parser returns is a valid
    // key, and every error points at a line that exists. Seeded, so a failure reproduces.
    QRandomGenerator rng(20250501);
    const QByteArrayList pieces = {"1 ", "SHA1 ", "HEX:", "ASCII:", "AES128 ", "#", "#@key 1 label=x", "\n", "\r\n",
                                   "65534 ", "00112233445566778899AABBCCDDEEFF", " \t"};
    for (int round = 0; round < 2000; ++round) {
        QByteArray junk;
        const int parts = int(rng.bounded(1, 40));
        for (int i = 0; i < parts; ++i) {
            if (rng.bounded(2) == 0) {
                junk += pieces.at(rng.bounded(int(pieces.size())));
            } else {
                for (int n = int(rng.bounded(1, 12)); n > 0; --n)
                    junk += char(rng.bounded(256));
            }
        }
        const std::optional<KeyFileFormat> format = rng.bounded(3) == 0
            ? std::nullopt : std::optional(rng.bounded(2) == 0 ? KeyFileFormat::Chrony : KeyFileFormat::Ntp);
        const KeyFileContents c = parseKeyFile(junk, u"junk"_s, format);
        const int lines = int(junk.count('\n')) + 1;
        for (const KeyFileIssue &issue : c.errors)
            QVERIFY2(issue.line >= 0 && issue.line <= lines, qPrintable(issue.message));
        for (const SymmetricKey &key : c.keys)
            QVERIFY(!validateKey(key).has_value());
    }
}

void TestKeyFile::messagesNeverContainSecrets()
{
    // Wrong-length keys, bad hex and duplicates: the messages name ids and lengths only.
    const QByteArray secretHex = "C0FFEE0DDBA11DEADBEEFC0FFEE0DDBA11";
    const QByteArray text = "1 AES128 HEX:" + secretHex + "\n"
                            "2 SHA1 HEX:" + secretHex + "Z\n"
                            "3 AES256 ASCII:mysecretpassword\n"
                            "4 SHA1 HEX:" + secretHex + "\n"
                            "4 SHA1 HEX:" + secretHex + "\n";
    const KeyFileContents c = parseKeyFile(text, u"leak"_s, KeyFileFormat::Chrony);
    QCOMPARE(c.errors.size(), 4);
    const QString all = c.describeErrors() + c.describeWarnings();
    QVERIFY2(!all.contains(QString::fromLatin1(secretHex), Qt::CaseInsensitive), qPrintable(all));
    QVERIFY2(!all.contains(u"C0FFEE"_s, Qt::CaseInsensitive), qPrintable(all));
    QVERIFY2(!all.contains(u"mysecret"_s), qPrintable(all));
}

void TestKeyFile::writtenFilesAreMode0600()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"sub/dir/keys"_s);
    const auto data = writeKeyFile(sampleKeys(), KeyFileFormat::Chrony);
    QVERIFY(!writePrivateFile(path, *data).has_value());
    QCOMPARE(fileMode(path), 0600);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), *data);
    QVERIFY(!checkPrivatePermissions(path).has_value());
    // A directory we had to create is private too.
    QCOMPARE(fileMode(dir.filePath(u"sub/dir"_s)) & 077, 0);
}

void TestKeyFile::overwriteMakesAnExistingFilePrivate()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"keys"_s);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("old\n");
    }
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                                           | QFileDevice::ReadOther));
    QCOMPARE(fileMode(path), 0644);
    QVERIFY(!writePrivateFile(path, "1 MD5 HEX:00112233445566778899\n").has_value());
    QCOMPARE(fileMode(path), 0600);
    // Nothing else was left behind (QSaveFile renamed its temporary file).
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"keys"_s});
}

void TestKeyFile::permissionCheck_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("refused");
    QTest::newRow("0600") << 0600 << false;
    QTest::newRow("0400") << 0400 << false;
    QTest::newRow("0640") << 0640 << true;
    QTest::newRow("0604") << 0604 << true;
    QTest::newRow("0620") << 0620 << true;
    QTest::newRow("0666") << 0666 << true;
}

void TestKeyFile::permissionCheck()
{
    QFETCH(int, mode);
    QFETCH(bool, refused);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"keys"_s);
    QVERIFY(!writePrivateFile(path, "1 MD5 HEX:00112233445566778899\n").has_value());
    QFileDevice::Permissions p;
    const std::pair<int, QFileDevice::Permission> bits[] = {{0400, QFileDevice::ReadOwner}, {0200, QFileDevice::WriteOwner},
                                                          {040, QFileDevice::ReadGroup},  {020, QFileDevice::WriteGroup},
                                                          {04, QFileDevice::ReadOther},   {02, QFileDevice::WriteOther}};
    for (const auto &[value, flag] : bits) {
        if (mode & value)
            p |= flag;
    }
    QVERIFY(QFile::setPermissions(path, p));
    const std::optional<chronoscope::Error> error = checkPrivatePermissions(path);
    QCOMPARE(error.has_value(), refused);
    if (refused) {
        const QString expectedMode = u"0%1"_s.arg(mode, 3, 8, QLatin1Char('0'));
        QVERIFY2(error->message.contains(path) && error->message.contains(expectedMode)
                     && error->message.contains(u"chmod 600"_s),
                 qPrintable(error->message));
    }
}

void TestKeyFile::readKeyFileRefusesReadableFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"chrony.keys"_s);
    QVERIFY(!writePrivateFile(path, "1 SHA1 HEX:933F62BE1D604E68A81B557F18CFA200483F5B70\n").has_value());
    QVERIFY(readKeyFile(path, std::nullopt, true).ok());
    QVERIFY(QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::ReadOther));
    const auto refused = readKeyFile(path, std::nullopt, true);
    QVERIFY(!refused.ok());
    QVERIFY(refused.errorMessage().startsWith(u"refusing to use "_s + path));
    // Importing (not using) may read it; the caller warns.
    const auto read = readKeyFile(path, std::nullopt, false);
    QVERIFY(read.ok());
    QCOMPARE(read->keys.size(), 1);
    QVERIFY(!readKeyFile(dir.filePath(u"missing"_s), std::nullopt, true).ok());
}

void TestKeyFile::keyCountIsBounded()
{
    QByteArray text;
    for (int id = 1; id <= MAX_KEY_FILE_KEYS + 2; ++id)
        text += QByteArray::number(id) + " SHA1 HEX:0102030405060708090A0B0C0D0E0F1011121314\n";
    const KeyFileContents contents = parseKeyFile(text, u"many.keys"_s, KeyFileFormat::Chrony);
    QCOMPARE(contents.keys.size(), MAX_KEY_FILE_KEYS);
    QCOMPARE(contents.errors.size(), 2);
    QCOMPARE(contents.errors.first().line, MAX_KEY_FILE_KEYS + 1);
    QCOMPARE(contents.errors.first().message, u"more than 1024 keys in one file; this key is not read"_s);
    QVERIFY(contents.describeErrors().startsWith(u"many.keys:1025: more than 1024 keys"_s));
}

// Regression (issue 13, fuzz_keyfile crash input tests/fuzz/seeds/keyfile/regression_label_grows):
// a label of invalid UTF-8 decodes to U+FFFD, which is written back as 9 characters each; a
// 300-byte line became a 2 000-character one that the parser then refused, so a store holding
// it could not be read again. Such a line is refused when read, and KeyStore refuses such a label.
void TestKeyFile::metadataThatCannotBeWrittenBackIsRefused()
{
    const QByteArray line = "#@key 1 label=" + QByteArray(250, '\xff') + "\n1 SHA1 HEX:00112233445566778899\n";
    const KeyFileContents contents = parseKeyFile(line, u"keys"_s, KeyFileFormat::Chrony);
    QCOMPARE(contents.errors.size(), 1);
    QCOMPARE(contents.errors.first().line, 1);
    QVERIFY2(contents.errors.first().message.contains(u"limit 2047"_s), qPrintable(contents.errors.first().message));
    QCOMPARE(contents.keys.size(), 1);
    QVERIFY(contents.keys.first().label.isEmpty());
    // What is accepted is written back within the limit and reads again without errors.
    const chronoscope::Result<QByteArray> written = writeKeyFile(contents.keys, KeyFileFormat::Chrony, true);
    QVERIFY(written);
    QVERIFY(!parseKeyFile(*written, u"keys"_s, KeyFileFormat::Chrony).hasErrors());

    KeyStore store(u"/nonexistent/keys"_s);
    SymmetricKey key;
    key.id = 1;
    key.type = KeyType::Sha1;
    key.secret = SecretBytes(QByteArray(20, 'k'));
    key.label = QString(300, QChar(0x4e2d));   // 300 CJK characters: 2 700 percent-encoded
    const std::optional<chronoscope::Error> refused = store.add(key);
    QVERIFY(refused);
    QVERIFY2(refused->message.contains(u"too long"_s), qPrintable(refused->message));
    key.label = QString(200, QChar(0x4e2d));
    QVERIFY(!store.add(key));
}

QTEST_GUILESS_MAIN(TestKeyFile)
#include "tst_keyfile.moc"

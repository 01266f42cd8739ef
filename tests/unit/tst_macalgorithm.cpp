// SPDX-License-Identifier: GPL-3.0-or-later
// MAC algorithms and the MAC trailer: known-answer tests from the reference vectors (fixed headers
// and packets captured between chrony and ntpsec) and RFC 4493's AES-CMAC examples.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QtEndian>

#include "core/auth/keygenerator.h"
#include "core/auth/macalgorithm.h"
#include "core/ntp/ntppacket.h"
#include "core/ntp/packetmac.h"

using namespace Qt::StringLiterals;
using chronoscope::auth::KeyType;
using chronoscope::auth::SecretBytes;
using chronoscope::auth::SymmetricKey;

Q_DECLARE_METATYPE(chronoscope::auth::KeyType)

namespace {

QJsonObject vectors()
{
    QFile file(QStringLiteral(CHRONOSCOPE_TEST_DATA "/ntp-mac-vectors.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return QJsonDocument::fromJson(file.readAll()).object();
}

QByteArray hex(const QJsonValue &value)
{
    return QByteArray::fromHex(value.toString().toLatin1());
}

KeyType typeOf(const QJsonValue &name)
{
    const auto type = chronoscope::auth::parseKeyTypeName(name.toString());
    if (!type)
        qFatal("unknown key type %s in the vectors", qPrintable(name.toString()));
    return *type;
}

SymmetricKey keyFor(const QJsonObject &vector)
{
    SymmetricKey key;
    key.id = std::uint32_t(vector[u"keyid"_s].toInt());
    key.type = typeOf(vector[u"key_type"_s]);
    key.secret = SecretBytes(hex(vectors()[u"keys"_s].toObject()[QString::number(key.id)].toObject()[u"key_hex"_s]));
    return key;
}

// The 64-byte message of RFC 4493 §4 (the NIST SP 800-38B AES examples).
const QByteArray RFC4493_KEY = QByteArray::fromHex("2b7e151628aed2a6abf7158809cf4f3c");
const QByteArray RFC4493_MESSAGE = QByteArray::fromHex(
    "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
    "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710");

} // namespace

class TestMacAlgorithm : public QObject
{
    Q_OBJECT

private slots:
    void fixedVectors_data();
    void fixedVectors();
    void capturedPackets_data();
    void capturedPackets();
    void rfc4493_data();
    void rfc4493();
    void verifyRejectsAnyChange_data();
    void verifyRejectsAnyChange();
    void constantTimeEqualsChecksLength();
    void cmacRefusesWrongKeyLength();
    void keyTypeNames();
    void generatedKeysHaveTheRightLength_data();
    void generatedKeysHaveTheRightLength();
    void generatedKeysDiffer();
    void secretIsMaskedInDebugOutput();
};

void TestMacAlgorithm::fixedVectors_data()
{
    QTest::addColumn<QJsonObject>("vector");
    const QJsonArray fixed = vectors()[u"fixed"_s].toArray();
    QVERIFY(fixed.size() >= 5);
    for (const QJsonValue &v : fixed) {
        const QJsonObject o = v.toObject();
        QTest::addRow("key %d %s", o[u"keyid"_s].toInt(), qPrintable(o[u"key_type"_s].toString())) << o;
    }
}

void TestMacAlgorithm::fixedVectors()
{
    QFETCH(QJsonObject, vector);
    const SymmetricKey key = keyFor(vector);
    const QByteArray packet = hex(vector[u"packet_hex"_s]);
    QCOMPARE(packet.size(), 48);

    const auto full = chronoscope::auth::computeMac(key.type, key.secret.reveal(), packet);
    QVERIFY2(full.ok(), qPrintable(full.errorMessage()));
    QCOMPARE(full->toHex(), vector[u"mac_full_hex"_s].toString().toLatin1());
    const auto wire = chronoscope::auth::computeWireMac(key.type, key.secret.reveal(), packet);
    QVERIFY(wire.ok());
    QCOMPARE(wire->toHex(), vector[u"mac_trunc20_hex"_s].toString().toLatin1());
    QCOMPARE(wire->size(), chronoscope::auth::wireMacLength(key.type));

    // The whole wire packet: header ‖ key id ‖ MAC.
    const auto signedPacket = chronoscope::ntp::appendMac(packet, key);
    QVERIFY(signedPacket.ok());
    QCOMPARE(signedPacket->toHex(), vector[u"wire_hex"_s].toString().toLatin1());
}

void TestMacAlgorithm::capturedPackets_data()
{
    QTest::addColumn<QJsonObject>("vector");
    const QJsonArray captured = vectors()[u"captured"_s].toArray();
    QVERIFY(captured.size() >= 20);
    for (const QJsonValue &v : captured) {
        const QJsonObject o = v.toObject();
        QTest::addRow("%s %s %s", qPrintable(o[u"capture"_s].toString()), qPrintable(o[u"key_type"_s].toString()),
                      qPrintable(o[u"direction"_s].toString()))
            << o;
    }
}

void TestMacAlgorithm::capturedPackets()
{
    QFETCH(QJsonObject, vector);
    const SymmetricKey key = keyFor(vector);
    const QByteArray header = hex(vector[u"header_hex"_s]);
    const QByteArray mac = hex(vector[u"mac_hex"_s]);
    const QByteArray wire = hex(vector[u"wire_hex"_s]);
    QCOMPARE(mac.size(), vector[u"mac_len"_s].toInt());

    // chrony sends SHA256 as NTPv3 with all 32 bytes; everything else fits the wire length.
    const auto full = chronoscope::auth::computeMac(key.type, key.secret.reveal(), header);
    QVERIFY(full.ok());
    QCOMPARE(full->left(mac.size()).toHex(), mac.toHex());

    // The datagram is header ‖ key id ‖ MAC.
    QCOMPARE(wire.left(48), header);
    QCOMPARE(qFromBigEndian<quint32>(wire.constData() + 48), key.id);
    QCOMPARE(wire.mid(52), mac);

    if (mac.size() == chronoscope::auth::wireMacLength(key.type)) {
        // What our client accepts as a reply, and produces as a request, byte for byte.
        const auto packet = chronoscope::ntp::decode(wire);
        QVERIFY2(packet.ok(), qPrintable(packet.errorMessage()));
        QVERIFY(packet->mac.has_value());
        QCOMPARE(packet->mac->keyId, key.id);
        QCOMPARE(packet->mac->digest, mac);
        QVERIFY(!chronoscope::ntp::checkReplyMac(wire, *packet, key).has_value());
        const auto resigned = chronoscope::ntp::appendMac(header, key);
        QVERIFY(resigned.ok());
        QCOMPARE(resigned->toHex(), wire.toHex());
    } else {
        // chrony's SHA256 as NTPv3 with all 32 bytes: the full digest matches; we ourselves
        // send and accept the NTPv4 form truncated to 20 bytes (reference README).
        QCOMPARE(key.type, KeyType::Sha256);
        QCOMPARE(mac.size(), 32);
        QCOMPARE(vector[u"version"_s].toInt(), 3);
    }
}

void TestMacAlgorithm::rfc4493_data()
{
    QTest::addColumn<int>("length");
    QTest::addColumn<QByteArray>("tag");
    QTest::newRow("empty") << 0 << QByteArray("bb1d6929e95937287fa37d129b756746");
    QTest::newRow("16 bytes") << 16 << QByteArray("070a16b46b4d4144f79bdd9dd04a287c");
    QTest::newRow("40 bytes") << 40 << QByteArray("dfa66747de9ae63030ca32611497c827");
    QTest::newRow("64 bytes") << 64 << QByteArray("51f0bebf7e3b9d92fc49741779363cfe");
}

void TestMacAlgorithm::rfc4493()
{
    QFETCH(int, length);
    QFETCH(QByteArray, tag);
    const auto mac = chronoscope::auth::computeMac(KeyType::Aes128Cmac, RFC4493_KEY, RFC4493_MESSAGE.left(length));
    QVERIFY2(mac.ok(), qPrintable(mac.errorMessage()));
    QCOMPARE(mac->toHex(), tag);
    QVERIFY(chronoscope::auth::verifyWireMac(KeyType::Aes128Cmac, RFC4493_KEY, RFC4493_MESSAGE.left(length),
                                             QByteArray::fromHex(tag)));
}

void TestMacAlgorithm::verifyRejectsAnyChange_data()
{
    fixedVectors_data();
}

void TestMacAlgorithm::verifyRejectsAnyChange()
{
    QFETCH(QJsonObject, vector);
    const SymmetricKey key = keyFor(vector);
    const QByteArray packet = hex(vector[u"packet_hex"_s]);
    const QByteArray mac = hex(vector[u"mac_trunc20_hex"_s]);
    QVERIFY(chronoscope::auth::verifyWireMac(key.type, key.secret.reveal(), packet, mac));
    // One flipped bit anywhere in the MAC, the packet or the key fails.
    for (qsizetype i = 0; i < mac.size(); ++i) {
        QByteArray bad = mac;
        bad[i] = char(bad[i] ^ 0x01);
        QVERIFY(!chronoscope::auth::verifyWireMac(key.type, key.secret.reveal(), packet, bad));
    }
    QByteArray badPacket = packet;
    badPacket[47] = char(badPacket[47] ^ 0x80);
    QVERIFY(!chronoscope::auth::verifyWireMac(key.type, key.secret.reveal(), badPacket, mac));
    QByteArray badKey = key.secret.reveal();
    badKey[0] = char(badKey[0] ^ 0x01);
    QVERIFY(!chronoscope::auth::verifyWireMac(key.type, badKey, packet, mac));
    // Truncated or extended MACs fail on length.
    QVERIFY(!chronoscope::auth::verifyWireMac(key.type, key.secret.reveal(), packet, mac.left(mac.size() - 1)));
    QVERIFY(!chronoscope::auth::verifyWireMac(key.type, key.secret.reveal(), packet, QByteArray(mac + '\0')));
}

void TestMacAlgorithm::constantTimeEqualsChecksLength()
{
    QVERIFY(chronoscope::auth::constantTimeEquals("abc", "abc"));
    QVERIFY(!chronoscope::auth::constantTimeEquals("abc", "abd"));
    QVERIFY(!chronoscope::auth::constantTimeEquals("abc", "abcd"));
    QVERIFY(chronoscope::auth::constantTimeEquals(QByteArrayView(), QByteArrayView()));
}

void TestMacAlgorithm::cmacRefusesWrongKeyLength()
{
    const auto mac = chronoscope::auth::computeMac(KeyType::Aes256Cmac, RFC4493_KEY, RFC4493_MESSAGE);
    QVERIFY(!mac.ok());
    QVERIFY2(mac.errorMessage().contains(u"32-byte key, got 16 bytes"_s), qPrintable(mac.errorMessage()));
}

void TestMacAlgorithm::keyTypeNames()
{
    using namespace chronoscope::auth;
    QCOMPARE(keyTypeId(KeyType::Md5), u"md5"_s);
    QCOMPARE(keyTypeId(KeyType::Sha1), u"sha1"_s);
    QCOMPARE(keyTypeId(KeyType::Aes128Cmac), u"aes128-cmac"_s);
    QCOMPARE(keyTypeId(KeyType::Aes256Cmac), u"aes256-cmac"_s);
    for (KeyType type : ALL_KEY_TYPES) {
        QCOMPARE(keyTypeFromId(keyTypeId(type)), type);
        QCOMPARE(parseKeyTypeName(chronyTypeName(type)), type);
        QCOMPARE(parseKeyTypeName(ntpTypeName(type)), type);
    }
    QCOMPARE(parseKeyTypeName(u"aes"_s), KeyType::Aes128Cmac);
    QCOMPARE(parseKeyTypeName(u"SHA-1"_s), KeyType::Sha1);
    QVERIFY(!parseKeyTypeName(u"SHA512"_s));
    QVERIFY(!parseKeyTypeName(u"TIGER"_s));
    QCOMPARE(wireMacLength(KeyType::Sha256), 20);
    QCOMPARE(digestLength(KeyType::Sha256), 32);
}

void TestMacAlgorithm::generatedKeysHaveTheRightLength_data()
{
    QTest::addColumn<KeyType>("type");
    QTest::addColumn<int>("bytes");
    QTest::newRow("MD5") << KeyType::Md5 << 20;
    QTest::newRow("SHA1") << KeyType::Sha1 << 20;
    QTest::newRow("SHA256") << KeyType::Sha256 << 32;
    QTest::newRow("AES128") << KeyType::Aes128Cmac << 16;
    QTest::newRow("AES256") << KeyType::Aes256Cmac << 32;
}

void TestMacAlgorithm::generatedKeysHaveTheRightLength()
{
    QFETCH(KeyType, type);
    QFETCH(int, bytes);
    const auto key = chronoscope::auth::generateKey(42, type);
    QVERIFY2(key.ok(), qPrintable(key.errorMessage()));
    QCOMPARE(key->id, 42u);
    QCOMPARE(key->type, type);
    QCOMPARE(key->secret.size(), bytes);
    QVERIFY(!chronoscope::auth::validateKey(*key).has_value());
    // Usable at once: it signs a packet.
    QVERIFY(chronoscope::auth::computeWireMac(type, key->secret.reveal(), QByteArray(48, '\0')).ok());
}

void TestMacAlgorithm::generatedKeysDiffer()
{
    // 64 keys of 128 bits: a repeat (or an all-zero key) would mean a broken generator.
    QSet<QByteArray> seen;
    for (int i = 0; i < 64; ++i) {
        const auto key = chronoscope::auth::generateKey(1, KeyType::Aes128Cmac);
        QVERIFY(key.ok());
        QVERIFY(key->secret.reveal() != QByteArray(16, '\0'));
        seen.insert(QByteArray(key->secret.reveal().constData(), key->secret.size()));   // outlives the key
    }
    QCOMPARE(seen.size(), 64);
}

void TestMacAlgorithm::secretIsMaskedInDebugOutput()
{
    const SecretBytes secret(QByteArray("tulip-secret"));
    QString text;
    QDebug(&text) << secret;
    QCOMPARE(text.trimmed(), u"SecretBytes(12 bytes)"_s);
    QVERIFY(secret == SecretBytes(QByteArray("tulip-secret")));
    QVERIFY(!(secret == SecretBytes(QByteArray("tulip-secreT"))));
}

QTEST_GUILESS_MAIN(TestMacAlgorithm)
#include "tst_macalgorithm.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Packet codec: header layout (RFC 5905 §7.3, NTP-NOTES §1.1), extension fields and MAC trailers
// (RFC 7822, NTP-NOTES §1.4). Byte strings are written out by hand from the layout tables.
#include <QTest>

#include "core/ntp/ntppacket.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::ntp;
using chronoscope::Result;

Q_DECLARE_METATYPE(chronoscope::ntp::Packet)

namespace {

// A server reply header, field by field (48 bytes):
//   24        LI 0, VN 4, mode 4
//   01        stratum 1
//   06        poll 2^6
//   ec        precision −20
//   00000148  root delay 0x148 / 65536 s
//   00000042  root dispersion 0x42 / 65536 s
//   4c4f434c  reference id "LOCL"
//   then reference, origin, receive and transmit timestamps.
const char SERVER_HEADER_HEX[] =
    "240106ec" "00000148" "00000042" "4c4f434c"
    "e9f2c5a000000000"
    "0123456789abcdef"
    "e9f2c5a180000000"
    "e9f2c5a180100000";

QByteArray serverHeader(char byte0 = 0x24)
{
    QByteArray h = QByteArray::fromHex(SERVER_HEADER_HEX);
    Q_ASSERT(h.size() == HEADER_SIZE);
    h[0] = byte0;
    return h;
}

// An extension field: type, length (the whole field), then `length − 4` body bytes 0xA0, 0xA1, ...
QByteArray extensionField(quint16 type, quint16 length, int bodyBytes = -1)
{
    QByteArray f;
    f.append(char(type >> 8)).append(char(type)).append(char(length >> 8)).append(char(length));
    const int n = bodyBytes >= 0 ? bodyBytes : length - 4;
    for (int i = 0; i < n; ++i)
        f.append(char(0xA0 + (i & 0x1F)));
    return f;
}

QByteArray bytes(int count, char value)
{
    return QByteArray(count, value);
}

QByteArray bodyOf(int size, char first)
{
    QByteArray b;
    for (int i = 0; i < size; ++i)
        b.append(char(first + i));
    return b;
}

Packet sampleServerReply()
{
    Packet p;
    p.leap = LeapIndicator::NoWarning;
    p.version = 4;
    p.mode = Mode::Server;
    p.stratum = 2;
    p.poll = 10;
    p.precision = -23;
    p.rootDelay = NtpShort(0x00001234u);
    p.rootDispersion = NtpShort(0x00000567u);
    p.referenceId = 0xC0000201u; // 192.0.2.1
    p.referenceTime = NtpTimestamp(0xE9F2C5A012345678ULL);
    p.originTime = NtpTimestamp(0xFEDCBA9876543210ULL);
    p.receiveTime = NtpTimestamp(0xE9F2C5A180000000ULL);
    p.transmitTime = NtpTimestamp(0xE9F2C5A180100000ULL);
    return p;
}

} // namespace

class TstNtpPacket : public QObject
{
    Q_OBJECT

private slots:
    void decodeHeaderFields();
    void encodeHeaderBytes();
    void packetRoundTrip_data();
    void packetRoundTrip();
    void bytesRoundTrip_data();
    void bytesRoundTrip();
    void encodePadsExtensionFields();
    void malformed_data();
    void malformed();
    void referenceIdAscii_data();
    void referenceIdAscii();
};

void TstNtpPacket::decodeHeaderFields()
{
    const Result<Packet> r = decode(serverHeader());
    QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
    const Packet &p = r.value();
    QCOMPARE(p.leap, LeapIndicator::NoWarning);
    QCOMPARE(p.version, std::uint8_t(4));
    QCOMPARE(p.mode, Mode::Server);
    QCOMPARE(p.stratum, std::uint8_t(1));
    QCOMPARE(p.poll, std::int8_t(6));
    QCOMPARE(p.precision, std::int8_t(-20));
    QCOMPARE(p.rootDelay.raw(), 0x148u);
    QCOMPARE(p.rootDispersion.raw(), 0x42u);
    QCOMPARE(p.referenceId, 0x4C4F434Cu);
    QCOMPARE(p.referenceTime.raw(), 0xE9F2C5A000000000ULL);
    QCOMPARE(p.originTime.raw(), 0x0123456789ABCDEFULL);
    QCOMPARE(p.receiveTime.raw(), 0xE9F2C5A180000000ULL);
    QCOMPARE(p.transmitTime.raw(), 0xE9F2C5A180100000ULL);
    QVERIFY(p.extensions.isEmpty());
    QVERIFY(!p.mac);
    QVERIFY(!p.cryptoNak);

    // Byte 0 = LI<<6 | VN<<3 | mode: 0xDC = 11 011 100 → LI 3, v3, server.
    const Result<Packet> alarm = decode(serverHeader(char(0xDC)));
    QVERIFY2(alarm.ok(), qPrintable(alarm.errorMessage()));
    QCOMPARE(alarm->leap, LeapIndicator::Unsynchronized);
    QCOMPARE(alarm->version, std::uint8_t(3));
    QCOMPARE(alarm->mode, Mode::Server);
}

void TstNtpPacket::encodeHeaderBytes()
{
    Packet p;
    p.leap = LeapIndicator::AddSecond; // 01
    p.version = 4;                     // 100
    p.mode = Mode::Client;             // 011 → 0110 0011 = 0x63
    p.stratum = 3;
    p.poll = -4;                       // 0xfc
    p.precision = -20;                 // 0xec
    p.rootDelay = NtpShort(0x00010002u);
    p.rootDispersion = NtpShort(0x00030004u);
    p.referenceId = 0x7F000001u;
    p.referenceTime = NtpTimestamp(0x1111111122222222ULL);
    p.originTime = NtpTimestamp(0x3333333344444444ULL);
    p.receiveTime = NtpTimestamp(0x5555555566666666ULL);
    p.transmitTime = NtpTimestamp(0x7777777788888888ULL);
    const QByteArray expected = QByteArray::fromHex(
        "6303fcec" "00010002" "00030004" "7f000001"
        "1111111122222222" "3333333344444444" "5555555566666666" "7777777788888888");
    QCOMPARE(encode(p), expected);
}

void TstNtpPacket::packetRoundTrip_data()
{
    QTest::addColumn<Packet>("packet");
    QTest::addColumn<int>("encodedSize");

    QTest::newRow("default client request") << Packet{} << 48;
    QTest::newRow("server reply header") << sampleServerReply() << 48;

    Packet leap = sampleServerReply();
    leap.leap = LeapIndicator::DeleteSecond;
    QTest::newRow("leap delete") << leap << 48;
    leap.leap = LeapIndicator::Unsynchronized;
    leap.stratum = 0;
    leap.referenceId = 0x52415445u; // "RATE"
    QTest::newRow("kiss-o'-death") << leap << 48;

    Packet extreme = sampleServerReply();
    extreme.poll = -128;
    extreme.precision = 127;
    extreme.stratum = 255;
    extreme.rootDelay = NtpShort(0xFFFFFFFFu);
    extreme.rootDispersion = NtpShort(0xFFFFFFFFu);
    extreme.mode = Mode::Private;
    QTest::newRow("extreme field values") << extreme << 48;

    Packet v3 = sampleServerReply();
    v3.version = 3;
    QTest::newRow("v3 header") << v3 << 48;
    v3.version = 1;
    QTest::newRow("v1 header") << v3 << 48;

    // Last EF without a MAC: 4 + 24 = 28 bytes, the RFC 7822 minimum.
    Packet oneEf = sampleServerReply();
    oneEf.extensions = {ExtensionField{0x0104, bodyOf(24, 'a')}};
    QTest::newRow("one extension field") << oneEf << 48 + 28;

    // Non-last EF at its 16-byte minimum, then a 40-byte last EF.
    Packet twoEf = sampleServerReply();
    twoEf.extensions = {ExtensionField{0x0204, bodyOf(12, 'A')}, ExtensionField{0x0404, bodyOf(36, 'a')}};
    QTest::newRow("two extension fields") << twoEf << 48 + 16 + 40;

    Packet mac20 = sampleServerReply();
    mac20.mac = MacTrailer{42, bodyOf(16, '0')};
    QTest::newRow("MAC 20 bytes") << mac20 << 48 + 20;

    Packet mac24 = sampleServerReply();
    mac24.mac = MacTrailer{0xFFFFFFFFu, bodyOf(20, '0')};
    QTest::newRow("MAC 24 bytes") << mac24 << 48 + 24;

    Packet macZeroKey = sampleServerReply();
    macZeroKey.mac = MacTrailer{0, QByteArray(16, '\0')};
    QTest::newRow("MAC 20 bytes, key id 0") << macZeroKey << 48 + 20;

    // With a MAC after it, the last EF may be 16 bytes.
    Packet efMac = sampleServerReply();
    efMac.extensions = {ExtensionField{0x0104, bodyOf(12, 'a')}};
    efMac.mac = MacTrailer{7, bodyOf(20, 'k')};
    QTest::newRow("EF then MAC 24") << efMac << 48 + 16 + 24;

    Packet efsMac = sampleServerReply();
    efsMac.extensions = {ExtensionField{0x0104, bodyOf(12, 'a')}, ExtensionField{0xF323, bodyOf(20, 'b')}};
    efsMac.mac = MacTrailer{0x01020304u, bodyOf(16, 'k')};
    QTest::newRow("two EFs then MAC 20") << efsMac << 48 + 16 + 24 + 20;

    Packet nak = sampleServerReply();
    nak.cryptoNak = true;
    QTest::newRow("crypto-NAK") << nak << 48 + 4;

    Packet v3mac = sampleServerReply();
    v3mac.version = 3;
    v3mac.mac = MacTrailer{1, bodyOf(16, 'm')};
    QTest::newRow("v3 MAC 20") << v3mac << 48 + 20;
    v3mac.mac = MacTrailer{2, bodyOf(20, 'm')};
    QTest::newRow("v3 MAC 24") << v3mac << 48 + 24;

    // The largest accepted datagram: 48 + one 976-byte EF = 1024.
    Packet largest = sampleServerReply();
    largest.extensions = {ExtensionField{0x0304, QByteArray(972, 'z')}};
    QTest::newRow("1024 bytes") << largest << 1024;
}

void TstNtpPacket::packetRoundTrip()
{
    QFETCH(Packet, packet);
    QFETCH(int, encodedSize);
    const QByteArray wire = encode(packet);
    QCOMPARE(wire.size(), encodedSize);
    const Result<Packet> back = decode(wire);
    QVERIFY2(back.ok(), qPrintable(back.errorMessage()));
    QVERIFY(back.value() == packet);
    // Spot-check the fields operator== covers, so a failure says which one.
    QCOMPARE(back->extensions, packet.extensions);
    QCOMPARE(back->mac.has_value(), packet.mac.has_value());
    if (packet.mac) {
        QCOMPARE(back->mac->keyId, packet.mac->keyId);
        QCOMPARE(back->mac->digest, packet.mac->digest);
    }
    QCOMPARE(back->cryptoNak, packet.cryptoNak);
    QCOMPARE(back->transmitTime, packet.transmitTime);
}

void TstNtpPacket::bytesRoundTrip_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<int>("extensionCount");
    QTest::addColumn<int>("macDigestSize"); // −1: no MAC
    QTest::addColumn<bool>("cryptoNak");

    QTest::newRow("header only") << serverHeader() << 0 << -1 << false;
    QTest::newRow("v1") << serverHeader(0x0C) << 0 << -1 << false;
    QTest::newRow("v2") << serverHeader(0x14) << 0 << -1 << false;
    QTest::newRow("client mode") << serverHeader(0x23) << 0 << -1 << false;
    // NTS unique identifier EF (type 0x0104) of 36 bytes: header + 32 bytes.
    QTest::newRow("one EF 36") << serverHeader() + extensionField(0x0104, 36) << 1 << -1 << false;
    QTest::newRow("EF 16 + EF 28") << serverHeader() + extensionField(0x0104, 16) + extensionField(0x0404, 28)
                                   << 2 << -1 << false;
    QTest::newRow("EF 20 + EF 28") << serverHeader() + extensionField(0x0104, 20) + extensionField(0x0404, 28)
                                   << 2 << -1 << false;
    // Padding bytes are part of the body and must survive even when they are not zero.
    QByteArray padded = serverHeader() + extensionField(0x0204, 32, 25);
    padded.append("\x01\x02\x03", 3);
    QTest::newRow("EF with nonzero padding") << padded << 1 << -1 << false;
    QTest::newRow("MAC 20") << serverHeader() + QByteArray::fromHex("0000002a") + bytes(16, 'm') << 0 << 16 << false;
    QTest::newRow("MAC 24") << serverHeader() + QByteArray::fromHex("0000002a") + bytes(20, 'm') << 0 << 20 << false;
    QTest::newRow("EF 16 + MAC 20") << serverHeader() + extensionField(0x0104, 16) + QByteArray::fromHex("00000001")
            + bytes(16, 'm')
                                    << 1 << 16 << false;
    QTest::newRow("EF 28 + MAC 24") << serverHeader() + extensionField(0x0104, 28) + QByteArray::fromHex("00000001")
            + bytes(20, 'm')
                                    << 1 << 20 << false;
    QTest::newRow("crypto-NAK") << serverHeader() + bytes(4, '\0') << 0 << -1 << true;
    QTest::newRow("v3 MAC 20") << serverHeader(0x1C) + QByteArray::fromHex("00000005") + bytes(16, 'd') << 0 << 16
                               << false;
    QTest::newRow("v3 MAC 24") << serverHeader(0x1C) + QByteArray::fromHex("00000005") + bytes(20, 'd') << 0 << 20
                               << false;
    QTest::newRow("1024 bytes") << serverHeader() + extensionField(0x0304, 976) << 1 << -1 << false;
}

void TstNtpPacket::bytesRoundTrip()
{
    QFETCH(QByteArray, wire);
    QFETCH(int, extensionCount);
    QFETCH(int, macDigestSize);
    QFETCH(bool, cryptoNak);
    const Result<Packet> r = decode(wire);
    QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
    QCOMPARE(r->extensions.size(), qsizetype(extensionCount));
    QCOMPARE(r->mac.has_value(), macDigestSize >= 0);
    if (r->mac)
        QCOMPARE(r->mac->digest.size(), qsizetype(macDigestSize));
    QCOMPARE(r->cryptoNak, cryptoNak);
    QCOMPARE(encode(r.value()), wire);
}

void TstNtpPacket::encodePadsExtensionFields()
{
    // A 5-byte body: a non-last EF is padded to the 16-byte minimum, the last one (no MAC) to 28.
    Packet p = sampleServerReply();
    p.extensions = {ExtensionField{0x0104, "12345"_ba}, ExtensionField{0x0204, "abcde"_ba}};
    const QByteArray wire = encode(p);
    QCOMPARE(wire.size(), 48 + 16 + 28);
    QCOMPARE(wire.mid(48, 4), QByteArray::fromHex("01040010")); // type 0x0104, length 16
    QCOMPARE(wire.mid(64, 4), QByteArray::fromHex("0204001c")); // type 0x0204, length 28
    const Result<Packet> back = decode(wire);
    QVERIFY2(back.ok(), qPrintable(back.errorMessage()));
    QCOMPARE(back->extensions.size(), qsizetype(2));
    QCOMPARE(back->extensions.at(0).body, "12345"_ba + QByteArray(7, '\0'));
    QCOMPARE(back->extensions.at(1).body, "abcde"_ba + QByteArray(19, '\0'));

    // A 17-byte body rounds up to a multiple of 4: 4 + 17 = 21 → 24 when a MAC follows.
    Packet m = sampleServerReply();
    m.extensions = {ExtensionField{0x0304, QByteArray(17, 'x')}};
    m.mac = MacTrailer{9, QByteArray(16, 'y')};
    const QByteArray macWire = encode(m);
    QCOMPARE(macWire.size(), 48 + 24 + 20);
    QCOMPARE(macWire.mid(48, 4), QByteArray::fromHex("03040018"));
    const Result<Packet> macBack = decode(macWire);
    QVERIFY2(macBack.ok(), qPrintable(macBack.errorMessage()));
    QCOMPARE(macBack->extensions.at(0).body.size(), qsizetype(20));
    QCOMPARE(macBack->mac->keyId, 9u);
}

void TstNtpPacket::malformed_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QStringList>("mentions"); // substrings the error message must contain

    const QByteArray h = serverHeader();
    QTest::newRow("empty") << QByteArray() << QStringList{u"0 bytes"_s};
    QTest::newRow("truncated 47") << h.left(47) << QStringList{u"47"_s, u"48"_s};
    QTest::newRow("truncated 12") << h.left(12) << QStringList{u"12"_s};
    QTest::newRow("length 50") << h + bytes(2, '\0') << QStringList{u"50"_s, u"multiple of 4"_s};
    QTest::newRow("length 49") << h + bytes(1, '\0') << QStringList{u"49"_s};
    QTest::newRow("length 71") << h + bytes(23, '\0') << QStringList{u"71"_s};
    // Byte 0 with VN = 0, 5, 6, 7 (mode 4): 0x04, 0x2C, 0x34, 0x3C.
    QTest::newRow("version 0") << serverHeader(0x04) << QStringList{u"version 0"_s};
    QTest::newRow("version 5") << serverHeader(0x2C) << QStringList{u"version 5"_s};
    QTest::newRow("version 6") << serverHeader(0x34) << QStringList{u"version 6"_s};
    QTest::newRow("version 7") << serverHeader(0x3C) << QStringList{u"version 7"_s};
    QTest::newRow("oversized 1028") << serverHeader() + extensionField(0x0304, 980) << QStringList{u"1028"_s, u"1024"_s};
    QTest::newRow("oversized 1500") << h + bytes(1452, '\0') << QStringList{u"1500"_s};
    // 28 bytes after the header (neither 20 nor 24, so not a MAC), first EF claims 12 bytes.
    QTest::newRow("EF length 12") << h + extensionField(0x0104, 12, 24) << QStringList{u"length 12"_s, u"16"_s};
    QTest::newRow("EF length 0") << h + extensionField(0x0104, 0, 28) << QStringList{u"length 0"_s};
    QTest::newRow("EF length 30") << h + extensionField(0x0104, 30, 28) << QStringList{u"length 30"_s, u"multiple of 4"_s};
    QTest::newRow("EF length 33") << h + extensionField(0x0104, 33, 28) << QStringList{u"length 33"_s};
    QTest::newRow("EF past end") << h + extensionField(0x0104, 64, 28) << QStringList{u"64"_s, u"32"_s};
    QTest::newRow("second EF past end") << h + extensionField(0x0104, 16) + extensionField(0x0204, 100, 24)
                                        << QStringList{u"offset 64"_s, u"100"_s, u"28"_s};
    QTest::newRow("last EF 16 no MAC") << h + extensionField(0x0104, 16) << QStringList{u"length 16"_s, u"28"_s};
    QTest::newRow("last EF 16 after EF 16") << h + extensionField(0x0104, 16) + extensionField(0x0204, 16)
                                            << QStringList{u"offset 64"_s, u"length 16"_s};
    QTest::newRow("8 leftover bytes") << h + bytes(8, 'x') << QStringList{u"8 trailing bytes"_s, u"offset 48"_s};
    QTest::newRow("12 leftover bytes") << h + bytes(12, 'x') << QStringList{u"12 trailing bytes"_s};
    QTest::newRow("4 leftover after EF") << h + extensionField(0x0104, 28) + bytes(4, '\0')
                                         << QStringList{u"4 trailing bytes"_s, u"offset 76"_s};
    QTest::newRow("12 leftover after EF") << h + extensionField(0x0104, 28) + bytes(12, 'x')
                                          << QStringList{u"12 trailing bytes"_s, u"offset 76"_s};
    QTest::newRow("16-byte MAC after EF") << h + extensionField(0x0104, 28) + QByteArray::fromHex("00000001")
            + bytes(12, 'm')
                                          << QStringList{u"offset 76"_s};
    QTest::newRow("nonzero 4-byte trailer") << h + QByteArray::fromHex("00000005") << QStringList{u"key id 5"_s};
    QTest::newRow("4-byte trailer 0x01020304") << h + QByteArray::fromHex("01020304") << QStringList{u"16909060"_s};
    // NTPv1-3 carry no EFs: anything but a 20- or 24-byte MAC is malformed, even a crypto-NAK.
    QTest::newRow("v3 16-byte trailer") << serverHeader(0x1C) + bytes(16, 'x') << QStringList{u"NTPv3"_s, u"16"_s};
    QTest::newRow("v3 EF") << serverHeader(0x1C) + extensionField(0x0104, 28) << QStringList{u"NTPv3"_s, u"28"_s};
    QTest::newRow("v3 crypto-NAK") << serverHeader(0x1C) + bytes(4, '\0') << QStringList{u"NTPv3"_s, u"4"_s};
    QTest::newRow("v2 28-byte trailer") << serverHeader(0x14) + bytes(28, 'x') << QStringList{u"NTPv2"_s, u"28"_s};
}

void TstNtpPacket::malformed()
{
    QFETCH(QByteArray, wire);
    QFETCH(QStringList, mentions);
    const Result<Packet> r = decode(wire);
    QVERIFY2(!r.ok(), "decode accepted a malformed datagram");
    QVERIFY(!r.errorMessage().isEmpty());
    for (const QString &m : mentions)
        QVERIFY2(r.errorMessage().contains(m),
                 qPrintable(u"message '%1' does not mention '%2'"_s.arg(r.errorMessage(), m)));
}

void TstNtpPacket::referenceIdAscii_data()
{
    QTest::addColumn<quint32>("referenceId");
    QTest::addColumn<QByteArray>("text");

    QTest::newRow("LOCL") << 0x4C4F434Cu << "LOCL"_ba;
    QTest::newRow("RATE") << 0x52415445u << "RATE"_ba;
    QTest::newRow("GPS, NUL padded") << 0x47505300u << "GPS"_ba;
    QTest::newRow("zero") << 0u << QByteArray();
    QTest::newRow("IPv4 192.0.2.1") << 0xC0000201u << QByteArray();
    QTest::newRow("control char") << 0x41420143u << QByteArray();
    QTest::newRow("DEL") << 0x7F000001u << QByteArray();
}

void TstNtpPacket::referenceIdAscii()
{
    QFETCH(quint32, referenceId);
    QFETCH(QByteArray, text);
    QCOMPARE(chronoscope::ntp::referenceIdAscii(referenceId), text);
}

QTEST_APPLESS_MAIN(TstNtpPacket)

#include "tst_ntppacket.moc"

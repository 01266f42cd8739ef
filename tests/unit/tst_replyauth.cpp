// SPDX-License-Identifier: GPL-3.0-or-later
// RFC 5905 test 5 in the reply validator: a reply to an authenticated request must carry a valid
// MAC with the same key; missing MACs, other key ids, bad MACs and crypto-NAKs are rejected with
// their own reasons, before any kiss-o'-death is acted on, and never become measurements.
#include <QTest>

#include "core/auth/keygenerator.h"
#include "core/auth/macalgorithm.h"
#include "core/ntp/packetmac.h"
#include "core/ntp/replyvalidator.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::ntp;
using chronoscope::auth::KeyType;
using chronoscope::auth::SymmetricKey;

Q_DECLARE_METATYPE(chronoscope::ntp::RejectReason)
Q_DECLARE_METATYPE(chronoscope::auth::KeyType)

namespace {

constexpr qint64 BASE = 1700000000LL;
const NtpTimestamp NONCE(0x0123456789ABCDEFULL);
const NtpTimestamp T1 = NtpTimestamp::fromUnix(BASE, 0);
const NtpTimestamp T2 = NtpTimestamp::fromUnix(BASE, 20000000u);
const NtpTimestamp T3 = NtpTimestamp::fromUnix(BASE, 21000000u);
const NtpTimestamp T4 = NtpTimestamp::fromUnix(BASE, 40000000u);

SymmetricKey keyOf(KeyType type, std::uint32_t id = 9)
{
    const auto key = chronoscope::auth::generateKey(id, type);
    if (!key)
        qFatal("%s", qPrintable(key.errorMessage()));
    return *key;
}

Packet reply()
{
    Packet p;
    p.mode = Mode::Server;
    p.stratum = 1;
    p.poll = 6;
    p.precision = -20;
    p.referenceId = 0x4C4F434C; // LOCL
    p.referenceTime = NtpTimestamp::fromUnix(BASE - 16, 0);
    p.originTime = NONCE;
    p.receiveTime = T2;
    p.transmitTime = T3;
    return p;
}

QByteArray signedWith(const Packet &p, const SymmetricKey &key)
{
    const auto out = appendMac(encode(p), key);
    if (!out)
        qFatal("%s", qPrintable(out.errorMessage()));
    return *out;
}

// The key the failure cases are signed and checked with (a fixed secret, so both sides agree).
SymmetricKey fixedKey()
{
    SymmetricKey k;
    k.id = 9;
    k.type = KeyType::Aes128Cmac;
    k.secret = chronoscope::auth::SecretBytes(QByteArray(16, '\x42'));
    return k;
}

ReplyVerdict validate(const QByteArray &datagram, const SymmetricKey *key)
{
    ReplyContext c;
    c.serverAddress = QHostAddress(u"127.0.0.1"_s);
    c.serverPort = 123;
    c.request = OutstandingRequest{NONCE, T1, std::nullopt};
    c.key = key;
    return validateReply(datagram, c.serverAddress, c.serverPort, T4, c);
}

} // namespace

class TestReplyAuth : public QObject
{
    Q_OBJECT

private slots:
    void authenticReplyIsAccepted_data();
    void authenticReplyIsAccepted();
    void failures_data();
    void failures();
    void unauthenticatedKissIsNotActedOn();
    void authenticKissIsActedOn();
    void originTestComesFirst();
    void unauthenticatedRequestIgnoresTrailer();
    void requestCarriesKeyIdAndMac();
};

void TestReplyAuth::authenticReplyIsAccepted_data()
{
    QTest::addColumn<KeyType>("type");
    for (KeyType type : chronoscope::auth::ALL_KEY_TYPES)
        QTest::newRow(qPrintable(chronoscope::auth::keyTypeId(type))) << type;
}

void TestReplyAuth::authenticReplyIsAccepted()
{
    QFETCH(KeyType, type);
    const SymmetricKey key = keyOf(type);
    const ReplyVerdict v = validate(signedWith(reply(), key), &key);
    QVERIFY2(v.accepted(), qPrintable(v.detail));
    QVERIFY(v.authenticated);
    QVERIFY(std::abs(v.measurement.offset) < 0.01);
}

void TestReplyAuth::failures_data()
{
    QTest::addColumn<QByteArray>("datagram");
    QTest::addColumn<RejectReason>("reason");
    QTest::addColumn<QString>("detail");
    const SymmetricKey key = fixedKey();
    const SymmetricKey otherId = [&] {
        SymmetricKey k = key;
        k.id = 10;
        return k;
    }();
    const SymmetricKey otherSecret = keyOf(KeyType::Aes128Cmac);
    const QByteArray good = signedWith(reply(), key);

    QTest::newRow("no MAC") << encode(reply()) << RejectReason::AuthMissing << u"we sent key 9"_s;
    Packet nak = reply();
    nak.cryptoNak = true;
    QTest::newRow("crypto-NAK") << encode(nak) << RejectReason::CryptoNak << u"crypto-NAK"_s;
    QTest::newRow("other key id") << signedWith(reply(), otherId) << RejectReason::AuthKeyMismatch
                                  << u"key 10, we sent key 9"_s;
    QTest::newRow("other secret") << signedWith(reply(), otherSecret) << RejectReason::AuthBadMac
                                  << u"does not verify with key 9"_s;
    QByteArray flipped = good;
    flipped[flipped.size() - 1] = char(flipped[flipped.size() - 1] ^ 0x01);
    QTest::newRow("MAC bit flipped") << flipped << RejectReason::AuthBadMac << u"does not verify"_s;
    QByteArray header = good;
    header[40] = char(header[40] ^ 0x01); // T3 changed in transit
    QTest::newRow("header changed") << header << RejectReason::AuthBadMac << u"does not verify"_s;
    const SymmetricKey sha1 = [&] {
        SymmetricKey k = keyOf(KeyType::Sha1);
        k.id = 9;
        return k;
    }();
    QTest::newRow("SHA1-length MAC for a CMAC key") << signedWith(reply(), sha1) << RejectReason::AuthBadMac
                                                    << u"20-byte MAC for key 9, AES128 needs 16 bytes"_s;
}

void TestReplyAuth::failures()
{
    QFETCH(QByteArray, datagram);
    QFETCH(RejectReason, reason);
    QFETCH(QString, detail);
    const SymmetricKey key = fixedKey();
    // The untouched reply verifies, so each failure below is due to its one change.
    QVERIFY(validate(signedWith(reply(), key), &key).accepted());
    const ReplyVerdict v = validate(datagram, &key);
    QVERIFY(!v.accepted());
    QVERIFY(!v.authenticated);
    QCOMPARE(v.outcome, ReplyVerdict::Outcome::Rejected);
    QCOMPARE(*v.reason, reason);
    QVERIFY2(v.detail.contains(detail), qPrintable(v.detail));
}

void TestReplyAuth::unauthenticatedKissIsNotActedOn()
{
    const SymmetricKey key = keyOf(KeyType::Sha1);
    Packet kiss = reply();
    kiss.leap = LeapIndicator::Unsynchronized;
    kiss.stratum = 0;
    kiss.referenceId = 0x44454E59; // DENY
    const ReplyVerdict v = validate(encode(kiss), &key);
    QCOMPARE(v.outcome, ReplyVerdict::Outcome::Rejected);
    QCOMPARE(*v.reason, RejectReason::AuthMissing);
}

void TestReplyAuth::authenticKissIsActedOn()
{
    const SymmetricKey key = keyOf(KeyType::Sha1);
    Packet kiss = reply();
    kiss.leap = LeapIndicator::Unsynchronized;
    kiss.stratum = 0;
    kiss.referenceId = 0x52415445; // RATE
    const ReplyVerdict v = validate(signedWith(kiss, key), &key);
    QCOMPARE(v.outcome, ReplyVerdict::Outcome::Kiss);
    QCOMPARE(v.kissText, u"RATE"_s);
    QVERIFY(v.authenticated);
}

void TestReplyAuth::originTestComesFirst()
{
    // A reply that does not answer our request is dropped as bogus, whatever its MAC: an
    // off-path attacker cannot make us report an authentication failure.
    const SymmetricKey key = keyOf(KeyType::Md5);
    Packet p = reply();
    p.originTime = NtpTimestamp(~NONCE.raw());
    const ReplyVerdict v = validate(encode(p), &key);
    QCOMPARE(*v.reason, RejectReason::BogusOrigin);
}

void TestReplyAuth::unauthenticatedRequestIgnoresTrailer()
{
    const SymmetricKey key = keyOf(KeyType::Md5);
    const ReplyVerdict v = validate(signedWith(reply(), key), nullptr);
    QVERIFY(v.accepted());
    QVERIFY(!v.authenticated);
}

void TestReplyAuth::requestCarriesKeyIdAndMac()
{
    const SymmetricKey key = keyOf(KeyType::Sha256, 4242);
    const QByteArray request = encode(makeClientRequest(NONCE, 6));
    const auto wire = appendMac(request, key);
    QVERIFY(wire.ok());
    QCOMPARE(wire->size(), 48 + 4 + 20); // SHA256 truncated to 20 bytes for NTPv4
    const auto decoded = decode(*wire);
    QVERIFY2(decoded.ok(), qPrintable(decoded.errorMessage()));
    QCOMPARE(decoded->version, 4);
    QVERIFY(decoded->mac.has_value());
    QCOMPARE(decoded->mac->keyId, 4242u);
    QVERIFY(chronoscope::auth::verifyWireMac(KeyType::Sha256, key.secret.reveal(), request, decoded->mac->digest));
}

QTEST_GUILESS_MAIN(TestReplyAuth)
#include "tst_replyauth.moc"

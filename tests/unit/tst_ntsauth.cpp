// SPDX-License-Identifier: GPL-3.0-or-later
// NTS extension fields (RFC 8915 §5) and NtsAssociationAuth, the NTS hook of an association:
// the request layout (Unique Identifier, one cookie, placeholders, Authenticator over everything
// before it with the C2S key), replies verified before anything is trusted (unique identifier,
// authenticator last and valid with the S2C key), cookies harvested and never reused, NAKs, and
// every bad input of issue 14 rejected with a counted reason. The server side is played here
// with the same AEAD, keyed independently of the client's code paths.
#include <QTest>
#include <QtEndian>

#include "core/nts/aessivcmac.h"
#include "core/nts/kemessage.h"
#include "core/nts/ntsassociationauth.h"
#include "core/nts/ntsextensionfields.h"
#include "core/ntp/replyvalidator.h"

using namespace Qt::StringLiterals;
using namespace chronoscope;
using namespace chronoscope::nts;

namespace {

const QByteArray C2S(32, 'C');
const QByteArray S2C(32, 'S');

QByteArray u16(std::uint16_t v)
{
    char b[2];
    qToBigEndian(v, b);
    return QByteArray(b, 2);
}

QByteArray field(std::uint16_t type, const QByteArray &body)
{
    const qsizetype padded = (body.size() + 3) & ~qsizetype(3);
    return u16(type) + u16(std::uint16_t(4 + padded)) + body + QByteArray(padded - body.size(), '\0');
}

NtsKeSession session(int cookies = 8, qint64 ageSeconds = 0)
{
    NtsKeSession s;
    s.keHost = u"localhost"_s;
    s.kePort = 4460;
    s.ntpServer = u"127.0.0.1"_s;
    s.ntpPort = 123;
    s.aead = 15;
    s.c2sKey = auth::SecretBytes(C2S);
    s.s2cKey = auth::SecretBytes(S2C);
    for (int i = 0; i < cookies; ++i)
        s.cookies << QByteArray(100, char('a' + i));
    s.established = QDateTime::currentDateTimeUtc().addSecs(-ageSeconds);
    return s;
}

ntp::Packet clientHeader(std::uint64_t nonce = 0x1122334455667788ULL)
{
    return ntp::makeClientRequest(ntp::NtpTimestamp(nonce), 6);
}

// What the server reads from a request.
struct ParsedRequest
{
    QByteArray uniqueId;
    QByteArray cookie;
    int placeholders = 0;
    qsizetype placeholderSize = 0;
    bool authenticatorValid = false;
    int fieldCount = 0;
};

ParsedRequest parseRequest(const QByteArray &datagram)
{
    ParsedRequest parsed;
    const auto fields = splitExtensionFields(datagram, 48, 32);
    if (!fields)
        return parsed;
    parsed.fieldCount = int(fields->size());
    for (const FieldSpan &f : *fields) {
        const QByteArrayView body = f.body(datagram);
        switch (f.type) {
        case 0x0104: parsed.uniqueId = body.toByteArray(); break;
        case 0x0204: parsed.cookie = body.toByteArray(); break;
        case 0x0304:
            ++parsed.placeholders;
            parsed.placeholderSize = body.size();
            if (body != QByteArray(body.size(), '\0'))
                return parsed;
            break;
        case 0x0404: {
            const auto *d = reinterpret_cast<const uchar *>(body.data());
            const int nonceLength = qFromBigEndian<std::uint16_t>(d);
            const int cipherLength = qFromBigEndian<std::uint16_t>(d + 2);
            const auto plain = AesSivCmac256::decrypt(C2S, body.sliced(4, nonceLength), QByteArrayView(datagram).first(f.offset),
                                                      body.sliced(4 + nonceLength, cipherLength));
            parsed.authenticatorValid = plain && plain->isEmpty() && &f == &fields->last();
            break;
        }
        default: break;
        }
    }
    return parsed;
}

struct ReplyOptions
{
    QByteArray uniqueId;
    ntp::NtpTimestamp origin;
    QList<QByteArray> cookies;
    QByteArray key = S2C;
    bool authenticator = true;
    QByteArray trailingField;   // appended after the authenticator
    std::uint8_t stratum = 2;
    std::uint32_t refid = 0x7F000001;
};

QByteArray buildReply(const ReplyOptions &o)
{
    ntp::Packet p;
    p.mode = ntp::Mode::Server;
    p.stratum = o.stratum;
    p.referenceId = o.refid;
    p.originTime = o.origin;
    p.receiveTime = ntp::NtpTimestamp::fromUnix(1700000000, 0);
    p.transmitTime = ntp::NtpTimestamp::fromUnix(1700000000, 1000);
    QByteArray out = ntp::encode(p);
    out += field(0x0104, o.uniqueId);
    if (o.authenticator) {
        QByteArray plain;
        for (const QByteArray &c : o.cookies)
            plain += field(0x0204, c);
        const QByteArray nonce(16, 'N');
        const QByteArray sealed = *AesSivCmac256::encrypt(o.key, nonce, out, plain);
        out += field(0x0404, u16(16) + u16(std::uint16_t(sealed.size())) + nonce + sealed);
    }
    return out + o.trailingField;
}

struct Exchange
{
    ntp::Packet header;
    QByteArray request;
    ParsedRequest parsed;
};

Exchange send(NtsAssociationAuth &nts, std::uint64_t nonce = 0x1122334455667788ULL)
{
    Exchange e{clientHeader(nonce), {}, {}};
    e.request = nts.prepareRequest(e.header).value_or(QByteArray());
    e.parsed = parseRequest(e.request);
    return e;
}

ReplyOptions answer(const Exchange &e, int cookies = 1)
{
    ReplyOptions o;
    o.uniqueId = e.parsed.uniqueId;
    o.origin = e.header.transmitTime;
    for (int i = 0; i < cookies; ++i)
        o.cookies << QByteArray(100, char('A' + i));
    return o;
}

NtsReplyCheck receive(NtsAssociationAuth &nts, const QByteArray &reply)
{
    const Result<ntp::Packet> packet = ntp::decode(reply);
    if (!packet)
        qFatal("test reply does not decode: %s", qPrintable(packet.errorMessage()));
    return nts.checkReply(reply, *packet);
}

} // namespace

class TestNtsAuth : public QObject
{
    Q_OBJECT
private slots:
    void requestLayout()
    {
        NtsAssociationAuth nts;
        nts.install(session());
        const Exchange e = send(nts);
        QVERIFY(!e.request.isEmpty());
        QCOMPARE(e.request.first(48), ntp::encode(e.header));
        // UID (4 + 32) + cookie (4 + 100) + authenticator (4 + 2 + 2 + 16 + 16).
        QCOMPARE(e.request.size(), 48 + 36 + 104 + 40);
        QCOMPARE(e.parsed.fieldCount, 3);
        QCOMPARE(e.parsed.uniqueId.size(), 32);
        QCOMPARE(e.parsed.cookie, QByteArray(100, 'a'));
        QCOMPARE(e.parsed.placeholders, 0);
        QVERIFY(e.parsed.authenticatorValid);
        QCOMPARE(nts.cookiesHeld(), 7);
        // The request is a valid NTPv4 packet for the generic decoder too.
        QVERIFY(ntp::decode(e.request));
    }

    void freshUniqueIdAndCookieEveryRequest()
    {
        NtsAssociationAuth nts;
        nts.install(session());
        QSet<QByteArray> ids, cookies;
        for (int i = 0; i < 8; ++i) {
            const Exchange e = send(nts, 0x1000 + i);
            QVERIFY(!ids.contains(e.parsed.uniqueId));
            QVERIFY(!cookies.contains(e.parsed.cookie));
            ids.insert(e.parsed.uniqueId);
            cookies.insert(e.parsed.cookie);
            nts.requestTimedOut();
        }
        QCOMPARE(nts.cookiesHeld(), 0);
        NtsFailure failure;
        QVERIFY(!nts.prepareRequest(clientHeader(), &failure));
        QCOMPARE(failure.kind, NtsFailureKind::NoCookies);
        QVERIFY(nts.needsKeyExchange());
    }

    void placeholdersAfterLoss()
    {
        NtsAssociationAuth nts;
        nts.install(session());
        for (int i = 0; i < 3; ++i) {
            send(nts, 0x2000 + i);
            nts.requestTimedOut();
        }
        const Exchange e = send(nts);
        // 4 left after taking one: the cookie and 3 placeholders bring 4 back.
        QCOMPARE(e.parsed.placeholders, 3);
        QCOMPARE(e.parsed.placeholderSize, 100);
        QVERIFY(e.parsed.authenticatorValid);
        QCOMPARE(e.request.size(), 48 + 36 + 4 * 104 + 40);
        const NtsReplyCheck check = receive(nts, buildReply(answer(e, 4)));
        QCOMPARE(check.outcome, NtsReplyCheck::Outcome::Authentic);
        QCOMPARE(check.newCookies, 4);
        QCOMPARE(nts.cookiesHeld(), 8);
    }

    void authenticReplyHarvestsCookies()
    {
        NtsAssociationAuth nts;
        nts.install(session());
        const Exchange e = send(nts);
        const NtsReplyCheck check = receive(nts, buildReply(answer(e, 1)));
        QCOMPARE(check.outcome, NtsReplyCheck::Outcome::Authentic);
        QCOMPARE(check.newCookies, 1);
        QCOMPARE(nts.cookiesHeld(), 8);
        QVERIFY(nts.rejections().isEmpty());
        // A second copy of the same reply is not accepted: one reply per request.
        const NtsReplyCheck again = receive(nts, buildReply(answer(e, 1)));
        QCOMPARE(again.outcome, NtsReplyCheck::Outcome::Rejected);
        QCOMPARE(nts.cookiesHeld(), 8);
    }

    void badReplies_data()
    {
        QTest::addColumn<int>("variant");
        QTest::addColumn<int>("kind");
        QTest::newRow("wrong unique id") << 0 << int(NtsFailureKind::UniqueIdMismatch);
        QTest::newRow("no unique id") << 1 << int(NtsFailureKind::UniqueIdMismatch);
        QTest::newRow("authenticator with the C2S key") << 2 << int(NtsFailureKind::BadAuthenticator);
        QTest::newRow("ciphertext flipped") << 3 << int(NtsFailureKind::BadAuthenticator);
        QTest::newRow("header changed after sealing") << 4 << int(NtsFailureKind::BadAuthenticator);
        QTest::newRow("no authenticator") << 5 << int(NtsFailureKind::MissingAuthenticator);
        QTest::newRow("authenticator not last") << 6 << int(NtsFailureKind::MissingAuthenticator);
        QTest::newRow("field length beyond the datagram") << 7 << int(NtsFailureKind::MalformedFields);
        QTest::newRow("nonce length beyond the field") << 8 << int(NtsFailureKind::MalformedFields);
        QTest::newRow("short nonce") << 9 << int(NtsFailureKind::MalformedFields);
        QTest::newRow("spoofed NAK, wrong unique id") << 10 << int(NtsFailureKind::UniqueIdMismatch);
        QTest::newRow("spoofed NAK, wrong origin") << 11 << int(NtsFailureKind::MissingAuthenticator);
    }

    void badReplies()
    {
        QFETCH(int, variant);
        QFETCH(int, kind);
        NtsAssociationAuth nts;
        nts.install(session());
        const Exchange e = send(nts);
        ReplyOptions o = answer(e, 1);
        QByteArray reply;
        switch (variant) {
        case 0: o.uniqueId[0] = char(o.uniqueId[0] ^ 1); reply = buildReply(o); break;
        case 1: {
            reply = buildReply(o);
            reply[48] = 0x7F;   // the UID field becomes an unknown type
            reply[49] = 0x7F;
            break;
        }
        case 2: o.key = C2S; reply = buildReply(o); break;
        case 3: reply = buildReply(o); reply[reply.size() - 1] = char(reply[reply.size() - 1] ^ 1); break;
        case 4: reply = buildReply(o); reply[1] = char(reply[1] + 1); break;
        case 5: o.authenticator = false; reply = buildReply(o); break;
        case 6: o.trailingField = field(0x2005, QByteArray(24, 'x')); reply = buildReply(o); break;
        case 7: reply = buildReply(o); reply[50] = char(0x7F); break;
        case 8: {
            reply = buildReply(o);
            const qsizetype auth = 48 + 36;
            reply[auth + 4] = char(0x40);   // nonce length 0x4010
            break;
        }
        case 9: {
            reply = buildReply(o);
            reply[48 + 36 + 5] = 8;   // nonce length 8 (< 16)
            break;
        }
        case 10:
        case 11:
            o.authenticator = false;
            o.stratum = 0;
            o.refid = 0x4E54534E;
            if (variant == 10)
                o.uniqueId[5] = char(o.uniqueId[5] ^ 1);
            else
                o.origin = ntp::NtpTimestamp(0x99);
            reply = buildReply(o);
            break;
        }
        // The generic decoder refuses some of these first; the NTS check must not rely on it.
        const Result<ntp::Packet> packet = ntp::decode(reply);
        const NtsReplyCheck check = nts.checkReply(reply, packet ? *packet : ntp::Packet{});
        QCOMPARE(check.outcome, NtsReplyCheck::Outcome::Rejected);
        QCOMPARE(int(check.failure.kind), kind);
        QVERIFY(!check.failure.detail.isEmpty());
        QCOMPARE(nts.rejections().value(NtsFailureKind(kind)), 1);
        QCOMPARE(nts.cookiesHeld(), 7);     // nothing from the reply was taken, nothing cleared
        QVERIFY(!nts.nakReceived());
        // The genuine reply still goes through afterwards.
        QCOMPARE(receive(nts, buildReply(answer(e, 1))).outcome, NtsReplyCheck::Outcome::Authentic);
    }

    void nakForcesNewKeyExchange()
    {
        NtsAssociationAuth nts;
        nts.install(session());
        const Exchange e = send(nts);
        ReplyOptions o = answer(e, 0);
        o.authenticator = false;
        o.stratum = 0;
        o.refid = 0x4E54534E;   // NTSN
        const NtsReplyCheck check = receive(nts, buildReply(o));
        QCOMPARE(check.outcome, NtsReplyCheck::Outcome::Nak);
        QVERIFY(nts.nakReceived());
        QVERIFY(nts.needsKeyExchange());
        QCOMPARE(nts.cookiesHeld(), 0);
        NtsFailure failure;
        QVERIFY(!nts.prepareRequest(clientHeader(), &failure));
        QCOMPARE(failure.kind, NtsFailureKind::Nak);
        // A new exchange clears it.
        nts.install(session());
        QVERIFY(!nts.needsKeyExchange());
        QVERIFY(nts.prepareRequest(clientHeader()));
    }

    void encryptedCookiesOfAbsurdSize()
    {
        NtsAssociationAuth nts;
        nts.install(session(4));
        const Exchange e = send(nts);   // 3 left
        ReplyOptions o = answer(e, 0);
        o.cookies = {QByteArray(MAX_COOKIE_SIZE + 4, 'x'), QByteArray(100, 'g')};
        for (int i = 0; i < 9; ++i)
            o.cookies << QByteArray(8, char('0' + i));
        const NtsReplyCheck check = receive(nts, buildReply(o));
        QCOMPARE(check.outcome, NtsReplyCheck::Outcome::Authentic);
        QCOMPARE(check.newCookies, 5);   // pool full at 8; the oversized one never counted
        QCOMPARE(nts.cookiesHeld(), 8);

        QString error;
        const auto inner = decodeEncryptedFields(QByteArray(field(0x0204, QByteArray(MAX_COOKIE_SIZE + 4, 'x'))
                                                     + field(0x0204, QByteArray(8, 'y')) + field(0x7777, {})),
                                                 &error);
        QVERIFY(inner);
        QCOMPARE(inner->cookies, QList<QByteArray>{QByteArray(8, 'y')});
        QCOMPARE(inner->rejectedCookies, 1);
        QCOMPARE(inner->ignoredFields, 1);
        QVERIFY(!decodeEncryptedFields(QByteArray::fromHex("02040003"), &error));
        QVERIFY(!decodeEncryptedFields(QByteArray::fromHex("0204ff00"), &error));
        QVERIFY(!decodeEncryptedFields(QByteArray::fromHex("020400"), &error));
        QVERIFY(!error.isEmpty());
    }

    void splitBoundsFieldCount()
    {
        QByteArray many;
        for (int i = 0; i < 40; ++i)
            many += field(0x0204, {});
        QString error;
        QVERIFY(!splitExtensionFields(many, 0, 32, &error));
        QVERIFY2(error.contains(u"32"_s), qPrintable(error));
        QCOMPARE(splitExtensionFields(many, 0, 40)->size(), 40);
        QVERIFY(!splitExtensionFields(many, many.size() + 1, 40));
    }

    void rekeysOnSchedule()
    {
        NtsAssociationAuth nts;
        QVERIFY(nts.needsKeyExchange());
        QVERIFY(!nts.rekeyDue().isValid());
        nts.install(session(8, 3600));
        QVERIFY(!nts.needsKeyExchange());
        QCOMPARE(nts.rekeyDue(), nts.session()->established.addSecs(NtsAssociationAuth::DEFAULT_REFRESH_SECONDS));
        QVERIFY(nts.needsKeyExchange(nts.rekeyDue()));
        nts.setRefreshInterval(1800);
        QVERIFY(nts.needsKeyExchange());
    }

    void replyWithoutRequest()
    {
        NtsAssociationAuth nts;
        nts.install(session());
        ReplyOptions o;
        o.uniqueId = QByteArray(32, 'u');
        const NtsReplyCheck check = receive(nts, buildReply(o));
        QCOMPARE(check.outcome, NtsReplyCheck::Outcome::Rejected);
        QCOMPARE(nts.cookiesHeld(), 8);
    }
};

QTEST_GUILESS_MAIN(TestNtsAuth)
#include "tst_ntsauth.moc"

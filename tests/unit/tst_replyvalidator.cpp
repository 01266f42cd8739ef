// SPDX-License-Identifier: GPL-3.0-or-later
// Client-side reply validation (RFC 5905 §8/§9.2 tests, NTP-NOTES §1.5/§1.6): one valid reply,
// then a battery of hostile and malformed ones, each rejected for the reason named in the table.
#include <QTest>

#include <cmath>
#include <functional>

#include "core/ntp/replyvalidator.h"
#include "tests/unit/checknear.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::ntp;

Q_DECLARE_METATYPE(chronoscope::ntp::RejectReason)
Q_DECLARE_METATYPE(chronoscope::ntp::KissCode)

namespace {

constexpr qint64 BASE = 1700000000LL + 10; // "10.000" of the NTP-NOTES §2.1 example, on a 2023 base
const NtpTimestamp NONCE(0x5A17C0DEF00DBA5EULL);          // the random transmit value we sent
const NtpTimestamp T1 = NtpTimestamp::fromUnix(BASE, 0);             // real local send time
const NtpTimestamp T2 = NtpTimestamp::fromUnix(BASE, 60000000u);     // 10.060
const NtpTimestamp T3 = NtpTimestamp::fromUnix(BASE, 61000000u);     // 10.061
const NtpTimestamp T4 = NtpTimestamp::fromUnix(BASE, 21000000u);     // 10.021
const NtpTimestamp PREVIOUS_T3 = NtpTimestamp::fromUnix(BASE - 64, 61000000u);
// The previous exchange, 64 s earlier, for interleaved mode: the same times as T1, T2 and T4; its
// precise transmit time (what an interleaved reply carries) 0.5 ms before the basic PREVIOUS_T3.
const PreviousExchange PREVIOUS{NtpTimestamp::fromUnix(BASE - 64, 0), NtpTimestamp::fromUnix(BASE - 64, 60000000u),
                                NtpTimestamp::fromUnix(BASE - 64, 21000000u)};
const NtpTimestamp PREVIOUS_PRECISE_T3 = NtpTimestamp::fromUnix(BASE - 64, 60500000u);
constexpr double PRECISION = 1.0 / 1048576.0; // 2^-20 s, both sides

QHostAddress serverAddress()
{
    return QHostAddress(u"127.0.0.1"_s);
}

ReplyContext context()
{
    ReplyContext c;
    c.serverAddress = serverAddress();
    c.serverPort = 123;
    c.request = OutstandingRequest{NONCE, T1, std::nullopt};
    c.lastAcceptedTransmit = PREVIOUS_T3;
    c.localPrecision = PRECISION;
    return c;
}

// A valid stratum-2 reply to our request.
Packet validReply()
{
    Packet p;
    p.leap = LeapIndicator::NoWarning;
    p.version = 4;
    p.mode = Mode::Server;
    p.stratum = 2;
    p.poll = 6;
    p.precision = -20;
    p.rootDelay = NtpShort(0x148);      // 328 / 65536 s
    p.rootDispersion = NtpShort(0x42);  // 66 / 65536 s
    p.referenceId = 0xC0000201u;        // 192.0.2.1
    p.referenceTime = NtpTimestamp::fromUnix(BASE - 100, 0);
    p.originTime = NONCE;
    p.receiveTime = T2;
    p.transmitTime = T3;
    return p;
}

// A timestamp as a test-data column value (raw() is std::uint64_t, QTest wants exactly quint64).
quint64 wireTime(qint64 unixSeconds, quint32 nanoseconds)
{
    return quint64(NtpTimestamp::fromUnix(unixSeconds, nanoseconds).raw());
}

QByteArray validWire()
{
    return encode(validReply());
}

QByteArray withPacket(const std::function<void(Packet &)> &change)
{
    Packet p = validReply();
    change(p);
    return encode(p);
}

quint32 ascii(const char (&code)[5])
{
    return quint32(quint8(code[0])) << 24 | quint32(quint8(code[1])) << 16 | quint32(quint8(code[2])) << 8
        | quint32(quint8(code[3]));
}

} // namespace

class TstReplyValidator : public QObject
{
    Q_OBJECT

private slots:
    void validReplyAccepted();
    void acceptedVariants_data();
    void acceptedVariants();
    void delayClampedToPrecisions();
    void hostileReplies_data();
    void hostileReplies();
    void kissOfDeath_data();
    void kissOfDeath();
    void kissWithBogusOriginIsBogus();
    void kissCodeFromReferenceId_data();
    void kissCodeFromReferenceId();
    void clientRequest();
    void clientRequestPollClamped();
    void interleavedRequest();
    void interleavedReplyMeasuresPreviousExchange();
    void basicReplyToInterleavedRequest();
    void interleavedOriginWithoutPreviousIsBogus();
    void interleavedNegativeDelayRejected();
    void rejectReasonIds();
};

void TstReplyValidator::validReplyAccepted()
{
    const ReplyVerdict v = validateReply(validWire(), serverAddress(), 123, T4, context());
    QVERIFY2(v.accepted(), qPrintable(v.detail));
    QCOMPARE(v.outcome, ReplyVerdict::Outcome::Accepted);
    QVERIFY(!v.reason);
    QCOMPARE(v.kiss, KissCode::None);
    QVERIFY(v.packet);
    QVERIFY(*v.packet == validReply());

    const Measurement &m = v.measurement;
    // NTP-NOTES §2.1: θ = ((0.060) + (10.061 − 10.021)) / 2 = +0.050 s; δ = 0.021 − 0.001 = 0.020 s.
    // fromUnix truncates each fraction by < 2^-32 s, hence the 1e-9 tolerance.
    CHECK_NEAR(m.offset, 0.050, 1e-9);
    CHECK_NEAR(m.delay, 0.020, 1e-9);
    // ε0 = ρ_server + ρ_local + PHI·(T4 − T1) = 2^-20 + 2^-20 + 15e-6 · 0.021
    //    = 1.9073486e-6 + 3.15e-7 = 2.2223486e-6 s
    CHECK_NEAR(m.dispersion, 2.0 / 1048576.0 + 15e-6 * 0.021, 1e-12);
    QCOMPARE(m.rootDelay, 328.0 / 65536.0);
    QCOMPARE(m.rootDispersion, 66.0 / 65536.0);
    QCOMPARE(m.stratum, 2);
    QCOMPARE(m.leap, LeapIndicator::NoWarning);
    QCOMPARE(m.referenceId, 0xC0000201u);
    QCOMPARE(m.serverPoll, std::int8_t(6));
    QCOMPARE(m.serverPrecision, std::int8_t(-20));
    // Offset and delay use our stored T1, never the nonce echoed in the packet.
    QCOMPARE(m.timestamps.t1, T1);
    QCOMPARE(m.timestamps.t2, T2);
    QCOMPARE(m.timestamps.t3, T3);
    QCOMPARE(m.timestamps.t4, T4);

    // The delay limit is the context's: the same 20 ms exchange fails a 10 ms limit.
    ReplyContext strict = context();
    strict.maxDelay = 0.010;
    const ReplyVerdict slow = validateReply(validWire(), serverAddress(), 123, T4, strict);
    QVERIFY(!slow.accepted());
    QCOMPARE(rejectReasonId(*slow.reason), u"excessive_delay"_s);
    QVERIFY2(slow.detail.contains(u"0.020"_s), qPrintable(slow.detail));
}

void TstReplyValidator::acceptedVariants_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QString>("from");
    QTest::addColumn<quint64>("t4");

    const quint64 t4 = quint64(T4.raw());
    QTest::newRow("IPv4-mapped source") << validWire() << u"::ffff:127.0.0.1"_s << t4;
    QTest::newRow("stratum 1") << withPacket([](Packet &p) { p.stratum = 1; p.referenceId = ascii("GPS\0"); })
                               << u"127.0.0.1"_s << t4;
    // A stratum-1 refid that happens to spell a kiss code is not a kiss-o'-death.
    QTest::newRow("stratum 1 refid RATE") << withPacket([](Packet &p) { p.stratum = 1; p.referenceId = ascii("RATE"); })
                                          << u"127.0.0.1"_s << t4;
    QTest::newRow("stratum 15") << withPacket([](Packet &p) { p.stratum = 15; }) << u"127.0.0.1"_s << t4;
    QTest::newRow("leap insert") << withPacket([](Packet &p) { p.leap = LeapIndicator::AddSecond; })
                                 << u"127.0.0.1"_s << t4;
    QTest::newRow("leap delete") << withPacket([](Packet &p) { p.leap = LeapIndicator::DeleteSecond; })
                                 << u"127.0.0.1"_s << t4;
    QTest::newRow("NTPv3 server") << withPacket([](Packet &p) { p.version = 3; }) << u"127.0.0.1"_s << t4;
    // Root delay 0x1FFFFF / 65536 = 31.99998 s: λ = 15.99999 s < 16 s.
    QTest::newRow("root distance just below 16 s")
        << withPacket([](Packet &p) { p.rootDelay = NtpShort(0x001FFFFFu); p.rootDispersion = NtpShort(0); })
        << u"127.0.0.1"_s << t4;
    // T3 − T2 = 4 s exactly is still sane (the limit is "above 4 s"); T4 = T1 + 4.020 keeps δ = 0.020.
    QTest::newRow("processing exactly 4 s")
        << withPacket([](Packet &p) { p.receiveTime = T2; p.transmitTime = NtpTimestamp::fromUnix(BASE + 4, 60000000u); })
        << u"127.0.0.1"_s << wireTime(BASE + 4, 20000000u);
    QTest::newRow("with MAC") << withPacket([](Packet &p) { p.mac = MacTrailer{1, QByteArray(16, 'm')}; })
                              << u"127.0.0.1"_s << t4;
    QTest::newRow("with extension field")
        << withPacket([](Packet &p) { p.extensions = {ExtensionField{0x0104, QByteArray(32, 'u')}}; })
        << u"127.0.0.1"_s << t4;
}

void TstReplyValidator::acceptedVariants()
{
    QFETCH(QByteArray, wire);
    QFETCH(QString, from);
    QFETCH(quint64, t4);
    const ReplyVerdict v = validateReply(wire, QHostAddress(from), 123, NtpTimestamp(t4), context());
    QVERIFY2(v.accepted(), qPrintable(v.reason ? rejectReasonId(*v.reason) + u": "_s + v.detail : v.detail));
    QVERIFY(!v.reason);
    // Every variant keeps the symmetric 10 ms / 10 ms paths of the base example: θ = +0.050 s.
    CHECK_NEAR(v.measurement.offset, 0.050, 1e-9);
    CHECK_NEAR(v.measurement.delay, 0.020, 1e-9);
}

void TstReplyValidator::delayClampedToPrecisions()
{
    // Server precision 2^-6 = 15.625 ms, local 1 ms: δ is clamped to at least 16.625 ms.
    ReplyContext c = context();
    c.localPrecision = 0.001;
    const NtpTimestamp t2 = NtpTimestamp::fromUnix(BASE, 60000000u);
    const NtpTimestamp t3 = NtpTimestamp::fromUnix(BASE, 70000000u);

    // T4 − T1 = T3 − T2 = 10 ms: raw δ = 0.
    Packet p = validReply();
    p.precision = -6;
    p.receiveTime = t2;
    p.transmitTime = t3;
    ReplyVerdict v = validateReply(encode(p), serverAddress(), 123, NtpTimestamp::fromUnix(BASE, 10000000u), c);
    QVERIFY2(v.accepted(), qPrintable(v.detail));
    QCOMPARE(v.measurement.delay, 0.015625 + 0.001);
    // θ = (0.060 + (0.070 − 0.010)) / 2 = 0.060 s
    CHECK_NEAR(v.measurement.offset, 0.060, 1e-9);

    // T4 − T1 = 5 ms < T3 − T2: raw δ = −5 ms, still clamped to the precisions, never negative.
    v = validateReply(encode(p), serverAddress(), 123, NtpTimestamp::fromUnix(BASE, 5000000u), c);
    QVERIFY2(v.accepted(), qPrintable(v.detail));
    QCOMPARE(v.measurement.delay, 0.015625 + 0.001);
    // θ = (0.060 + 0.065) / 2 = 0.0625 s
    CHECK_NEAR(v.measurement.offset, 0.0625, 1e-9);

    // A δ above the clamp is reported unchanged: T4 − T1 = 40 ms → δ = 30 ms.
    v = validateReply(encode(p), serverAddress(), 123, NtpTimestamp::fromUnix(BASE, 40000000u), c);
    QVERIFY2(v.accepted(), qPrintable(v.detail));
    CHECK_NEAR(v.measurement.delay, 0.030, 1e-9);
}

void TstReplyValidator::hostileReplies_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QString>("from");
    QTest::addColumn<int>("port");
    QTest::addColumn<bool>("outstanding");
    QTest::addColumn<quint64>("t4");
    QTest::addColumn<RejectReason>("reason");
    QTest::addColumn<QString>("detailMentions");

    const QString lo = u"127.0.0.1"_s;
    const quint64 t4 = quint64(T4.raw());
    auto row = [&](const char *name, const QByteArray &wire, RejectReason reason, const QString &mention = {}) {
        QTest::newRow(name) << wire << lo << 123 << true << t4 << reason << mention;
    };

    // Test 2: origin must echo our nonce exactly.
    row("bogus origin", withPacket([](Packet &p) { p.originTime = NtpTimestamp(NONCE.raw() + 1); }),
        RejectReason::BogusOrigin, u"5a17c0def00dba5f"_s);
    row("zero origin", withPacket([](Packet &p) { p.originTime = NtpTimestamp(); }), RejectReason::BogusOrigin);
    // Echoing our real send time instead of the nonce is still bogus (the nonce is what we sent).
    row("origin is T1 not nonce", withPacket([](Packet &p) { p.originTime = T1; }), RejectReason::BogusOrigin);
    // Test 1: a replay of the last accepted reply.
    row("duplicate transmit", withPacket([](Packet &p) { p.transmitTime = PREVIOUS_T3; }), RejectReason::Duplicate);
    // Test 3.
    row("zero receive", withPacket([](Packet &p) { p.receiveTime = NtpTimestamp(); }), RejectReason::ZeroTimestamp,
        u"receive"_s);
    row("zero transmit", withPacket([](Packet &p) { p.transmitTime = NtpTimestamp(); }), RejectReason::ZeroTimestamp,
        u"transmit"_s);
    row("zero receive and transmit", withPacket([](Packet &p) {
            p.receiveTime = NtpTimestamp();
            p.transmitTime = NtpTimestamp();
        }),
        RejectReason::ZeroTimestamp);
    // Test 6.
    row("LI 3", withPacket([](Packet &p) { p.leap = LeapIndicator::Unsynchronized; }), RejectReason::Unsynchronized);
    row("stratum 0 refid 0", withPacket([](Packet &p) { p.stratum = 0; p.referenceId = 0; }),
        RejectReason::StratumZero);
    row("stratum 0 refid not ASCII", withPacket([](Packet &p) { p.stratum = 0; }), RejectReason::StratumZero);
    row("stratum 16", withPacket([](Packet &p) { p.stratum = 16; }), RejectReason::StratumUnsynchronized, u"16"_s);
    row("stratum 200", withPacket([](Packet &p) { p.stratum = 200; }), RejectReason::StratumUnsynchronized,
        u"200"_s);
    row("stratum 255", withPacket([](Packet &p) { p.stratum = 255; }), RejectReason::StratumUnsynchronized,
        u"255"_s);
    // Test 7: rootdelay/2 + rootdisp ≥ 16 s.
    row("root delay 32 s", withPacket([](Packet &p) { p.rootDelay = NtpShort(32u << 16); p.rootDispersion = NtpShort(0); }),
        RejectReason::RootDistance, u"16.000"_s);
    row("root dispersion 16 s", withPacket([](Packet &p) { p.rootDelay = NtpShort(0); p.rootDispersion = NtpShort(16u << 16); }),
        RejectReason::RootDistance);
    row("root 20/2 + 6 s", withPacket([](Packet &p) { p.rootDelay = NtpShort(20u << 16); p.rootDispersion = NtpShort(6u << 16); }),
        RejectReason::RootDistance);
    row("root fields saturated", withPacket([](Packet &p) {
            p.rootDelay = NtpShort(0xFFFFFFFFu);
            p.rootDispersion = NtpShort(0xFFFFFFFFu);
        }),
        RejectReason::RootDistance);
    // Server time sanity: T3 must not precede T2, and T3 − T2 must not exceed 4 s.
    row("T3 before T2", withPacket([](Packet &p) { p.transmitTime = NtpTimestamp::fromUnix(BASE, 59000000u); }),
        RejectReason::ServerTimeReversed, u"-0.001"_s);
    QTest::newRow("processing 4.5 s")
        << withPacket([](Packet &p) { p.transmitTime = NtpTimestamp::fromUnix(BASE + 4, 560000000u); }) << lo << 123
        << true << wireTime(BASE + 4, 520000000u) << RejectReason::ServerTimeReversed << u"4.5"_s;
    // δ = (T4 − T1) − (T3 − T2) = 2.000 − 0.001 = 1.999 s > 1.5 s.
    QTest::newRow("delay 1.999 s") << withPacket([](Packet &p) {
        p.receiveTime = NtpTimestamp::fromUnix(BASE + 1, 0);
        p.transmitTime = NtpTimestamp::fromUnix(BASE + 1, 1000000u);
    }) << lo << 123 << true
                                   << wireTime(BASE + 2, 0) << RejectReason::ExcessiveDelay
                                   << u"1.999"_s;
    // Format.
    row("truncated 47 bytes", validWire().left(47), RejectReason::Malformed, u"47"_s);
    row("empty datagram", QByteArray(), RejectReason::Malformed);
    row("bad EF length", validWire() + QByteArray::fromHex("0104000c") + QByteArray(24, 'x'), RejectReason::Malformed,
        u"length 12"_s);
    row("EF past end", validWire() + QByteArray::fromHex("01040100") + QByteArray(28, 'x'), RejectReason::Malformed,
        u"256"_s);
    row("version 0", withPacket([](Packet &p) { p.version = 0; }), RejectReason::Malformed, u"version 0"_s);
    row("version 5", withPacket([](Packet &p) { p.version = 5; }), RejectReason::Malformed, u"version 5"_s);
    row("oversized", validWire() + QByteArray(1000, '\0'), RejectReason::Malformed, u"1048"_s);
    // Mode.
    row("mode 3 (client)", withPacket([](Packet &p) { p.mode = Mode::Client; }), RejectReason::WrongMode, u"mode 3"_s);
    row("mode 5 (broadcast)", withPacket([](Packet &p) { p.mode = Mode::Broadcast; }), RejectReason::WrongMode,
        u"mode 5"_s);
    row("mode 6 (control)", withPacket([](Packet &p) { p.mode = Mode::Control; }), RejectReason::WrongMode,
        u"mode 6"_s);
    row("mode 7 (private)", withPacket([](Packet &p) { p.mode = Mode::Private; }), RejectReason::WrongMode, u"mode 7"_s);
    row("mode 1 (symmetric)", withPacket([](Packet &p) { p.mode = Mode::SymmetricActive; }), RejectReason::WrongMode);
    // Our own request reflected back at us.
    row("reflected request", encode(makeClientRequest(NONCE, 6)), RejectReason::WrongMode);
    // Source (checked before anything else, even before parsing).
    QTest::newRow("wrong address") << validWire() << u"127.0.0.2"_s << 123 << true << t4 << RejectReason::WrongSource
                                   << u"127.0.0.2"_s;
    QTest::newRow("wrong address IPv6") << validWire() << u"2001:db8::1"_s << 123 << true << t4
                                        << RejectReason::WrongSource << u"2001:db8::1"_s;
    QTest::newRow("wrong IPv4-mapped address") << validWire() << u"::ffff:127.0.0.2"_s << 123 << true << t4
                                               << RejectReason::WrongSource << u"127.0.0.2"_s;
    QTest::newRow("wrong port") << validWire() << lo << 124 << true << t4 << RejectReason::WrongSource << u"124"_s;
    QTest::newRow("wrong port, malformed") << QByteArray(3, 'x') << lo << 4123 << true << t4
                                           << RejectReason::WrongSource << u"4123"_s;
    // No request outstanding (already answered or timed out).
    QTest::newRow("no outstanding request") << validWire() << lo << 123 << false << t4 << RejectReason::NotRequested
                                            << QString();
    QTest::newRow("unsolicited kiss") << withPacket([](Packet &p) {
        p.leap = LeapIndicator::Unsynchronized;
        p.stratum = 0;
        p.referenceId = ascii("DENY");
    }) << lo << 123 << false << t4
                                      << RejectReason::NotRequested << QString();
}

void TstReplyValidator::hostileReplies()
{
    QFETCH(QByteArray, wire);
    QFETCH(QString, from);
    QFETCH(int, port);
    QFETCH(bool, outstanding);
    QFETCH(quint64, t4);
    QFETCH(RejectReason, reason);
    QFETCH(QString, detailMentions);

    ReplyContext c = context();
    if (!outstanding)
        c.request.reset();
    const ReplyVerdict v = validateReply(wire, QHostAddress(from), quint16(port), NtpTimestamp(t4), c);
    QCOMPARE(v.outcome, ReplyVerdict::Outcome::Rejected);
    QVERIFY(!v.accepted());
    QVERIFY(v.reason.has_value());
    QCOMPARE(rejectReasonId(*v.reason), rejectReasonId(reason));
    QCOMPARE(v.kiss, KissCode::None);
    QVERIFY(!v.detail.isEmpty());
    if (!detailMentions.isEmpty())
        QVERIFY2(v.detail.contains(detailMentions),
                 qPrintable(u"detail '%1' does not mention '%2'"_s.arg(v.detail, detailMentions)));
    // Parsed packets are handed back for diagnostics, unparsable or foreign ones are not.
    const bool parsed = reason != RejectReason::Malformed && reason != RejectReason::WrongSource;
    QCOMPARE(v.packet.has_value(), parsed);
}

void TstReplyValidator::kissOfDeath_data()
{
    QTest::addColumn<quint32>("referenceId");
    QTest::addColumn<KissCode>("kiss");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("zeroTimestamps");

    QTest::newRow("RATE") << ascii("RATE") << KissCode::Rate << u"RATE"_s << false;
    QTest::newRow("DENY") << ascii("DENY") << KissCode::Deny << u"DENY"_s << false;
    QTest::newRow("RSTR") << ascii("RSTR") << KissCode::Restrict << u"RSTR"_s << false;
    // KoD timestamps are undefined (RFC 5905 §7.4): zero receive/transmit must not hide the kiss.
    QTest::newRow("RATE, zero timestamps") << ascii("RATE") << KissCode::Rate << u"RATE"_s << true;
    QTest::newRow("DENY, zero timestamps") << ascii("DENY") << KissCode::Deny << u"DENY"_s << true;
    QTest::newRow("unknown ACST") << ascii("ACST") << KissCode::Other << u"ACST"_s << false;
    QTest::newRow("experimental XABC") << ascii("XABC") << KissCode::Other << u"XABC"_s << false;
    QTest::newRow("NTS NAK") << ascii("NTSN") << KissCode::Other << u"NTSN"_s << false;
}

void TstReplyValidator::kissOfDeath()
{
    QFETCH(quint32, referenceId);
    QFETCH(KissCode, kiss);
    QFETCH(QString, text);
    QFETCH(bool, zeroTimestamps);

    Packet p = validReply();
    p.leap = LeapIndicator::Unsynchronized;
    p.stratum = 0;
    p.referenceId = referenceId;
    if (zeroTimestamps) {
        p.receiveTime = NtpTimestamp();
        p.transmitTime = NtpTimestamp();
    }
    const ReplyVerdict v = validateReply(encode(p), serverAddress(), 123, T4, context());
    QCOMPARE(v.outcome, ReplyVerdict::Outcome::Kiss);
    QVERIFY(!v.accepted());
    QCOMPARE(v.kiss, kiss);
    QCOMPARE(v.kissText, text);
    QVERIFY(v.reason.has_value());
    QCOMPARE(rejectReasonId(*v.reason), u"kiss_of_death"_s);
    QVERIFY(v.detail.contains(text));
    QVERIFY(v.packet.has_value());
}

void TstReplyValidator::kissWithBogusOriginIsBogus()
{
    // An off-path attacker cannot see our nonce: a spoofed KoD must not be acted on (NTP-NOTES §1.6).
    for (const quint32 code : {ascii("RATE"), ascii("DENY"), ascii("RSTR")}) {
        Packet p = validReply();
        p.leap = LeapIndicator::Unsynchronized;
        p.stratum = 0;
        p.referenceId = code;
        p.originTime = NtpTimestamp(0x1122334455667788ULL);
        const ReplyVerdict v = validateReply(encode(p), serverAddress(), 123, T4, context());
        QCOMPARE(v.outcome, ReplyVerdict::Outcome::Rejected);
        QVERIFY(v.reason.has_value());
        QCOMPARE(rejectReasonId(*v.reason), u"bogus_origin"_s);
        QCOMPARE(v.kiss, KissCode::None);
        QVERIFY(v.kissText.isEmpty());

        // From the wrong port it is not even parsed.
        const ReplyVerdict foreign = validateReply(encode(p), serverAddress(), 1234, T4, context());
        QCOMPARE(rejectReasonId(*foreign.reason), u"wrong_source"_s);
        QCOMPARE(foreign.kiss, KissCode::None);
    }
}

void TstReplyValidator::kissCodeFromReferenceId_data()
{
    QTest::addColumn<quint32>("referenceId");
    QTest::addColumn<KissCode>("kiss");
    QTest::addColumn<QString>("text");

    QTest::newRow("RATE") << ascii("RATE") << KissCode::Rate << u"RATE"_s;
    QTest::newRow("DENY") << ascii("DENY") << KissCode::Deny << u"DENY"_s;
    QTest::newRow("RSTR") << ascii("RSTR") << KissCode::Restrict << u"RSTR"_s;
    QTest::newRow("rate lower case") << ascii("rate") << KissCode::Other << u"rate"_s;
    QTest::newRow("INIT") << ascii("INIT") << KissCode::Other << u"INIT"_s;
    QTest::newRow("three letters") << ascii("STE\0") << KissCode::Other << u"STE"_s;
    QTest::newRow("zero") << 0u << KissCode::None << QString();
    QTest::newRow("IPv4 address") << 0xC0000201u << KissCode::None << QString();
}

void TstReplyValidator::kissCodeFromReferenceId()
{
    QFETCH(quint32, referenceId);
    QFETCH(KissCode, kiss);
    QFETCH(QString, text);
    QCOMPARE(chronoscope::ntp::kissCodeFromReferenceId(referenceId), kiss);
    QCOMPARE(kissCodeText(referenceId), text);
}

void TstReplyValidator::clientRequest()
{
    const Packet p = makeClientRequest(NONCE, 6);
    QCOMPARE(p.mode, Mode::Client);
    QCOMPARE(p.version, std::uint8_t(4));
    QCOMPARE(p.leap, LeapIndicator::NoWarning);
    QCOMPARE(p.stratum, std::uint8_t(0));
    QCOMPARE(p.poll, std::int8_t(6));
    QCOMPARE(p.precision, std::int8_t(0x20));
    QCOMPARE(p.rootDelay.raw(), 0u);
    QCOMPARE(p.rootDispersion.raw(), 0u);
    QCOMPARE(p.referenceId, 0u);
    QVERIFY(p.referenceTime.isZero());
    QVERIFY(p.originTime.isZero());
    QVERIFY(p.receiveTime.isZero());
    QCOMPARE(p.transmitTime, NONCE);
    QVERIFY(p.extensions.isEmpty());
    QVERIFY(!p.mac);
    QVERIFY(!p.cryptoNak);

    // On the wire (NTP-NOTES §1.3): 0x23, stratum 0, poll 6, precision 0x20, 36 zero bytes, nonce.
    const QByteArray expected = QByteArray::fromHex("23000620") + QByteArray(36, '\0')
        + QByteArray::fromHex("5a17c0def00dba5e");
    QCOMPARE(encode(p), expected);
}

void TstReplyValidator::clientRequestPollClamped()
{
    QCOMPARE(makeClientRequest(NONCE, 17).poll, std::int8_t(17));
    QCOMPARE(makeClientRequest(NONCE, -4).poll, std::int8_t(-4));
    QCOMPARE(makeClientRequest(NONCE, 300).poll, std::int8_t(127));
    QCOMPARE(makeClientRequest(NONCE, -300).poll, std::int8_t(-128));
}

// Interleaved mode (NTP-NOTES §8.2): the request carries the previous exchange's server receive
// time as origin and our receive time of that reply as receive time; the nonce stays.
void TstReplyValidator::interleavedRequest()
{
    const Packet p = makeClientRequest(NONCE, 6, &PREVIOUS);
    QCOMPARE(p.originTime, PREVIOUS.t2);
    QCOMPARE(p.receiveTime, PREVIOUS.t4);
    QCOMPARE(p.transmitTime, NONCE);
    QCOMPARE(p.mode, Mode::Client);
    QVERIFY(p.referenceTime.isZero());
    QCOMPARE(encode(p).size(), 48);
}

namespace {

ReplyContext interleavedContext()
{
    ReplyContext c = context();
    c.request->previous = PREVIOUS;
    return c;
}

// The server's interleaved answer: our previous receive time echoed as origin, its receive time
// of this request, and the precise transmit time of its previous reply.
Packet interleavedReply()
{
    Packet p = validReply();
    p.originTime = PREVIOUS.t4;
    p.transmitTime = PREVIOUS_PRECISE_T3;
    return p;
}

} // namespace

void TstReplyValidator::interleavedReplyMeasuresPreviousExchange()
{
    const ReplyVerdict v = validateReply(encode(interleavedReply()), serverAddress(), 123, T4, interleavedContext());
    QVERIFY2(v.accepted(), qPrintable(v.detail));
    const Measurement &m = v.measurement;
    QVERIFY(m.interleaved);
    // The previous exchange with its precise T3: θ = ((0.060 − 0) + (0.0605 − 0.021)) / 2
    // = 0.04975 s; δ = (0.021 − 0) − (0.0605 − 0.060) = 0.0205 s.
    CHECK_NEAR(m.offset, 0.04975, 1e-9);
    CHECK_NEAR(m.delay, 0.0205, 1e-9);
    QCOMPARE(m.timestamps.t1, PREVIOUS.t1);
    QCOMPARE(m.timestamps.t2, PREVIOUS.t2);
    QCOMPARE(m.timestamps.t3, PREVIOUS_PRECISE_T3);
    QCOMPARE(m.timestamps.t4, PREVIOUS.t4);
    // ε0 grows with the previous exchange's T4 − T1, not with the age of this reply.
    CHECK_NEAR(m.dispersion, 2.0 / 1048576.0 + 15e-6 * 0.021, 1e-12);
}

void TstReplyValidator::basicReplyToInterleavedRequest()
{
    // A server without interleaved mode (or one that lost our state) echoes the nonce: a basic
    // measurement of this exchange.
    const ReplyVerdict v = validateReply(validWire(), serverAddress(), 123, T4, interleavedContext());
    QVERIFY2(v.accepted(), qPrintable(v.detail));
    QVERIFY(!v.measurement.interleaved);
    CHECK_NEAR(v.measurement.offset, 0.050, 1e-9);
    QCOMPARE(v.measurement.timestamps.t1, T1);
    QCOMPARE(v.measurement.timestamps.t4, T4);
}

void TstReplyValidator::interleavedOriginWithoutPreviousIsBogus()
{
    // An interleaved-looking reply to a basic request answers nothing we asked.
    const ReplyVerdict v = validateReply(encode(interleavedReply()), serverAddress(), 123, T4, context());
    QVERIFY(!v.accepted());
    QCOMPARE(*v.reason, RejectReason::BogusOrigin);
    // Nor does one whose origin is neither the nonce nor our previous receive time.
    Packet other = interleavedReply();
    other.originTime = PREVIOUS.t2;
    const ReplyVerdict w = validateReply(encode(other), serverAddress(), 123, T4, interleavedContext());
    QVERIFY(!w.accepted());
    QCOMPARE(*w.reason, RejectReason::BogusOrigin);
}

void TstReplyValidator::interleavedNegativeDelayRejected()
{
    // A transmit time 30 ms after the previous receive time, in an exchange of 21 ms: it cannot
    // be the transmit time of the reply we received then.
    Packet p = interleavedReply();
    p.transmitTime = NtpTimestamp::fromUnix(BASE - 64, 90000000u);
    const ReplyVerdict v = validateReply(encode(p), serverAddress(), 123, T4, interleavedContext());
    QVERIFY(!v.accepted());
    QCOMPARE(*v.reason, RejectReason::ServerTimeReversed);
    QVERIFY2(v.detail.contains(u"negative delay"_s), qPrintable(v.detail));
}

void TstReplyValidator::rejectReasonIds()
{
    const RejectReason all[] = {
        RejectReason::WrongSource, RejectReason::Malformed, RejectReason::WrongMode, RejectReason::NotRequested,
        RejectReason::BogusOrigin, RejectReason::Duplicate, RejectReason::ZeroTimestamp, RejectReason::KissOfDeath,
        RejectReason::Unsynchronized, RejectReason::StratumZero, RejectReason::StratumUnsynchronized,
        RejectReason::RootDistance, RejectReason::ServerTimeReversed, RejectReason::ExcessiveDelay,
    };
    QStringList ids;
    for (RejectReason r : all) {
        const QString id = rejectReasonId(r);
        QVERIFY(!id.isEmpty());
        QVERIFY2(id != u"unknown"_s, qPrintable(id));
        // Stable ids are lower-case snake case (they end up in JSON and counters).
        for (const QChar ch : id)
            QVERIFY2(ch.isDigit() || ch == u'_' || (ch >= u'a' && ch <= u'z'), qPrintable(id));
        QVERIFY(!rejectReasonText(r).isEmpty());
        QVERIFY2(!ids.contains(id), qPrintable(id));
        ids.append(id);
    }
    QCOMPARE(rejectReasonId(RejectReason::BogusOrigin), u"bogus_origin"_s);
}

QTEST_APPLESS_MAIN(TstReplyValidator)

#include "tst_replyvalidator.moc"

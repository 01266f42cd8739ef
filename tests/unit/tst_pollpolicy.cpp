// SPDX-License-Identifier: GPL-3.0-or-later
// Poll scheduling etiquette (NTP-NOTES §2.5, §7.4; RFC 8633): what counts as a local network,
// fixed CLI intervals, public-server floors, iburst and RATE kisses.
#include <QTest>

#include <cmath>
#include <optional>

#include "core/engine/pollpolicy.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::engine;

namespace {

const QHostAddress PUBLIC_V4(u"8.8.8.8"_s);
const QHostAddress LOOPBACK(u"127.0.0.1"_s);

// Adaptive intervals are 2^poll times a random factor in [1, 1.06).
bool inSpread(double interval, int pollLog2)
{
    const double base = std::ldexp(1.0, pollLog2);
    return interval >= base && interval < base * 1.06;
}

QByteArray describe(double interval, int pollLog2)
{
    return QByteArray::number(interval) + " not in [2^" + QByteArray::number(pollLog2) + ", 1.06 · 2^"
        + QByteArray::number(pollLog2) + ")";
}

} // namespace

class TstPollPolicy : public QObject
{
    Q_OBJECT

private slots:
    void localNetworkAddress_data();
    void localNetworkAddress();
    void fixedIntervalLocal();
    void fixedIntervalLocalFloor();
    void fixedIntervalPublic();
    void fixedIntervalPublicLong();
    void fixedIntervalPublicWithOptIn();
    void publicMinPollFloor_data();
    void publicMinPollFloor();
    void iburstSpacing();
    void noIburst();
    void rateKissRaisesPoll();
    void rateKissFollowsServerPoll();
    void rateKissWithFixedInterval();
    void rateKissRespectsMaxPoll();
    void goodSamplesLengthenPoll();
    void missedRepliesBackOff();
};

void TstPollPolicy::localNetworkAddress_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("local");

    QTest::newRow("127.0.0.1") << u"127.0.0.1"_s << true;
    QTest::newRow("127.1.2.3") << u"127.1.2.3"_s << true;
    QTest::newRow("::1") << u"::1"_s << true;
    QTest::newRow("10.0.0.1") << u"10.0.0.1"_s << true;
    QTest::newRow("10.255.255.254") << u"10.255.255.254"_s << true;
    QTest::newRow("172.16.0.1") << u"172.16.0.1"_s << true;
    QTest::newRow("172.31.255.254") << u"172.31.255.254"_s << true;
    QTest::newRow("172.15.255.254") << u"172.15.255.254"_s << false;
    QTest::newRow("172.32.0.1") << u"172.32.0.1"_s << false;
    QTest::newRow("192.168.0.1") << u"192.168.0.1"_s << true;
    QTest::newRow("192.168.255.254") << u"192.168.255.254"_s << true;
    QTest::newRow("192.169.0.1") << u"192.169.0.1"_s << false;
    QTest::newRow("192.167.255.254") << u"192.167.255.254"_s << false;
    QTest::newRow("169.254.1.1 link-local") << u"169.254.1.1"_s << true;
    QTest::newRow("fe80::1") << u"fe80::1"_s << true;
    QTest::newRow("fd00::1") << u"fd00::1"_s << true;
    QTest::newRow("fc00::1") << u"fc00::1"_s << true;
    QTest::newRow("IPv4-mapped 10.1.2.3") << u"::ffff:10.1.2.3"_s << true;
    QTest::newRow("IPv4-mapped 8.8.8.8") << u"::ffff:8.8.8.8"_s << false;
    QTest::newRow("8.8.8.8") << u"8.8.8.8"_s << false;
    QTest::newRow("11.0.0.1") << u"11.0.0.1"_s << false;
    QTest::newRow("192.0.2.1 documentation") << u"192.0.2.1"_s << false;
    // The documentation prefix is not a private range: it counts as public here.
    QTest::newRow("2001:db8::1") << u"2001:db8::1"_s << false;
    QTest::newRow("2001:4860:4860::8888") << u"2001:4860:4860::8888"_s << false;
    QTest::newRow("null address") << QString() << false;
}

void TstPollPolicy::localNetworkAddress()
{
    QFETCH(QString, address);
    QFETCH(bool, local);
    QCOMPARE(isLocalNetworkAddress(QHostAddress(address)), local);
}

void TstPollPolicy::fixedIntervalLocal()
{
    // --interval 0.25 against a loopback server: honoured exactly, for every request.
    const PollPolicy p(LOOPBACK, 6, 10, true, 0.25, false);
    QVERIFY(p.fastPollingAllowed());
    for (int i = 0; i < 40; ++i)
        QCOMPARE(p.intervalAfter(i), 0.25);
    // The same for private and link-local addresses.
    for (const QString &a : {u"192.168.1.10"_s, u"10.0.0.1"_s, u"fe80::1"_s, u"fd12:3456::1"_s}) {
        const PollPolicy q(QHostAddress(a), 6, 10, true, 0.25, false);
        QCOMPARE(q.intervalAfter(0), 0.25);
        QCOMPARE(q.intervalAfter(100), 0.25);
    }
}

void TstPollPolicy::fixedIntervalLocalFloor()
{
    // Even locally nothing faster than 1/16 s.
    const PollPolicy p(LOOPBACK, 6, 10, true, 0.001, false);
    QCOMPARE(p.intervalAfter(0), 0.0625);
    QCOMPARE(p.intervalAfter(50), 0.0625);
}

void TstPollPolicy::fixedIntervalPublic()
{
    // --interval 0.25 against a public server: at least 2 s between the first 8 requests (7 gaps,
    // after requests 0..6), then at least 2^6 = 64 s.
    const PollPolicy p(PUBLIC_V4, 6, 10, true, 0.25, false);
    QVERIFY(!p.fastPollingAllowed());
    for (int i = 0; i < 7; ++i)
        QCOMPARE(p.intervalAfter(i), 2.0);
    for (int i = 7; i < 30; ++i)
        QCOMPARE(p.intervalAfter(i), 64.0);
    // IPv6 public servers alike.
    const PollPolicy v6(QHostAddress(u"2001:db8::1"_s), 6, 10, true, 0.25, false);
    QCOMPARE(v6.intervalAfter(0), 2.0);
    QCOMPARE(v6.intervalAfter(7), 64.0);
}

void TstPollPolicy::fixedIntervalPublicLong()
{
    // A requested interval above the floors is used as is.
    const PollPolicy p(PUBLIC_V4, 6, 10, true, 100.0, false);
    QCOMPARE(p.intervalAfter(0), 100.0);
    QCOMPARE(p.intervalAfter(7), 100.0);
    // 3 s during the burst is fine, afterwards it is raised to 64 s.
    const PollPolicy q(PUBLIC_V4, 6, 10, true, 3.0, false);
    QCOMPARE(q.intervalAfter(6), 3.0);
    QCOMPARE(q.intervalAfter(7), 64.0);
}

void TstPollPolicy::fixedIntervalPublicWithOptIn()
{
    // --allow-fast-polling lifts the public limits (for servers the user runs).
    const PollPolicy p(PUBLIC_V4, 6, 10, true, 0.25, true);
    QVERIFY(p.fastPollingAllowed());
    QCOMPARE(p.intervalAfter(0), 0.25);
    QCOMPARE(p.intervalAfter(20), 0.25);
}

void TstPollPolicy::publicMinPollFloor_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("minPoll");
    QTest::addColumn<int>("maxPoll");
    QTest::addColumn<bool>("allowFast");
    QTest::addColumn<int>("expectedMin");
    QTest::addColumn<int>("expectedMax");

    QTest::newRow("public minpoll 4") << u"8.8.8.8"_s << 4 << 10 << false << 6 << 10;
    QTest::newRow("public minpoll -4") << u"8.8.8.8"_s << -4 << 10 << false << 6 << 10;
    QTest::newRow("public minpoll 6") << u"8.8.8.8"_s << 6 << 10 << false << 6 << 10;
    QTest::newRow("public minpoll 8") << u"8.8.8.8"_s << 8 << 10 << false << 8 << 10;
    QTest::newRow("public maxpoll 3") << u"8.8.8.8"_s << 4 << 3 << false << 6 << 6;
    QTest::newRow("public opt-in minpoll 4") << u"8.8.8.8"_s << 4 << 10 << true << 4 << 10;
    QTest::newRow("public opt-in minpoll -6") << u"8.8.8.8"_s << -6 << 10 << true << -4 << 10;
    QTest::newRow("local minpoll 0") << u"192.168.1.1"_s << 0 << 10 << false << 0 << 10;
    QTest::newRow("local minpoll -6") << u"127.0.0.1"_s << -6 << 2 << false << -4 << 2;
    QTest::newRow("maxpoll above 17") << u"8.8.8.8"_s << 6 << 30 << false << 6 << 17;
}

void TstPollPolicy::publicMinPollFloor()
{
    QFETCH(QString, address);
    QFETCH(int, minPoll);
    QFETCH(int, maxPoll);
    QFETCH(bool, allowFast);
    QFETCH(int, expectedMin);
    QFETCH(int, expectedMax);
    const PollPolicy p(QHostAddress(address), minPoll, maxPoll, true, std::nullopt, allowFast);
    QCOMPARE(p.minPollLog2(), expectedMin);
    QCOMPARE(p.maxPollLog2(), expectedMax);
    QCOMPARE(p.pollLog2(), expectedMin);
    // After the burst the adaptive interval starts at 2^minpoll.
    const double after = p.intervalAfter(10);
    QVERIFY2(inSpread(after, expectedMin), describe(after, expectedMin).constData());
}

void TstPollPolicy::iburstSpacing()
{
    // iburst: 6 requests 2 s apart (5 gaps, after requests 0..4), then 2^minpoll with spread.
    const PollPolicy p(PUBLIC_V4, 6, 10, true, std::nullopt, false);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(p.intervalAfter(i), 2.0);
    for (int i = 5; i < 40; ++i) {
        const double interval = p.intervalAfter(i);
        QVERIFY2(inSpread(interval, 6), describe(interval, 6).constData());
    }
}

void TstPollPolicy::noIburst()
{
    const PollPolicy p(PUBLIC_V4, 6, 10, false, std::nullopt, false);
    for (int i = 0; i < 20; ++i) {
        const double interval = p.intervalAfter(i);
        QVERIFY2(inSpread(interval, 6), describe(interval, 6).constData());
    }
}

void TstPollPolicy::rateKissRaisesPoll()
{
    PollPolicy p(PUBLIC_V4, 6, 10, true, std::nullopt, false);
    QVERIFY(!p.burstCancelled());
    // The server advertises poll 0: we still go one step above our current poll (6 → 7).
    p.onRateKiss(0);
    QVERIFY(p.burstCancelled());
    QCOMPARE(p.pollLog2(), 7);
    QCOMPARE(p.minPollLog2(), 7);
    // The burst is over: no 2 s spacing any more, even for request 0.
    for (int i = 0; i < 6; ++i) {
        const double interval = p.intervalAfter(i);
        QVERIFY2(inSpread(interval, 7), describe(interval, 7).constData());
    }
    // Every further RATE lengthens again.
    p.onRateKiss(0);
    QCOMPARE(p.pollLog2(), 8);
    QCOMPARE(p.minPollLog2(), 8);
}

void TstPollPolicy::rateKissFollowsServerPoll()
{
    // Never poll faster than the server's advertised poll: RATE with poll 9 → 9, not 7.
    PollPolicy p(PUBLIC_V4, 6, 10, true, std::nullopt, false);
    p.onRateKiss(9);
    QCOMPARE(p.pollLog2(), 9);
    QCOMPARE(p.minPollLog2(), 9);
    const double interval = p.intervalAfter(0);
    QVERIFY2(inSpread(interval, 9), describe(interval, 9).constData());
}

void TstPollPolicy::rateKissWithFixedInterval()
{
    // Public, --interval 0.25: after RATE the 2 s burst allowance is gone; 2^7 = 128 s.
    PollPolicy p(PUBLIC_V4, 6, 10, true, 0.25, false);
    QCOMPARE(p.intervalAfter(0), 2.0);
    p.onRateKiss(0);
    QCOMPARE(p.intervalAfter(0), 128.0);
    QCOMPARE(p.intervalAfter(20), 128.0);
    // Local, --interval 0.25, minpoll −4: RATE with server poll 0 → poll max(−3, 0) = 0, i.e. 1 s.
    PollPolicy local(LOOPBACK, -4, 10, true, 0.25, false);
    QCOMPARE(local.intervalAfter(0), 0.25);
    local.onRateKiss(0);
    QCOMPARE(local.pollLog2(), 0);
    QCOMPARE(local.intervalAfter(0), 1.0);
    // A long requested interval still wins over the server's wish.
    PollPolicy slow(PUBLIC_V4, 6, 10, true, 600.0, false);
    slow.onRateKiss(0);
    QCOMPARE(slow.intervalAfter(0), 600.0);
}

void TstPollPolicy::rateKissRespectsMaxPoll()
{
    PollPolicy p(PUBLIC_V4, 6, 10, true, std::nullopt, false);
    p.onRateKiss(14);
    QCOMPARE(p.pollLog2(), 10);
    QVERIFY(p.minPollLog2() <= p.maxPollLog2());
    p.onRateKiss(14);
    QCOMPARE(p.pollLog2(), 10);
}

void TstPollPolicy::goodSamplesLengthenPoll()
{
    // After NSTAGE (8) good samples in a row, one step longer, up to maxpoll.
    PollPolicy p(PUBLIC_V4, 6, 7, false, std::nullopt, false);
    for (int i = 0; i < 7; ++i)
        p.onGoodSample();
    QCOMPARE(p.pollLog2(), 6);
    p.onGoodSample();
    QCOMPARE(p.pollLog2(), 7);
    for (int i = 0; i < 16; ++i)
        p.onGoodSample();
    QCOMPARE(p.pollLog2(), 7);
    // A miss resets the run.
    PollPolicy q(PUBLIC_V4, 6, 10, false, std::nullopt, false);
    for (int i = 0; i < 7; ++i)
        q.onGoodSample();
    q.onMissedReply();
    q.onGoodSample();
    QCOMPARE(q.pollLog2(), 6);
}

void TstPollPolicy::missedRepliesBackOff()
{
    // 7 misses: unchanged; the 8th and every further miss add one step, up to maxpoll.
    PollPolicy p(PUBLIC_V4, 6, 9, false, std::nullopt, false);
    for (int i = 0; i < 7; ++i)
        p.onMissedReply();
    QCOMPARE(p.pollLog2(), 6);
    p.onMissedReply();
    QCOMPARE(p.pollLog2(), 7);
    p.onMissedReply();
    QCOMPARE(p.pollLog2(), 8);
    p.onMissedReply();
    p.onMissedReply();
    QCOMPARE(p.pollLog2(), 9);
}

QTEST_APPLESS_MAIN(TstPollPolicy)

#include "tst_pollpolicy.moc"

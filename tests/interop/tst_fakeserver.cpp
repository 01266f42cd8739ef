// SPDX-License-Identifier: GPL-3.0-or-later
// The engine (public SyncEngine API) against the programmable FakeNtpServer, in process: what the
// client sends, and how it treats kiss-o'-death, broken, hostile and unsynchronised replies.
#include <algorithm>
#include <cmath>

#include <QHash>
#include <QSet>
#include <QTest>

#include "core/engine/localclock.h"
#include "core/engine/serverstate.h"
#include "core/ntp/ntppacket.h"
#include "tests/fakes/engineharness.h"
#include "tests/fakes/fakentpserver.h"

using namespace Qt::StringLiterals;
using chronoscope::engine::AssociationOptions;
using chronoscope::engine::ServerState;
using chronoscope::engine::ServerStatus;
using chronoscope::engine::TimestampSource;
using chronoscope::testing::EngineHarness;
using chronoscope::testing::FakeNtpServer;
namespace ntp = chronoscope::ntp;

namespace {

constexpr double RUN_LIMIT = 30.0;   // seconds; every scenario here finishes in a few
constexpr double INTERVAL = 0.1;     // seconds between requests
constexpr double TIMEOUT = 0.5;      // seconds to wait for one reply

AssociationOptions options(int maxRequests, TimestampSource source = TimestampSource::Kernel)
{
    AssociationOptions o;
    o.maxRequests = maxRequests;
    o.fixedInterval = INTERVAL;
    o.timeout = TIMEOUT;
    o.timestamps = source;
    return o;
}

QByteArray describe(const ServerStatus &s)
{
    QStringList rejections;
    for (auto it = s.rejections.cbegin(); it != s.rejections.cend(); ++it)
        rejections << it.key() + u'=' + QString::number(it.value());
    return u"%1: state %2 (%3), sent %4, accepted %5, timeouts %6, reach %7, kiss '%8', rejections [%9]"_s
        .arg(s.name, chronoscope::engine::serverStateId(s.state), s.reason)
        .arg(s.requestsSent)
        .arg(s.repliesAccepted)
        .arg(s.timeouts)
        .arg(s.reach, 0, 2)
        .arg(s.lastKiss, rejections.join(u", "_s))
        .toUtf8();
}

void addSourceRows()
{
    QTest::addColumn<TimestampSource>("source");
#ifdef Q_OS_LINUX
    QTest::newRow("kernel timestamps") << TimestampSource::Kernel;
#endif
    QTest::newRow("userspace timestamps") << TimestampSource::Userspace;
}

} // namespace

class TestFakeServer : public QObject
{
    Q_OBJECT

private slots:
    void requestsAreDataMinimised();
    void freshSourcePortPerRequest_data();
    void freshSourcePortPerRequest();
    void fastPollingReusesPortForBoundedTime_data();
    void fastPollingReusesPortForBoundedTime();
    void timeoutRetiresPort();
    void rejectedDatagramRetiresPort();
    void unaskedDatagramRetiresPort();
    void measuresServerOffset_data();
    void measuresServerOffset();
    void ipv6FakeServer();
    void processingDelayIsNotOffset();
    void rateKissEndsCheck();
    void rateKissBacksOffWhenMonitoring();
    void denyKissStopsPolling_data();
    void denyKissStopsPolling();
    void kissWithBogusOriginIsIgnored_data();
    void kissWithBogusOriginIsIgnored();
    void wrongSourcePortIsNeverASample_data();
    void wrongSourcePortIsNeverASample();
    void garbageCountedAsMalformed();
    void bogusOriginCounted();
    void duplicateReplyAcceptedOnce_data();
    void duplicateReplyAcceptedOnce();
    void replayedTransmitTimeCountedAsDuplicate();
    void leapAlarmIsUnusable();
    void stratum16IsUnusable();
    void droppedRequestsShowInReach();
    void silentServerIsUnreachable();

private:
    // Runs a check of `maxRequests` requests against `server`; returns its final status.
    static ServerStatus runCheck(FakeNtpServer &server, EngineHarness &harness);
};

ServerStatus TestFakeServer::runCheck(FakeNtpServer &server, EngineHarness &harness)
{
    harness.addServer(server.address(), server.port());
    if (!harness.waitForFinished(RUN_LIMIT))
        qWarning("engine did not finish within %.0f s", RUN_LIMIT);
    const std::optional<ServerStatus> status = harness.server(server.address(), server.port());
    return status ? *status : ServerStatus{};
}

void TestFakeServer::requestsAreDataMinimised()
{
    FakeNtpServer server;
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    EngineHarness harness(options(6));
    const ServerStatus s = runCheck(server, harness);
    QCOMPARE(s.repliesAccepted, 6);
    QCOMPARE(server.requests().size(), 6);

    QSet<quint64> nonces;
    for (const chronoscope::testing::RecordedRequest &r : server.requests()) {
        QCOMPARE(r.datagram.size(), qsizetype(ntp::HEADER_SIZE)); // no extension fields, no MAC
        const auto d = reinterpret_cast<const uchar *>(r.datagram.constData());
        QCOMPARE(int(d[0]), 0x23); // LI 0, VN 4, mode 3
        const chronoscope::Result<ntp::Packet> parsed = ntp::decode(r.datagram);
        QVERIFY(parsed.ok());
        const ntp::Packet &p = *parsed;
        QCOMPARE(p.mode, ntp::Mode::Client);
        QCOMPARE(int(p.version), 4);
        QCOMPARE(p.leap, ntp::LeapIndicator::NoWarning);
        QCOMPARE(int(p.stratum), 0);
        QCOMPARE(int(p.precision), 0x20);
        QCOMPARE(p.rootDelay.raw(), 0u);
        QCOMPARE(p.rootDispersion.raw(), 0u);
        QCOMPARE(p.referenceId, 0u);
        QVERIFY(p.referenceTime.isZero());
        QVERIFY(p.originTime.isZero());
        QVERIFY(p.receiveTime.isZero());
        // The transmit field is a random nonce: never zero, never repeated, and not our clock
        // (a random 64-bit value lands within an hour of now with probability ~2e-6).
        QVERIFY(!p.transmitTime.isZero());
        QVERIFY2(!nonces.contains(p.transmitTime.raw()), "transmit nonce repeated");
        nonces.insert(p.transmitTime.raw());
        const ntp::NtpTimestamp sentAround = ntp::NtpTimestamp::fromUnixSeconds(r.receivedAt);
        QVERIFY2(std::abs(p.transmitTime.secondsSince(sentAround)) > 3600.0,
                 "transmit field looks like the local clock, not a random nonce");
        QVERIFY(r.sender.isLoopback());
    }
    // The nonce is not a timestamp with randomised low bits: the seconds differ too.
    QSet<quint32> seconds;
    for (const quint64 nonce : std::as_const(nonces))
        seconds.insert(quint32(nonce >> 32));
    QVERIFY(seconds.size() >= 5);
}

void TestFakeServer::freshSourcePortPerRequest_data()
{
    addSourceRows();
}

void TestFakeServer::freshSourcePortPerRequest()
{
    QFETCH(TimestampSource, source);
    FakeNtpServer server;
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    // Requests farther apart than the reuse gap (every poll at 64 s and more, the usual case):
    // modelled with a gap of 0, as the test cannot wait a minute per request.
    AssociationOptions o = options(8, source);
    o.reuseSocketWithin = std::chrono::milliseconds(0);
    EngineHarness harness(o);
    const ServerStatus s = runCheck(server, harness);
    QCOMPARE(s.repliesAccepted, 8);
    QCOMPARE(server.requests().size(), 8);

    // RFC 9109: a new socket with an OS-chosen random port for every request. Allow one chance
    // collision among 8 draws from ~28000 ephemeral ports (~1e-3), not two (~1e-7).
    QSet<quint16> ports;
    QList<quint16> sequence;
    for (const chronoscope::testing::RecordedRequest &r : server.requests()) {
        QVERIFY(r.senderPort != 0);
        QVERIFY(r.senderPort != 123);
        QVERIFY(r.senderPort != server.port());
        ports.insert(r.senderPort);
        sequence.append(r.senderPort);
    }
    QVERIFY2(ports.size() >= 7, qPrintable(u"source ports reused: %1"_s.arg(ports.size())));
    // Not a counter: consecutive requests do not use consecutive ports.
    int sequential = 0;
    for (qsizetype i = 1; i < sequence.size(); ++i)
        sequential += sequence[i] == sequence[i - 1] + 1 ? 1 : 0;
    QVERIFY2(sequential < 3, "source ports are allocated sequentially");
}

void TestFakeServer::fastPollingReusesPortForBoundedTime_data()
{
    addSourceRows();
}

void TestFakeServer::fastPollingReusesPortForBoundedTime()
{
    // Requests 0.1 s apart (within the reuse gap) with a port lifetime of 0.45 s: the Linux
    // channel sends consecutive requests from one port, but never for longer than the lifetime
    // (so at most 5 requests per port here, and at least 3 ports for 12 requests); the portable
    // channel never keeps a socket.
    QFETCH(TimestampSource, source);
    FakeNtpServer server;
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    constexpr int REQUESTS = 12;
    AssociationOptions o = options(REQUESTS, source);
    o.portLifetime = std::chrono::milliseconds(450);
    EngineHarness harness(o);
    const ServerStatus s = runCheck(server, harness);
    QCOMPARE(s.repliesAccepted, REQUESTS);
    const QList<chronoscope::testing::RecordedRequest> &requests = server.requests();
    QCOMPARE(requests.size(), REQUESTS);

    QSet<quint16> ports;
    QHash<quint16, QList<double>> timesByPort; // receive times (Unix seconds) per source port
    for (const chronoscope::testing::RecordedRequest &r : requests) {
        ports.insert(r.senderPort);
        timesByPort[r.senderPort].append(r.receivedAt);
    }
    if (source == TimestampSource::Userspace) {
        QVERIFY2(ports.size() >= REQUESTS - 1, "the portable channel reused a port");
        return;
    }
    QVERIFY2(ports.size() < REQUESTS, "consecutive fast requests did not share a port");
    QVERIFY2(ports.size() >= 3, qPrintable(u"%1 ports for %2 requests"_s.arg(ports.size()).arg(REQUESTS)));
    for (auto it = timesByPort.cbegin(); it != timesByPort.cend(); ++it) {
        const auto [first, last] = std::minmax_element(it.value().cbegin(), it.value().cend());
        QVERIFY2(it.value().size() <= 5 && *last - *first <= 0.45 + 0.05,
                 qPrintable(u"port %1 served %2 requests over %3 s"_s.arg(it.key()).arg(it.value().size()).arg(*last - *first)));
    }
    // A port is used in one run of consecutive requests, never again later.
    for (qsizetype i = 2; i < requests.size(); ++i)
        for (qsizetype j = 0; j + 1 < i; ++j)
            if (requests[j].senderPort == requests[i].senderPort)
                QCOMPARE(requests[i - 1].senderPort, requests[i].senderPort);
}

void TestFakeServer::unaskedDatagramRetiresPort()
{
    // Every reply is sent twice: the second copy arrives when nothing is outstanding, on a
    // socket kept for the next request. Whoever sent it knows the port, so the next request
    // comes from a new one; the duplicate is counted, never a sample.
    FakeNtpServer server;
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    server.setDuplicateReplies(true);
    EngineHarness harness(options(4));
    const ServerStatus s = runCheck(server, harness);
    QCOMPARE(s.repliesAccepted, 4);
    const QList<chronoscope::testing::RecordedRequest> &requests = server.requests();
    QCOMPARE(requests.size(), 4);
    QSet<quint16> ports;
    for (const chronoscope::testing::RecordedRequest &r : requests)
        ports.insert(r.senderPort);
    QVERIFY2(ports.size() >= 3, qPrintable(u"%1 ports for 4 requests"_s.arg(ports.size())));
}

void TestFakeServer::timeoutRetiresPort()
{
    // The first request goes unanswered: after its time-out the next request comes from a new
    // port; after an answered one, the following request keeps the port.
    FakeNtpServer server;
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    server.dropNextRequests(1);
    EngineHarness harness(options(4));
    const ServerStatus s = runCheck(server, harness);
    QCOMPARE(s.timeouts, 1);
    QCOMPARE(s.repliesAccepted, 3);
    const QList<chronoscope::testing::RecordedRequest> &requests = server.requests();
    QCOMPARE(requests.size(), 4);
    QVERIFY(!requests.at(0).answered);
    QVERIFY(requests.at(0).senderPort != requests.at(1).senderPort);
#ifdef Q_OS_LINUX
    QCOMPARE(requests.at(1).senderPort, requests.at(2).senderPort);
    QCOMPARE(requests.at(2).senderPort, requests.at(3).senderPort);
#endif
}

void TestFakeServer::rejectedDatagramRetiresPort()
{
    // A malformed datagram arrives before every reply: each request still gets its answer, but
    // a port that met a datagram it had to reject is not kept (on a kept port that is a
    // duplicate or someone who learnt the port), so every request comes from a new port.
    FakeNtpServer server;
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    server.setJunkBeforeReply(1);
    EngineHarness harness(options(4));
    const ServerStatus s = runCheck(server, harness);
    QCOMPARE(s.repliesAccepted, 4);
    QVERIFY(s.rejections.value(u"malformed"_s) >= 1);
    const QList<chronoscope::testing::RecordedRequest> &requests = server.requests();
    QCOMPARE(requests.size(), 4);
    QSet<quint16> ports;
    for (const chronoscope::testing::RecordedRequest &r : requests)
        ports.insert(r.senderPort);
    // (>= 3, not 4: the kernel may by chance hand out a just-closed port again.)
    QVERIFY2(ports.size() >= 3, qPrintable(u"%1 ports for 4 requests"_s.arg(ports.size())));
}

void TestFakeServer::measuresServerOffset_data()
{
    QTest::addColumn<TimestampSource>("source");
    QTest::addColumn<double>("offset");
#ifdef Q_OS_LINUX
    QTest::newRow("kernel, server ahead 0.3 s") << TimestampSource::Kernel << 0.3;
    QTest::newRow("kernel, server behind 0.75 s") << TimestampSource::Kernel << -0.75;
#endif
    QTest::newRow("userspace, server ahead 0.3 s") << TimestampSource::Userspace << 0.3;
    QTest::newRow("userspace, server behind 0.75 s") << TimestampSource::Userspace << -0.75;
}

void TestFakeServer::measuresServerOffset()
{
    QFETCH(TimestampSource, source);
    QFETCH(double, offset);
    FakeNtpServer server;
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    server.setClockOffset(offset);
    EngineHarness harness(options(4, source));
    const ServerStatus s = runCheck(server, harness);
    QVERIFY2(s.state == ServerState::SysPeer, describe(s).constData());
    QCOMPARE(s.repliesAccepted, 4);
    QCOMPARE(s.kernelTimestamps, source == TimestampSource::Kernel);
    QVERIFY(s.filter.has_value());
    // Both clocks are this machine's, so the true offset is exact; the measured one can be off
    // by at most half the round-trip delay (one-way delays are never negative).
    const double error = std::abs(s.filter->offset - offset);
    qInfo("fake server at %+.3f s: measured %+.6f s, delay %.6f s", offset, s.filter->offset, s.filter->delay);
    QVERIFY2(error <= s.filter->delay / 2.0 + 1e-6, describe(s).constData());
    QVERIFY2(error < 0.002, describe(s).constData());
    QVERIFY(harness.system().synchronized);
    QVERIFY(std::abs(*harness.system().offset - offset) < 0.002);
    QCOMPARE(s.stratum, 1);
    QCOMPARE(s.refid, u"LOCL"_s);
}

void TestFakeServer::ipv6FakeServer()
{
    FakeNtpServer server(QHostAddress(QHostAddress::LocalHostIPv6));
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    server.setClockOffset(0.3);
    EngineHarness harness(options(4));
    const ServerStatus s = runCheck(server, harness);
    QVERIFY2(s.state == ServerState::SysPeer, describe(s).constData());
    QCOMPARE(s.address, u"::1"_s);
    QCOMPARE(server.requests().size(), 4);
    QCOMPARE(server.requests().constFirst().sender.protocol(), QAbstractSocket::IPv6Protocol);
    QVERIFY(std::abs(s.filter->offset - 0.3) <= s.filter->delay / 2.0 + 1e-6);
}

void TestFakeServer::processingDelayIsNotOffset()
{
    // The server holds every request 150 ms before answering; T3 − T2 accounts for it, so
    // neither offset nor delay may absorb it.
    FakeNtpServer server;
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    server.setProcessingDelay(0.15);
    EngineHarness harness(options(3));
    const ServerStatus s = runCheck(server, harness);
    QCOMPARE(s.repliesAccepted, 3);
    QVERIFY(s.filter.has_value());
    QVERIFY2(std::abs(s.filter->offset) < 0.002, describe(s).constData());
    QVERIFY2(s.filter->delay < 0.02, describe(s).constData());
    const ntp::ExchangeTimestamps ts = s.lastMeasurement->timestamps;
    QVERIFY(ts.t3.secondsSince(ts.t2) >= 0.15);
}

void TestFakeServer::rateKissEndsCheck()
{
    FakeNtpServer server;
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    server.setKissCode("RATE");
    server.setPoll(9); // the server asks for 512 s between polls
    EngineHarness harness(options(4));
    harness.addServer(server.address(), server.port());
    const int initialPoll = harness.servers().constFirst().pollLog2;
    QVERIFY(harness.waitForFinished(RUN_LIMIT));
    harness.runFor(0.5); // would be several more requests if RATE were not honoured
    const ServerStatus s = *harness.server(server.address(), server.port());
    QVERIFY2(s.state == ServerState::KodRate, describe(s).constData());
    QCOMPARE(chronoscope::engine::serverStateId(s.state), u"kod_rate"_s);
    QCOMPARE(s.lastKiss, u"RATE"_s);
    QVERIFY2(s.pollLog2 > initialPoll, describe(s).constData());
    QVERIFY2(s.pollLog2 >= 9, describe(s).constData());
    QVERIFY(s.reason.contains(u"RATE"_s));
    // A one-shot check sends nothing more after RATE.
    QCOMPARE(s.requestsSent, 1);
    QCOMPARE(server.requests().size(), 1);
    QVERIFY(s.finished);
    QCOMPARE(s.repliesAccepted, 0);
    QCOMPARE(s.rejections.value(u"kiss_of_death"_s), 1);
    QVERIFY(!harness.system().synchronized);
}

void TestFakeServer::rateKissBacksOffWhenMonitoring()
{
    FakeNtpServer server;
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    server.setKissCode("RATE");
    server.setPoll(0); // even a server advertising 1 s must not be polled at our 0.1 s any more
    EngineHarness harness(options(0)); // poll until stopped
    harness.addServer(server.address(), server.port());
    const int initialPoll = harness.servers().constFirst().pollLog2;
    QVERIFY(harness.waitFor([&] { return !server.requests().isEmpty(); }, RUN_LIMIT));
    QVERIFY(harness.waitFor([&] { return harness.servers().constFirst().state == ServerState::KodRate; }, RUN_LIMIT));
    harness.runFor(1.5); // 15 requests at the configured interval
    const ServerStatus s = harness.servers().constFirst();
    QVERIFY2(s.state == ServerState::KodRate, describe(s).constData());
    QVERIFY2(s.pollLog2 > initialPoll, describe(s).constData());
    QCOMPARE(server.requests().size(), 1);
    QVERIFY(!s.finished); // still associated, just slower
}

void TestFakeServer::denyKissStopsPolling_data()
{
    QTest::addColumn<QByteArray>("code");
    QTest::newRow("DENY") << QByteArray("DENY");
    QTest::newRow("RSTR") << QByteArray("RSTR");
}

void TestFakeServer::denyKissStopsPolling()
{
    QFETCH(QByteArray, code);
    FakeNtpServer server;
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    EngineHarness harness(options(0)); // poll until stopped: only the kiss can end it
    // One normal reply (a good sample in the filter), then the kiss.
    connect(&server, &FakeNtpServer::requestReceived, &server, [&server, code](int index) {
        if (index == 0)
            server.setKissCode(code);
    });
    harness.addServer(server.address(), server.port());
    QVERIFY(harness.waitFor([&] { return harness.servers().constFirst().state == ServerState::KodDeny; }, RUN_LIMIT));
    QVERIFY(harness.waitForFinished(RUN_LIMIT)); // the association ends itself
    const qsizetype requestsAtKiss = server.requests().size();
    harness.runFor(1.0); // 10 more requests if the kiss were ignored
    const ServerStatus s = harness.servers().constFirst();
    QVERIFY2(s.state == ServerState::KodDeny, describe(s).constData());
    QCOMPARE(chronoscope::engine::serverStateId(s.state), u"kod_deny"_s);
    QCOMPARE(s.lastKiss, QString::fromLatin1(code));
    QVERIFY(s.reason.contains(QString::fromLatin1(code)));
    QCOMPARE(requestsAtKiss, 2);
    QCOMPARE(server.requests().size(), 2);
    QCOMPARE(s.requestsSent, 2);
    QCOMPARE(s.repliesAccepted, 1);
    QVERIFY(s.finished);
    // A denied server is never selected, even with a good sample in its filter.
    QVERIFY(!harness.system().synchronized);
}

void TestFakeServer::kissWithBogusOriginIsIgnored_data()
{
    QTest::addColumn<QByteArray>("code");
    QTest::newRow("RATE") << QByteArray("RATE");
    QTest::newRow("DENY") << QByteArray("DENY");
}

void TestFakeServer::kissWithBogusOriginIsIgnored()
{
    // An off-path attacker cannot echo our nonce: its kiss must not stop or slow us.
    QFETCH(QByteArray, code);
    FakeNtpServer server;
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    server.setKissCode(code);
    server.setBogusOrigin(true);
    EngineHarness harness(options(4));
    const ServerStatus s = runCheck(server, harness);
    QVERIFY2(s.state == ServerState::Unreachable, describe(s).constData());
    QVERIFY(s.lastKiss.isEmpty());
    QCOMPARE(s.requestsSent, 4);
    QCOMPARE(server.requests().size(), 4);
    QCOMPARE(s.rejections.value(u"bogus_origin"_s), 4);
    QCOMPARE(s.rejections.value(u"kiss_of_death"_s), 0);
    QCOMPARE(s.timeouts, 4);
    QVERIFY2(s.reason.contains(u"origin"_s), qPrintable(s.reason));
}

void TestFakeServer::wrongSourcePortIsNeverASample_data()
{
    addSourceRows();
}

void TestFakeServer::wrongSourcePortIsNeverASample()
{
    QFETCH(TimestampSource, source);
    FakeNtpServer server;
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    server.setReplyFromWrongPort(true);
    EngineHarness harness(options(3, source));
    const ServerStatus s = runCheck(server, harness);
    QCOMPARE(server.requests().size(), 3);
    QCOMPARE(server.datagramsSent(), 3); // every request was answered, from the other port
    QVERIFY(server.wrongSourcePort() != server.port());
    QCOMPARE(s.repliesAccepted, 0);
    QVERIFY(!s.hasSample());
    QVERIFY2(s.state == ServerState::Unreachable, describe(s).constData());
    QCOMPARE(s.timeouts, 3);
    QCOMPARE(s.reach, quint8(0));
    // The connected socket lets the kernel drop them: the engine never even sees them.
    QVERIFY2(s.rejections.isEmpty(), describe(s).constData());
    QVERIFY(!harness.system().synchronized);
}

void TestFakeServer::garbageCountedAsMalformed()
{
    FakeNtpServer server;
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    server.setGarbageReply(QByteArray("\x17\x01 this is not an NTP packet"));
    EngineHarness harness(options(3));
    const ServerStatus s = runCheck(server, harness);
    QCOMPARE(server.datagramsSent(), 3);
    QCOMPARE(s.rejections.value(u"malformed"_s), 3);
    QCOMPARE(s.rejections.size(), 1);
    QCOMPARE(s.repliesAccepted, 0);
    QCOMPARE(s.timeouts, 3);
    QVERIFY2(s.state == ServerState::Unreachable, describe(s).constData());
    QVERIFY2(s.reason.contains(u"malformed"_s), qPrintable(s.reason));
    // Reported as a summary (never an event per datagram), with the exact count.
    int summarised = 0;
    for (const auto &summary : harness.rejectionSummaries())
        summarised += summary.counts.value(u"malformed"_s);
    QCOMPARE(summarised, 3);
}

void TestFakeServer::bogusOriginCounted()
{
    FakeNtpServer server;
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    server.setBogusOrigin(true);
    EngineHarness harness(options(3));
    const ServerStatus s = runCheck(server, harness);
    QCOMPARE(server.datagramsSent(), 3);
    QCOMPARE(s.rejections.value(u"bogus_origin"_s), 3);
    QCOMPARE(s.repliesAccepted, 0);
    QVERIFY2(s.state == ServerState::Unreachable, describe(s).constData());
    QCOMPARE(s.reach, quint8(0));
}

void TestFakeServer::duplicateReplyAcceptedOnce_data()
{
    addSourceRows();
}

void TestFakeServer::duplicateReplyAcceptedOnce()
{
    // Every reply arrives twice. The first copy answers the request; the second finds no request
    // waiting (the check order of NTP-NOTES §1.5 tests "outstanding" before the duplicate test)
    // and must never become a second sample.
    QFETCH(TimestampSource, source);
    FakeNtpServer server;
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    server.setDuplicateReplies(true);
    EngineHarness harness(options(4, source));
    const ServerStatus s = runCheck(server, harness);
    QCOMPARE(server.datagramsSent(), 8);
    QCOMPARE(s.repliesAccepted, 4);
    QCOMPARE(s.rejections.value(u"not_requested"_s), 4);
    QCOMPARE(s.timeouts, 0);
    QCOMPARE(int(harness.samples().size()), 4);
    QVERIFY2(s.state == ServerState::SysPeer, describe(s).constData());
}

void TestFakeServer::replayedTransmitTimeCountedAsDuplicate()
{
    // RFC 5905 test 1: a reply to a new request that repeats the previous transmit time.
    FakeNtpServer server;
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    server.setRepeatTransmitTime(true);
    EngineHarness harness(options(4));
    const ServerStatus s = runCheck(server, harness);
    QCOMPARE(server.datagramsSent(), 4);
    QCOMPARE(s.repliesAccepted, 1);
    QCOMPARE(s.rejections.value(u"duplicate"_s), 3);
    QCOMPARE(s.timeouts, 3);
    QCOMPARE(s.reach, quint8(0b1000)); // only the first request got a valid answer
}

void TestFakeServer::leapAlarmIsUnusable()
{
    FakeNtpServer server;
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    server.setLeap(ntp::LeapIndicator::Unsynchronized);
    EngineHarness harness(options(4));
    const ServerStatus s = runCheck(server, harness);
    QVERIFY2(s.state == ServerState::Unusable, describe(s).constData());
    QVERIFY2(s.reason.contains(u"leap indicator 3"_s), qPrintable(s.reason));
    QCOMPARE(s.rejections.value(u"unsynchronized"_s), 4);
    QCOMPARE(s.repliesAccepted, 0);
    QCOMPARE(s.reach, quint8(0x0F)); // it answers: reachable, just not usable
    QCOMPARE(s.leap, ntp::LeapIndicator::Unsynchronized);
    QVERIFY(!harness.system().synchronized);
}

void TestFakeServer::stratum16IsUnusable()
{
    FakeNtpServer server;
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    server.setStratum(16);
    EngineHarness harness(options(4));
    const ServerStatus s = runCheck(server, harness);
    QVERIFY2(s.state == ServerState::Unusable, describe(s).constData());
    QVERIFY2(s.reason.contains(u"stratum 16"_s), qPrintable(s.reason));
    QCOMPARE(s.rejections.value(u"stratum_16"_s), 4);
    QCOMPARE(s.stratum, 16);
    QCOMPARE(s.repliesAccepted, 0);
    QCOMPARE(s.reach, quint8(0x0F));
    QVERIFY(!harness.system().synchronized);
}

void TestFakeServer::droppedRequestsShowInReach()
{
    // Requests 1 and 4 answered, 2 and 3 lost: the reach register (newest in bit 0) reads 1001.
    FakeNtpServer server;
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    connect(&server, &FakeNtpServer::requestReceived, &server, [&server](int index) {
        if (index == 0)
            server.dropNextRequests(2);
    });
    EngineHarness harness(options(4));
    const ServerStatus s = runCheck(server, harness);
    QCOMPARE(server.requests().size(), 4);
    QVERIFY(server.requests().at(0).answered);
    QVERIFY(!server.requests().at(1).answered);
    QVERIFY(!server.requests().at(2).answered);
    QVERIFY(server.requests().at(3).answered);
    QCOMPARE(s.requestsSent, 4);
    QCOMPARE(s.repliesAccepted, 2);
    QCOMPARE(s.timeouts, 2);
    QCOMPARE(s.reach, quint8(0b1001));
    const auto timeouts = std::count_if(harness.failures().cbegin(), harness.failures().cend(),
                                        [](const auto &e) { return e.timedOut && e.reasonId == u"timeout"_s; });
    QCOMPARE(int(timeouts), 2);
    QVERIFY(s.filter.has_value());
    QCOMPARE(s.filter->validStages, 2);
    QVERIFY2(s.state != ServerState::Unreachable, describe(s).constData()); // it did answer
}

void TestFakeServer::silentServerIsUnreachable()
{
    FakeNtpServer server;
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    server.dropNextRequests(1000);
    EngineHarness harness(options(3));
    const ServerStatus s = runCheck(server, harness);
    QCOMPARE(server.requests().size(), 3);
    QCOMPARE(server.datagramsSent(), 0);
    QCOMPARE(s.timeouts, 3);
    QCOMPARE(s.reach, quint8(0));
    QVERIFY2(s.state == ServerState::Unreachable, describe(s).constData());
    QVERIFY2(s.reason.contains(u"no reply"_s), qPrintable(s.reason));
    QVERIFY(!harness.system().synchronized);
}

QTEST_GUILESS_MAIN(TestFakeServer)
#include "tst_fakeserver.moc"

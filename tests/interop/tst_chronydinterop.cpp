// SPDX-License-Identifier: GPL-3.0-or-later
// The engine (public SyncEngine API) against real chronyd servers on loopback.
#include <cmath>
#include <memory>
#include <vector>

#include <QElapsedTimer>
#include <QTest>

#include "core/engine/serverstate.h"
#include "core/engine/syncengine.h"
#include "tests/fakes/engineharness.h"
#include "tests/interop/chronydinstance.h"

using namespace Qt::StringLiterals;
using chronoscope::engine::AssociationOptions;
using chronoscope::engine::ServerState;
using chronoscope::engine::ServerStatus;
using chronoscope::engine::TimestampSource;
using chronoscope::testing::ChronydInstance;
using chronoscope::testing::EngineHarness;

namespace {

constexpr double TRUE_TOLERANCE = 0.001;  // seconds: a true chronyd on loopback is at offset 0
constexpr double FAKE_TOLERANCE = 0.002;  // seconds: libfaketime shifts are exact to ~50 µs
constexpr double RUN_LIMIT = 30.0;        // seconds: 4 requests 0.2 s apart finish in ~1 s

// A short check: 4 requests, 0.2 s apart, 1 s timeout (like `check --samples 4 --interval 0.2`).
AssociationOptions checkOptions(TimestampSource source = TimestampSource::Kernel)
{
    AssociationOptions options;
    options.maxRequests = 4;
    options.fixedInterval = 0.2;
    options.timeout = 1.0;
    options.timestamps = source;
    return options;
}

QByteArray describe(const ServerStatus &s)
{
    return u"%1: state %2 (%3), sent %4, accepted %5, reach %6 (octal), offset %7"_s
        .arg(s.name, chronoscope::engine::serverStateId(s.state), s.reason)
        .arg(s.requestsSent)
        .arg(s.repliesAccepted)
        .arg(s.reach, 0, 8)
        .arg(s.filter ? QString::number(s.filter->offset, 'f', 6) : u"-"_s)
        .toUtf8();
}

} // namespace

class TestChronydInterop : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void trueServerHasZeroOffset();
    void fakeTimeOffsetIsMeasured_data();
    void fakeTimeOffsetIsMeasured();
    void ipv6Loopback();
    void closedPortIsUnreachable();
    void timestampSources_data();
    void timestampSources();
    void severalServersAtOnce();
    void interleavedMode();
    void interleavedFallsBackToBasic();

private:
    // Runs a check against one chronyd (with `xleave`: in interleaved mode) and returns its
    // server's status at the end.
    static ServerStatus checkOne(const ChronydInstance &chronyd, EngineHarness *harness, bool xleave = false);
};

void TestChronydInterop::initTestCase()
{
    // Never QSKIP: CI installs chrony and faketime, so a missing one is a failure.
    QVERIFY2(!ChronydInstance::findChronyd().isEmpty(), "chronyd not found in PATH, /usr/sbin or /sbin: install chrony");
    QVERIFY2(!ChronydInstance::findLibFaketime().isEmpty(),
             "libfaketime.so.1 not found in /usr/lib/<multiarch>/faketime or similar: install faketime");
}

ServerStatus TestChronydInterop::checkOne(const ChronydInstance &chronyd, EngineHarness *harness, bool xleave)
{
    chronoscope::engine::ServerSpec spec = chronyd.serverSpec();
    spec.xleave = xleave;
    harness->addServer(spec);
    if (!harness->waitForFinished(RUN_LIMIT))
        qWarning("engine did not finish within %.0f s", RUN_LIMIT);
    const std::optional<ServerStatus> status = harness->server(chronyd.address(), chronyd.port());
    // An address literal always yields an association at once.
    return status ? *status : ServerStatus{};
}

void TestChronydInterop::trueServerHasZeroOffset()
{
    ChronydInstance chronyd;
    QVERIFY2(chronyd.start(), qPrintable(chronyd.errorString()));
    EngineHarness harness(checkOptions());
    const ServerStatus s = checkOne(chronyd, &harness);
    QVERIFY(harness.finished());
    QVERIFY2(s.state == ServerState::SysPeer, describe(s).constData());
    QCOMPARE(s.requestsSent, 4);
    QCOMPARE(s.repliesAccepted, 4);
    QCOMPARE(s.reach, quint8(0x0F));
    QCOMPARE(s.stratum, 1);
    QVERIFY(s.rejections.isEmpty());
    QCOMPARE(s.timeouts, 0);
    QVERIFY(s.filter.has_value());
    qInfo("true chronyd: offset %+.6f s, delay %.6f s", s.filter->offset, s.filter->delay);
    QVERIFY2(std::abs(s.filter->offset) <= TRUE_TOLERANCE, describe(s).constData());

    const auto system = harness.system();
    QVERIFY(system.synchronized);
    QCOMPARE(system.sysPeer, s.name);
    QVERIFY(system.offset.has_value());
    QVERIFY(std::abs(*system.offset) <= TRUE_TOLERANCE);
}

void TestChronydInterop::fakeTimeOffsetIsMeasured_data()
{
    QTest::addColumn<QString>("fakeTime");
    QTest::addColumn<double>("expected");
    // FAKETIME "+2.5s": chronyd's clock is 2.5 s ahead of ours, so our clock is behind: +2.5 s.
    QTest::newRow("server ahead 2.5 s") << u"+2.5s"_s << 2.5;
    QTest::newRow("server behind 1.8 s") << u"-1.8s"_s << -1.8;
}

void TestChronydInterop::fakeTimeOffsetIsMeasured()
{
    QFETCH(QString, fakeTime);
    QFETCH(double, expected);
    ChronydInstance chronyd;
    chronyd.setFakeTime(fakeTime);
    QVERIFY2(chronyd.start(), qPrintable(chronyd.errorString()));
    EngineHarness harness(checkOptions());
    const ServerStatus s = checkOne(chronyd, &harness);
    QVERIFY2(s.state == ServerState::SysPeer, describe(s).constData());
    QCOMPARE(s.repliesAccepted, 4);
    QVERIFY(s.filter.has_value());
    qInfo("chronyd under FAKETIME=%s: offset %+.6f s (expected %+.1f s)", qPrintable(fakeTime), s.filter->offset,
          expected);
    QVERIFY2(std::abs(s.filter->offset - expected) <= FAKE_TOLERANCE, describe(s).constData());
    QVERIFY(harness.system().synchronized);
    QVERIFY(std::abs(*harness.system().offset - expected) <= FAKE_TOLERANCE);
}

void TestChronydInterop::ipv6Loopback()
{
    ChronydInstance chronyd(QHostAddress(QHostAddress::LocalHostIPv6));
    QVERIFY2(chronyd.start(), qPrintable(chronyd.errorString()));
    QVERIFY(chronyd.endpoint().startsWith(u"[::1]:"_s));
    EngineHarness harness(checkOptions());
    const ServerStatus s = checkOne(chronyd, &harness);
    QVERIFY2(s.state == ServerState::SysPeer, describe(s).constData());
    QCOMPARE(s.address, u"::1"_s);
    QCOMPARE(s.repliesAccepted, 4);
    QVERIFY(s.kernelTimestamps);
    qInfo("chronyd on [::1]: offset %+.6f s", s.filter->offset);
    QVERIFY2(std::abs(s.filter->offset) <= TRUE_TOLERANCE, describe(s).constData());
    QVERIFY(harness.system().synchronized);
}

void TestChronydInterop::closedPortIsUnreachable()
{
    // Nothing listens there: the kernel answers with ICMP port unreachable.
    const QHostAddress loopback(QHostAddress::LocalHost);
    const quint16 port = ChronydInstance::freeUdpPort(loopback);
    QVERIFY(port != 0);
    AssociationOptions options = checkOptions();
    options.maxRequests = 2;
    EngineHarness harness(options);
    QElapsedTimer timer;
    timer.start();
    harness.addServer(loopback, port);
    QVERIFY(harness.waitForFinished(RUN_LIMIT));
    // Refusal ends each request at once; never more than the timeouts plus the interval.
    QVERIFY2(timer.elapsed() < 2 * 1000 + 200 + 1000, qPrintable(QString::number(timer.elapsed())));
    const std::optional<ServerStatus> s = harness.server(loopback, port);
    QVERIFY(s);
    QVERIFY2(s->state == ServerState::Unreachable, describe(*s).constData());
    QCOMPARE(chronoscope::engine::serverStateId(s->state), u"unreachable"_s);
    QVERIFY2(s->reason.contains(u"refused"_s), qPrintable(s->reason));
    QCOMPARE(s->requestsSent, 2);
    QCOMPARE(s->repliesAccepted, 0);
    QCOMPARE(s->reach, quint8(0));
    QCOMPARE(s->timeouts, 2);
    QVERIFY(!s->hasSample());
    QVERIFY(!harness.system().synchronized);
    QVERIFY(!harness.system().offset.has_value());
    QVERIFY(harness.system().sysPeer.isEmpty());
}

void TestChronydInterop::timestampSources_data()
{
    QTest::addColumn<TimestampSource>("source");
    QTest::addColumn<bool>("kernel");
#ifdef Q_OS_LINUX
    QTest::newRow("kernel (SO_TIMESTAMPNS)") << TimestampSource::Kernel << true;
#endif
    QTest::newRow("userspace (QUdpSocket)") << TimestampSource::Userspace << false;
}

void TestChronydInterop::timestampSources()
{
    QFETCH(TimestampSource, source);
    QFETCH(bool, kernel);
    ChronydInstance chronyd;
    QVERIFY2(chronyd.start(), qPrintable(chronyd.errorString()));
    EngineHarness harness(checkOptions(source));
    const ServerStatus s = checkOne(chronyd, &harness);
    QVERIFY2(s.state == ServerState::SysPeer, describe(s).constData());
    QCOMPARE(s.kernelTimestamps, kernel);
    // Loopback reports software transmit timestamps (SO_TIMESTAMPING) too: T1 from the kernel.
    QCOMPARE(s.kernelTransmitTimestamp, kernel);
    QCOMPARE(s.repliesAccepted, 4);
    qInfo("%s timestamps: offset %+.6f s, delay %.6f s", kernel ? "kernel" : "userspace", s.filter->offset,
          s.filter->delay);
    QVERIFY2(std::abs(s.filter->offset) <= TRUE_TOLERANCE, describe(s).constData());
    QVERIFY(s.filter->delay > 0 && s.filter->delay < 0.05);
}

void TestChronydInterop::severalServersAtOnce()
{
    // Three true servers and one whose clock is 2.5 s ahead, each on its own 127.0.0.x address:
    // every association measures its own server, and selection outvotes the odd one.
    struct Expectation
    {
        QString address;
        QString fakeTime;
        double offset; // seconds
    };
    const QList<Expectation> expectations{
        {u"127.0.0.2"_s, {}, 0.0},
        {u"127.0.0.3"_s, {}, 0.0},
        {u"127.0.0.4"_s, {}, 0.0},
        {u"127.0.0.5"_s, u"+2.5s"_s, 2.5},
    };
    std::vector<std::unique_ptr<ChronydInstance>> servers;
    for (const Expectation &e : expectations) {
        auto chronyd = std::make_unique<ChronydInstance>(QHostAddress(e.address));
        chronyd->setFakeTime(e.fakeTime);
        QVERIFY2(chronyd->start(), qPrintable(chronyd->errorString()));
        servers.push_back(std::move(chronyd));
    }
    EngineHarness harness(checkOptions());
    for (const auto &chronyd : servers)
        harness.addServer(chronyd->serverSpec());
    QVERIFY(harness.waitForFinished(RUN_LIMIT));
    QCOMPARE(harness.servers().size(), qsizetype(expectations.size()));

    int sysPeers = 0;
    QString truePeer;
    for (size_t i = 0; i < servers.size(); ++i) {
        const Expectation &e = expectations[qsizetype(i)];
        const std::optional<ServerStatus> s = harness.server(servers[i]->address(), servers[i]->port());
        QVERIFY(s);
        QCOMPARE(s->address, e.address);
        QCOMPARE(s->repliesAccepted, 4);
        QCOMPARE(s->reach, quint8(0x0F));
        const bool faked = !e.fakeTime.isEmpty();
        qInfo("%s: offset %+.6f s, state %s", qPrintable(s->name), s->filter->offset,
              qPrintable(chronoscope::engine::serverStateId(s->state)));
        QVERIFY2(std::abs(s->filter->offset - e.offset) <= (faked ? FAKE_TOLERANCE : TRUE_TOLERANCE),
                 describe(*s).constData());
        if (faked) {
            // One server 2.5 s away from three that agree is a falseticker (RFC 5905 §11.2.1).
            QVERIFY2(s->state == ServerState::Falseticker, describe(*s).constData());
            QVERIFY(!s->reason.isEmpty());
        } else {
            QVERIFY2(s->state == ServerState::SysPeer || s->state == ServerState::Candidate, describe(*s).constData());
            if (s->state == ServerState::SysPeer) {
                ++sysPeers;
                truePeer = s->name;
            }
        }
    }
    QCOMPARE(sysPeers, 1);
    const auto system = harness.system();
    QVERIFY(system.synchronized);
    QCOMPARE(system.sysPeer, truePeer);
    QCOMPARE(system.survivors, 3);
    QVERIFY(system.offset.has_value());
    QVERIFY(std::abs(*system.offset) <= TRUE_TOLERANCE);
}

// xleave against chronyd, which serves interleaved mode (NTP-NOTES §8.2). Its first replies
// are basic (chronyd 4.3 answered the first two in basic mode, to its own xleave client too);
// every later one carries chronyd's kernel transmit time of its previous reply and measures that
// previous exchange. So the first interleaved sample is the exchange of the basic sample before
// it again, at the same T4, with a delay no longer than its basic one (the precise T3 is taken
// after the one chronyd read before sending), and the offset is still chronyd's true zero.
void TestChronydInterop::interleavedMode()
{
    ChronydInstance chronyd;
    QVERIFY2(chronyd.start(), qPrintable(chronyd.errorString()));
    AssociationOptions options = checkOptions();
    options.maxRequests = 6;
    EngineHarness harness(options);
    const ServerStatus s = checkOne(chronyd, &harness, true);
    QVERIFY(harness.finished());
    QVERIFY2(s.state == ServerState::SysPeer, describe(s).constData());
    QCOMPARE(s.repliesAccepted, 6);
    QVERIFY(s.lastMeasurement && s.lastMeasurement->interleaved);
    const QList<chronoscope::engine::AcceptedSample> &samples = harness.samples();
    QCOMPARE(samples.size(), 6);
    QVERIFY(!samples[0].interleaved);
    qsizetype first = 1;
    while (first < samples.size() && !samples[first].interleaved)
        ++first;
    QVERIFY2(first <= 2, qPrintable(u"first interleaved sample: %1"_s.arg(first)));
    QCOMPARE(samples[first].time, samples[first - 1].time);
    QVERIFY2(samples[first].delay <= samples[first - 1].delay,
             qPrintable(u"interleaved delay %1 s, basic %2 s"_s.arg(samples[first].delay).arg(samples[first - 1].delay)));
    // From then on every reply is interleaved and measures the exchange before it, in order.
    for (qsizetype i = first + 1; i < samples.size(); ++i) {
        QVERIFY(samples[i].interleaved);
        QVERIFY(samples[i].time > samples[i - 1].time);
    }
    qInfo("interleaved from sample %lld on: offset %+.9f s, delay %.9f s (basic delay of the same exchange %.9f s)",
          qint64(first), s.lastMeasurement->offset, s.lastMeasurement->delay, samples[first - 1].delay);
    QVERIFY2(std::abs(s.lastMeasurement->offset) <= TRUE_TOLERANCE, describe(s).constData());
    QVERIFY(s.rejections.isEmpty());
}

// A chronyd that keeps no client records cannot serve interleaved mode: it answers every
// xleave request in basic mode, and each of them is a sample of its own exchange.
void TestChronydInterop::interleavedFallsBackToBasic()
{
    ChronydInstance chronyd;
    chronyd.setExtraConfig(u"noclientlog\n"_s);
    QVERIFY2(chronyd.start(), qPrintable(chronyd.errorString()));
    EngineHarness harness(checkOptions());
    const ServerStatus s = checkOne(chronyd, &harness, true);
    QVERIFY(harness.finished());
    QVERIFY2(s.state == ServerState::SysPeer, describe(s).constData());
    QCOMPARE(s.repliesAccepted, 4);
    QVERIFY(s.lastMeasurement && !s.lastMeasurement->interleaved);
    const QList<chronoscope::engine::AcceptedSample> &samples = harness.samples();
    QCOMPARE(samples.size(), 4);
    QVERIFY(!samples[0].interleaved);
    for (qsizetype i = 1; i < samples.size(); ++i) {
        QVERIFY(!samples[i].interleaved);
        QVERIFY(samples[i].time > samples[i - 1].time);
    }
    QVERIFY(s.rejections.isEmpty());
}

QTEST_GUILESS_MAIN(TestChronydInterop)
#include "tst_chronydinterop.moc"

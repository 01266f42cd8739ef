// SPDX-License-Identifier: GPL-3.0-or-later
// The real engine and selection driven through a simulated network: fake servers with
// programmable offsets behind user-space UDP relays that add delay, jitter and loss.
#include <QTest>

#include <cmath>
#include <memory>

#include "tests/fakes/engineharness.h"
#include "tests/fakes/fakentpserver.h"
#include "tests/fakes/udprelay.h"

using namespace Qt::StringLiterals;
using chronoscope::engine::ServerState;
using chronoscope::testing::EngineHarness;
using chronoscope::testing::FakeNtpServer;
using chronoscope::testing::UdpRelay;

class TstSimulatedNetwork : public QObject
{
    Q_OBJECT
private slots:
    void falsetickerBehindLossyJitteryPaths();
    void asymmetricDelayBiasesOffsetByHalfTheAsymmetry();
    void filterPicksLowDelaySamplesUnderHeavyJitter();
    void totalLossMeansUnreachable();
};

namespace {

struct SimulatedServer
{
    std::unique_ptr<FakeNtpServer> server;
    std::unique_ptr<UdpRelay> relay;
};

SimulatedServer makeServer(const QString &address, double offset, const UdpRelay::Path &path, quint32 seed)
{
    SimulatedServer s;
    s.server = std::make_unique<FakeNtpServer>(QHostAddress(address));
    s.server->setClockOffset(offset);
    s.server->setStratum(2);
    s.relay = std::make_unique<UdpRelay>(QHostAddress(address), s.server->address(), s.server->port(), seed);
    s.relay->setBoth(path);
    return s;
}

chronoscope::engine::AssociationOptions burst(int requests, double interval, double timeout = 0.5)
{
    chronoscope::engine::AssociationOptions options;
    options.maxRequests = requests;
    options.fixedInterval = interval;
    options.timeout = timeout;
    return options;
}

} // namespace

void TstSimulatedNetwork::falsetickerBehindLossyJitteryPaths()
{
    // Three servers near +10 ms, one at +500 ms; every path 20 ms each way + up to 4 ms jitter
    // and 10 % loss per direction.
    const UdpRelay::Path path{0.020, 0.004, 0.10};
    std::vector<SimulatedServer> servers;
    const QList<std::pair<QString, double>> setup{
        {u"127.0.0.21"_s, 0.010}, {u"127.0.0.22"_s, 0.012}, {u"127.0.0.23"_s, 0.008}, {u"127.0.0.24"_s, 0.500}};
    quint32 seed = 7;
    for (const auto &[address, offset] : setup)
        servers.push_back(makeServer(address, offset, path, seed++));

    EngineHarness harness(burst(10, 0.1));
    for (const SimulatedServer &s : servers) {
        QVERIFY(s.relay->isListening());
        harness.addServer(s.relay->address(), s.relay->port());
    }
    QVERIFY(harness.waitForFinished(20.0));

    int timeouts = 0;
    int lost = 0;
    for (std::size_t i = 0; i < servers.size(); ++i) {
        const auto status = harness.server(servers[i].relay->address(), servers[i].relay->port());
        QVERIFY(status && status->filter);
        timeouts += status->timeouts;
        lost += servers[i].relay->droppedForward() + servers[i].relay->droppedBackward();
        // Round trip ≈ 40 ms of path (+ up to 8 ms jitter); the filter keeps the lowest.
        QVERIFY2(status->filter->delay > 0.039 && status->filter->delay < 0.050, qPrintable(QString::number(status->filter->delay)));
        const ServerState expected = i == 3 ? ServerState::Falseticker : status->state;
        QCOMPARE(status->state, expected);
        if (i != 3)
            QVERIFY(status->state == ServerState::SysPeer || status->state == ServerState::Candidate);
    }
    // Every lost datagram (either direction) cost exactly one request its reply.
    QCOMPARE(timeouts, lost);
    QVERIFY(lost > 0);
    const chronoscope::engine::SystemStatus system = harness.system();
    QVERIFY(system.synchronized);
    // Symmetric paths: the combined offset is within jitter/2 + a little of the true ~10 ms.
    QVERIFY2(std::abs(*system.offset - 0.010) < 0.004, qPrintable(QString::number(*system.offset)));
    QVERIFY(*system.errorBound >= std::abs(*system.offset - 0.010));
}

void TstSimulatedNetwork::asymmetricDelayBiasesOffsetByHalfTheAsymmetry()
{
    // 30 ms out, 0 ms back: the on-wire formula cannot tell this from a clock 15 ms ahead; the
    // error stays within δ/2, which the error bound includes via root delay / 2.
    SimulatedServer s = makeServer(u"127.0.0.25"_s, 0.0, {}, 11);
    s.relay->setForward({0.030, 0, 0});
    EngineHarness harness(burst(4, 0.1));
    harness.addServer(s.relay->address(), s.relay->port());
    QVERIFY(harness.waitForFinished(10.0));
    const auto status = harness.server(s.relay->address(), s.relay->port());
    QVERIFY(status && status->filter);
    QVERIFY2(std::abs(status->filter->delay - 0.030) < 0.003, qPrintable(QString::number(status->filter->delay)));
    QVERIFY2(std::abs(status->filter->offset - 0.015) < 0.002, qPrintable(QString::number(status->filter->offset)));
    QVERIFY(std::abs(status->filter->offset) <= status->filter->delay / 2.0 + 0.001);
    QVERIFY(*harness.system().errorBound >= std::abs(status->filter->offset));
}

void TstSimulatedNetwork::filterPicksLowDelaySamplesUnderHeavyJitter()
{
    // 5 ms each way plus up to 40 ms of jitter per direction: single samples are off by up to
    // ±20 ms, but the minimum-delay sample of 8 is much closer to the truth (+50 ms).
    SimulatedServer s = makeServer(u"127.0.0.26"_s, 0.050, {0.005, 0.040, 0}, 3);
    EngineHarness harness(burst(8, 0.1));
    harness.addServer(s.relay->address(), s.relay->port());
    QVERIFY(harness.waitForFinished(15.0));
    const auto status = harness.server(s.relay->address(), s.relay->port());
    QVERIFY(status && status->filter);
    double worst = 0;
    for (const chronoscope::engine::AcceptedSample &e : harness.samples())
        worst = std::max(worst, std::abs(e.offset - 0.050));
    const double chosenError = std::abs(status->filter->offset - 0.050);
    QVERIFY2(chosenError <= status->filter->delay / 2.0, qPrintable(QString::number(chosenError)));
    QVERIFY2(chosenError <= worst, qPrintable(u"chosen %1, worst %2"_s.arg(chosenError).arg(worst)));
    // The chosen sample is the lowest-delay one of those accepted.
    double minDelay = 1e9;
    for (const chronoscope::engine::AcceptedSample &e : harness.samples())
        minDelay = std::min(minDelay, e.delay);
    QCOMPARE(status->filter->delay, minDelay);
}

void TstSimulatedNetwork::totalLossMeansUnreachable()
{
    SimulatedServer s = makeServer(u"127.0.0.27"_s, 0.0, {0.001, 0, 1.0}, 5);
    EngineHarness harness(burst(3, 0.1, 0.3));
    harness.addServer(s.relay->address(), s.relay->port());
    QVERIFY(harness.waitForFinished(10.0));
    const auto status = harness.server(s.relay->address(), s.relay->port());
    QVERIFY(status);
    QCOMPARE(status->state, ServerState::Unreachable);
    QCOMPARE(status->timeouts, 3);
    QCOMPARE(status->reach, quint8(0));
    QVERIFY(!harness.system().synchronized);
}

QTEST_GUILESS_MAIN(TstSimulatedNetwork)
#include "tst_simulatednetwork.moc"

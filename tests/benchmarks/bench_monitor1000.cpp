// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark (not a test): N server associations (BENCH_SERVERS, default 1000; run-benchmarks runs
// 1,000 and 10,000) polled every second for 60 s against loopback chronyd, in a private network
// namespace (run under `unshare -n`; run-benchmarks does this). Prints the engine's CPU share,
// peak RSS, the samples lost and the timer slack (how much later than 1 s each server's next
// sample arrived), next to chronyd itself as a client of the same servers at the same poll
// interval (the peer; only up to BENCH_PEER_MAX_SERVERS, 1,000, as chronyd is not built for more).
// chronyd as a client keeps a minimum spacing between its transmissions to different sources, so
// with 1,000 sources at a 1 s poll it sends only a few requests a second: its CPU is then not the
// same work, and the benchmark says so instead of printing a ratio. The reference that does the
// same work in the same seconds is the responders' CPU (they answer every request).
// After ours, the I/O floor (iofloorclient.h) polls the same servers for the same time: a bare
// client making only the engine's system calls, so that ours/floor is the engine's own work.
// The servers are answered by one loopback chronyd per SERVERS_PER_RESPONDER (2,500) servers,
// each on its own port: a single chronyd socket overflows at 10,000 requests/s on this 2-core
// test bed whenever chronyd waits a few hundred ms for a CPU, which is the test bed's loss, not
// the engine's (the benchmark still counts it as lost and shows it apart).
#include <algorithm>
#include <cstdio>
#include <memory>
#include <numeric>
#include <unordered_map>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QThread>
#include <QTimer>

#include "core/engine/enginesession.h"
#include "core/engine/syncengine.h"
#include "tests/benchmarks/cpuplacement.h"
#include "tests/benchmarks/iofloorclient.h"
#include "tests/benchmarks/processstats.h"
#include "tests/interop/chronydinstance.h"

using namespace Qt::StringLiterals;
using chronoscope::testing::ChronydInstance;

namespace {

int SERVERS = 1000; // BENCH_SERVERS overrides
constexpr int BENCH_PEER_MAX_SERVERS = 1000;
constexpr int SERVERS_PER_RESPONDER = 2500;

double percentile(std::vector<float> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5))];
}

QHostAddress serverAddress(int i)
{
    return QHostAddress(quint32((127u << 24) | (1u << 8)) + quint32(i)); // 127.0.1.0 + i
}

// This process's resource use so far, all threads (getrusage).
struct ProcessUsage
{
    double cpuSeconds = 0;    // user + system
    double systemSeconds = 0; // the kernel's part: system calls and the network stack on their
                              // behalf (the split is estimated from clock ticks; indicative only)
    long contextSwitches = 0; // voluntary (a thread went to sleep) and involuntary
};

ProcessUsage processUsage()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval &t) { return double(t.tv_sec) + double(t.tv_usec) * 1e-6; };
    return {seconds(usage.ru_utime) + seconds(usage.ru_stime), seconds(usage.ru_stime),
            usage.ru_nvcsw + usage.ru_nivcsw};
}

double peakRssMb(const QString &statusFile)
{
    QFile file(statusFile);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : file.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return 0;
}

// Runs the main thread's event loop (blocking in the kernel, not spinning) for `seconds`.
// NTP packets the server has received so far (chronyc serverstats, first CSV field).
double serverPackets(const ChronydInstance &server)
{
    QProcess chronyc;
    chronyc.start(ChronydInstance::findChronyc(), {u"-h"_s, server.commandSocketPath(), u"-c"_s, u"serverstats"_s});
    chronyc.waitForFinished(10000);
    return chronyc.readAllStandardOutput().split(',').value(0).toDouble();
}

// Datagrams the kernel dropped at the UDP sockets bound to local `port` so far (the last column
// of /proc/net/udp and udp6, "drops": the receive buffer was full). At the server's port these
// are requests chronyd never saw: the test bed's loss, not the engine's.
qint64 droppedAtPort(quint16 port)
{
    qint64 drops = 0;
    for (const QString &table : {u"/proc/net/udp"_s, u"/proc/net/udp6"_s}) {
        QFile file(table);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &line : file.readAll().split('\n')) {
            const QList<QByteArray> fields = line.simplified().split(' ');
            if (fields.size() < 13 || !fields[1].contains(':'))
                continue;
            bool ok = false;
            if (fields[1].split(':').last().toUInt(&ok, 16) == port && ok)
                drops += fields.last().toLongLong();
        }
    }
    return drops;
}

void wait(double seconds)
{
    QEventLoop loop;
    QTimer::singleShot(std::chrono::milliseconds(qint64(seconds * 1000)), &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // chronyd keeps a socket per source: let both sides have more than the usual 1024 files.
    rlimit files{};
    getrlimit(RLIMIT_NOFILE, &files);
    files.rlim_cur = files.rlim_max;
    setrlimit(RLIMIT_NOFILE, &files);
    if (qEnvironmentVariableIsSet("BENCH_SERVERS"))
        SERVERS = qEnvironmentVariableIntValue("BENCH_SERVERS");
    const double duration = qEnvironmentVariableIsSet("BENCH_SECONDS") ? qEnvironmentVariable("BENCH_SECONDS").toDouble() : 60.0;
    if (!ChronydInstance::inPrivateLoopbackNamespace()) {
        std::fprintf(stderr, "run me in a private network namespace: unshare -n sh -c 'ip link set lo up && %s'\n", argv[0]);
        return 2;
    }
    // Ours (the engine thread and the bench's own), and the peer chronyd client, on one CPU;
    // the responders on another, as servers across a network would be (pinClientsAndServers).
    const auto placement = chronoscope::testing::pinClientsAndServers();
    // Server i is answered by responders[i % responders.size()].
    std::vector<std::unique_ptr<ChronydInstance>> responders;
    const int responderCount = std::max(1, (SERVERS + SERVERS_PER_RESPONDER - 1) / SERVERS_PER_RESPONDER);
    for (int r = 0; r < responderCount; ++r) {
        auto server = std::make_unique<ChronydInstance>();
        server->setListenOnAllAddresses(true);
        server->setCommandSocket(true); // serverstats: how many requests each client really sent
        if (!server->start()) {
            std::fprintf(stderr, "cannot start chronyd: %s\n", qPrintable(server->errorString()));
            return 1;
        }
        if (placement && !chronoscope::testing::pinServer(server->pid(), placement->second)) {
            std::fprintf(stderr, "cannot move chronyd (pid %lld) to CPU %d\n", static_cast<long long>(server->pid()),
                         placement->second);
            return 1;
        }
        responders.push_back(std::move(server));
    }
    const auto portOf = [&responders](int i) { return responders[size_t(i) % responders.size()]->port(); };
    const auto packetsAtServers = [&responders] {
        double sum = 0;
        for (const auto &server : responders)
            sum += serverPackets(*server);
        return sum;
    };
    const auto respondersCpu = [&responders] {
        double sum = 0;
        for (const auto &server : responders)
            sum += std::max(0.0, chronoscope::testing::scheduledSeconds(server->pid()));
        return sum;
    };
    const auto droppedAtServers = [&responders] {
        qint64 sum = 0;
        for (const auto &server : responders)
            sum += droppedAtPort(server->port());
        return sum;
    };

    // Ours: the engine in its own thread, as the GUI and CLI run it.
    int accepted = 0;         // all samples so far
    int acceptedInWindow = 0; // ... of which in the measured window
    int timeouts = 0;
    double ourCpu = 0;
    double ourSystemCpu = 0; // the kernel's part of ourCpu
    double ourSwitchRate = 0; // context switches per second in the window
    QList<double> ourSlices;       // our CPU share in each second of the window
    QList<double> responderSlices; // the responders' CPU share (all of them) in the same seconds
    double ourRate = 0;  // requests per second the server saw from us
    double peerRate = 0; // ... and from chronyd
    double ourRss = 0;
    double windowSeconds = duration; // measured length of our window
    int sent = 0;
    qint64 sentInWindow = 0;     // requests sent in the window (snapshot totals)
    qint64 answeredInWindow = 0; // ... and samples accepted (same snapshots)
    qint64 droppedAtServer = 0;  // requests the kernel dropped at chronyd's full socket, in the window
    // Timer slack: per server, the gap between consecutive samples minus the 1 s poll interval
    // (seconds; > 0 = late). Only inside the measured window.
    // Floats (µs resolution is plenty): the benchmark's own bookkeeping stays small next to the
    // engine's memory it measures (10,000 servers x 61 s: 2.4 MB).
    std::vector<float> slack;
    {
        chronoscope::engine::EngineSession session;
        std::unordered_map<int, double> lastSample; // server id -> Unix seconds
        bool measuring = false;
        slack.reserve(size_t(SERVERS) * size_t(duration + 1));
        QObject::connect(&session, &chronoscope::engine::EngineSession::sampleAccepted, &session,
                         [&](const chronoscope::engine::AcceptedSample &sample) {
                             ++accepted;
                             double &last = lastSample[sample.serverId];
                             if (measuring && last > 0)
                                 slack.push_back(float(sample.time - last - 1.0));
                             last = sample.time;
                         });
        QObject::connect(&session, &chronoscope::engine::EngineSession::requestFailed, &session,
                         [&](const chronoscope::engine::RequestOutcome &o) { timeouts += o.timedOut ? 1 : 0; });
        chronoscope::engine::AssociationOptions options;
        options.fixedInterval = 1.0;
        options.timeout = 0.5;
        session.setOptions(options);
        QList<chronoscope::engine::ServerSpec> specs;
        for (int i = 0; i < SERVERS; ++i) {
            chronoscope::engine::ServerSpec spec;
            spec.host = serverAddress(i).toString();
            spec.port = portOf(i);
            specs.append(spec);
        }
        session.setServers(specs);
        session.start();
        wait(2.0); // start-up (first requests) is not the steady state
        const double packetsBefore = packetsAtServers();
        QElapsedTimer sincePackets;
        sincePackets.start();
        // The window: samples, CPU and wall time from here to the end of wait(duration) only
        // (the chronyc runs around it are outside; expected samples use the measured seconds).
        measuring = true;
        // Requests sent and answered with a sample, both from one snapshot (so consistent):
        // samples lost = requests of the window that produced no sample.
        const auto totals = [&session] {
            std::pair<qint64, qint64> sum{0, 0}; // requests sent, replies accepted
            for (const auto &s : session.snapshot().servers) {
                sum.first += s.requestsSent;
                sum.second += s.repliesAccepted;
            }
            return sum;
        };
        const auto totalsBefore = totals();
        const qint64 serverDropsBefore = droppedAtServers();
        const int acceptedBefore = accepted;
        const ProcessUsage usageBefore = processUsage();
        const double cpuBefore = usageBefore.cpuSeconds;
        QElapsedTimer wall;
        wall.start();
        // One-second slices of the window: our CPU share in each, and the responders' CPU
        // seconds, which show a second in which the whole machine ran slow.
        double sliceStart = 0;
        double ourAtSliceStart = cpuBefore;
        double respondersAtSliceStart = respondersCpu();
        QTimer slicer;
        slicer.setInterval(1000);
        QObject::connect(&slicer, &QTimer::timeout, [&] {
            const double now = double(wall.nsecsElapsed()) * 1e-9;
            const double ours = processUsage().cpuSeconds;
            const double theirs = respondersCpu();
            ourSlices.append((ours - ourAtSliceStart) / (now - sliceStart));
            responderSlices.append((theirs - respondersAtSliceStart) / (now - sliceStart));
            sliceStart = now;
            ourAtSliceStart = ours;
            respondersAtSliceStart = theirs;
        });
        slicer.start();
        wait(duration);
        slicer.stop();
        const double window = double(wall.nsecsElapsed()) * 1e-9;
        const ProcessUsage usageAfter = processUsage();
        ourCpu = (usageAfter.cpuSeconds - cpuBefore) / window;
        ourSystemCpu = (usageAfter.systemSeconds - usageBefore.systemSeconds) / window;
        ourSwitchRate = double(usageAfter.contextSwitches - usageBefore.contextSwitches) / window;
        acceptedInWindow = accepted - acceptedBefore; // later samples do not count
        const auto totalsAfter = totals();
        sentInWindow = totalsAfter.first - totalsBefore.first;
        answeredInWindow = totalsAfter.second - totalsBefore.second;
        droppedAtServer = droppedAtServers() - serverDropsBefore;
        measuring = false;
        windowSeconds = window;
        ourRate = (packetsAtServers() - packetsBefore) / (double(sincePackets.nsecsElapsed()) * 1e-9);
        ourRss = peakRssMb(u"/proc/self/status"_s);
        wait(1.2); // the next snapshot
        for (const auto &s : session.snapshot().servers)
            sent += s.requestsSent;
    }

    // The I/O floor: the same servers, the same seconds, only the system calls (in this thread,
    // on our CPU), with the responders' CPU in the same window.
    std::vector<std::pair<QHostAddress, quint16>> floorServers;
    floorServers.reserve(size_t(SERVERS));
    for (int i = 0; i < SERVERS; ++i)
        floorServers.emplace_back(serverAddress(i), portOf(i));
    const double respondersBeforeFloor = respondersCpu();
    QElapsedTimer floorWall;
    floorWall.start();
    const chronoscope::testing::IoFloorResult floor = chronoscope::testing::runIoFloorClient(floorServers, 2.0, duration);
    // The responders' share over the whole floor run (warm-up included: they do the same work).
    const double floorResponders = (respondersCpu() - respondersBeforeFloor) / (double(floorWall.nsecsElapsed()) * 1e-9);

    // Peer: chronyd as a client of the same 1000 servers, minpoll = maxpoll = 0 (1 s).
    ChronydInstance peer;
    peer.setClientMode(true);
    QString lines;
    for (int i = 0; i < SERVERS; ++i)
        lines += u"server %1 port %2 minpoll 0 maxpoll 0\n"_s.arg(serverAddress(i).toString()).arg(portOf(i));
    peer.setExtraConfig(lines);
    double peerCpu = 0;
    int peerSources = 0;
    int peerFullReach = 0;
    int peerReached = 0;
    double peerRss = 0;
    const bool runPeer = SERVERS <= BENCH_PEER_MAX_SERVERS;
    if (runPeer && peer.start()) {
        wait(2.0);
        const double before = chronoscope::testing::cpuSeconds(peer.pid());
        const double packetsBefore = packetsAtServers();
        QElapsedTimer wall;
        wall.start();
        wait(duration);
        peerCpu = (chronoscope::testing::cpuSeconds(peer.pid()) - before) / (double(wall.nsecsElapsed()) * 1e-9);
        peerRate = (packetsAtServers() - packetsBefore) / (double(wall.nsecsElapsed()) * 1e-9);
        peerRss = peakRssMb(u"/proc/%1/status"_s.arg(peer.pid()));
        // How many sources chronyd really polls (reach register 377 = the last 8 polls answered).
        QProcess chronyc;
        chronyc.start(ChronydInstance::findChronyc(), {u"-h"_s, peer.commandSocketPath(), u"-n"_s, u"-c"_s, u"sources"_s});
        chronyc.waitForFinished(10000);
        const QByteArray listing = chronyc.readAllStandardOutput();
        if (qEnvironmentVariableIsSet("BENCH_VERBOSE"))
            std::fprintf(stderr, "%s\n%s\n", listing.left(400).constData(), qPrintable(peer.log().right(1500)));
        for (const QByteArray &line : listing.split('\n')) {
            const QList<QByteArray> fields = line.split(',');
            if (fields.size() > 5) {
                ++peerSources;
                peerFullReach += fields[5] == "377" ? 1 : 0;
                peerReached += fields[5] != "0" ? 1 : 0;
            }
        }
    } else if (runPeer) {
        std::fprintf(stderr, "peer chronyd did not start: %s\n", qPrintable(peer.errorString()));
    }

    const double expected = SERVERS * windowSeconds; // one sample per server per second
    // The peer did the same work only if it sent (nearly) as many requests as ours.
    const bool peerComparable = runPeer && peerRate >= 0.9 * ourRate;
    std::printf("%d-server monitor, 1 s poll, %.0f s, %d loopback chronyd (one per %d servers, each on its own port) in a private network namespace\n",
                SERVERS, duration, responderCount, SERVERS_PER_RESPONDER);
    if (placement)
        std::printf("placement: ours and the peer chronyd client on CPU %d, the responders on CPU %d\n",
                    placement->first, placement->second);
    else
        std::printf("placement: not pinned (one CPU, or affinity refused)\n");
    std::printf("%-34s %12s %12s\n", "", "ours", "chronyd");
    if (peerComparable)
        std::printf("%-34s %11.2f%% %11.2f%%   ratio ours/peer %.2f\n", "CPU (share of one core)", ourCpu * 100,
                    peerCpu * 100, peerCpu > 0 ? ourCpu / peerCpu : 0.0);
    else if (runPeer)
        std::printf("%-34s %11.2f%% %11.2f%%   (no ratio: chronyd did not do the same work, see below)\n",
                    "CPU (share of one core)", ourCpu * 100, peerCpu * 100);
    else
        std::printf("%-34s %11.2f%% %12s\n", "CPU (share of one core)", ourCpu * 100, "not run");
    std::printf("%-34s %11.2f%%   (system calls and the network stack on their behalf; tick-sampled)\n", "  ours in the kernel",
                ourSystemCpu * 100);
    // The responders (chronyd servers) answer the same requests in the same seconds, so their
    // CPU shows how fast the machine ran: on the README's VM the host sometimes slows both CPUs
    // for seconds or minutes (the guest sees no steal time), and ours and theirs rise together.
    const double responderMean = responderSlices.isEmpty()
        ? 0.0
        : std::accumulate(responderSlices.cbegin(), responderSlices.cend(), 0.0) / double(responderSlices.size());
    std::printf("%-34s %11.2f%% median, %.2f%% max (%lld one-second slices)\n", "  ours per one-second slice",
                chronoscope::testing::percentile(ourSlices, 0.5) * 100,
                ourSlices.isEmpty() ? 0.0 : *std::max_element(ourSlices.cbegin(), ourSlices.cend()) * 100,
                static_cast<long long>(ourSlices.size()));
    std::printf("%-34s %11.2f%% mean, %.2f%% median, %.2f%% max   ratio ours/responders %.2f\n",
                "  responders in the same seconds", responderMean * 100,
                chronoscope::testing::percentile(responderSlices, 0.5) * 100,
                responderSlices.isEmpty() ? 0.0 : *std::max_element(responderSlices.cbegin(), responderSlices.cend()) * 100,
                responderMean > 0 ? ourCpu / responderMean : 0.0);
    // Calm seconds: those in which the responders ran at this run's usual speed (their share at
    // most CALM_TOLERANCE times their lower quartile). Ours in those seconds is what the engine
    // costs while the host leaves the machine alone; the whole window above stays the figure of
    // record, and the two differ only when the machine slowed during the run.
    constexpr double CALM_TOLERANCE = 1.25;
    const double calmLimit = chronoscope::testing::percentile(responderSlices, 0.25) * CALM_TOLERANCE;
    double calmSum = 0;
    int calmCount = 0;
    for (qsizetype i = 0; i < ourSlices.size() && i < responderSlices.size(); ++i) {
        if (responderSlices[i] <= calmLimit) {
            calmSum += ourSlices[i];
            ++calmCount;
        }
    }
    std::printf("%-34s %11.2f%% mean   (%d of %lld seconds: the responders at most %.2f%%, %.2fx their lower quartile)\n",
                "  ours in the calm seconds", calmCount > 0 ? calmSum / calmCount * 100 : 0.0, calmCount,
                static_cast<long long>(ourSlices.size()), calmLimit * 100, CALM_TOLERANCE);
    std::printf("%-34s %11.2f%%   ratio ours/floor %.2f   (a bare client making only the engine's system calls)\n",
                "I/O floor, same servers after ours", floor.cpuShare * 100,
                floor.cpuShare > 0 ? ourCpu / floor.cpuShare : 0.0);
    std::printf("%-34s %11.2f%%   ratio floor/responders %.2f   (%.0f requests/s, %.0f replies/s)\n",
                "  responders in the floor's seconds", floorResponders * 100,
                floorResponders > 0 ? floor.cpuShare / floorResponders : 0.0, floor.requestsPerSecond,
                floor.repliesPerSecond);
    std::printf("%-34s %12.0f %12.0f\n", "requests/s seen by the server", ourRate, peerRate);
    std::printf("%-34s %12.0f\n", "context switches/s (all threads)", ourSwitchRate);
    const double ourPerK = ourRate > 0 ? ourCpu * 1000.0 / ourRate : 0;
    const double peerPerK = peerRate > 0 ? peerCpu * 1000.0 / peerRate : 0;
    if (peerComparable)
        std::printf("%-34s %10.3f %% %10.3f %%   ratio ours/peer %.2f\n", "CPU per 1000 requests/s", ourPerK * 100,
                    peerPerK * 100, peerPerK > 0 ? ourPerK / peerPerK : 0.0);
    else
        std::printf("%-34s %10.3f %%\n", "CPU per 1000 requests/s", ourPerK * 100);
    if (runPeer && !peerComparable)
        std::printf("%-34s chronyd sent %.0f requests/s, ours %.0f: as a client it spaces its transmissions to\n"
                    "%-34s different sources, so its CPU is not the same work (no ratio); the responders'\n"
                    "%-34s CPU above answers every request in the same seconds\n",
                    "peer", peerRate, ourRate, "", "");
    if (runPeer)
        std::printf("%-34s %9.1f MB %9.1f MB   ratio ours/peer %.2f\n", "peak RSS", ourRss, peerRss,
                    peerRss > 0 ? ourRss / peerRss : 0.0);
    else
        std::printf("%-34s %9.1f MB\n", "peak RSS", ourRss);
    std::printf("%-34s %12d\n", "samples accepted in the window", acceptedInWindow);
    std::printf("%-34s %12.0f\n", "samples expected (1/s/server)", expected);
    const double lost = sentInWindow > 0 ? std::max(0.0, 1.0 - double(answeredInWindow) / double(sentInWindow)) : 0.0;
    std::printf("%-34s %11.3f%%   [aim < 0.1 %%] (%lld requests, %lld samples)\n", "samples lost (requests w/o sample)",
                lost * 100, static_cast<long long>(sentInWindow), static_cast<long long>(answeredInWindow));
    std::printf("%-34s %12lld   (a chronyd receive buffer was full: the test bed, not the engine)\n",
                "  of these dropped at the server", static_cast<long long>(droppedAtServer));
    const double engineLost = sentInWindow > 0
        ? std::max(0.0, 1.0 - double(answeredInWindow + droppedAtServer) / double(sentInWindow))
        : 0.0;
    std::printf("%-34s %11.3f%%\n", "  lost by the engine (the rest)", engineLost * 100);
    const double shortfall = expected > 0 ? std::max(0.0, 1.0 - acceptedInWindow / expected) : 0.0;
    std::printf("%-34s %11.3f%%   (samples below 1/s/server: losses plus timer slack)\n", "shortfall vs nominal rate",
                shortfall * 100);
    std::printf("%-34s %12d\n", "timeouts (lost) over the whole run", timeouts);
    std::printf("%-34s p50 %.1f ms, p99 %.1f ms, max %.1f ms (%zu intervals)\n", "timer slack (late by)",
                percentile(slack, 0.5) * 1e3, percentile(slack, 0.99) * 1e3,
                slack.empty() ? 0.0 : double(*std::max_element(slack.begin(), slack.end())) * 1e3, slack.size());
    std::printf("%-34s %s\n", "targets", SERVERS >= 10000 ? "CPU < 20 % of a core, RSS < 100 MB, lost < 0.1 %"
                                                          : "CPU < 2 % of a core at 1,000 servers");
    if (!runPeer)
        std::printf("%-34s not run above %d servers; compare per 1000 requests/s with the 1,000-server run\n",
                    "peer", BENCH_PEER_MAX_SERVERS);
    std::printf("%-34s %12d\n", "requests sent over the whole run", sent);
    std::printf("%-34s %12d (%d answered, %d with reach 377)\n", "peer: sources chronyd polls", peerSources, peerReached,
                peerFullReach);
    return 0;
}

// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark (not a test): chronoscope-cli against chrony's one-shot mode (`chronyd -Q`), both
// measuring the same loopback chronyd in one run. Prints, with the ratio ours/peer:
//   - precision: the standard deviation of 100 single-exchange offsets (and the mean delay);
//   - wall time of a one-shot check: a single exchange each, and each tool's default one-shot;
//   - NTS next to plain NTP (issue 14): ours against one chronyd NTS server (NtsChronyd), with
//     and without NTS: precision of 100 exchanges, mean delay, one-shot wall time (NTS-KE included).
//   - interleaved mode (xleave): 100 of ours (`monitor`, SERVER,xleave) against 100 of a chronyd
//     client with xleave (chrony's own interleaved samples, "4I" in its measurements.log),
//     polling the same server at 1/16 s: σ, mean delay, and ours basic against ours interleaved.
// Both tools run on one CPU and the chronyd servers on another (pinClientsAndServers).
// Run it with `cmake --build build/dev --target run-benchmarks`.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include <unistd.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include "tests/benchmarks/cpuplacement.h"
#include "tests/interop/chronydinstance.h"
#include "tests/interop/ntschronyd.h"

using namespace Qt::StringLiterals;
using chronoscope::testing::ChronydInstance;

namespace {

constexpr int OFFSET_SAMPLES = 100;
constexpr int WALL_RUNS = 5;

struct Stats
{
    double mean = 0;
    double stddev = 0;
};

Stats stats(const QList<double> &values)
{
    Stats s;
    if (values.isEmpty())
        return s;
    for (double v : values)
        s.mean += v;
    s.mean /= double(values.size());
    for (double v : values)
        s.stddev += (v - s.mean) * (v - s.mean);
    s.stddev = values.size() > 1 ? std::sqrt(s.stddev / double(values.size() - 1)) : 0;
    return s;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values[values.size() / 2];
}

QString cliPath()
{
    const QString fromEnv = qEnvironmentVariable("CHRONOSCOPE_CLI");
    return fromEnv.isEmpty() ? QStringLiteral(CHRONOSCOPE_CLI_PATH) : fromEnv;
}

// chronyd -Q under the same protections as the fixture's servers (-x; no CAP_SYS_TIME as root).
QStringList chronydQuery(const QString &configFile)
{
    QStringList command;
    if (::geteuid() == 0)
        command << u"setpriv"_s << u"--bounding-set"_s << u"-sys_time"_s;
    command << ChronydInstance::findChronyd() << u"-Q"_s << u"-x"_s << u"-f"_s << configFile;
    if (::geteuid() == 0)
        command << u"-u"_s << u"root"_s;
    else
        command << u"-U"_s;
    return command;
}

// Runs `chronyd -Q` once; returns the offset it printed (its sign is ours: server − local).
std::optional<double> runChronydQuery(const QString &configFile, double *wallSeconds)
{
    const QStringList command = chronydQuery(configFile);
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(command.first(), command.mid(1));
    process.waitForFinished(30000);
    *wallSeconds = double(timer.nsecsElapsed()) * 1e-9;
    static const QRegularExpression pattern(u"System clock wrong by ([-+0-9.e]+) seconds"_s);
    const QRegularExpressionMatch match = pattern.match(QString::fromLocal8Bit(process.readAllStandardError()));
    if (!match.hasMatch())
        return std::nullopt;
    return match.captured(1).toDouble();
}

bool writeFile(const QString &path, const QString &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text.toUtf8()) >= 0;
}

// PeerDel column of chrony's measurements.log (seconds).
QList<double> chronyDelays(const QString &logFile)
{
    QList<double> delays;
    QFile file(logFile);
    if (!file.open(QIODevice::ReadOnly))
        return delays;
    while (!file.atEnd()) {
        const QString line = QString::fromLocal8Bit(file.readLine()).simplified();
        if (line.startsWith(u'=') || line.startsWith(u"Date"_s) || line.isEmpty())
            continue;
        const QStringList fields = line.split(u' ');
        // Date Time IP L St 123 567 ABCD LP RP Score Offset PeerDel PeerDisp RootDel RootDisp ...
        if (fields.size() >= 13)
            delays.append(fields[12].toDouble());
    }
    return delays;
}

double runOurs(const QStringList &arguments, QByteArray *output)
{
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(cliPath(), arguments);
    if (!process.waitForStarted(10000))
        std::fprintf(stderr, "cannot run %s: %s\n", qPrintable(cliPath()), qPrintable(process.errorString()));
    process.waitForFinished(120000);
    const double seconds = double(timer.nsecsElapsed()) * 1e-9;
    if (output)
        *output = process.readAllStandardOutput();
    return seconds;
}

void printRow(const char *what, double ours, double peer, const char *unit, double scale)
{
    std::printf("%-44s %12.3f %12.3f %s   ratio ours/peer %.3f\n", what, ours * scale, peer * scale, unit,
                peer > 0 ? ours / peer : 0.0);
}

// Accepted sample offsets and delays from `monitor --json` output, at most OFFSET_SAMPLES.
void collectSamples(const QByteArray &monitorOutput, QList<double> *offsets, QList<double> *delays)
{
    for (const QByteArray &line : monitorOutput.split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.value(u"type"_s).toString() == u"sample"_s && o.value(u"accepted"_s).toBool() && offsets->size() < OFFSET_SAMPLES) {
            offsets->append(o.value(u"offset"_s).toDouble());
            delays->append(o.value(u"delay"_s).toDouble());
        }
    }
}

// Offsets and delays (seconds) of the samples chrony's measurements.log marks as interleaved
// (mode column "4I"), at most OFFSET_SAMPLES.
void chronyInterleavedSamples(const QString &logFile, QList<double> *offsets, QList<double> *delays)
{
    QFile file(logFile);
    if (!file.open(QIODevice::ReadOnly))
        return;
    while (!file.atEnd() && offsets->size() < OFFSET_SAMPLES) {
        // Date Time IP L St 123 567 ABCD LP RP Score Offset PeerDel PeerDisp RootDel RootDisp Refid MTxRx
        const QStringList fields = QString::fromLocal8Bit(file.readLine()).simplified().split(u' ');
        if (fields.size() >= 18 && fields[17] == u"4I"_s) {
            offsets->append(fields[11].toDouble());
            delays->append(fields[12].toDouble());
        }
    }
}

// Interleaved mode against `server`: ours (monitor with SERVER,xleave) and a chronyd client with
// xleave (not -Q, which stops at its first selection: a client for the same span, under the
// same protections, its interleaved samples read from measurements.log), both at a 1/16 s poll;
// ours in basic mode beside them. Returns whether every tool gave OFFSET_SAMPLES samples.
bool benchInterleaved(const ChronydInstance &server)
{
    QTemporaryDir dir;
    const QString conf = dir.filePath(u"xleave.conf"_s);
    if (!writeFile(conf, u"server %1 port %2 xleave minpoll -4 maxpoll -4\nport 0\npidfile %3/x.pid\ncmdport 0\n"
                         u"bindcmdaddress /\nlogdir %3\nlog measurements\n"_s
                             .arg(server.address().toString()).arg(server.port()).arg(dir.path()))) {
        std::fprintf(stderr, "cannot write chrony configuration in %s\n", qPrintable(dir.path()));
        return false;
    }
    QStringList command = chronydQuery(conf);
    command.replace(command.indexOf(u"-Q"_s), u"-d"_s);
    QProcess client;
    client.start(command.first(), command.mid(1));
    client.waitForFinished(9000); // 8 s of polls at 1/16 s after its start, then stopped
    client.terminate();
    if (!client.waitForFinished(5000))
        client.kill();
    QList<double> peerOffsets, peerDelays;
    chronyInterleavedSamples(dir.filePath(u"measurements.log"_s), &peerOffsets, &peerDelays);

    QByteArray output;
    runOurs({u"monitor"_s, u"--json"_s, u"--interval"_s, u"0.0625"_s, u"--duration"_s, u"8"_s,
             server.endpoint() + u",xleave"_s}, &output);
    QList<double> ourOffsets, ourDelays;
    int basicSamples = 0;
    for (const QByteArray &line : output.split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.value(u"type"_s).toString() != u"sample"_s || !o.value(u"accepted"_s).toBool())
            continue;
        if (!o.value(u"interleaved"_s).toBool())
            ++basicSamples;
        else if (ourOffsets.size() < OFFSET_SAMPLES) {
            ourOffsets.append(o.value(u"offset"_s).toDouble());
            ourDelays.append(o.value(u"delay"_s).toDouble());
        }
    }
    QList<double> basicOffsets, basicDelays;
    runOurs({u"monitor"_s, u"--json"_s, u"--interval"_s, u"0.0625"_s, u"--duration"_s, u"7.5"_s, server.endpoint()},
            &output);
    collectSamples(output, &basicOffsets, &basicDelays);

    std::printf("\nInterleaved mode (xleave), 1/16 s poll against the same chronyd: ours (monitor) against a "
                "chronyd client with xleave\n");
    std::printf("%-44s %12s %12s\n", "", "ours xleave", "chronyd xleave");
    std::printf("%-44s %12lld %12lld   (ours also had %d basic samples: the first reply, or fallbacks)\n",
                "interleaved samples collected", qint64(ourOffsets.size()), qint64(peerOffsets.size()), basicSamples);
    printRow("offset std dev of 100 interleaved samples", stats(ourOffsets).stddev, stats(peerOffsets).stddev, "µs", 1e6);
    printRow("offset mean", stats(ourOffsets).mean, stats(peerOffsets).mean, "µs", 1e6);
    printRow("mean delay", stats(ourDelays).mean, stats(peerDelays).mean, "µs", 1e6);
    std::printf("%-44s %12s %12s\n", "", "ours xleave", "ours basic");
    const double basicSigma = stats(basicOffsets).stddev;
    const double basicDelay = stats(basicDelays).mean;
    std::printf("%-44s %12.3f %12.3f µs   ratio xleave/basic %.3f\n", "offset std dev of 100 samples",
                stats(ourOffsets).stddev * 1e6, basicSigma * 1e6, basicSigma > 0 ? stats(ourOffsets).stddev / basicSigma : 0.0);
    std::printf("%-44s %12.3f %12.3f µs   ratio xleave/basic %.3f\n", "mean delay", stats(ourDelays).mean * 1e6,
                basicDelay * 1e6, basicDelay > 0 ? stats(ourDelays).mean / basicDelay : 0.0);
    return ourOffsets.size() == OFFSET_SAMPLES && peerOffsets.size() == OFFSET_SAMPLES
        && basicOffsets.size() == OFFSET_SAMPLES;
}

// NTS next to plain NTP, both ours, against the same chronyd NTS server (moved to `serverCpu`
// unless it is -1). Returns false when a run collected too few samples.
bool benchNts(int serverCpu)
{
    chronoscope::testing::NtsChronyd nts;
    if (!nts.start()) {
        std::fprintf(stderr, "cannot start the chronyd NTS server: %s\n", qPrintable(nts.errorString()));
        return false;
    }
    if (serverCpu >= 0 && !chronoscope::testing::pinServer(nts.chronyd().pid(), serverCpu)) {
        std::fprintf(stderr, "cannot move the chronyd NTS server to CPU %d\n", serverCpu);
        return false;
    }
    const QString plainServer = u"127.0.0.1:%1"_s.arg(nts.ntpPort());
    const QStringList ntsServer{u"--nts"_s, nts.keEndpoint(), u"--nts-ca"_s, nts.caCertificate()};
    const QStringList monitor{u"monitor"_s, u"--json"_s, u"--interval"_s, u"0.0625"_s, u"--duration"_s, u"7.5"_s};
    QByteArray output;
    QList<double> ntsOffsets, ntsDelays, plainOffsets, plainDelays;
    runOurs(monitor + ntsServer, &output);
    collectSamples(output, &ntsOffsets, &ntsDelays);
    runOurs(monitor + QStringList{plainServer}, &output);
    collectSamples(output, &plainOffsets, &plainDelays);
    // The peer: chronyd -Q with the same NTS server (one sample, the test CA trusted).
    QTemporaryDir peerDir;
    const QString peerConf = peerDir.filePath(u"nts.conf"_s);
    if (!writeFile(peerConf, u"server localhost nts ntsport %1 iburst maxsamples 1\nntstrustedcerts %2\n"
                             "pidfile %3/q.pid\ncmdport 0\nbindcmdaddress /\nlogdir %3\nlog measurements\n"_s
                                 .arg(nts.kePort()).arg(nts.caCertificate(), peerDir.path()))) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(peerConf));
        return false;
    }
    QList<double> ntsWall, plainWall, peerWall;
    int peerAnswers = 0;
    for (int i = 0; i < WALL_RUNS; ++i) {
        ntsWall.append(runOurs(QStringList{u"check"_s, u"--samples"_s, u"1"_s} + ntsServer, nullptr));
        plainWall.append(runOurs({u"check"_s, u"--samples"_s, u"1"_s, plainServer}, nullptr));
        double wall = 0;
        peerAnswers += runChronydQuery(peerConf, &wall).has_value();
        peerWall.append(wall);
    }
    std::printf("\nNTS next to plain NTP: ours against one chronyd NTS server (NTS-KE on %s, NTP on %s)\n",
                qPrintable(nts.keEndpoint()), qPrintable(plainServer));
    std::printf("%-44s %12s %12s\n", "", "NTS", "plain");
    std::printf("%-44s %12lld %12lld\n", "offsets collected", qint64(ntsOffsets.size()), qint64(plainOffsets.size()));
    const auto row = [](const char *what, double ntsValue, double plainValue, const char *unit, double scale) {
        std::printf("%-44s %12.3f %12.3f %s   ratio NTS/plain %.3f\n", what, ntsValue * scale, plainValue * scale, unit,
                    plainValue > 0 ? ntsValue / plainValue : 0.0);
    };
    row("offset std dev of 100 exchanges", stats(ntsOffsets).stddev, stats(plainOffsets).stddev, "µs", 1e6);
    row("offset mean", stats(ntsOffsets).mean, stats(plainOffsets).mean, "µs", 1e6);
    row("mean delay", stats(ntsDelays).mean, stats(plainDelays).mean, "µs", 1e6);
    row("one-shot wall time, 1 exchange (median)", median(ntsWall), median(plainWall), "ms", 1e3);
    std::printf("(NTS one-shot includes the TLS 1.3 key exchange; the monitor runs one key exchange and then "
                "uses its cookies)\n");
    std::printf("%-44s %12s %12s\n", "", "ours NTS", "chronyd -Q NTS");
    printRow("NTS one-shot wall time, 1 exchange (median)", median(ntsWall), median(peerWall), "ms", 1e3);
    const QList<double> peerDelays = chronyDelays(peerDir.filePath(u"measurements.log"_s));
    printRow("NTS mean delay (ours: 100 monitor exchanges)", stats(ntsDelays).mean, stats(peerDelays).mean, "µs", 1e6);
    std::printf("(chronyd -Q answered %d of %d runs; its delay from measurements.log over %lld exchanges)\n", peerAnswers,
                WALL_RUNS, qint64(peerDelays.size()));
    return ntsOffsets.size() == OFFSET_SAMPLES && plainOffsets.size() == OFFSET_SAMPLES && peerAnswers == WALL_RUNS;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Both tools on one CPU, the chronyd servers on another (pinClientsAndServers): otherwise
    // whichever tool the scheduler put beside the server wins the delay comparison.
    const auto placement = chronoscope::testing::pinClientsAndServers();
    ChronydInstance server;
    if (!server.start()) {
        std::fprintf(stderr, "cannot start chronyd: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    if (placement && !chronoscope::testing::pinServer(server.pid(), placement->second)) {
        std::fprintf(stderr, "cannot move chronyd (pid %lld) to CPU %d\n", static_cast<long long>(server.pid()),
                     placement->second);
        return 1;
    }
    QTemporaryDir dir;
    const QString serverLine = u"server %1 port %2 iburst"_s.arg(server.address().toString()).arg(server.port());
    const QString oneSampleConf = dir.filePath(u"one.conf"_s);
    const QString defaultConf = dir.filePath(u"default.conf"_s);
    const QString common = u"pidfile %1/q.pid\ncmdport 0\nbindcmdaddress /\nlogdir %1\nlog measurements\n"_s.arg(dir.path());
    if (!writeFile(oneSampleConf, serverLine + u" maxsamples 1\n"_s + common) || !writeFile(defaultConf, serverLine + u"\n"_s + common)) {
        std::fprintf(stderr, "cannot write chrony configuration in %s\n", qPrintable(dir.path()));
        return 1;
    }

    // 1. Precision: 100 single-exchange offsets each.
    QList<double> peerOffsets;
    double wall = 0;
    for (int i = 0; i < OFFSET_SAMPLES; ++i)
        if (const auto offset = runChronydQuery(oneSampleConf, &wall))
            peerOffsets.append(*offset);
    const QList<double> peerDelays = chronyDelays(dir.filePath(u"measurements.log"_s));

    QByteArray monitorOutput;
    runOurs({u"monitor"_s, u"--json"_s, u"--interval"_s, u"0.0625"_s, u"--duration"_s, u"7.5"_s, server.endpoint()}, &monitorOutput);
    QList<double> ourOffsets;
    QList<double> ourDelays;
    collectSamples(monitorOutput, &ourOffsets, &ourDelays);

    // 2. Wall time of a one-shot check (median of WALL_RUNS).
    QList<double> oursSingle, peerSingle, oursDefault, peerDefault;
    for (int i = 0; i < WALL_RUNS; ++i) {
        oursSingle.append(runOurs({u"check"_s, u"--samples"_s, u"1"_s, server.endpoint()}, nullptr));
        runChronydQuery(oneSampleConf, &wall);
        peerSingle.append(wall);
        // Our default check is 4 samples; on loopback the interval may go down to 1/16 s.
        oursDefault.append(runOurs({u"check"_s, u"--interval"_s, u"0.0625"_s, server.endpoint()}, nullptr));
        runChronydQuery(defaultConf, &wall);
        peerDefault.append(wall);
    }

    const Stats ours = stats(ourOffsets);
    const Stats peer = stats(peerOffsets);
    std::printf("Chronoscope one-shot benchmark against chronyd %s on %s (peer: chronyd -Q, -x)\n",
                qPrintable(ChronydInstance::findChronyd()), qPrintable(server.endpoint()));
    if (placement)
        std::printf("placement: both tools on CPU %d, the chronyd server on CPU %d\n", placement->first, placement->second);
    else
        std::printf("placement: not pinned (one CPU, or affinity refused)\n");
    std::printf("%-44s %12s %12s\n", "", "ours", "chronyd -Q");
    std::printf("%-44s %12lld %12lld\n", "offsets collected", qint64(ourOffsets.size()), qint64(peerOffsets.size()));
    printRow("offset std dev of 100 exchanges", ours.stddev, peer.stddev, "µs", 1e6);
    printRow("offset mean", ours.mean, peer.mean, "µs", 1e6);
    printRow("mean delay", stats(ourDelays).mean, stats(peerDelays).mean, "µs", 1e6);
    printRow("one-shot wall time, 1 exchange (median)", median(oursSingle), median(peerSingle), "ms", 1e3);
    printRow("one-shot wall time, default check (median)", median(oursDefault), median(peerDefault), "ms", 1e3);
    std::printf("(default check: ours 4 exchanges at 1/16 s on loopback; chronyd -Q: iburst until it selects)\n");
    const bool interleavedComplete = benchInterleaved(server);
    const bool ntsComplete = benchNts(placement ? placement->second : -1);
    return ourOffsets.size() == OFFSET_SAMPLES && peerOffsets.size() == OFFSET_SAMPLES && interleavedComplete
            && ntsComplete
        ? 0
        : 1;
}

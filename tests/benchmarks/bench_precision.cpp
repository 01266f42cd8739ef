// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark (not a test): the precision of one measurement, ours against chronyd -Q and ntpdig,
// decided by interleaving rather than by one run of each tool after the other (on a shared,
// noisy machine a sequential comparison swings either way from run to run).
//
// ROUNDS rounds; in each, the three tools measure the same chronyd SAMPLES_PER_ROUND times each,
// taking turns sample by sample (the order rotates), every sample a fresh process like a user's
// one-shot check. Per round: σ and mean of each tool's offsets and the mean delay; then the
// median and interquartile range of the per-round ratios ours/chronyd and ours/ntpdig (the aims
// are on these), and the ratio of the σ pooled over all rounds with a 95 % confidence interval,
// which decides whether one tool is more precise or the two cannot be told apart.
//   - "loopback": a single exchange per sample (check --samples 1, chronyd -Q with maxsamples 1,
//     ntpdig -p 1) straight to chronyd;
//   - "relay": through the user-space UDP relay with 0.5–1.5 ms of one-way delay, where
//     filtering matters: each tool's default one-shot filtering (check with 4 exchanges,
//     chronyd -Q with iburst and its own filter, ntpdig -p 4).
// Also prints the timestamp sources ours used (kernel receive and transmit timestamps).
// Every client runs on one CPU and the servers on another (pinClientsAndServers).
// BENCH_ROUNDS and BENCH_SAMPLES change the counts; BENCH_DUMP=1 prints every sample on stderr.
// ntpdig cannot be given a port, so the servers listen on port 123: run it inside a private
// network namespace (run-benchmarks does, through unshare -n). ntpdig is optional (Debian
// ntpsec-ntpdig; `./dev.sh bench` installs it).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <numeric>
#include <optional>
#include <random>
#include <utility>

#include <unistd.h>

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include "tests/benchmarks/cpuplacement.h"
#include "tests/benchmarks/processstats.h"
#include "tests/fakes/udprelay.h"
#include "tests/interop/chronydinstance.h"
#include "tests/interop/ntschronyd.h"

using namespace Qt::StringLiterals;
using chronoscope::testing::ChronydInstance;
using chronoscope::testing::percentile;
using chronoscope::testing::pinClientsAndServers;
using chronoscope::testing::pinServer;
using chronoscope::testing::UdpRelay;

namespace {

int ROUNDS = 20;           // BENCH_ROUNDS overrides
int SAMPLES_PER_ROUND = 8; // BENCH_SAMPLES overrides
constexpr quint16 NTP_PORT = 123;

struct Measurement
{
    double offset = 0;            // seconds, server − local
    std::optional<double> delay;  // seconds (ntpdig prints none)
};

struct ProcessResult
{
    bool ok = false;
    QByteArray out;
    QByteArray err;
};

// Runs a process without blocking the event loop (the relay lives in this thread).
ProcessResult runProcess(const QString &program, const QStringList &arguments,
                         const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    process.start(program, arguments);
    loop.exec();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(2000);
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit, process.readAllStandardOutput(), process.readAllStandardError()};
}

QString cliPath()
{
    const QString fromEnv = qEnvironmentVariable("CHRONOSCOPE_CLI");
    return fromEnv.isEmpty() ? QStringLiteral(CHRONOSCOPE_CLI_PATH) : fromEnv;
}

QString ntpdigPath()
{
    const QString fromEnv = qEnvironmentVariable("CHRONOSCOPE_NTPDIG");
    return fromEnv.isEmpty() ? QStandardPaths::findExecutable(u"ntpdig"_s) : fromEnv;
}

// One tool: a name and how to take one measurement of `address`.
struct Tool
{
    const char *name;
    std::function<std::optional<Measurement>()> measure;
};

// What ours reports about its timestamps, from the last JSON document.
struct TimestampSources
{
    int kernelReceive = 0;
    int kernelTransmit = 0;
    int samples = 0;
};

// `target` is "address:port" or NTS options ("--nts", "localhost:KEPORT", "--nts-ca", CA).
std::optional<Measurement> measureOursAt(const QStringList &target, int exchanges, TimestampSources *sources)
{
    const QStringList arguments = QStringList{u"check"_s, u"--json"_s, u"--samples"_s, QString::number(exchanges),
                                              u"--interval"_s, u"0.0625"_s} + target;
    const ProcessResult result = runProcess(cliPath(), arguments);
    const QJsonArray servers = QJsonDocument::fromJson(result.out).object().value(u"servers"_s).toArray();
    const QJsonObject server = servers.isEmpty() ? QJsonObject() : servers.first().toObject();
    if (!server.value(u"offset"_s).isDouble()) {
        // Why, for the first few: a failed sample is part of the result, its cause should be too.
        static int described = 0;
        if (described++ < 3)
            std::fprintf(stderr, "ours: no offset from %s: %s %s\n", qPrintable(target.join(u' ')),
                         result.ok ? "" : "(did not finish)", QByteArray(result.err.trimmed() + ' ' + result.out.left(600)).constData());
        return std::nullopt;
    }
    const QJsonObject timestamps = server.value(u"timestamps"_s).toObject();
    ++sources->samples;
    sources->kernelReceive += timestamps.value(u"receive"_s).toString() == u"kernel"_s;
    sources->kernelTransmit += timestamps.value(u"transmit"_s).toString() == u"kernel"_s;
    return Measurement{server.value(u"offset"_s).toDouble(), server.value(u"delay"_s).toDouble()};
}

std::optional<Measurement> measureOurs(const QString &address, int exchanges, TimestampSources *sources)
{
    return measureOursAt({u"%1:%2"_s.arg(address).arg(NTP_PORT)}, exchanges, sources);
}

// chronyd -Q under the same protections as the fixture's servers (-x; no CAP_SYS_TIME as root).
std::optional<Measurement> measureChronyd(const QString &configFile, const QString &logDir)
{
    QStringList command;
    if (::geteuid() == 0)
        command << u"setpriv"_s << u"--bounding-set"_s << u"-sys_time"_s;
    command << ChronydInstance::findChronyd() << u"-Q"_s << u"-x"_s << u"-f"_s << configFile;
    command << (::geteuid() == 0 ? QStringList{u"-u"_s, u"root"_s} : QStringList{u"-U"_s});
    const QString log = QDir(logDir).filePath(u"measurements.log"_s);
    QFile::remove(log);
    const ProcessResult result = runProcess(command.first(), command.mid(1));
    static const QRegularExpression pattern(u"System clock wrong by ([-+0-9.e]+) seconds"_s);
    const QRegularExpressionMatch match = pattern.match(QString::fromLocal8Bit(result.err));
    if (!match.hasMatch())
        return std::nullopt;
    Measurement m{match.captured(1).toDouble(), std::nullopt};
    // The delay of the sample(s) chronyd used: PeerDel of measurements.log, the minimum when it
    // logged several (its filter keeps the shortest-delay ones).
    // chronyd -Q prints the offset to 1 µs only; with a single logged exchange its Offset column
    // (3 significant digits more) is used instead, so σ is not quantised.
    QFile file(log);
    QList<double> loggedOffsets;
    if (file.open(QIODevice::ReadOnly)) {
        while (!file.atEnd()) {
            const QStringList fields = QString::fromLocal8Bit(file.readLine()).simplified().split(u' ');
            // Date Time IP L St 123 567 ABCD LP RP Score Offset PeerDel PeerDisp RootDel ...
            bool delayOk = false;
            bool offsetOk = false;
            const double delay = fields.size() >= 13 ? fields[12].toDouble(&delayOk) : 0;
            const double offset = fields.size() >= 13 ? fields[11].toDouble(&offsetOk) : 0;
            if (delayOk && (!m.delay || delay < *m.delay))
                m.delay = delay;
            if (offsetOk)
                loggedOffsets.append(offset);
        }
    }
    // The log's Offset has the printed offset's sign (both server − local, like ours: checked
    // side by side on chronyd 4.3); it is taken only when it agrees with the printed value.
    if (loggedOffsets.size() == 1 && std::abs(loggedOffsets.first() - m.offset) < 2e-6)
        m.offset = loggedOffsets.first();
    return m;
}

std::optional<Measurement> measureNtpdig(const QString &address, int samples)
{
    const ProcessResult result =
        runProcess(ntpdigPath(), {u"-j"_s, u"-t"_s, u"2"_s, u"-p"_s, QString::number(samples), address});
    const QJsonObject o = QJsonDocument::fromJson(result.out.trimmed()).object();
    if (!o.value(u"offset"_s).isDouble())
        return std::nullopt;
    return Measurement{o.value(u"offset"_s).toDouble(), std::nullopt};
}

double mean(const QList<double> &values)
{
    double sum = 0;
    for (double v : values)
        sum += v;
    return values.isEmpty() ? 0 : sum / double(values.size());
}

struct ToolRound
{
    QList<double> offsets;
    QList<double> delays;
};

// One tool's offsets in one round, reduced to what pooling needs: the sum of squared deviations
// from the round's own mean and its degrees of freedom (samples - 1).
struct RoundSpread
{
    double sumSquares = 0; // Σ (offset - round mean)² (seconds²)
    int degrees = 0;
};

RoundSpread spreadOf(const QList<double> &offsets)
{
    RoundSpread spread;
    if (offsets.size() < 2)
        return spread;
    const double m = mean(offsets);
    for (double v : offsets)
        spread.sumSquares += (v - m) * (v - m);
    spread.degrees = int(offsets.size()) - 1;
    return spread;
}

// The sample standard deviation (0 for fewer than two values).
double stddev(const QList<double> &values)
{
    const RoundSpread spread = spreadOf(values);
    return spread.degrees > 0 ? std::sqrt(spread.sumSquares / spread.degrees) : 0.0;
}

// The same round of two tools (first, second).
using RoundPair = std::pair<RoundSpread, RoundSpread>;

// σ of the first tool over σ of the second, each pooled over the `picked` rounds (deviations from
// each round's own mean, so a slow phase that shifts a whole round is not counted as spread);
// NaN when either has no spread.
double pooledSigmaRatio(const QList<RoundPair> &rounds, const std::vector<qsizetype> &picked)
{
    double first = 0, second = 0;
    int firstDegrees = 0, secondDegrees = 0;
    for (const qsizetype i : picked) {
        first += rounds[i].first.sumSquares;
        firstDegrees += rounds[i].first.degrees;
        second += rounds[i].second.sumSquares;
        secondDegrees += rounds[i].second.degrees;
    }
    if (firstDegrees == 0 || secondDegrees == 0 || second <= 0)
        return std::nan("");
    return std::sqrt((first / firstDegrees) / (second / secondDegrees));
}

// The pooled σ ratio with a 95 % confidence interval from resampling whole rounds (the tools of
// one round shared the machine's conditions, and one round's offsets are not independent of
// each other; the offsets are far from normal, two modes on loopback, so no F-test), and what it
// decides: `subject` more precise (the interval lies below 1), less precise (above 1), or the two
// cannot be told apart (it contains 1). The resampling is seeded: the same data print the same.
void printPooledRatio(const char *what, const QList<RoundPair> &rounds, const char *subject)
{
    constexpr int RESAMPLES = 2000;
    std::vector<qsizetype> all(size_t(rounds.size()));
    std::iota(all.begin(), all.end(), qsizetype(0));
    const double ratio = rounds.size() < 2 ? std::nan("") : pooledSigmaRatio(rounds, all);
    if (!std::isfinite(ratio)) {
        std::printf("  %-34s n/a\n", what);
        return;
    }
    std::mt19937 random(20261207);
    std::uniform_int_distribution<qsizetype> pick(0, rounds.size() - 1);
    QList<double> resampled;
    resampled.reserve(RESAMPLES);
    std::vector<qsizetype> picked(all.size());
    for (int b = 0; b < RESAMPLES; ++b) {
        for (qsizetype &i : picked)
            i = pick(random);
        if (const double r = pooledSigmaRatio(rounds, picked); std::isfinite(r))
            resampled.append(r);
    }
    const double low = percentile(resampled, 0.025);
    const double high = percentile(resampled, 0.975);
    const QByteArray verdict = high < 1.0 ? QByteArray(subject) + " more precise"
        : low > 1.0                       ? QByteArray(subject) + " less precise"
                                          : QByteArrayLiteral("the two cannot be told apart");
    std::printf("  %-34s %.3f, 95 %% interval %.3f – %.3f (resampled rounds): %s\n", what, ratio, low, high,
                verdict.constData());
}

void printRatio(const char *what, const QList<double> &ratios, const char *aim)
{
    if (ratios.isEmpty()) {
        std::printf("  %-34s n/a\n", what);
        return;
    }
    std::printf("  %-34s median %.3f, IQR %.3f – %.3f over %lld rounds   %s\n", what, percentile(ratios, 0.5),
                percentile(ratios, 0.25), percentile(ratios, 0.75), qint64(ratios.size()), aim);
}

// ROUNDS rounds of SAMPLES_PER_ROUND samples of every tool, interleaved (the tool that goes first
// rotates, so none is always first): prints a row per round (σ, mean and mean delay in µs) and the
// failed samples at the end, and hands each round's results to `onRound` for the ratios.
void runRounds(const QList<Tool> &tools, const std::function<void(const QList<ToolRound> &)> &onRound)
{
    std::printf("%5s", "round");
    for (const Tool &tool : tools)
        std::printf("  %-11s σ µs  mean µs delay µs", tool.name);
    std::printf("\n");
    QList<int> failures(tools.size(), 0);
    // BENCH_DUMP=1: every sample on stderr, for looking at the distributions behind a σ.
    const bool dumpSamples = qEnvironmentVariableIntValue("BENCH_DUMP") == 1;
    for (int round = 0; round < ROUNDS; ++round) {
        QList<ToolRound> results(tools.size());
        for (int sample = 0; sample < SAMPLES_PER_ROUND; ++sample) {
            for (int k = 0; k < tools.size(); ++k) {
                const int t = (k + round * SAMPLES_PER_ROUND + sample) % int(tools.size());
                if (const auto m = tools[t].measure()) {
                    if (dumpSamples)
                        std::fprintf(stderr, "sample %s round %d: offset %.3f µs, delay %s µs\n", tools[t].name,
                                     round + 1, m->offset * 1e6,
                                     m->delay ? qPrintable(QString::number(*m->delay * 1e6, 'f', 3)) : "-");
                    results[t].offsets.append(m->offset);
                    if (m->delay)
                        results[t].delays.append(*m->delay);
                } else {
                    ++failures[t];
                }
            }
        }
        std::printf("%5d", round + 1);
        for (const ToolRound &r : results)
            std::printf("  %11s %6.1f %8.1f %8s", "", stddev(r.offsets) * 1e6, mean(r.offsets) * 1e6,
                        r.delays.isEmpty() ? "-" : qPrintable(QString::number(mean(r.delays) * 1e6, 'f', 1)));
        std::printf("\n");
        onRound(results);
    }
    std::printf("failed samples:");
    for (int t = 0; t < tools.size(); ++t)
        std::printf(" %s %d", tools[t].name, failures[t]);
    std::printf("\n");
}

// Runs one scenario: ours (tools[0]) against chronyd -Q (tools[1]) and, where found, ntpdig.
void runScenario(const char *title, const QList<Tool> &tools)
{
    std::printf("\n-- %s: %d rounds x %d samples per tool, interleaved --\n", title, ROUNDS, SAMPLES_PER_ROUND);
    QList<double> sigmaChronyd, sigmaNtpdig, delayChronyd;
    QList<RoundPair> spreadsChronyd, spreadsNtpdig;
    runRounds(tools, [&](const QList<ToolRound> &results) {
        spreadsChronyd.append({spreadOf(results[0].offsets), spreadOf(results[1].offsets)});
        if (tools.size() > 2)
            spreadsNtpdig.append({spreadOf(results[0].offsets), spreadOf(results[2].offsets)});
        const double ours = stddev(results[0].offsets);
        if (stddev(results[1].offsets) > 0)
            sigmaChronyd.append(ours / stddev(results[1].offsets));
        if (!results[1].delays.isEmpty() && mean(results[1].delays) > 0)
            delayChronyd.append(mean(results[0].delays) / mean(results[1].delays));
        if (tools.size() > 2 && stddev(results[2].offsets) > 0)
            sigmaNtpdig.append(ours / stddev(results[2].offsets));
    });
    printRatio("σ ratio ours/chronyd -Q", sigmaChronyd, "[aim <= 1.0]");
    printRatio("σ ratio ours/ntpdig", sigmaNtpdig, tools.size() > 2 ? "[aim <= 0.5]" : "(ntpdig not found)");
    printRatio("delay ratio ours/chronyd -Q", delayChronyd, "[aim <= 1.1]");
    printPooledRatio("pooled σ ratio ours/chronyd -Q", spreadsChronyd, "ours");
    if (tools.size() > 2)
        printPooledRatio("pooled σ ratio ours/ntpdig", spreadsNtpdig, "ours");
}

// NTS next to plain NTP (issue 14): ours against one chronyd NTS server, one exchange per sample
// (each NTS sample runs its own TLS key exchange first), interleaved like runScenario.
void runNtsScenario(const QList<Tool> &tools)
{
    std::printf("\n-- NTS next to plain NTP, same chronyd NTS server, one exchange per sample: %d rounds x %d "
                "samples per tool, interleaved --\n", ROUNDS, SAMPLES_PER_ROUND);
    QList<double> sigmaRatios, delayRatios;
    QList<RoundPair> spreads;
    runRounds(tools, [&](const QList<ToolRound> &results) {
        spreads.append({spreadOf(results[0].offsets), spreadOf(results[1].offsets)});
        if (stddev(results[1].offsets) > 0)
            sigmaRatios.append(stddev(results[0].offsets) / stddev(results[1].offsets));
        if (mean(results[1].delays) > 0)
            delayRatios.append(mean(results[0].delays) / mean(results[1].delays));
    });
    printRatio("σ ratio NTS/plain", sigmaRatios, "(NTS adds no timing error: aim ~1)");
    printRatio("delay ratio NTS/plain", delayRatios, "(extension fields and AEAD on both sides)");
    printPooledRatio("pooled σ ratio NTS/plain", spreads, "NTS");
}

bool writeFile(const QString &path, const QString &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text.toUtf8()) >= 0;
}

QString chronyConf(const QString &dir, const QString &address, const QString &options)
{
    return u"server %1 port %2 %3\npidfile %4/q.pid\ncmdport 0\nbindcmdaddress /\nlogdir %4\nlog measurements\n"_s
        .arg(address).arg(NTP_PORT).arg(options, dir);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (const int rounds = qEnvironmentVariableIntValue("BENCH_ROUNDS"); rounds > 0)
        ROUNDS = rounds;
    if (const int samples = qEnvironmentVariableIntValue("BENCH_SAMPLES"); samples > 1)
        SAMPLES_PER_ROUND = samples;
    std::printf("== bench_precision: one-shot precision, ours vs chronyd -Q vs ntpdig (interleaved) ==\n");
    if (!ChronydInstance::inPrivateLoopbackNamespace()) {
        std::printf("needs a private network namespace (port 123 on loopback): run it through "
                    "run-benchmarks or `unshare -n sh tests/benchmarks/in-private-netns.sh %s`\n", argv[0]);
        return 1;
    }
    ChronydInstance server(QHostAddress(u"127.0.0.1"_s));
    server.setFixedPort(NTP_PORT);
    if (!server.start()) {
        std::fprintf(stderr, "cannot start chronyd: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    const auto placement = pinClientsAndServers();
    if (placement && !pinServer(server.pid(), placement->second)) {
        std::fprintf(stderr, "cannot move chronyd (pid %lld) to CPU %d\n", static_cast<long long>(server.pid()),
                     placement->second);
        return 1;
    }
    // The relay listens on 127.0.0.2:123 and forwards to chronyd (127.0.0.1:123).
    UdpRelay relay(QHostAddress(u"127.0.0.2"_s), server.address(), server.port(), 7);
    if (!relay.listenOn(NTP_PORT)) {
        std::fprintf(stderr, "cannot listen on 127.0.0.2:%d for the relay\n", NTP_PORT);
        return 1;
    }
    relay.setBoth(UdpRelay::Path{0.0005, 0.001, 0});

    QTemporaryDir dir;
    const QString single = dir.filePath(u"single.conf"_s);
    const QString filtered = dir.filePath(u"filtered.conf"_s);
    // Filtering through the relay: chronyd's own one-shot (iburst) at the fastest poll loopback
    // allows, so a round takes seconds rather than minutes.
    if (!writeFile(single, chronyConf(dir.path(), u"127.0.0.1"_s, u"iburst maxsamples 1"_s))
        || !writeFile(filtered, chronyConf(dir.path(), u"127.0.0.2"_s, u"iburst minpoll -4 maxpoll -4"_s))) {
        std::fprintf(stderr, "cannot write chrony configuration in %s\n", qPrintable(dir.path()));
        return 1;
    }
    const bool haveNtpdig = !ntpdigPath().isEmpty();
    std::printf("server: chronyd %s on 127.0.0.1:%d; ntpdig: %s; machine: %ld cores\n",
                qPrintable(ChronydInstance::findChronyd()), NTP_PORT,
                haveNtpdig ? qPrintable(ntpdigPath()) : "not found (install ntpsec-ntpdig)", sysconf(_SC_NPROCESSORS_ONLN));
    if (placement)
        std::printf("placement: every client (and the relay) on CPU %d, the chronyd servers on CPU %d\n",
                    placement->first, placement->second);
    else
        std::printf("placement: not pinned (one CPU, or affinity refused)\n");

    TimestampSources sources;
    QList<Tool> loopback{
        {"ours", [&] { return measureOurs(u"127.0.0.1"_s, 1, &sources); }},
        {"chronyd -Q", [&] { return measureChronyd(single, dir.path()); }},
    };
    QList<Tool> relayed{
        {"ours", [&] { return measureOurs(u"127.0.0.2"_s, 4, &sources); }},
        {"chronyd -Q", [&] { return measureChronyd(filtered, dir.path()); }},
    };
    if (haveNtpdig) {
        loopback.append({"ntpdig", [] { return measureNtpdig(u"127.0.0.1"_s, 1); }});
        relayed.append({"ntpdig", [] { return measureNtpdig(u"127.0.0.2"_s, 4); }});
    }
    runScenario("loopback, one exchange per sample", loopback);
    std::printf("ours used kernel receive timestamps in %d of %d samples, kernel transmit timestamps in %d\n",
                sources.kernelReceive, sources.samples, sources.kernelTransmit);
    sources = {};
    runScenario("relay 0.5-1.5 ms each way, each tool's default filtering", relayed);
    std::printf("relay: %d datagrams forwarded, %d returned\n", relay.forwarded(), relay.returned());

    chronoscope::testing::NtsChronyd nts;
    if (!nts.start()) {
        std::fprintf(stderr, "cannot start the chronyd NTS server: %s\n", qPrintable(nts.errorString()));
        return 1;
    }
    if (placement && !pinServer(nts.chronyd().pid(), placement->second)) {
        std::fprintf(stderr, "cannot move the chronyd NTS server to CPU %d\n", placement->second);
        return 1;
    }
    sources = {};
    const QStringList ntsServer{u"--nts"_s, nts.keEndpoint(), u"--nts-ca"_s, nts.caCertificate()};
    const QStringList plainServer{u"127.0.0.1:%1"_s.arg(nts.ntpPort())};
    runNtsScenario({
        {"ours NTS", [&] { return measureOursAt(ntsServer, 1, &sources); }},
        {"ours plain", [&] { return measureOursAt(plainServer, 1, &sources); }},
    });
    return 0;
}

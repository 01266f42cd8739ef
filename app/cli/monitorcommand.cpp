// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/monitorcommand.h"

#include <csignal>
#include <cstdio>

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTimer>

#include "app/cli/metricsserving.h"
#include "app/cli/ntsoutcome.h"
#include "app/cli/textreport.h"
#include "app/cli/sessionsetup.h"
#include "core/engine/enginesession.h"
#include "core/report/statusjson.h"

namespace chronoscope::cli {
namespace {

volatile std::sig_atomic_t s_interrupted = 0;

void onInterrupt(int)
{
    s_interrupted = 1;
}

void printLine(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace

int runMonitor(const CliOptions &options)
{
    engine::EngineSession session;
    bool everSynchronized = false;
    QByteArray lastSystemLine;
    const auto print = [&](const QJsonObject &json, const QString &text) {
        printLine(options.json ? QJsonDocument(json).toJson(QJsonDocument::Compact) : text.toUtf8());
    };

    // One line per accepted sample and per failed request (both bounded by the poll schedule),
    // one per server per poll interval for rejected datagrams however many arrive, and one per
    // changed system result.
    QObject::connect(&session, &engine::EngineSession::sampleAccepted, &session, [&](const engine::AcceptedSample &s) {
        print(report::acceptedSampleToJson(s), formatSampleLine(s));
    });
    QObject::connect(&session, &engine::EngineSession::requestFailed, &session, [&](const engine::RequestOutcome &o) {
        print(report::requestOutcomeToJson(o), formatFailureLine(o));
    });
    QObject::connect(&session, &engine::EngineSession::rejectionsSummarised, &session,
                     [&](const engine::RejectionSummary &r) { print(report::rejectionSummaryToJson(r), formatRejectionLine(r)); });
    QObject::connect(&session, &engine::EngineSession::snapshotChanged, &session, [&](const engine::EngineSnapshot &snapshot) {
        const engine::SystemStatus &system = snapshot.system;
        if (system.time <= 0)
            return;
        everSynchronized = everSynchronized || system.synchronized;
        QJsonObject json = report::systemEventToJson(system, snapshot.servers);
        // Print only when something other than the evaluation time changed.
        QJsonObject comparable = json;
        comparable.remove(QStringLiteral("t"));
        const QByteArray key = QJsonDocument(comparable).toJson(QJsonDocument::Compact);
        if (key == lastSystemLine)
            return;
        lastSystemLine = key;
        print(json, formatSystemLine(system));
    });
    std::unique_ptr<metrics::MetricsExporter> metricsExporter;
    if (options.metrics && !(metricsExporter = startMetricsExporter(session, *options.metrics)))
        return 2;
    startSession(session, options);

    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    QTimer interruptPoll;
    QObject::connect(&interruptPoll, &QTimer::timeout, &session, [] {
        if (s_interrupted)
            QCoreApplication::quit();
    });
    interruptPoll.start(100);
    if (options.duration > 0)
        QTimer::singleShot(std::chrono::milliseconds(qint64(options.duration * 1000)), Qt::PreciseTimer, &session,
                           [] { QCoreApplication::quit(); });
    QCoreApplication::exec();
    QObject::disconnect(&session, nullptr, &session, nullptr);
    if (everSynchronized)
        return 0;
    for (const QString &line : ntsCertificateRefusals(session.snapshot().servers))
        std::fprintf(stderr, "chronoscope-cli: %s\n", qPrintable(line));
    return offsetExitStatus(false, session.snapshot().servers);
}

} // namespace chronoscope::cli

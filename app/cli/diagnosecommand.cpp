// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/diagnosecommand.h"

#include <cstdio>
#include <optional>

#include <QCoreApplication>
#include <QJsonDocument>

#include "app/cli/diagnosetext.h"
#include "core/diagnostics/diagnosticsjson.h"
#include "core/diagnostics/exposureprobe.h"
#include "core/diagnostics/portusage.h"
#include "core/diagnostics/reachabilitycheck.h"
#include "core/diagnostics/timeservices.h"

namespace chronoscope::cli {
namespace {

bool needsAttention(const std::optional<diagnostics::ReachabilityFindings> &reachability,
                    const std::optional<diagnostics::ExposureFindings> &exposure)
{
    if (reachability && reachability->conclusion != diagnostics::ReachConclusion::AllAnswer)
        return true;
    if (exposure) {
        switch (exposure->verdict) {
        case diagnostics::ExposureVerdict::NotProbed:
        case diagnostics::ExposureVerdict::AnswersMode6:
        case diagnostics::ExposureVerdict::AnswersMonlist:
            return true;
        case diagnostics::ExposureVerdict::PortClosed:
        case diagnostics::ExposureVerdict::NoAnswer:
        case diagnostics::ExposureVerdict::ErrorRepliesOnly:
            break;
        }
    }
    return false;
}

} // namespace

int runDiagnose(const CliOptions &options)
{
    const diagnostics::PortUsageFindings port = diagnostics::checkUdpPort(options.diagnosePort);
    const diagnostics::TimeServicesFindings services = diagnostics::checkTimeServices();

    // Reachability and the probe use separate sockets, so they run side by side.
    std::optional<diagnostics::ReachabilityFindings> reachability;
    std::optional<diagnostics::ExposureFindings> exposure;
    int pending = 0;
    auto done = [&pending] {
        if (--pending == 0)
            QCoreApplication::quit();
    };
    diagnostics::ReachabilityCheck check;
    QObject::connect(&check, &diagnostics::ReachabilityCheck::finished, &check,
                     [&](const diagnostics::ReachabilityFindings &findings) {
                         reachability = findings;
                         done();
                     });
    diagnostics::ExposureProbe probe;
    QObject::connect(&probe, &diagnostics::ExposureProbe::finished, &probe,
                     [&](const diagnostics::ExposureFindings &findings) {
                         exposure = findings;
                         done();
                     });
    if (!options.servers.isEmpty()) {
        diagnostics::ReachabilityCheck::Options checkOptions;
        checkOptions.requests = options.samples;
        checkOptions.interval = options.interval;
        checkOptions.timeout = options.timeout;
        ++pending;
        check.start(options.servers, checkOptions);
    }
    if (!options.probeTarget.isEmpty()) {
        // The parser already validated the target; parse again for the spec.
        const Result<engine::ServerSpec> target = diagnostics::ExposureProbe::parseTarget(options.probeTarget);
        if (!target) {
            std::fprintf(stderr, "chronoscope-cli: %s\n", qPrintable(target.errorMessage()));
            return 2;
        }
        ++pending;
        probe.start(options.probeTarget, *target, options.probeWindow);
    }
    if (pending > 0)
        QCoreApplication::exec();

    QByteArray out;
    if (options.json) {
        out = QJsonDocument(diagnostics::diagnoseReportToJson(port, services, reachability, exposure))
                  .toJson(QJsonDocument::Indented);
    } else {
        out = formatDiagnoseReport(port, services, reachability, exposure).toUtf8();
    }
    std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
    std::fflush(stdout);
    return needsAttention(reachability, exposure) ? 1 : 0;
}

} // namespace chronoscope::cli

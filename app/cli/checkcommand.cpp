// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/checkcommand.h"

#include <cstdio>

#include <QJsonDocument>

#include "app/cli/ntsoutcome.h"
#include "app/cli/oneshotmeasurement.h"
#include "app/cli/textreport.h"
#include "core/engine/localclock.h"
#include "core/report/statusjson.h"

namespace chronoscope::cli {

int runCheck(const CliOptions &options)
{
    const OneShotMeasurement measurement = measureOnce(options);
    const QList<engine::ServerStatus> &servers = measurement.servers;
    const engine::SystemStatus &system = measurement.system;

    if (options.json) {
        const QByteArray json = QJsonDocument(report::checkReportToJson(servers, system)).toJson(QJsonDocument::Indented);
        std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
    } else {
        const QByteArray text = formatCheckReport(servers, system, engine::LocalClock::nowUnixSeconds()).toUtf8();
        std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
    }
    std::fflush(stdout);
    // A refused certificate is said on stderr too, with what to do about it.
    for (const QString &line : ntsCertificateRefusals(servers))
        std::fprintf(stderr, "chronoscope-cli: %s\n", qPrintable(line));
    return offsetExitStatus(system.synchronized, servers);
}

} // namespace chronoscope::cli

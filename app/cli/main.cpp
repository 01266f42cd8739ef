// SPDX-License-Identifier: GPL-3.0-or-later
// chronoscope-cli: one-shot checks and monitoring from the command line (ARCHITECTURE.md §3).
#include <cstdio>

#include <QCoreApplication>

#include "app/cli/checkcommand.h"
#include "app/cli/clioptions.h"
#include "app/cli/monitorcommand.h"

using namespace chronoscope::cli;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("chronoscope-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CHRONOSCOPE_VERSION));

    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    const chronoscope::Result<CliOptions> options = parseCommandLine(arguments);
    if (!options) {
        std::fprintf(stderr, "chronoscope-cli: %s\n", qPrintable(options.errorMessage()));
        return 2;
    }
    switch (options->command) {
    case Command::Help:
        std::fputs(qPrintable(usageText()), stdout);
        return 0;
    case Command::Version:
        std::printf("chronoscope-cli %s\n", CHRONOSCOPE_VERSION);
        return 0;
    case Command::Check:
        return runCheck(*options);
    case Command::Monitor:
        return runMonitor(*options);
    }
    return 2;
}

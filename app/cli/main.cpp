// SPDX-License-Identifier: GPL-3.0-or-later
// chronoscope-cli: one-shot checks and monitoring from the command line (ARCHITECTURE.md §3).
#include <cstdio>

#include <QCoreApplication>

#include "app/cli/checkcommand.h"
#include "app/cli/clioptions.h"
#include "app/cli/diagnosecommand.h"
#include "app/cli/keyscommand.h"
#include "app/cli/keyresolver.h"
#include "app/cli/monitorcommand.h"
#include "app/cli/stepcommand.h"
#include "app/cli/systemcommand.h"
#include "core/texts/translations.h"

using namespace chronoscope::cli;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("chronoscope-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CHRONOSCOPE_VERSION));
    // Reasons, summaries and the headline of the text output in the user's language (LANGUAGE,
    // LC_ALL, LC_MESSAGES, LANG), as in the GUI; JSON keeps ids and English (ARCHITECTURE.md §4).
    chronoscope::texts::installTranslations(&app);

    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    chronoscope::Result<CliOptions> options = parseCommandLine(arguments);
    if (!options) {
        std::fputs(qPrintable(usageErrorText(arguments, options.errorMessage())), stderr);
        return 2;
    }
    // Keys for authenticated servers: a missing key or a key file others can read is a usage
    // error; nothing is ever sent unauthenticated in their place.
    QStringList keyWarnings;
    const chronoscope::Result<QList<chronoscope::auth::SymmetricKey>> keys = resolveServerKeys(*options, &keyWarnings);
    for (const QString &warning : std::as_const(keyWarnings))
        std::fprintf(stderr, "chronoscope-cli: warning: %s\n", qPrintable(warning));
    if (!keys) {
        std::fputs(qPrintable(usageErrorText(arguments, keys.errorMessage())), stderr);
        return 2;
    }
    options.value().keyMaterial = *keys;

    switch (options->command) {
    case Command::Help:
        std::fputs(qPrintable(helpText(options->helpCommand)), stdout);
        return 0;
    case Command::Version:
        std::printf("chronoscope-cli %s\n", CHRONOSCOPE_VERSION);
        return 0;
    case Command::Check:
        return runCheck(*options);
    case Command::Monitor:
        return runMonitor(*options);
    case Command::Diagnose:
        return runDiagnose(*options);
    case Command::Step:
        return runStep(*options);
    case Command::Keys:
        return runKeys(options->keys);
    case Command::System:
        return runSystem(options->system);
    }
    return 2;
}

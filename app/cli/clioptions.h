// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QList>
#include <QStringList>

#include "app/cli/keysoptions.h"
#include "app/cli/systemoptions.h"
#include "core/auth/symmetrickey.h"
#include "core/engine/associationoptions.h"
#include "core/engine/serverspec.h"
#include "core/metrics/listenaddress.h"
#include "core/result.h"

namespace chronoscope::cli {

enum class Command { Check, Monitor, Diagnose, Step, Keys, System, Help, Version };

// Everything the command line asked for (ARCHITECTURE.md §3).
struct CliOptions
{
    Command command = Command::Help;
    QList<engine::ServerSpec> servers;   // SERVER arguments and --pool hosts, in order
    bool json = false;
    int samples = 4;                     // check: exchanges per server
    double interval = 2.0;               // seconds between exchanges with one server
    double timeout = 1.0;                // seconds to wait for one reply
    double duration = 0.0;               // monitor: seconds, 0 = until interrupted
    bool userspaceTimestamps = false;    // --no-kernel-timestamps
    bool allowFastPolling = false;       // --allow-fast-polling
    int minSources = 1;                  // --minsources: agreeing servers needed to synchronise
    bool dryRun = false;                 // step --dry-run: the helper validates, changes nothing
    bool yes = false;                    // step --yes: confirms a step
    bool yesVeryLarge = false;           // step --yes-very-large: confirms a step of over an hour
    quint16 diagnosePort = 123;          // diagnose --port: the local UDP port to inspect
    QString probeTarget;                 // diagnose --probe HOST[:PORT] as typed (empty: no probe)
    double probeWindow = 2.0;            // diagnose --window: seconds to collect probe replies
    QString keyFile;                     // --keys FILE: ntpd/ntpsec or chrony key file (empty: our store)
    quint32 keyId = 0;                   // --key ID: for every SERVER without its own key=ID
    QStringList ntsCaPaths;              // --nts-ca FILE|DIR: private CAs for NTS-KE, besides the system store
    KeysOptions keys;                    // `keys` subcommand
    SystemOptions system;                // `system` subcommand (issue 15)
    std::optional<metrics::ListenAddress> metrics; // monitor --metrics ADDR:PORT (issue 16)
    QString helpCommand;                 // Help: the command whose help to print (empty: all commands)
    // The keys named by keyId (filled by main() through resolveServerKeys, not by parsing).
    QList<auth::SymmetricKey> keyMaterial;

    engine::AssociationOptions associationOptions() const;
};

// Parses arguments (without the program name) with one QCommandLineParser per command
// (app/cli/commandspecs.h). Errors name the offending value; the caller prints them on stderr
// with usageErrorText() and exits with status 2 (ARCHITECTURE.md §3.3).
Result<CliOptions> parseCommandLine(const QStringList &arguments);

// `chronoscope-cli --help`: the commands, the SERVER syntax and the exit statuses.
QString usageText();

// The help of one command ("check", "keys", "keys generate"); usageText() for an empty or
// unknown name.
QString helpText(const QString &command);

// The command the arguments name ("check", "keys generate", "keys"), empty when there is none.
QString commandOfArguments(const QStringList &arguments);

// The two lines a usage error prints on stderr:
// "chronoscope-cli COMMAND: MESSAGE" and "Try 'chronoscope-cli COMMAND --help'."
QString usageErrorText(const QStringList &arguments, const QString &message);

} // namespace chronoscope::cli

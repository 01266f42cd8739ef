// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QStringList>

#include "core/engine/associationoptions.h"
#include "core/engine/serverspec.h"
#include "core/result.h"

namespace chronoscope::cli {

enum class Command { Check, Monitor, Help, Version };

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

    engine::AssociationOptions associationOptions() const;
};

// Parses arguments (without the program name). Errors name the offending value; the caller
// prints them on stderr and exits with status 2.
Result<CliOptions> parseCommandLine(const QStringList &arguments);

QString usageText();

} // namespace chronoscope::cli

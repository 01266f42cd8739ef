// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QHostAddress>
#include <QPair>
#include <QString>

#include "app/cli/commandspec.h"
#include "core/result.h"
#include "core/sysservice/timeserviceplan.h"

namespace chronoscope::cli {

// `chronoscope-cli system [--json] [--chronyd-socket PATH] [--chronyd-port N] [--via-helper]
// [--ntpd HOST] [--timesyncd]`: the system's own time service (issue 15); `system apply` and `system revert`
// change its server list through the helper (issue 15 item 3).
struct SystemOptions
{
    enum class Daemon { Detect, Chronyd, Ntpd, Timesyncd };
    enum class Action { Read, Apply, Revert };

    bool json = false;
    Daemon daemon = Daemon::Detect;  // Detect: chronyd, then ntpd on loopback, then timesyncd
    QString chronydSocket;          // empty: /run/chrony/chronyd.sock
    quint16 chronydPort = 323;      // the UDP command port tried on 127.0.0.1 and ::1 when the socket fails
    bool viaHelper = false;         // read chronyd's socket through the helper (read-time-service)
    QHostAddress ntpdAddress;       // --ntpd: 127.0.0.0/8 or ::1; null: try 127.0.0.1, then ::1
    quint16 ntpdPort = 123;
    bool help = false;
    Action action = Action::Read;
    std::optional<sysservice::TimeServiceDaemon> target; // apply/revert --daemon; nullopt: the running one
    bool yes = false;                                   // apply/revert --yes: no question
    bool dryRun = false;                                // apply/revert --dry-run: the helper writes nothing
};

// "127.0.0.1", "::1", "localhost", "127.0.0.1:1123", "[::1]:1123": a loopback address and port.
// Anything else is an Error naming the value (ntpd is read on this computer only).
Result<QPair<QHostAddress, quint16>> parseLoopbackEndpoint(const QString &text, quint16 defaultPort);

// Parses the arguments after "system" (and "system apply", "system revert"). Errors name the
// offending value (exit status 2).
Result<SystemOptions> parseSystemArguments(const QStringList &arguments);

// The help of `system`, or of `system apply` / `system revert` when options.action says so.
QString systemUsageText(SystemOptions::Action action = SystemOptions::Action::Read);

// The options of `system`, `system apply` and `system revert` for QCommandLineParser and help.
CommandSpec systemCommandSpec();
CommandSpec systemApplyCommandSpec();
CommandSpec systemRevertCommandSpec();

} // namespace chronoscope::cli

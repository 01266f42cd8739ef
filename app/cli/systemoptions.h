// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QPair>
#include <QString>

#include "app/cli/commandspec.h"
#include "core/result.h"

namespace chronoscope::cli {

// `chronoscope-cli system [--json] [--chronyd-socket PATH] [--chronyd-port N] [--ntpd HOST]
// [--timesyncd]`: the system's own time service (issue 15).
struct SystemOptions
{
    enum class Daemon { Detect, Chronyd, Ntpd, Timesyncd };

    bool json = false;
    Daemon daemon = Daemon::Detect;  // Detect: chronyd, then ntpd on loopback, then timesyncd
    QString chronydSocket;          // empty: /run/chrony/chronyd.sock
    quint16 chronydPort = 323;      // the UDP command port tried on 127.0.0.1 and ::1 when the socket fails
    QHostAddress ntpdAddress;       // --ntpd: 127.0.0.0/8 or ::1; null: try 127.0.0.1, then ::1
    quint16 ntpdPort = 123;
    bool help = false;
};

// "127.0.0.1", "::1", "localhost", "127.0.0.1:1123", "[::1]:1123": a loopback address and port.
// Anything else is an Error naming the value (ntpd is read on this computer only).
Result<QPair<QHostAddress, quint16>> parseLoopbackEndpoint(const QString &text, quint16 defaultPort);

// Parses the arguments after "system". Errors name the offending value (exit status 2).
Result<SystemOptions> parseSystemArguments(const QStringList &arguments);

QString systemUsageText();

// The options of `system` for QCommandLineParser and its help.
CommandSpec systemCommandSpec();

} // namespace chronoscope::cli

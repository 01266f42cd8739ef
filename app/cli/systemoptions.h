// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include "core/result.h"

namespace chronoscope::cli {

// `chronoscope-cli system [--json] [--chronyd-socket PATH] [--chronyd-port N]`:
// the system's own time service (issue 15).
struct SystemOptions
{
    bool json = false;
    QString chronydSocket;          // empty: /run/chrony/chronyd.sock
    quint16 chronydPort = 323;      // the UDP command port tried on 127.0.0.1 when the socket fails
    bool help = false;
};

// Parses the arguments after "system". Errors name the offending value (exit status 2).
Result<SystemOptions> parseSystemArguments(const QStringList &arguments);

QString systemUsageText();

} // namespace chronoscope::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

namespace chronoscope::testing {

// One run of the real chronoscope-cli binary ($CHRONOSCOPE_CLI).
struct CliRun
{
    bool finished = false;      // false: killed after the limit, or did not start
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    double seconds = 0;         // wall time of the run

    // Exit status, elapsed time and both output streams, for failure messages.
    QByteArray describe() const;
    // stdout as one JSON object; empty (and `error` set) when it is not one.
    QJsonObject json(QString *error) const;
};

// Runs chronoscope-cli with `arguments` while this thread's event loop keeps running (so
// in-process fake servers answer). Kills it after `limitSeconds`.
CliRun runCli(const QStringList &arguments, double limitSeconds = 60.0);

} // namespace chronoscope::testing

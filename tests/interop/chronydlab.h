// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <vector>

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include "tests/interop/chronydinstance.h"

// The lab several interop tests share: chronyd servers on loopback addresses (one of them ahead
// under libfaketime), a chronyd client of them, and what `chronyc` says about that client.
namespace chronoscope::testing {

using ChronydServers = std::vector<std::unique_ptr<ChronydInstance>>;

// Starts one chronyd server per address, in order, into *servers; the one at falseAddress (if any) runs
// 2.5 s ahead under libfaketime. Returns why a server did not start, or an empty string.
QString startLabServers(const QStringList &addresses, const QString &falseAddress, ChronydServers *servers);
// Starts *client as a chronyd client (command socket, no NTP server) of every server, with
// extraConfig before the server lines. Returns why it did not start, or an empty string.
QString startLabClient(ChronydInstance *client, const ChronydServers &servers, const QString &extraConfig = {});
// A client's `server ADDRESS port PORT minpoll -4 maxpoll -4 iburst` line for each server.
QString labServerLines(const ChronydServers &servers);

// `chronyc -h SOCKET -n -c COMMAND`: one list of CSV fields per line. *output gets what chronyc
// printed (standard output, then standard error), for failure messages.
QList<QStringList> chronycCsv(const QString &socket, const QString &command, QString *output);
// address → state symbol ('*', '+', 'x', '?', ...) of each source `chronyc -n -c sources` lists.
QMap<QString, QString> chronycSourceStates(const QString &socket, QString *output);
// True when `chronyc sources` lists exactly `count` sources and none of them as undecided ('?').
bool chronycDecidedEverySource(const QString &socket, int count, QString *output);

} // namespace chronoscope::testing

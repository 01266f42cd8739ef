// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <vector>

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include "core/config/configuredserver.h"
#include "core/protocol/timeservice.h"

namespace chronoscope::sysservice {

// The daemons whose server list the helper can set (issue 15 item 3, HELPER.md §4.5).
using TimeServiceDaemon = protocol::timeservice::Daemon;

// "chronyd", "systemd-timesyncd", "ntpd": the names `system --json` uses (ARCHITECTURE.md §3.9).
QString timeServiceDaemonName(TimeServiceDaemon daemon);
// "chronyd", "timesyncd" or "systemd-timesyncd", "ntpd"; nullopt for anything else. Also takes
// SystemServiceReading::daemon.
std::optional<TimeServiceDaemon> parseTimeServiceDaemon(const QString &name);
// The file the helper writes for `daemon` (ntpd: the one of the two that exists).
QString timeServiceConfigPath(TimeServiceDaemon daemon);

// Why a list cannot be applied, before anything is sent. Either one of the helper's own
// source rules (sourceError, checked with the helper's code, validateSources) or an option of
// Chronoscope's list that the helper's fields do not carry at all (option: "noselect", "trust",
// "require", "ntsport").
struct TimeServiceRefusal
{
    protocol::timeservice::SourceError sourceError = protocol::timeservice::SourceError::None;
    QString option;          // a ConfiguredServer option the helper cannot write
    qsizetype index = -1;    // the server in the user's list; -1: the list as a whole
    QString server;          // its display name ("ntp1.example", "[::1]:1123")
    qint64 value = 0;        // the offending number where there is one (count, key id, poll)

    bool isRefusal() const
    {
        return sourceError != protocol::timeservice::SourceError::None || !option.isEmpty();
    }
};

// What applying Chronoscope's list would do: which daemon, which file the helper writes, and
// the servers in the helper's structured fields (never a line of text).
struct TimeServicePlan
{
    TimeServiceDaemon daemon = TimeServiceDaemon::Chronyd;
    QString path;                                        // the file the helper writes
    std::vector<protocol::timeservice::ServerEntry> servers;
    QStringList serverNames;                             // display name of each, same order
    QStringList poolNames;                               // pool entries written as one server each
    TimeServiceRefusal refusal;                          // set: nothing may be sent

    bool ok() const { return !refusal.isRefusal(); }
};

// Converts the user's list for `daemon`: a pool becomes a server line (listed in poolNames),
// iburst is left out for systemd-timesyncd (which has no such option), minpoll/maxpoll are sent
// only when they differ from Chronoscope's defaults (6, 10), port 123 is sent as "default".
// Then the helper's own rules (validateSources) decide; a refusal names the server.
TimeServicePlan planTimeService(TimeServiceDaemon daemon, const QList<config::ConfiguredServer> &servers);

// The refusal in English, for the CLI and logs (the GUI has its own translated table):
// "ntp1.example: systemd-timesyncd cannot use key 7 or other per-server options".
QString timeServiceRefusalText(const TimeServiceRefusal &refusal, TimeServiceDaemon daemon);

} // namespace chronoscope::sysservice

Q_DECLARE_METATYPE(chronoscope::sysservice::TimeServicePlan)

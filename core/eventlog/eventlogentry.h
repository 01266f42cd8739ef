// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace chronoscope::eventlog {

// How much a user should care, in increasing order (filters use "this level and above").
enum class EventLevel { Detail, Info, Warning, Error };

// What happened. Each kind is one bit of the "record these events" mask (kindBit()).
enum class EventKind {
    RequestSent,       // a request left for a server (ntpd's "transmit")
    ReplyAccepted,     // a valid reply became a sample
    ReplyRejected,     // a reply failed a test, with the reason
    Timeout,           // no reply in time, or refused
    KissOfDeath,       // RATE, DENY, RSTR, ...
    StateChanged,      // a server's state moved (candidate → falseticker, ...)
    SelectionChanged,  // the system peer or the synchronised verdict changed
    StepRequested,     // a clock correction was requested (helper, issue 6)
    Configuration,     // servers added/removed, imports, settings problems
};
constexpr int EVENT_KIND_COUNT = int(EventKind::Configuration) + 1;

constexpr quint32 kindBit(EventKind kind)
{
    return 1u << quint32(kind);
}
constexpr quint32 ALL_EVENT_KINDS = (1u << EVENT_KIND_COUNT) - 1;

// One line of the user-visible event log (a value type; times in Unix seconds).
struct EventLogEntry
{
    double time = 0;
    EventLevel level = EventLevel::Info;
    EventKind kind = EventKind::Configuration;
    int serverId = -1;       // engine id, -1 for system-wide events
    QString server;          // server name as shown in the table, empty for system-wide events
    QString message;         // what happened, in the user's language
};

// Stable ids used in log files and exports: "info", "reply_rejected", ...
QString eventLevelId(EventLevel level);
QString eventKindId(EventKind kind);
// "2024-05-01T12:00:00.123+02:00 warning reply_rejected 127.0.0.1:123: message" (local time).
QString formatEntryLine(const EventLogEntry &entry);

} // namespace chronoscope::eventlog

Q_DECLARE_METATYPE(chronoscope::eventlog::EventLogEntry)

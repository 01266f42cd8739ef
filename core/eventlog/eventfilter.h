// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QString>

#include "core/eventlog/eventlogentry.h"

namespace chronoscope::eventlog {

// Which entries to show: one server (or all), a minimum level, a text to find.
struct EventFilter
{
    std::optional<QString> server;         // exact server name; nullopt: every server
    EventLevel minLevel = EventLevel::Detail;
    QString text;                          // case-insensitive substring of the message

    bool matches(const EventLogEntry &entry) const
    {
        if (server && entry.server != *server)
            return false;
        if (int(entry.level) < int(minLevel))
            return false;
        return text.isEmpty() || entry.message.contains(text, Qt::CaseInsensitive);
    }
};

} // namespace chronoscope::eventlog

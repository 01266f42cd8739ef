// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDBusConnection>
#include <QJsonObject>

#include "core/result.h"
#include "core/sysservice/timesyncd/timesyncdsnapshot.h"

namespace chronoscope::sysservice {

// Reads systemd-timesyncd's state over D-Bus: every property of org.freedesktop.timesync1.Manager
// at /org/freedesktop/timesync1 (Properties.GetAll), the D-Bus equivalent of `timedatectl
// timesync-status`. It first asks the bus whether the name has an owner, so that reading never
// starts timesyncd by bus activation; a name without an owner is the Error "not running".
// Blocking (at most `timeoutMs`): run it off the GUI thread.
class TimesyncdReader
{
public:
    static constexpr const char *SERVICE = "org.freedesktop.timesync1";
    static constexpr const char *PATH = "/org/freedesktop/timesync1";
    static constexpr const char *INTERFACE = "org.freedesktop.timesync1.Manager";

    // `bus`: the system bus in real use; a private bus in tests.
    static Result<TimesyncdSnapshot> read(const QDBusConnection &bus, int timeoutMs = 2000);
    // Whether an Error from read() means "not running" (rather than "could not read").
    static bool isNotRunning(const QString &message);
};

QJsonObject timesyncdSnapshotJson(const TimesyncdSnapshot &snapshot);

} // namespace chronoscope::sysservice

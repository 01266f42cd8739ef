// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include "core/sysservice/chronydsnapshot.h"
#include "core/sysservice/ntpdsnapshot.h"

namespace chronoscope::sysservice {

// One source of the system's time service in the words every daemon shares ("selected",
// "combined", "not combined", "falseticker", "too variable", "not selectable", "unreachable").
struct SystemServiceSource
{
    QString address;                 // "192.0.2.1"; empty for a reference clock
    QString name;                    // as configured, may be empty
    QString state;                   // one of the shared words above
    QString stateSymbol;             // the daemon's own tally ('*', '+', 'x', ...)
    QString stateWords;              // the state with the daemon's reason
    std::optional<double> offset;    // s, Chronoscope's sign: positive when this clock is behind
    int stratum = -1;
    int reach = 0;                   // 8-bit register
};

// What the system's own time service reports, whichever daemon it is (the GUI's view).
struct SystemServiceReading
{
    QString daemon;                  // "chronyd", "ntpd", "systemd-timesyncd"; empty: none found
    QString version;
    QString endpoint;                // where it was read
    QString selectedAddress;         // the source it follows; empty when none
    std::optional<double> offset;    // s, the daemon's estimate of this clock (positive: behind)
    std::optional<double> frequencyPpm;
    int stratum = -1;
    QString leapWords;               // "normal", "not synchronised", ...
    QList<SystemServiceSource> sources;
    QStringList warnings;
    QString error;                   // why nothing could be read
    bool permissionDenied = false;   // the error is a permission problem (run as root, command port)
    bool throughHelper = false;      // read through the helper (SystemServiceReaderOptions)

    bool ok() const { return !daemon.isEmpty() && error.isEmpty(); }
};

SystemServiceReading readingFromChronyd(const ChronydSnapshot &snapshot);
SystemServiceReading readingFromNtpd(const NtpdSnapshot &snapshot);

} // namespace chronoscope::sysservice

Q_DECLARE_METATYPE(chronoscope::sysservice::SystemServiceReading)

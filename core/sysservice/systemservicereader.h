// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QString>

#include "core/sysservice/systemservicereading.h"

namespace chronoscope::sysservice {

// Finds and reads the system's time service, in the order `chronoscope-cli system` uses:
// chronyd's socket, its command port on 127.0.0.1 and ::1, ntpd over mode 6 on 127.0.0.1 and
// ::1, then systemd-timesyncd (through `readTimesyncd`, which lives in chronoscope_timesyncd
// because it needs QtDBus). Blocking for up to a few seconds: call it off the GUI thread.
struct SystemServiceReaderOptions
{
    QString chronydSocket;                 // empty: /run/chrony/chronyd.sock
    quint16 chronydPort = 323;
    quint16 ntpdPort = 123;
    bool tryNtpd = true;
    // Read chronyd through the helper (HelperCmdmonTransport: a password prompt, read-only)
    // and nothing else; for when its socket is not readable by this user.
    bool throughHelper = false;
    std::function<SystemServiceReading()> readTimesyncd;   // empty: not tried
};

SystemServiceReading readSystemService(const SystemServiceReaderOptions &options);

} // namespace chronoscope::sysservice

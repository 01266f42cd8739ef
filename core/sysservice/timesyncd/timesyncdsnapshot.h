// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>

#include <QString>
#include <QStringList>

namespace chronoscope::sysservice {

// What systemd-timesyncd exposes as D-Bus properties of org.freedesktop.timesync1.Manager
// (what `timedatectl timesync-status` prints). timesyncd follows one server at a time; it has no
// selection among sources, so its "sources" are the configured server lists.
struct TimesyncdSnapshot
{
    QString serverName;               // the server it uses now ("ntp.example.org"), may be empty
    QString serverAddress;            // its address; empty before the first contact
    QStringList linkServers;          // from the network configuration (per link)
    QStringList systemServers;        // NTP= in timesyncd.conf
    QStringList runtimeServers;       // set at run time (timedatectl ntp-servers)
    QStringList fallbackServers;      // FallbackNTP=
    double pollIntervalSeconds = 0;   // current
    double pollIntervalMinSeconds = 0;
    double pollIntervalMaxSeconds = 0;
    double rootDistanceMaxSeconds = 0;
    std::optional<double> frequencyPpm;   // Frequency (the kernel's, scaled 2^-16 ppm)

    // The last NTP reply (NTPMessage), absent before the first one.
    bool hasMessage = false;
    int leap = 3;
    int version = 0;
    int stratum = 0;
    int precisionLog2 = 0;
    double rootDelay = 0;             // s
    double rootDispersion = 0;        // s
    QString referenceId;              // 4 ASCII characters or an IPv4 address
    double offset = 0;                // s, Chronoscope's sign: positive when this clock is behind
    double delay = 0;                 // s, round trip
    double jitter = 0;                // s
    bool spike = false;
    quint64 packetCount = 0;
};

} // namespace chronoscope::sysservice

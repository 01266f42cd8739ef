// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

namespace chronoscope::sysservice {

// One association of ntpd (what `ntpq -p` shows in one line), from READSTAT and READVAR.
// Offsets in seconds with Chronoscope's sign (and ntpd's): positive when the source is ahead of
// this clock (this clock is behind). Times are converted from ntpd's milliseconds.
struct NtpdPeerView
{
    std::uint16_t associationId = 0;
    std::uint16_t statusWord = 0;
    QHostAddress address;        // srcadr
    quint16 port = 0;            // srcport
    QString hostName;            // srchost (ntpsec), may be empty
    int stratum = 16;
    QString referenceId;         // refid as ntpd prints it ("GPS", "10.1.2.3", ".INIT.")
    std::uint32_t reach = 0;     // 8-bit shift register
    int pollLog2 = 0;            // hpoll
    double offset = 0;           // s
    double delay = 0;            // s
    double dispersion = 0;       // s
    double jitter = 0;           // s
    int leap = 3;
    bool variablesRead = false;  // false: only the status word is known (READVAR failed)
};

// One reading of a running ntpd or ntpsec over mode 6.
struct NtpdSnapshot
{
    QString endpoint;            // "127.0.0.1:123"
    QString version;             // "ntpd ntpsec-1.2.2"
    int stratum = 16;
    int leap = 3;
    QString referenceId;
    std::uint16_t systemPeerId = 0;
    double offset = 0;           // s, ntpd's combined offset (positive: this clock behind)
    double frequencyPpm = 0;     // ntpd's frequency correction
    double systemJitter = 0;     // s
    double rootDelay = 0;        // s
    double rootDispersion = 0;   // s
    QList<NtpdPeerView> peers;
    QStringList warnings;        // parts that could not be read, in words
    int ignoredReplies = 0;      // stale or foreign datagrams skipped
};

} // namespace chronoscope::sysservice

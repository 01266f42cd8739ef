// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

#include "core/ntp/ntpconstants.h"
#include "core/result.h"

namespace chronoscope::engine {

// A configured server or pool, as the user wrote it, with chrony-style options.
struct ServerSpec
{
    QString host;            // name or address literal (IPv6 without brackets)
    quint16 port = 123;
    bool isPool = false;     // expand to up to maxPoolAddresses resolved addresses
    bool iburst = true;
    // Interleaved mode (chrony's xleave, NTP-NOTES §8.2): ask for the server's precise transmit
    // time of its previous reply; replies stay basic with servers that do not support it.
    bool xleave = false;
    int minPollLog2 = ntp::DEFAULT_MINPOLL;
    int maxPollLog2 = ntp::DEFAULT_MAXPOLL;
    bool prefer = false;
    bool noselect = false;
    bool trust = false;
    bool require = false;
    quint32 keyId = 0;       // symmetric key (1–65534) to authenticate with; 0: none
    bool nts = false;        // Network Time Security (RFC 8915): keys and cookies from NTS-KE
    quint16 ntsPort = 4460;  // NTS-KE (TCP) port; NTP goes where the key exchange says

    // "host", "host:port", "[v6]:port" (the port only when not 123).
    QString displayName() const;
    friend bool operator==(const ServerSpec &, const ServerSpec &) = default;
};

constexpr int MAX_POOL_ADDRESSES = 4; // like chrony's pool maxsources default

// Parses "host", "host:port", "ipv4:port", "[ipv6]:port" or a bare IPv6 literal, optionally
// followed by chrony-style options separated by commas (host names never contain commas):
// "ntp1.example,prefer,trust", "10.0.0.1:1123,noselect", "[::1]:123,minpoll=4,maxpoll=8,key=7".
// Options: prefer, noselect, trust, require, iburst, noiburst, xleave, minpoll=N, maxpoll=N,
// key=ID, nts, ntsport=N (the NTS-KE port; implies nts). nts and key= exclude each other.
// The error names the offending text, e.g. "invalid port '99999' in 'ntp.example:99999'".
Result<ServerSpec> parseServerSpec(const QString &text);
// The same options, as text for display and round trips ("prefer,trust"; empty when none).
QString serverOptionsText(const ServerSpec &spec);

} // namespace chronoscope::engine

Q_DECLARE_METATYPE(chronoscope::engine::ServerSpec)

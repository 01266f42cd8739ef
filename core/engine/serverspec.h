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
    int minPollLog2 = ntp::DEFAULT_MINPOLL;
    int maxPollLog2 = ntp::DEFAULT_MAXPOLL;
    bool prefer = false;
    bool noselect = false;
    bool trust = false;
    bool require = false;

    // "host", "host:port", "[v6]:port" (the port only when not 123).
    QString displayName() const;
    friend bool operator==(const ServerSpec &, const ServerSpec &) = default;
};

constexpr int MAX_POOL_ADDRESSES = 4; // like chrony's pool maxsources default

// Parses "host", "host:port", "ipv4:port", "[ipv6]:port" or a bare IPv6 literal. The error
// names the offending text, e.g. "invalid port '99999' in 'ntp.example:99999'".
Result<ServerSpec> parseServerSpec(const QString &text);

} // namespace chronoscope::engine

Q_DECLARE_METATYPE(chronoscope::engine::ServerSpec)

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <optional>

#include "core/engine/datagramchannel.h"
#include "core/ntp/ntpconstants.h"
#include "core/nts/ntstrust.h"

namespace chronoscope::engine {

// Engine-wide settings that shape every association.
struct AssociationOptions
{
    int maxRequests = 0;                  // 0: poll until stopped; N: stop after N requests (check)
    std::optional<double> fixedInterval;  // seconds between requests (CLI --interval); else adaptive
    double timeout = 1.0;                 // seconds to wait for one reply
    bool allowFastPolling = false;        // explicit opt-in for sub-64 s polls of public servers
    TimestampSource timestamps = TimestampSource::Kernel;
    double maxDelay = ntp::MAX_DELAY;     // seconds
    double driftMinSpan = 60.0;           // seconds of samples before a frequency is meaningful
    nts::NtsTrust ntsTrust;               // CAs that may vouch for NTS-KE servers (system store + user CA)
    double ntsKeyExchangeTimeout = 5.0;   // seconds for one whole NTS-KE exchange
    qint64 ntsRefreshSeconds = 2419200;   // scheduled NTS key renewal: 4 weeks, as chrony's ntsrefresh
    // Socket reuse for fast polling (DatagramChannel::keepOpenFor): after an answered request, one
    // due within reuseSocketWithin goes out on the same socket and port, for at most
    // portLifetime from the port's first request. reuseSocketWithin 0: a fresh port every time.
    std::chrono::milliseconds reuseSocketWithin = DatagramChannel::DEFAULT_REUSE_GAP;
    std::chrono::milliseconds portLifetime = DatagramChannel::DEFAULT_PORT_LIFETIME;
};

} // namespace chronoscope::engine

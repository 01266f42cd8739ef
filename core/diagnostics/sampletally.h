// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>

#include "core/engine/requestoutcome.h"

namespace chronoscope::diagnostics {

// What happened to one server's requests, counted from the engine's events (accepted samples,
// failed requests) and its exact rejection counters.
struct SampleTally
{
    int accepted = 0;       // replies that became samples
    int unusable = 0;       // valid replies whose time cannot be used (unsynchronised, stratum 16, ...)
    int invalid = 0;        // datagrams that were no valid reply (malformed, bogus origin, ...)
    int kisses = 0;         // kiss-o'-death replies
    int timeouts = 0;       // no reply in time
    int refused = 0;        // ICMP port unreachable
    int socketErrors = 0;   // the request could not be sent (no route, no address family)

    void addAccepted() { ++accepted; }
    void add(const engine::RequestOutcome &outcome);
    // The server's rejection counters (ServerStatus::rejections): reason id → datagrams.
    void addRejections(const QMap<QString, int> &rejections);
};

} // namespace chronoscope::diagnostics

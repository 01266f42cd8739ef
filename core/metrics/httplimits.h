// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace chronoscope::metrics {

// What the metrics HTTP endpoint allows one client, and all of them together. Every byte comes
// from the network, so these bound memory and time whatever a client does.
struct HttpLimits
{
    qsizetype maxRequestBytes = 8192; // everything a connection may send (one GET, no body); more: 431
    int maxConnections = 16;          // open at once; more: closed at once
    int connectionTimeoutMs = 5000;   // whole life of a connection (slow senders and readers), ms
};

} // namespace chronoscope::metrics

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

#include "core/engine/statusreason.h"

namespace chronoscope::engine {

// How one request ended when it produced no sample: no reply, ICMP refused, a socket error, a
// kiss-o'-death, or no key to send with. At most one per request, so its rate is bounded by the
// poll schedule. Invalid datagrams are not request outcomes: they are counted and summarised
// (RejectionSummary).
struct RequestOutcome
{
    int serverId = -1;
    QString serverName;
    double time = 0;          // Unix seconds
    bool timedOut = false;    // no (valid) reply before the timeout
    QString reasonId;         // "timeout", "refused", "socket_error", "kiss_of_death", "auth_unavailable",
                              // or an NTS reason id (core/nts/ntsfailure.h): a failed key exchange, "nts_nak"
    QString detail;           // in words, e.g. "no reply within 1 s"
    StatusReason detailCode;  // the same as an id with arguments where core has one (else empty)
    QString kissCode;         // kiss_of_death: the code as received ("RATE", ...); else empty
};

} // namespace chronoscope::engine

Q_DECLARE_METATYPE(chronoscope::engine::RequestOutcome)

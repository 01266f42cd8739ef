// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QByteArrayView>
#include <QHostAddress>

#include "core/auth/symmetrickey.h"
#include "core/ntp/kisscode.h"
#include "core/ntp/measurement.h"
#include "core/ntp/ntpconstants.h"
#include "core/ntp/rejectreason.h"

namespace chronoscope::ntp {

// The previous accepted exchange of an association, kept for interleaved mode (NTP-NOTES §8.2):
// the next request carries t2 as its origin and t4 as its receive time, and a server that
// supports the mode answers with the precise transmit time of its previous reply, which
// completes these three into a measurement of that exchange.
struct PreviousExchange
{
    NtpTimestamp t1;  // our transmit time of the previous request (the kernel's when it had one)
    NtpTimestamp t2;  // the server's receive time of it, from its reply
    NtpTimestamp t4;  // our receive time of that reply
};

// What we know about the request a reply should answer.
struct OutstandingRequest
{
    NtpTimestamp nonce;     // the random 64-bit value we sent as transmit time
    NtpTimestamp sendTime;  // T1: our local clock when the request left
    // Set when the request asked for interleaved mode (it carried previous->t2 and previous->t4).
    std::optional<PreviousExchange> previous;
};

struct ReplyContext
{
    QHostAddress serverAddress;                 // where the request went
    quint16 serverPort = 123;
    std::optional<OutstandingRequest> request;  // empty once answered or timed out
    NtpTimestamp lastAcceptedTransmit;          // T3 of the last accepted reply (duplicate test)
    double localPrecision = 1e-9;               // ρ_local, seconds
    double maxDelay = MAX_DELAY;                // seconds
    // The key the request was sent with; the reply must then carry a valid MAC with it (test 5).
    // Not owned; null for unauthenticated requests.
    const auth::SymmetricKey *key = nullptr;
};

struct ReplyVerdict
{
    enum class Outcome { Accepted, Kiss, Rejected };
    Outcome outcome = Outcome::Rejected;
    std::optional<RejectReason> reason;  // set unless Accepted
    QString detail;                      // the offending value, in words
    KissCode kiss = KissCode::None;
    QString kissText;                    // e.g. "RATE"
    std::optional<Packet> packet;        // when it parsed
    Measurement measurement;             // valid when Accepted
    bool authenticated = false;          // passed test 5 with ReplyContext::key

    bool accepted() const { return outcome == Outcome::Accepted; }
};

// Runs the client-side checks in the order NTP-NOTES §1.5 recommends: source, format, mode,
// outstanding request, origin (test 2), duplicate (1), authentication (5, when the request
// carried a MAC), kiss-o'-death (acted on only after the origin and authentication tests), zero
// timestamps (3), leap/stratum (6), header root distance (7), server processing time, delay
// limit. `receiveTime` is T4, read as close to the I/O as possible.
// Test 2 knows two answers: our nonce as origin (basic mode, measures this exchange) and, for a
// request with `previous`, previous->t4 as origin (interleaved mode: the reply's transmit time is
// the server's precise transmit time of its previous reply, and the measurement is the previous
// exchange: T1, T2 and T4 from `previous`, T3 from this reply; its round-trip delay may not be
// negative).
ReplyVerdict validateReply(QByteArrayView datagram, const QHostAddress &from, quint16 fromPort,
                           NtpTimestamp receiveTime, const ReplyContext &context);

// Builds our data-minimised client request (mode 3, version 4, everything zero but the poll and
// the random transmit nonce; NTP-NOTES §1.3). With `previous` it asks for interleaved mode: the
// origin is previous->t2 and the receive time previous->t4 (both already known to the server
// and to anyone on the path, so nothing new about our clock is revealed).
Packet makeClientRequest(NtpTimestamp nonce, int pollLog2, const PreviousExchange *previous = nullptr);

} // namespace chronoscope::ntp

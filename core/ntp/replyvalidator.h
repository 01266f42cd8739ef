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

// What we know about the request a reply should answer.
struct OutstandingRequest
{
    NtpTimestamp nonce;     // the random 64-bit value we sent as transmit time
    NtpTimestamp sendTime;  // T1: our local clock when the request left
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
// timestamps (3), leap/stratum (6), header root distance (7), server processing time, delay limit. `receiveTime` is T4, read as close to the I/O as possible.
ReplyVerdict validateReply(QByteArrayView datagram, const QHostAddress &from, quint16 fromPort,
                           NtpTimestamp receiveTime, const ReplyContext &context);

// Builds our data-minimised client request (mode 3, version 4, everything zero but the poll and
// the random transmit nonce; NTP-NOTES §1.3).
Packet makeClientRequest(NtpTimestamp nonce, int pollLog2);

} // namespace chronoscope::ntp

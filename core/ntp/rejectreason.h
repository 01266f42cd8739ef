// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace chronoscope::ntp {

// Why a received datagram was not used as a sample. Named after the RFC 5905 §9.2 tests where
// one applies. The stable id (rejectReasonId) is what JSON output and counters use.
enum class RejectReason {
    WrongSource,            // came from an address/port we did not send to (RFC 4330 §5)
    Malformed,              // could not be parsed (length, version, extension fields)
    WrongMode,              // not a server (mode 4) reply
    NotRequested,           // no request outstanding, or already answered
    BogusOrigin,            // test 2: origin ≠ the nonce we sent
    Duplicate,              // test 1: transmit time equals the last accepted reply's
    ZeroTimestamp,          // test 3: receive or transmit time is zero
    KissOfDeath,            // a valid kiss-o'-death (RATE, DENY, RSTR, ...): never a sample
    Unsynchronized,         // test 6: leap indicator 3 (alarm)
    StratumZero,            // test 6: stratum 0 that is not a kiss-o'-death
    StratumUnsynchronized,  // test 6: stratum 16 or higher
    RootDistance,           // test 7: root delay/2 + root dispersion ≥ 16 s
    ServerTimeReversed,     // T3 before T2, or server processing time above 4 s
    ExcessiveDelay,         // round-trip delay above the limit (ntpsec BOGON14)
    AuthMissing,            // test 5: we sent a MAC, the reply has none
    AuthKeyMismatch,        // test 5: the reply's MAC uses another key id than ours
    AuthBadMac,             // test 5: the MAC has the wrong length or does not verify
    CryptoNak,              // test 5: crypto-NAK, the server could not authenticate our request
};

// Stable identifier, e.g. "bogus_origin".
QString rejectReasonId(RejectReason reason);
// Short phrase a user understands, e.g. "origin timestamp does not match our request".
QString rejectReasonText(RejectReason reason);

} // namespace chronoscope::ntp

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ntp/ntptimestamp.h"

// The on-wire calculations (RFC 5905 §8; NTP-NOTES §2.1).
//
// Sign convention (ARCHITECTURE.md §2), defined here once for the whole project:
//   offset = ((T2 − T1) + (T3 − T4)) / 2 = server time − local time.
//   Positive offset: the local clock is BEHIND the server; correcting means ADDING the offset.
//   This is the sign of ntpdate, ntpdig and `chronyd -Q`; `chronyc sources` shows the opposite.
namespace chronoscope::ntp {

struct ExchangeTimestamps
{
    NtpTimestamp t1; // local transmit time (the real one, never the nonce we sent)
    NtpTimestamp t2; // server receive time
    NtpTimestamp t3; // server transmit time
    NtpTimestamp t4; // local receive time
};

// Offset in seconds, positive when the local clock is behind. First-order differences are taken
// on the full 64 bits as integers and only then converted, keeping the ±68-year range.
double clockOffset(const ExchangeTimestamps &ts);
// Round-trip delay (T4 − T1) − (T3 − T2) in seconds, not clamped.
double roundTripDelay(const ExchangeTimestamps &ts);
// Server processing time T3 − T2 in seconds.
double serverProcessingTime(const ExchangeTimestamps &ts);

// 2^log2 as seconds (precision and poll fields).
double log2ToSeconds(int log2);

} // namespace chronoscope::ntp

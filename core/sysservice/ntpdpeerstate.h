// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QString>

// ntpd's peer status word (RFC 9327 §4 "Peer Status Word"; ntpq's `associations` columns):
//   bits 15-11 peer flags (0x80 configured, 0x40 authentication enabled, 0x20 authentic,
//   0x10 reachable, 0x08 broadcast, in the high byte), bits 10-8 the selection code, 7-4 the
//   event counter, 3-0 the last event.
namespace chronoscope::sysservice {

enum class NtpdSelection : std::uint8_t {
    Reject = 0,      // ' ' discarded as not valid (unreachable, bad stratum, ...)
    Falsetick = 1,   // 'x' discarded by the intersection algorithm
    Excess = 2,      // '.' discarded: beyond the number of sources the selection keeps
    Outlier = 3,     // '-' discarded by the cluster algorithm
    Candidate = 4,   // '+' combined into the system offset
    Backup = 5,      // '#' a survivor not combined
    SystemPeer = 6,  // '*' the selected source
    PpsPeer = 7,     // 'o' the selected source, disciplined by PPS
};

NtpdSelection ntpdSelection(std::uint16_t statusWord);
bool ntpdPeerConfigured(std::uint16_t statusWord);
bool ntpdPeerReachable(std::uint16_t statusWord);
bool ntpdPeerAuthentic(std::uint16_t statusWord);

// ntpq's tally character: ' ', 'x', '.', '-', '+', '#', '*', 'o'.
char ntpdTallyCode(NtpdSelection selection);
// ntpd's own name: "reject", "falsetick", "excess", "outlier", "candidate", "backup", "sys.peer",
// "pps.peer".
QString ntpdSelectionName(NtpdSelection selection);
// The same words the chronyd view uses (chronydStateName): "selected", "combined",
// "not combined", "falseticker", "not selectable", and "unreachable" for a rejected source that
// answered none of its last 8 polls.
QString ntpdStateName(NtpdSelection selection, std::uint32_t reach);
// The state for a person: the state name and, where it adds something, ntpd's reason
// ("not combined (cluster outlier)").
QString ntpdStateWords(NtpdSelection selection, std::uint32_t reach);
// ntpd's leap indicator (0..3) in the chronyd view's words.
QString ntpdLeapWords(int leap);

} // namespace chronoscope::sysservice

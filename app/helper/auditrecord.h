// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/protocol/protocol.h"

namespace chronoscope::helper {

// Who asked. pkexec sets PKEXEC_UID to the invoking user; it is logged, never used to decide
// anything (polkit already authorised the caller before the helper ran). On Windows the service
// fills `account` from the pipe client's token (it did decide: callerpolicy.h).
struct CallerIdentity
{
    long uid = -1;
    long pid = -1;   // the parent process (pkexec execs the helper, so this is the client)
    std::string account; // Windows: "DOMAIN\user (S-1-5-...)"; empty on POSIX (not logged)
};

// One line in the system log per change and per refusal (HELPER.md §4.4).
struct AuditRecord
{
    std::string_view backend;         // "linux", "dry-run", "fake"
    std::string_view verb;            // the verb the helper was started with
    protocol::Op op = protocol::Op::None;
    std::uint64_t requestId = 0;
    CallerIdentity caller;
    protocol::Status status = protocol::Status::Ok;
    int sysErrno = 0;
    std::int64_t offsetNs = 0;        // requested correction (sign: positive moves forward)
    std::int64_t errorBoundNs = 0;
    std::int64_t ageNs = -1;          // measurement age (-1: unknown)
    std::int64_t realtimeBeforeNs = 0; // the old time, Unix ns (0: not read)
    std::int64_t realtimeAfterNs = 0;  // the new time, Unix ns (0: not read)
    std::int64_t appliedNs = 0;
    bool dryRun = false;
    std::string detail;               // free text for protocol errors ("closed after 20 of 48 bytes")
};

// "chronoscope-helper: result=refused status=needs_confirmation verb=step op=step uid=1000 ..."
// key=value pairs, values without spaces except the quoted detail; times as ISO 8601 UTC.
std::string formatAuditLine(const AuditRecord &record);
// "applied", "dry-run", "refused" or "failed".
std::string_view auditResult(const AuditRecord &record);

} // namespace chronoscope::helper

// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/auditrecord.h"

#include <cinttypes>
#include <cstdio>
#include <ctime>

#include "core/protocol/names.h"

namespace chronoscope::helper {
namespace {

std::string isoTime(std::int64_t unixNs)
{
    if (unixNs == 0)
        return "unknown";
    std::int64_t seconds = unixNs / 1'000'000'000;
    std::int64_t nanos = unixNs % 1'000'000'000;
    if (nanos < 0) {
        nanos += 1'000'000'000;
        --seconds;
    }
    const time_t t = time_t(seconds);
    tm utc{};
#ifdef _WIN32
    gmtime_s(&utc, &t);
#else
    gmtime_r(&t, &utc);
#endif
    char date[32];
    std::strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%S", &utc);
    char out[64];
    std::snprintf(out, sizeof out, "%s.%09" PRId64 "Z", date, nanos);
    return out;
}

std::string seconds(std::int64_t ns, bool withSign)
{
    const std::uint64_t magnitude = ns < 0 ? std::uint64_t(0) - std::uint64_t(ns) : std::uint64_t(ns);
    char out[48];
    std::snprintf(out, sizeof out, "%s%" PRIu64 ".%09" PRIu64 "s", ns < 0 ? "-" : (withSign ? "+" : ""),
                  magnitude / 1'000'000'000u, magnitude % 1'000'000'000u);
    return out;
}

} // namespace

std::string_view auditResult(const AuditRecord &record)
{
    if (record.status == protocol::Status::Ok)
        return record.dryRun ? "dry-run" : "applied";
    return record.status == protocol::Status::Failed ? "failed" : "refused";
}

std::string formatAuditLine(const AuditRecord &r)
{
    char id[24];
    std::snprintf(id, sizeof id, "%016" PRIx64, r.requestId);
    std::string line;
    line += "result=";
    line += auditResult(r);
    line += " status=";
    line += protocol::statusName(r.status);
    line += " verb=";
    line += r.verb;
    line += " op=";
    line += protocol::opName(r.op);
    line += " request=";
    line += id;
    line += " uid=" + std::to_string(r.caller.uid) + " pid=" + std::to_string(r.caller.pid);
    if (!r.caller.account.empty())
        line += " account=\"" + r.caller.account + "\"";
    if (r.op == protocol::Op::Step || r.op == protocol::Op::Slew) {
        line += " offset=" + seconds(r.offsetNs, true);
        line += " error_bound=" + seconds(r.errorBoundNs, false);
        line += " age=" + (r.ageNs < 0 ? std::string("unknown") : seconds(r.ageNs, false));
    }
    line += " old_time=" + isoTime(r.realtimeBeforeNs);
    if (r.realtimeAfterNs != 0)
        line += " new_time=" + isoTime(r.realtimeAfterNs);
    if (r.status == protocol::Status::Ok)
        line += " applied=" + seconds(r.appliedNs, true);
    line += " errno=" + std::to_string(r.sysErrno);
    line += " backend=";
    line += r.backend;
    if (!r.detail.empty())
        line += " detail=\"" + r.detail + "\"";
    return line;
}

} // namespace chronoscope::helper

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One helper "process" without a process: HelperService around a simulated FakeClockOps, with
// the default configuration and an audit sink that keeps every record. Shared by the Linux
// helper's in-process test (tests/helper/tst_helperservice.cpp) and the Windows build's
// (tests/windows/tst_win_helpercore.cpp, mingw-w64 under wine). Plain C++ (no Qt): nothing here
// can change this machine's clock.
#include <cstdint>
#include <string>
#include <vector>

#include "app/helper/auditrecord.h"
#include "app/helper/auditsink.h"
#include "app/helper/fakeclockops.h"
#include "app/helper/helperconfig.h"
#include "app/helper/helperservice.h"
#include "app/helper/ratelimiter.h"
#include "core/protocol/codec.h"
#include "core/protocol/protocol.h"

namespace chronoscope::testing {

inline constexpr std::int64_t S = 1'000'000'000; // ns per second
inline constexpr std::int64_t START_REALTIME = 1'893'456'000 * S; // 2030-01-01T00:00:00Z
inline constexpr std::int64_t START_MONO = 1000 * S;

class CapturingSink final : public helper::AuditSink
{
public:
    void write(const helper::AuditRecord &record) override
    {
        records.push_back(record);
        lines.push_back(helper::formatAuditLine(record));
    }
    std::vector<helper::AuditRecord> records;
    std::vector<std::string> lines;
};

struct HelperRig
{
    explicit HelperRig(protocol::Verb verb = protocol::Verb::Step,
                       helper::CallerIdentity caller = helper::CallerIdentity{1000, 4242, {}})
        : clock(helper::FakeClockOps::simulated(START_REALTIME, START_MONO))
        , config(helper::defaultHelperConfig())
        , limiter(config.minChangeIntervalNs, config.rateWindowNs, config.maxChangesPerWindow)
        , service(verb, clock, config, limiter, audit, caller)
    {
    }
    protocol::Response send(const protocol::Request &request)
    {
        return service.handle(protocol::encodeRequest(request));
    }
    // A change request measured ageNs ago (monotonic), error bound 2 ms, max age 5 s.
    protocol::Request change(protocol::Op op, std::int64_t offsetNs, std::uint32_t flags = 0, std::int64_t ageNs = S / 10)
    {
        protocol::Request r;
        r.op = op;
        r.requestId = ++nextId;
        r.offsetNs = offsetNs;
        r.errorBoundNs = 2'000'000;
        r.measuredMonoNs = std::uint64_t(clock.monotonicNs() - ageNs);
        r.maxAgeMs = 5000;
        r.flags = flags;
        return r;
    }
    helper::FakeClockOps clock;
    helper::HelperConfig config;
    helper::RateLimiter limiter;
    CapturingSink audit;
    helper::HelperService service;
    std::uint64_t nextId = 0;
};

} // namespace chronoscope::testing

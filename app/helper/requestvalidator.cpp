// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/requestvalidator.h"

#include <algorithm>

namespace chronoscope::helper {

using protocol::Op;
using protocol::Status;

Validation validateChange(const protocol::Request &request, const HelperConfig &config,
                          const ValidationContext &context)
{
    Validation v;
    if (request.op != Op::Step && request.op != Op::Slew) {
        v.status = Status::NotPermitted;
        return v;
    }

    // A measurement from the future is as untrustworthy as an old one: both mean the client's
    // and the helper's CLOCK_MONOTONIC do not match (or the request is forged).
    const std::int64_t measured = std::int64_t(std::min<std::uint64_t>(request.measuredMonoNs, INT64_MAX));
    v.ageNs = context.nowMonotonicNs - measured;
    const std::int64_t maxAgeNs = std::int64_t(std::min(request.maxAgeMs, config.maxAgeMs)) * 1'000'000;
    if (v.ageNs < 0 || v.ageNs > maxAgeNs) {
        v.status = Status::Stale;
        return v;
    }

    const std::int64_t offset = request.offsetNs; // decoder guarantees offset != INT64_MIN
    const std::int64_t magnitude = offset < 0 ? -offset : offset;
    if (request.op == Op::Slew) {
        if (magnitude == 0 || magnitude > config.maxSlewNs) {
            v.status = Status::OutOfRange;
            return v;
        }
    } else {
        if (magnitude < config.minStepNs || magnitude > config.maxStepNs) {
            v.status = Status::OutOfRange;
            return v;
        }
        if (magnitude > config.confirmBoundNs && !(request.flags & protocol::FLAG_CONFIRMED)) {
            v.status = Status::NeedsConfirmation;
            return v;
        }
        if (magnitude > config.veryLargeBoundNs
            && (request.flags & (protocol::FLAG_CONFIRMED | protocol::FLAG_CONFIRMED_TWICE))
                != (protocol::FLAG_CONFIRMED | protocol::FLAG_CONFIRMED_TWICE)) {
            v.status = Status::NeedsSecondConfirmation;
            return v;
        }
    }

    // No overflow: |offset| ≤ 10 years and the clock is a few centuries from the int64 limits.
    const std::int64_t resultNs = context.nowRealtimeNs + offset;
    const std::int64_t ns = 1'000'000'000;
    if (resultNs < config.earliestDateUnixS * ns || resultNs > config.latestDateUnixS * ns) {
        v.status = Status::DateOutOfRange;
        return v;
    }
    return v;
}

} // namespace chronoscope::helper

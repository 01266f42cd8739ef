// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/correction/correctionpolicy.h"

#include <algorithm>
#include <cmath>

#include "core/protocol/limits.h"

namespace chronoscope::correction {
namespace {

constexpr double toSeconds(std::int64_t ns)
{
    return double(ns) / double(protocol::limits::NS_PER_SECOND);
}

} // namespace

CorrectionLimits CorrectionLimits::defaults()
{
    namespace l = protocol::limits;
    CorrectionLimits limits;
    limits.maxSlew = toSeconds(l::MAX_SLEW_NS);
    limits.minStep = toSeconds(l::MIN_STEP_NS);
    limits.confirmBound = toSeconds(l::DEFAULT_CONFIRM_BOUND_NS);
    limits.veryLargeStep = toSeconds(l::VERY_LARGE_STEP_NS);
    limits.maxStep = toSeconds(l::MAX_STEP_NS);
    return limits;
}

CorrectionLimits CorrectionLimits::fromHelper(const protocol::HelperInfo &info)
{
    CorrectionLimits limits = defaults();
    if (info.confirmBoundNs > 0)
        limits.confirmBound = toSeconds(info.confirmBoundNs);
    if (info.veryLargeBoundNs > 0)
        limits.veryLargeStep = toSeconds(info.veryLargeBoundNs);
    return limits;
}

std::uint32_t CorrectionProposal::requestFlags() const
{
    if (kind != CorrectionKind::Step)
        return 0;
    std::uint32_t flags = 0;
    if (confirmationsNeeded >= 1)
        flags |= protocol::FLAG_CONFIRMED;
    if (confirmationsNeeded >= 2)
        flags |= protocol::FLAG_CONFIRMED_TWICE;
    return flags;
}

ServerMajority majorityOf(const QList<engine::ServerStatus> &servers)
{
    ServerMajority majority;
    for (const engine::ServerStatus &server : servers) {
        switch (server.state) {
        case engine::ServerState::SysPeer:
        case engine::ServerState::Candidate:
        case engine::ServerState::Outlier:
            ++majority.agreeing;
            ++majority.answering;
            break;
        case engine::ServerState::Falseticker:
        case engine::ServerState::Jittery:
        case engine::ServerState::Unusable:
            if (server.hasSample())
                ++majority.answering;
            break;
        default:
            break;
        }
    }
    return majority;
}

int confirmationsNeeded(const CorrectionProposal &proposal, const CorrectionLimits &limits)
{
    if (proposal.kind != CorrectionKind::Step)
        return 0;
    return std::abs(proposal.offset) > limits.veryLargeStep ? 2 : 1;
}

CorrectionProposal proposeCorrection(const engine::SystemStatus &system, const ServerMajority &majority,
                                     const CorrectionLimits &limits)
{
    CorrectionProposal p;
    p.majority = majority;
    p.sysPeer = system.sysPeer;
    if (!system.synchronized || !system.offset) {
        p.noCorrection = NoCorrectionReason::NotSynchronised;
        return p;
    }
    p.offset = *system.offset;
    const double magnitude = std::abs(p.offset);
    // The engine's error bound includes |offset|; what remains is the correction's own uncertainty.
    p.errorBound = system.errorBound ? std::max(0.0, *system.errorBound - magnitude) : 0.0;
    if (magnitude <= p.errorBound) {
        p.noCorrection = NoCorrectionReason::WithinErrorBound;
        return p;
    }
    const double maxStep = limits.maxStep > 0 ? limits.maxStep : CorrectionLimits::defaults().maxStep;
    if (magnitude > maxStep) {
        p.noCorrection = NoCorrectionReason::TooLarge;
        return p;
    }
    p.noCorrection = NoCorrectionReason::None;
    if (magnitude <= limits.maxSlew) {
        p.kind = CorrectionKind::Slew;
        p.confirmationsNeeded = 0;
    } else {
        p.kind = CorrectionKind::Step;
        p.confirmationsNeeded = confirmationsNeeded(p, limits);
    }
    return p;
}

} // namespace chronoscope::correction

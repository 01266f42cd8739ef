// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>

#include "core/engine/serverstatus.h"
#include "core/protocol/protocol.h"

namespace chronoscope::correction {

// The limits the client follows, in seconds. Defaults mirror core/protocol/limits.h; the helper
// may have been built with other bounds: after its HELLO, ClockCorrector checks the confirmed
// proposal against fromHelper() and stops before sending a change the helper would refuse.
struct CorrectionLimits
{
    double maxSlew = 0.5;          // |offset| up to this is slewed
    double minStep = 0.001;
    double confirmBound = 0.5;     // the helper wants FLAG_CONFIRMED above this
    double veryLargeStep = 3600.0; // above this a second confirmation is needed
    double maxStep = 0.0;          // 0: from protocol limits

    static CorrectionLimits defaults();
    static CorrectionLimits fromHelper(const protocol::HelperInfo &info);
};

// How many of the answering servers back the system offset.
struct ServerMajority
{
    int agreeing = 0;   // sys_peer, candidates and outliers (the truechimers)
    int answering = 0;  // servers that gave at least one usable reply
};

enum class CorrectionKind { None, Slew, Step };
enum class NoCorrectionReason { None, NotSynchronised, WithinErrorBound, TooLarge };

// What "Synchronise now" proposes. Small offsets slew (no confirmation beyond the password
// prompt); larger ones step after one confirmation; very large ones need a second one.
struct CorrectionProposal
{
    CorrectionKind kind = CorrectionKind::None;
    NoCorrectionReason noCorrection = NoCorrectionReason::NotSynchronised;
    double offset = 0;           // seconds to add to the clock (positive: forward, ARCHITECTURE §2)
    double errorBound = 0;       // seconds: after the correction the clock is within ± this of
                                 // the servers' time (root dispersion + root delay / 2)
    int confirmationsNeeded = 0; // 0, 1 or 2
    ServerMajority majority;
    QString sysPeer;

    bool isCorrection() const { return kind != CorrectionKind::None; }
    // The request flags the confirmations stand for (protocol::FLAG_*).
    std::uint32_t requestFlags() const;
};

ServerMajority majorityOf(const QList<engine::ServerStatus> &servers);
// How many confirmations `proposal` needs under `limits` (0 for a slew or no correction): a step
// above limits.veryLargeStep needs two, any other step one.
int confirmationsNeeded(const CorrectionProposal &proposal, const CorrectionLimits &limits);
CorrectionProposal proposeCorrection(const engine::SystemStatus &system, const ServerMajority &majority,
                                     const CorrectionLimits &limits = CorrectionLimits::defaults());

} // namespace chronoscope::correction

Q_DECLARE_METATYPE(chronoscope::correction::CorrectionProposal)

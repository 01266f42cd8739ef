// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <optional>

#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

#include "core/auth/keytype.h"
#include "core/engine/requestoutcome.h"
#include "core/engine/ntsstatus.h"
#include "core/engine/servercondition.h"
#include "core/engine/sharedoptional.h"
#include "core/engine/sharedvalue.h"
#include "core/engine/serverstate.h"
#include "core/engine/statusreason.h"
#include "core/ntp/measurement.h"
#include "core/stats/clockfilter.h"
#include "core/stats/driftestimator.h"

namespace chronoscope::engine {

// Snapshot of one association, a value type that crosses threads (engine → UI/CLI) inside an
// EngineSnapshot. All times in seconds; offsets signed as in core/ntp/clockmath.h (positive:
// local clock behind).
// Who writes what (one writer per fact):
//   state, reason, reasonCode  the selection step only (SyncEngine through ServerStateRule)
//   everything else            the server's ServerAssociation (reachability, filter, per-packet
//                              fields, counters); SyncEngine for names still resolving
struct ServerStatus
{
    int id = -1;                       // engine-assigned, stable for the engine's lifetime
    QString name;                      // as configured ("host[:port]") or "address:port" for pools
    QString host;                      // configured host or pool name
    QString address;                   // resolved address, empty until resolved
    quint16 port = 123;
    quint64 revision = 0;              // grows with every change (cheap change detection)
    ServerState state = ServerState::Unusable;
    QString reason;                    // why the state, in words; empty for sys_peer/candidate
    StatusReason reasonCode;           // the same as an id with arguments (the GUI translates it)
    ServerCondition condition = ServerCondition::Waiting; // the association's own view
    QString conditionReason;           // why the condition, in words
    StatusReason conditionReasonCode;  // the same as an id with arguments

    // Latest accepted reply (empty until one arrives).
    std::optional<ntp::Measurement> lastMeasurement;
    // Clock filter output (empty until a sample was accepted).
    std::optional<stats::FilterOutput> filter;
    // The filter's stages, newest first (ClockFilter::stages()). Shared by the copies until the
    // next sample changes them.
    SharedValue<std::array<stats::FilterStage, ntp::NSTAGE>> filterStages;
    std::optional<double> rootDistance; // λ, seconds
    std::optional<stats::DriftEstimate> drift; // frequency fit over the recent samples

    int stratum = -1;                  // -1: unknown
    QString refid;                     // "LOCL", "192.0.2.1", ...
    ntp::LeapIndicator leap = ntp::LeapIndicator::NoWarning;

    quint8 reach = 0;                  // 8-bit reach register, newest poll in bit 0
    int pollLog2 = 0;                  // current poll exponent
    int requestsSent = 0;
    int repliesAccepted = 0;
    int timeouts = 0;
    QMap<QString, int> rejections;     // reject reason id → datagrams rejected (exact, always)
    int datagramsRejected = 0;         // sum of rejections
    // The last request that ended without a sample (empty: none yet). Shared by the copies.
    SharedOptional<RequestOutcome> lastFailure;
    QString lastRejectionId;           // reason id of the last rejected datagram of the last request
    QString lastRejectionDetail;
    double lastRejectionTime = 0;      // Unix seconds (0: never)
    QString lastKiss;                  // "RATE", "DENY", "RSTR", ... (empty when none)
    quint32 keyId = 0;                 // symmetric key the requests carry (0: unauthenticated)
    std::optional<auth::KeyType> authType; // its MAC algorithm; empty: no authentication
    int authenticatedReplies = 0;      // replies whose MAC (or NTS authenticator) verified
    // Set for NTS servers (RFC 8915); empty otherwise. Shared by the copies (it is ~300 bytes).
    SharedOptional<NtsStatus> nts;
    double lastReplyTime = 0;          // Unix seconds of the last accepted reply (0: never)
    bool kernelTimestamps = false;     // T4 of replies from the kernel (SO_TIMESTAMPNS)
    bool kernelTransmitTimestamp = false; // T1 of the last accepted exchange from the kernel (SO_TIMESTAMPING)
    bool finished = false;             // request budget used up (check mode) or stopped

    bool hasSample() const { return filter.has_value(); }
};

// System-level result of selection, clustering and combining.
struct SystemStatus
{
    bool synchronized = false;
    std::optional<double> offset;      // seconds, positive: local clock behind
    std::optional<double> jitter;
    std::optional<double> errorBound;  // |offset| + root dispersion + root delay / 2
    std::optional<double> rootDelay;
    std::optional<double> rootDispersion;
    std::optional<double> intersectionLow;  // [l, u] of the intersection algorithm, seconds
    std::optional<double> intersectionHigh;
    QString sysPeer;                   // name of the system peer, empty if none
    int survivors = 0;
    // Frequency of the local clock relative to the survivors, ppm (positive: gains, negative:
    // loses), with its standard error; meaningful only once enough span has been observed.
    std::optional<double> freqPpm;
    std::optional<double> skewPpm;
    bool driftMeaningful = false;
    double time = 0;                   // Unix seconds of the evaluation
    QString summary;                   // why not synchronised, in words (empty when synchronised)
    StatusReason summaryCode;          // the same as an id with arguments (written with summary)
};

} // namespace chronoscope::engine

Q_DECLARE_METATYPE(chronoscope::engine::ServerStatus)
Q_DECLARE_METATYPE(chronoscope::engine::SystemStatus)

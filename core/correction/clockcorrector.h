// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QObject>

#include "core/correction/correctionoutcome.h"
#include "core/correction/correctionpolicy.h"

namespace chronoscope::correction {

class ClockHelper;

// Carries one confirmed proposal through the helper: open it for the right verb (the user may
// be asked for a password), HELLO, then — if the measurement has grown too old while the user
// typed — ask the owner for a fresh one, check that it still matches what was confirmed, and
// send the STEP or SLEW with the measurement's CLOCK_MONOTONIC time. Verifying the result by a
// new measurement afterwards is the owner's job (it owns the engine). Caller's thread.
class ClockCorrector final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClockCorrector)
public:
    explicit ClockCorrector(ClockHelper *helper, QObject *parent = nullptr);
    ~ClockCorrector() override;

    // `measuredMonotonicNs`: monotonicNowNs() when the proposal's offset was measured.
    // `confirmationsGiven`: how many confirmations the user gave (0-2).
    void start(const CorrectionProposal &proposal, std::int64_t measuredMonotonicNs, int confirmationsGiven,
               bool dryRun);
    // Answer to freshMeasurementNeeded().
    void provideFreshMeasurement(const CorrectionProposal &proposal, std::int64_t measuredMonotonicNs);
    // Oldest measurement sent without asking for a fresh one, ms (default: the helper's limit
    // minus a second for the round trip).
    void setMaxMeasurementAgeMs(int ms) { m_maxAgeMs = ms; }
    bool isRunning() const { return m_stage != Stage::Idle; }

    static std::int64_t monotonicNowNs();

signals:
    // The helper runs (any password prompt is over).
    void authorised();
    void freshMeasurementNeeded();
    void finished(const chronoscope::correction::CorrectionOutcome &outcome);

private:
    enum class Stage { Idle, Hello, AwaitingMeasurement, Change };

    void onReplied(const protocol::Response &response);
    void onFailed(HelperError error, const QString &detail);
    void sendChange();
    void finish(CorrectionOutcome outcome);

    ClockHelper *m_helper;
    Stage m_stage = Stage::Idle;
    CorrectionProposal m_proposal;
    std::int64_t m_measuredNs = 0;
    int m_confirmations = 0;
    bool m_dryRun = false;
    int m_maxAgeMs;
    std::uint64_t m_requestId = 0;
};

} // namespace chronoscope::correction

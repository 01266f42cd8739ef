// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/oneshotmeasurement.h"

#include "core/engine/pollpolicy.h"

#include <algorithm>
#include <chrono>

#include <QEventLoop>
#include <QTimer>

#include "core/correction/clockcorrector.h"
#include "app/cli/sessionsetup.h"
#include "core/engine/enginesession.h"

namespace chronoscope::cli {

OneShotMeasurement measureOnce(const CliOptions &options)
{
    OneShotMeasurement result;
    engine::EngineSession session;
    QEventLoop loop;
    QObject::connect(&session, &engine::EngineSession::finished, &loop, [&](const engine::EngineSnapshot &snapshot) {
        result.servers = snapshot.servers;
        result.system = snapshot.system;
        result.monotonicNs = correction::ClockCorrector::monotonicNowNs();
        loop.quit();
    });
    startSession(session, options);

    // Safety net: the longest schedule (public servers: 2 s apart for the first 8 requests, then
    // 64 s; PollPolicy) plus the reply timeout and time for DNS.
    const int burst = std::min(options.samples - 1, engine::PollPolicy::PUBLIC_BURST_REQUESTS - 1);
    const int afterBurst = options.samples - 1 - burst;
    const double budget = burst * std::max(options.interval, engine::PollPolicy::PUBLIC_MIN_BURST_SPACING)
        + afterBurst * std::max(options.interval, 64.0) + options.timeout + 30.0;
    QTimer::singleShot(std::chrono::milliseconds(qint64(budget * 1000)), &loop, [&] {
        result.timedOut = true;
        // Report what is known so far (the latest snapshot) rather than nothing.
        result.servers = session.snapshot().servers;
        result.system = session.snapshot().system;
        loop.quit();
    });
    loop.exec();
    return result;
}

} // namespace chronoscope::cli

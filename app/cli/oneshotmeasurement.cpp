// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/oneshotmeasurement.h"

#include "core/engine/pollpolicy.h"

#include <algorithm>
#include <chrono>

#include <QEventLoop>
#include <QTimer>

#include "core/clock/clockcorrector.h"
#include "core/engine/enginethread.h"
#include "core/engine/syncengine.h"

namespace chronoscope::cli {

OneShotMeasurement measureOnce(const CliOptions &options)
{
    OneShotMeasurement result;
    engine::EngineThread thread;
    engine::SyncEngine *engine = thread.engine();
    QEventLoop loop;
    QObject::connect(engine, &engine::SyncEngine::allFinished, &loop, [&] {
        QMetaObject::invokeMethod(engine, [&] {
            result.servers = engine->servers();
            result.system = engine->system();
        }, Qt::BlockingQueuedConnection);
        result.monotonicNs = clock::ClockCorrector::monotonicNowNs();
        loop.quit();
    });

    const engine::AssociationOptions associationOptions = options.associationOptions();
    stats::SelectionOptions selectionOptions;
    selectionOptions.minSources = options.minSources;
    QMetaObject::invokeMethod(engine, [engine, associationOptions, selectionOptions, specs = options.servers,
                                       keys = options.keyMaterial] {
        engine->setOptions(associationOptions);
        engine->setKeys(keys);
        engine->setSelectionOptions(selectionOptions);
        for (const engine::ServerSpec &spec : specs)
            engine->addServer(spec);
        if (engine->isFinished())
            emit engine->allFinished();
    });

    // Safety net: the longest schedule (public servers: 2 s apart for the first 8 requests, then
    // 64 s; PollPolicy) plus the reply timeout and time for DNS.
    const int burst = std::min(options.samples - 1, engine::PollPolicy::PUBLIC_BURST_REQUESTS - 1);
    const int afterBurst = options.samples - 1 - burst;
    const double budget = burst * std::max(options.interval, engine::PollPolicy::PUBLIC_MIN_BURST_SPACING)
        + afterBurst * std::max(options.interval, 64.0) + options.timeout + 30.0;
    QTimer::singleShot(std::chrono::milliseconds(qint64(budget * 1000)), &loop, [&] {
        result.timedOut = true;
        // Report what is known so far rather than nothing.
        QMetaObject::invokeMethod(engine, [&] {
            result.servers = engine->servers();
            result.system = engine->system();
        }, Qt::BlockingQueuedConnection);
        loop.quit();
    });
    loop.exec();
    return result;
}

} // namespace chronoscope::cli

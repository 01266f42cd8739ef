// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/oneshotmeasurement.h"

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
    QMetaObject::invokeMethod(engine, [engine, associationOptions, selectionOptions, specs = options.servers] {
        engine->setOptions(associationOptions);
        engine->setSelectionOptions(selectionOptions);
        for (const engine::ServerSpec &spec : specs)
            engine->addServer(spec);
        if (engine->isFinished())
            emit engine->allFinished();
    });

    // Safety net, as in `check`: the schedule plus DNS time.
    const double budget = (options.samples - 1) * std::max(options.interval, 2.0) + options.timeout + 30.0;
    QTimer::singleShot(std::chrono::milliseconds(qint64(budget * 1000)), &loop, [&] {
        result.timedOut = true;
        loop.quit();
    });
    loop.exec();
    return result;
}

} // namespace chronoscope::cli

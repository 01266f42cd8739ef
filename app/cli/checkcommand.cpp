// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/checkcommand.h"

#include <cstdio>

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTimer>

#include "app/cli/textreport.h"
#include "core/engine/enginethread.h"
#include "core/engine/localclock.h"
#include "core/engine/syncengine.h"
#include "core/report/statusjson.h"

namespace chronoscope::cli {

int runCheck(const CliOptions &options)
{
    engine::EngineThread thread;
    engine::SyncEngine *engine = thread.engine();
    QList<engine::ServerStatus> servers;
    engine::SystemStatus system;

    QObject context;
    QObject::connect(engine, &engine::SyncEngine::allFinished, &context, [&] {
        // Collect the final snapshot in the engine thread, then leave the event loop.
        QMetaObject::invokeMethod(engine, [&] {
            servers = engine->servers();
            system = engine->system();
        }, Qt::BlockingQueuedConnection);
        QCoreApplication::quit();
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

    // Safety net: a check can never outlast its schedule (plus DNS time) by much.
    const double budget = (options.samples - 1) * std::max(options.interval, 2.0) + options.timeout + 30.0;
    QTimer::singleShot(std::chrono::milliseconds(qint64(budget * 1000)), &context, [] { QCoreApplication::exit(1); });
    QCoreApplication::exec();

    if (options.json) {
        const QByteArray json = QJsonDocument(report::checkReportToJson(servers, system)).toJson(QJsonDocument::Indented);
        std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
    } else {
        const QByteArray text = formatCheckReport(servers, system, engine::LocalClock::nowUnixSeconds()).toUtf8();
        std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
    }
    std::fflush(stdout);
    return system.synchronized ? 0 : 1;
}

} // namespace chronoscope::cli

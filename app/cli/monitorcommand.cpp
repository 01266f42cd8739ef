// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/monitorcommand.h"

#include <csignal>
#include <cstdio>

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTimer>

#include "app/cli/textreport.h"
#include "core/engine/enginethread.h"
#include "core/engine/syncengine.h"
#include "core/report/statusjson.h"

namespace chronoscope::cli {
namespace {

volatile std::sig_atomic_t s_interrupted = 0;

void onInterrupt(int)
{
    s_interrupted = 1;
}

void printLine(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace

int runMonitor(const CliOptions &options)
{
    engine::EngineThread thread;
    engine::SyncEngine *engine = thread.engine();
    engine::SystemStatus lastSystem;
    bool everSynchronized = false;
    QByteArray lastSystemLine;

    QObject context;
    QObject::connect(engine, &engine::SyncEngine::sampleProcessed, &context, [&](const engine::SampleEvent &event) {
        if (options.json)
            printLine(QJsonDocument(report::sampleEventToJson(event)).toJson(QJsonDocument::Compact));
        else
            printLine(formatSampleLine(event).toUtf8());
    });
    QObject::connect(engine, &engine::SyncEngine::systemChanged, &context, [&](const engine::SystemStatus &system) {
        lastSystem = system;
        everSynchronized = everSynchronized || system.synchronized;
        QList<engine::ServerStatus> servers;
        QMetaObject::invokeMethod(engine, [&] { servers = engine->servers(); }, Qt::BlockingQueuedConnection);
        QJsonObject json = report::systemEventToJson(system, servers);
        // Print only when something other than the evaluation time changed.
        QJsonObject comparable = json;
        comparable.remove(QStringLiteral("t"));
        const QByteArray key = QJsonDocument(comparable).toJson(QJsonDocument::Compact);
        if (key == lastSystemLine)
            return;
        lastSystemLine = key;
        if (options.json)
            printLine(QJsonDocument(json).toJson(QJsonDocument::Compact));
        else
            printLine(formatSystemLine(system).toUtf8());
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
    });

    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    QTimer interruptPoll;
    QObject::connect(&interruptPoll, &QTimer::timeout, &context, [] {
        if (s_interrupted)
            QCoreApplication::quit();
    });
    interruptPoll.start(100);
    if (options.duration > 0)
        QTimer::singleShot(std::chrono::milliseconds(qint64(options.duration * 1000)), Qt::PreciseTimer, &context,
                           [] { QCoreApplication::quit(); });
    QCoreApplication::exec();
    QObject::disconnect(engine, nullptr, &context, nullptr);
    return everSynchronized ? 0 : 1;
}

} // namespace chronoscope::cli

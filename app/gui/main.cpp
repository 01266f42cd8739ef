// SPDX-License-Identifier: GPL-3.0-or-later
// chronoscope: the desktop GUI. Composition root only: builds the engine thread and the main
// window and wires them together (ARCHITECTURE.md §4).
#include <cstdio>

#include <QApplication>

#include "core/engine/enginethread.h"
#include "core/engine/serverspec.h"
#include "core/engine/syncengine.h"
#include "ui/mainwindow.h"

using namespace Qt::StringLiterals;
using namespace chronoscope;

namespace {

// The public pool for a fresh install (users only; tests always pass their own servers).
QList<engine::ServerSpec> defaultServers()
{
    QList<engine::ServerSpec> specs;
    for (int i = 0; i < 4; ++i) {
        engine::ServerSpec spec;
        spec.host = u"%1.pool.ntp.org"_s.arg(i);
        specs.append(spec);
    }
    return specs;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"chronoscope"_s);
    QApplication::setApplicationDisplayName(u"Chronoscope"_s);
    QApplication::setOrganizationName(u"Chronoscope"_s);
    QApplication::setApplicationVersion(QStringLiteral(CHRONOSCOPE_VERSION));

    // Server arguments replace the default list for this run only.
    QList<engine::ServerSpec> servers;
    const QStringList arguments = QApplication::arguments().mid(1);
    for (const QString &argument : arguments) {
        const Result<engine::ServerSpec> spec = engine::parseServerSpec(argument);
        if (!spec) {
            std::fprintf(stderr, "chronoscope: bad server '%s': %s\n", qPrintable(argument), qPrintable(spec.errorMessage()));
            return 2;
        }
        servers.append(*spec);
    }
    if (servers.isEmpty())
        servers = defaultServers();

    engine::EngineThread engineThread;
    engine::SyncEngine *engine = engineThread.engine();
    ui::MainWindow window;
    QObject::connect(engine, &engine::SyncEngine::serverChanged, &window, &ui::MainWindow::updateServer);
    QObject::connect(engine, &engine::SyncEngine::systemChanged, &window, &ui::MainWindow::updateSystem);
    QMetaObject::invokeMethod(engine, [engine, servers] {
        for (const engine::ServerSpec &spec : servers)
            engine->addServer(spec);
    });
    window.show();
    return QApplication::exec();
}

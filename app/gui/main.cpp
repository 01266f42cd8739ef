// SPDX-License-Identifier: GPL-3.0-or-later
// chronoscope: the desktop GUI. Composition root only: builds the engine thread, the settings
// store and the main window and wires them together (ARCHITECTURE.md §4).
#include <cstdio>

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>

#include "core/config/configuredserver.h"
#include "core/config/settingsstore.h"
#include "core/engine/enginethread.h"
#include "core/engine/serverspec.h"
#include "core/engine/syncengine.h"
#include "ui/mainwindow.h"
#include "ui/translations.h"
#include "ui/tray/traycontroller.h"

using namespace Qt::StringLiterals;
using namespace chronoscope;

int main(int argc, char *argv[])
{
    QElapsedTimer startup;
    startup.start();
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"chronoscope"_s);
    QApplication::setApplicationDisplayName(u"Chronoscope"_s);
    QApplication::setOrganizationName(u"Chronoscope"_s);
    QApplication::setApplicationVersion(QStringLiteral(CHRONOSCOPE_VERSION));
    QApplication::setDesktopFileName(u"chronoscope"_s);
    ui::installTranslations(&app);

    // Server arguments replace the saved list for this run only.
    QList<config::ConfiguredServer> sessionServers;
    const QStringList arguments = QApplication::arguments().mid(1);
    for (const QString &argument : arguments) {
        const Result<engine::ServerSpec> spec = engine::parseServerSpec(argument);
        if (!spec) {
            std::fprintf(stderr, "chronoscope: bad server '%s': %s\n", qPrintable(argument), qPrintable(spec.errorMessage()));
            return 2;
        }
        sessionServers.append(config::ConfiguredServer{*spec, spec->keyId});
    }

    config::SettingsStore store(config::SettingsStore::defaultFilePath());
    engine::EngineThread engineThread;
    ui::MainWindow window;
    window.attachEngine(engineThread.engine());
    window.loadSettings(&store, sessionServers);
    // With a tray, closing the window may keep monitoring; Quit ends the app.
    QApplication::setQuitOnLastWindowClosed(!window.tray()->isAvailable());
    window.show();

    // For the start-up benchmark: report once the first complete frame is painted, then quit.
    if (qEnvironmentVariableIsSet("CHRONOSCOPE_STARTUP_PROBE")) {
        QTimer::singleShot(0, &window, [&startup, &window] {
            window.repaint();
            std::printf("chronoscope-startup-ms %lld\n", static_cast<long long>(startup.elapsed()));
            std::fflush(stdout);
            QApplication::quit();
        });
    }
    return QApplication::exec();
}

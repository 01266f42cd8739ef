// SPDX-License-Identifier: GPL-3.0-or-later
// chronoscope: the desktop GUI. Composition root only: builds the engine session, the settings
// store and the main window and wires them together.
#include <cstdio>

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>

#include "core/auth/keystore.h"
#include "core/correction/clockhelperfactory.h"
#include "core/config/configuredserver.h"
#include "core/config/ntstrustfile.h"
#include "core/config/settingsstore.h"
#include "core/engine/enginesession.h"
#include "core/engine/serverspec.h"
#include "core/sysservice/processtimeservicehelper.h"
#include "ui/diagnostics/diagnosticspage.h"
#include "ui/dialogs/ntstrustdialog.h"
#include "ui/keys/keymanagerdialog.h"
#include "ui/mainwindow.h"
#include "ui/serverlistcontroller.h"
#include "ui/sync/synchronisecontroller.h"
#include "ui/sysservice/systemservicepage.h"
#ifdef CHRONOSCOPE_HAVE_TIMESYNCD
#include "core/sysservice/timesyncd/timesyncdreading.h"
#endif
#include "core/texts/translations.h"
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
    texts::installTranslations(&app);

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
    engine::EngineSession session;
    ui::MainWindow window;
    window.attachSession(&session);

    // Authentication keys reach the engine before any server starts (they apply to servers
    // added afterwards). A key store that cannot be read is reported, not fatal.
    auth::KeyStore keyStore(auth::KeyStore::defaultPath());
    QString keyProblem;
    if (const std::optional<Error> error = keyStore.load())
        keyProblem = error->message;
    session.setKeys(keyStore.keys());
    // NTS: the system's CA store plus the user's own CAs (Tools → NTS Certificate Authorities).
    const config::NtsTrustFile ntsTrustFile;
    const auto applyNtsTrust = [&session](const QStringList &caPaths) {
        engine::AssociationOptions options;
        options.ntsTrust.caPaths = caPaths;
        session.setOptions(options);
    };
    const Result<QStringList> ntsCas = ntsTrustFile.load();
    applyNtsTrust(ntsCas ? *ntsCas : QStringList{});
    window.loadSettings(&store, sessionServers);
    session.start();

    // Tools → Authentication Keys…: after a change, the servers whose key changed start afresh.
    auto *keysAction = new QAction(QObject::tr("Authentication &Keys…"), &window);
    keysAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    QObject::connect(keysAction, &QAction::triggered, &window, [&window, &keyStore, &session] {
        ui::KeyManagerDialog dialog(&keyStore, &window);
        QObject::connect(&dialog, &ui::KeyManagerDialog::keysChanged, &window,
                         [&keyStore, &session] { session.setKeys(keyStore.keys()); });
        dialog.exec();
    });
    window.addToolAction(keysAction);

    // Tools → NTS Certificate Authorities…: after a change, NTS servers negotiate afresh.
    auto *ntsAction = new QAction(QObject::tr("NTS &Certificate Authorities…"), &window);
    QObject::connect(ntsAction, &QAction::triggered, &window, [&window, &ntsTrustFile, applyNtsTrust] {
        const Result<QStringList> current = ntsTrustFile.load();
        ui::NtsTrustDialog dialog(current ? *current : QStringList{}, &window);
        if (dialog.exec() != QDialog::Accepted)
            return;
        if (const std::optional<Error> error = ntsTrustFile.save(dialog.paths()))
            std::fprintf(stderr, "chronoscope: %s\n", qPrintable(error->message));
        applyNtsTrust(dialog.paths());
        window.serverList()->restartNtsServers();
    });
    window.addToolAction(ntsAction);

    // Tools → Synchronise Now…: the privileged helper (pkexec on Linux, the helper service's pipe
    // or socket on Windows and macOS).
    auto *clockHelper = correction::createClockHelper(&window).release(); // owned by the window
    auto *synchronise = new ui::SynchroniseController(&session, clockHelper, &window);
    auto *syncAction = new QAction(QObject::tr("&Synchronise Now…"), &window);
    syncAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    QObject::connect(syncAction, &QAction::triggered, synchronise, &ui::SynchroniseController::openDialog);
    window.addToolAction(syncAction);

    // The Diagnostics page tests the configured servers on demand.
    auto *diagnostics = new ui::DiagnosticsPage;
    diagnostics->setServerSource([list = window.serverList()] {
        QList<engine::ServerSpec> specs;
        for (const config::ConfiguredServer &server : list->servers())
            specs.append(server.spec);
        return specs;
    });
    window.addPage(diagnostics, ui::DiagnosticsPage::title());

    // The System Time Service page: chronyd, ntpd or timesyncd beside our own measurement.
    auto *systemService = new ui::SystemServicePage;
    systemService->attachSession(&session);
    sysservice::SystemServiceReaderOptions systemServiceOptions;
#ifdef CHRONOSCOPE_HAVE_TIMESYNCD
    systemServiceOptions.readTimesyncd = &sysservice::readTimesyncdOnSystemBus;
#endif
    systemService->setReaderOptions(systemServiceOptions);
    // Apply/Revert Chronoscope's servers to the daemon through the helper (HELPER.md §4.5).
    systemService->setServerSource([list = window.serverList()] { return list->servers(); });
    systemService->setTimeServiceHelper(new sysservice::ProcessTimeServiceHelper(&window));
    QObject::connect(window.serverList(), &ui::ServerListController::listEdited, systemService,
                     &ui::SystemServicePage::updateConfigureActions);
    window.addPage(systemService, ui::SystemServicePage::title());
    if (!keyProblem.isEmpty())
        std::fprintf(stderr, "chronoscope: authentication keys not loaded: %s\n", qPrintable(keyProblem));
    if (!ntsCas)
        std::fprintf(stderr, "chronoscope: NTS certificate authorities not loaded: %s\n", qPrintable(ntsCas.errorMessage()));
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

// SPDX-License-Identifier: GPL-3.0-or-later
// Renders the README screenshots: the main window watching three true and one false local
// chronyd (the false one runs 2.5 s ahead under libfaketime), on every tab, plus the server
// dialog and the dark theme. Run by packaging/scripts/screenshots.sh under Xvfb:
//   chronoscope_screenshots OUTPUT_DIR [SECONDS]
#include <cstdio>
#include <memory>
#include <vector>

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QPixmap>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>

#include "core/config/configuredserver.h"
#include "core/engine/enginesession.h"
#include "core/engine/syncengine.h"
#include "tests/interop/chronydinstance.h"
#include "ui/charts/chartspanel.h"
#include "ui/dialogs/serverdialog.h"
#include "ui/mainwindow.h"
#include "ui/models/servertablemodel.h"
#include "ui/serverlistcontroller.h"

using namespace Qt::StringLiterals;
using namespace chronoscope;

namespace {

bool save(QWidget *widget, const QString &path)
{
    const bool ok = widget->grab().save(path, "PNG");
    std::printf("%s %s\n", ok ? "wrote" : "FAILED", qPrintable(path));
    return ok;
}

void runFor(int milliseconds)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < milliseconds)
        QApplication::processEvents(QEventLoop::AllEvents, 50);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"chronoscope-screenshots"_s);
    QStandardPaths::setTestModeEnabled(true);
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s OUTPUT_DIR [SECONDS]\n", argv[0]);
        return 2;
    }
    const QString out = QString::fromLocal8Bit(argv[1]);
    const int seconds = argc > 2 ? std::atoi(argv[2]) : 150;
    QDir().mkpath(out);

    // Three true servers and one running 2.5 s ahead, each on its own loopback address.
    std::vector<std::unique_ptr<testing::ChronydInstance>> servers;
    for (int i = 0; i < 4; ++i) {
        auto chronyd = std::make_unique<testing::ChronydInstance>(QHostAddress(u"127.0.0.%1"_s.arg(11 + i)));
        if (i == 3)
            chronyd->setFakeTime(u"+2.5s"_s);
        if (!chronyd->start()) {
            std::fprintf(stderr, "chronyd: %s\n", qPrintable(chronyd->errorString()));
            return 1;
        }
        servers.push_back(std::move(chronyd));
    }

    engine::EngineSession session;
    engine::AssociationOptions options;
    options.driftMinSpan = 20.0; // show a frequency estimate within the short run
    session.setOptions(options);

    ui::MainWindow window;
    window.attachSession(&session);
    QList<config::ConfiguredServer> list;
    for (const auto &chronyd : servers) {
        config::ConfiguredServer server;
        server.spec = chronyd->serverSpec();
        server.spec.iburst = true;
        server.spec.minPollLog2 = 0; // 1 s: a local server may be polled that fast
        server.spec.maxPollLog2 = 0;
        list.append(server);
    }
    window.loadSettings(nullptr, list);
    session.start();
    window.charts()->setRange(300);
    window.resize(1280, 860);
    window.show();

    std::printf("measuring for %d s...\n", seconds);
    runFor(seconds * 1000);

    bool ok = true;
    window.tabs()->setCurrentIndex(ui::MainWindow::ChartsPage);
    runFor(1500);
    ok &= save(&window, out + u"/main-window.png"_s);
    // The charts with the falseticker switched off in the legend: the true servers' microseconds.
    for (const engine::ServerStatus &s : window.serverModel()->servers())
        if (s.state == engine::ServerState::Falseticker)
            window.charts()->setServerHidden(s.id, true);
    ok &= save(window.charts(), out + u"/charts.png"_s);
    for (const engine::ServerStatus &s : window.serverModel()->servers())
        window.charts()->setServerHidden(s.id, false);
    window.tabs()->setCurrentIndex(ui::MainWindow::SelectionPage);
    runFor(500);
    ok &= save(&window, out + u"/selection.png"_s);
    window.tabs()->setCurrentIndex(ui::MainWindow::DriftPage);
    runFor(1200);
    ok &= save(&window, out + u"/drift.png"_s);
    // Details of the falseticker (the last row when sorted by offset).
    window.serverTable()->sortByColumn(ui::ServerTableModel::Offset, Qt::AscendingOrder);
    window.serverTable()->selectRow(window.serverModel()->rowCount() - 1);
    window.tabs()->setCurrentIndex(ui::MainWindow::DetailsPage);
    runFor(500);
    ok &= save(&window, out + u"/details.png"_s);
    window.tabs()->setCurrentIndex(ui::MainWindow::EventLogPage);
    runFor(500);
    ok &= save(&window, out + u"/event-log.png"_s);

    ui::ServerDialog dialog(window.serverList()->servers(), -1, &window);
    config::ConfiguredServer example;
    example.spec.host = u"ntp.example.org"_s;
    dialog.setServer(example);
    dialog.show();
    runFor(300);
    ok &= save(&dialog, out + u"/add-server.png"_s);
    dialog.close();

    config::AppSettings dark = window.appSettings();
    dark.theme = 2;
    window.setAppSettings(dark);
    window.serverTable()->sortByColumn(ui::ServerTableModel::Name, Qt::AscendingOrder);
    window.tabs()->setCurrentIndex(ui::MainWindow::ChartsPage);
    runFor(1500);
    ok &= save(&window, out + u"/main-window-dark.png"_s);
    return ok ? 0 : 1;
}

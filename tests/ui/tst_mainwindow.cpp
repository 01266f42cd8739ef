// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow offscreen, without network: a damaged settings file, chrony.conf import and
// export, measurement export, the extension hooks, keyboard access, themes and translations.
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTimer>
#include <QUdpSocket>
#include <QMenu>
#include <QStandardPaths>
#include <QTabWidget>
#include <QHeaderView>
#include <QSplitter>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include "core/config/serverlistformat.h"
#include "core/engine/enginesession.h"
#include "core/engine/syncengine.h"
#include "core/config/settingsstore.h"
#include "core/eventlog/eventlog.h"
#include "ui/charts/chartspanel.h"
#include "ui/mainwindow.h"
#include "ui/measurementexport.h"
#include "ui/models/servertablemodel.h"
#include "ui/serverlistcontroller.h"
#include "ui/eventlogpane.h"
#include "core/texts/translations.h"
#include "ui/tray/traycontroller.h"

using namespace Qt::StringLiterals;
using namespace chronoscope;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void damagedSettingsAreReportedBackedUpAndRepaired();
    void startsWithAHugeSettingsFileKeepingItsSettings();
    void leavesAnUnreadableSettingsFileAlone();
    void importsChronyConfReportingSkippedLines();
    void exportsServerListAndMeasurements();
    void chartsGainPointsPerAcceptedReply();
    void offersExtensionHooksAndShortcuts();
    void darkThemeChangesThePalette();
    void removesAServerThroughTheTable();
    void notifiesWhenTheOffsetCrossesTheThreshold();
    void writesTheEventLogFileAndExportsIt();
    void germanTranslationIsLoadedByLocale();
    void remembersTheSplitterSizes();

private:
    QTemporaryDir m_dir;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestMainWindow::damagedSettingsAreReportedBackedUpAndRepaired()
{
    const QString path = m_dir.filePath(u"damaged/chronoscope.conf"_s);
    QDir().mkpath(m_dir.filePath(u"damaged"_s));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("[chronoscope]\nversion=1\n[servers]\n\x01\x02\x00\x03", 38));
    file.close();
    config::SettingsStore store(path);
    ui::MainWindow window; // no engine attached: nothing is contacted
    window.loadSettings(&store);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(window.noticeText().contains(u"settings file was damaged"_s), qPrintable(window.noticeText()));
    QVERIFY(window.noticeText().contains(u"chronoscope.conf:4: binary data"_s));
    const QStringList backups = QDir(m_dir.filePath(u"damaged"_s)).entryList({u"chronoscope.conf.corrupt-*"_s});
    QCOMPARE(backups.size(), 1);
    // The app runs with the defaults, and the file on disk is sound again.
    QCOMPARE(window.serverList()->servers().size(), 4);
    QVERIFY(store.load().problem.isEmpty());
    bool logged = false;
    for (const eventlog::EventLogEntry &e : window.eventLog()->entries())
        logged = logged || (e.level == eventlog::EventLevel::Error && e.message.contains(u"damaged"_s));
    QVERIFY(logged);
}

void TestMainWindow::startsWithAHugeSettingsFileKeepingItsSettings()
{
    // Issue 13: a sound file followed by 100 MB of zeros (sparse). Only its first MiB is read.
    const QString dir = m_dir.filePath(u"huge"_s);
    QVERIFY(QDir().mkpath(dir));
    const QString path = dir + u"/chronoscope.conf"_s;
    config::SettingsStore store(path);
    config::ConfiguredServer server;
    server.spec.host = u"127.0.0.1"_s;
    server.spec.port = 11123;
    config::AppSettings app;
    app.chartRangeSeconds = 300;
    QVERIFY(store.save({server}, app));
    {
        QFile file(path);
        QVERIFY(file.resize(100 * 1024 * 1024));
    }
    ui::MainWindow window; // no engine attached: nothing is contacted
    window.loadSettings(&store);
    QVERIFY2(window.noticeText().contains(u"chronoscope.conf: the file is 104857600 bytes long, above the limit of 1048576"_s),
             qPrintable(window.noticeText()));
    QCOMPARE(window.serverList()->servers(), QList<config::ConfiguredServer>{server});
    QCOMPARE(QDir(dir).entryList({u"chronoscope.conf.corrupt-*"_s}).size(), 1);
    // Written afresh right away: small and sound again, nothing lost.
    QVERIFY(QFileInfo(path).size() < 4096);
    const config::LoadedSettings again = store.load();
    QVERIFY2(again.problem.isEmpty(), qPrintable(again.problem));
    QCOMPARE(again.app.chartRangeSeconds, 300);
}

void TestMainWindow::leavesAnUnreadableSettingsFileAlone()
{
    // Issue 13: a directory where the file should be (root reads any mode-000 file; the unit
    // test damagedfiles covers mode 000). The app starts with the defaults, says which file
    // and why, and never replaces it.
    const QString path = m_dir.filePath(u"unreadable/chronoscope.conf"_s);
    QVERIFY(QDir().mkpath(path + u"/inside"_s));
    config::SettingsStore store(path);
    {
        ui::MainWindow window;
        window.loadSettings(&store);
        QVERIFY2(window.noticeText().contains(path), qPrintable(window.noticeText()));
        QVERIFY(window.noticeText().contains(u"cannot be read"_s));
        QCOMPARE(window.serverList()->servers(), config::defaultServers());
        window.close(); // saves the settings, or tries to
    }
    QVERIFY(QFileInfo(path + u"/inside"_s).isDir());
    QVERIFY(QDir(m_dir.filePath(u"unreadable"_s)).entryList({u"*.corrupt-*"_s}).isEmpty());
}

void TestMainWindow::importsChronyConfReportingSkippedLines()
{
    const QString fixture = QFINDTESTDATA("../fixtures/config/chrony.conf");
    QVERIFY(!fixture.isEmpty());
    ui::MainWindow window;
    window.loadSettings(nullptr, {});
    const Result<int> added = window.importServerListFrom(fixture, config::ConfFormat::Chrony);
    QVERIFY2(added.ok(), qPrintable(added.errorMessage()));
    QCOMPARE(*added, 6);
    QCOMPARE(window.serverList()->servers().size(), 6);
    const QString notice = window.noticeText();
    QVERIFY2(notice.contains(u"Imported 6 server(s) from chrony.conf"_s), qPrintable(notice));
    QVERIFY(notice.contains(u"chrony.conf:15: 'makestep' is not a server or pool line"_s));
    QVERIFY(notice.contains(u"chrony.conf:8: option 'copy' is not supported"_s));
    // Importing again adds nothing and says why.
    const Result<int> again = window.importServerListFrom(fixture, config::ConfFormat::Chrony);
    QCOMPARE(*again, 0);
    QVERIFY2(window.noticeText().contains(u"2.debian.pool.ntp.org is already in the list"_s), qPrintable(window.noticeText()));
    QVERIFY(window.noticeText().contains(u"… and 5 more (see the event log)"_s));
    // Replace mode swaps the list.
    const Result<int> replaced = window.importServerListFrom(QFINDTESTDATA("../fixtures/config/ntp.conf"),
                                                              config::ConfFormat::Ntp, true);
    QCOMPARE(*replaced, 3);
    QCOMPARE(window.serverList()->servers().size(), 3);
    const Result<int> missing = window.importServerListFrom(m_dir.filePath(u"none.conf"_s), config::ConfFormat::Chrony);
    QVERIFY(!missing.ok());
    QVERIFY(window.noticeText().contains(u"none.conf"_s));
}

void TestMainWindow::exportsServerListAndMeasurements()
{
    ui::MainWindow window;
    window.loadSettings(nullptr, {});
    QVERIFY(window.importServerListFrom(QFINDTESTDATA("../fixtures/config/chrony.conf"), config::ConfFormat::Chrony).ok());
    const QString out = m_dir.filePath(u"exported-chrony.conf"_s);
    QVERIFY(window.exportServerListTo(out, config::ConfFormat::Chrony).ok());
    const Result<config::ServerListImport> back = config::importServerList(out, config::ConfFormat::Chrony);
    QVERIFY(back.ok());
    QCOMPARE(back->servers, window.serverList()->servers());

    window.charts()->addMeasurement(1, u"a, with comma"_s, 1700000000.25, 0.0012, 0.0004, 0.00001);
    window.charts()->addMeasurement(1, u"a, with comma"_s, 1700000001.25, 0.0013, 0.0005, 0.00002);
    window.charts()->addMeasurement(2, u"b"_s, 1700000001.5, -0.002, 0.0006, 0.00003);
    const QString csvPath = m_dir.filePath(u"m.csv"_s);
    QVERIFY(ui::exportMeasurementsCsv(*window.charts(), csvPath).ok());
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines[0], QByteArray("server,time_unix,time_utc,offset_s,delay_s,jitter_s"));
    QVERIFY2(lines[1].startsWith("\"a, with comma\",1700000000.250000,2023-11-14T22:13:20.250Z,0.00120000"), lines[1].constData());
    const QString jsonPath = m_dir.filePath(u"m.json"_s);
    QVERIFY(ui::exportMeasurementsJson(*window.charts(), jsonPath).ok());
    QFile json(jsonPath);
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(json.readAll()).object();
    QCOMPARE(root.value(u"version"_s).toInt(), 1);
    const QJsonArray servers = root.value(u"servers"_s).toArray();
    QCOMPARE(servers.size(), 2);
    QCOMPARE(servers[1].toObject().value(u"samples"_s).toArray()[0].toObject().value(u"offset"_s).toDouble(), double(-0.002f));
}

void TestMainWindow::chartsGainPointsPerAcceptedReply()
{
    ui::MainWindow window;
    engine::EngineSnapshot snapshot;
    engine::ServerStatus s;
    s.id = 5;
    s.name = u"127.0.0.1:1123"_s;
    s.host = u"127.0.0.1"_s;
    s.port = 1123;
    for (int i = 1; i <= 3; ++i) {
        engine::AcceptedSample sample;
        sample.serverId = 5;
        sample.serverName = s.name;
        sample.time = 1700000000.0 + i;
        sample.offset = 0.001 * i;
        sample.delay = 0.0002;
        sample.jitter = 0.00001 * i;
        window.addSample(sample);
        s.repliesAccepted = i;
        ++s.revision;
        snapshot.servers = {s};
        ++snapshot.sequence;
        window.applySnapshot(snapshot);
        window.applySnapshot(snapshot); // snapshots never add chart points: only samples do
    }
    QCOMPARE(window.charts()->history(5)->size(), 3);
    QCOMPARE(window.serverModel()->rowCount(), 1);
    QCOMPARE(window.serverModel()->serverAt(0)->repliesAccepted, 3);
    // A snapshot without the server removes its row.
    snapshot.servers.clear();
    window.applySnapshot(snapshot);
    QCOMPARE(window.serverModel()->rowCount(), 0);
    window.removeServerRow(5);
    QVERIFY(!window.charts()->history(5));
}

void TestMainWindow::offersExtensionHooksAndShortcuts()
{
    ui::MainWindow window;
    QMenu *tools = window.toolsMenu();
    QVERIFY(tools);
    const QList<QAction *> before = tools->actions();
    QVERIFY(!before.isEmpty());
    auto *sync = new QAction(u"Synchronise now…"_s, &window);
    window.addToolAction(sync);
    QCOMPARE(tools->actions().first(), sync); // above the separator and Preferences
    const int tabs = window.tabs()->count();
    QCOMPARE(window.addPage(new QWidget, u"Diagnostics"_s), tabs);
    // Every server action has a keyboard shortcut; widgets carry accessible names.
    QCOMPARE(window.addServerAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_N));
    QCOMPARE(window.editServerAction()->shortcut(), QKeySequence(Qt::Key_F2));
    QCOMPARE(window.removeServerAction()->shortcut(), QKeySequence(QKeySequence::Delete));
    QVERIFY(!window.editServerAction()->isEnabled()); // nothing selected
    QCOMPARE(window.serverTable()->accessibleName(), u"Servers"_s);
    // Ctrl+3 switches to the drift tab.
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(window.tabs()->currentIndex(), int(ui::MainWindow::DriftPage));
}

void TestMainWindow::darkThemeChangesThePalette()
{
    ui::MainWindow window;
    config::AppSettings settings = window.appSettings();
    settings.theme = 2;
    window.setAppSettings(settings);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 100);
    settings.theme = 1;
    window.setAppSettings(settings);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 150);
    settings.theme = 0;
    window.setAppSettings(settings);
}

void TestMainWindow::germanTranslationIsLoadedByLocale()
{
    QVERIFY(texts::availableLanguages().contains(u"de"_s));
    QVERIFY(texts::availableLanguages().contains(u"fr"_s));
    QTranslator german;
    QVERIFY(german.load(QLocale(QLocale::German, QLocale::Germany), u"chronoscope"_s, u"_"_s, u":/i18n"_s));
    QCoreApplication::installTranslator(&german);
    {
        ui::MainWindow window;
        QCOMPARE(window.windowTitle(), u"Chronoscope"_s);
        QCOMPARE(window.tabs()->tabText(ui::MainWindow::EventLogPage), u"Ereignis&protokoll"_s);
        QCOMPARE(window.serverModel()->headerData(ui::ServerTableModel::Offset, Qt::Horizontal).toString(), u"Abweichung"_s);
    }
    QCoreApplication::removeTranslator(&german);
    QTranslator french;
    QVERIFY(french.load(QLocale(QLocale::French, QLocale::France), u"chronoscope"_s, u"_"_s, u":/i18n"_s));
    QCoreApplication::installTranslator(&french);
    {
        ui::MainWindow window;
        QCOMPARE(window.serverModel()->headerData(ui::ServerTableModel::Offset, Qt::Horizontal).toString(), u"Décalage"_s);
    }
    QCoreApplication::removeTranslator(&french);
}

void TestMainWindow::removesAServerThroughTheTable()
{
    // Two loopback ports where nothing listens: the engine reports them, nothing else is contacted.
    QUdpSocket probeA;
    QUdpSocket probeB;
    QVERIFY(probeA.bind(QHostAddress::LocalHost, 0));
    QVERIFY(probeB.bind(QHostAddress::LocalHost, 0));
    QList<config::ConfiguredServer> servers(2);
    servers[0].spec.host = u"127.0.0.1"_s;
    servers[0].spec.port = probeA.localPort();
    servers[1].spec.host = u"127.0.0.1"_s;
    servers[1].spec.port = probeB.localPort();
    servers[1].keyId = 9; // no key 9 is loaded: the engine reports it, the Auth column says so
    probeA.close();
    probeB.close();
    engine::EngineSession session;
    ui::MainWindow window;
    window.attachSession(&session);
    window.loadSettings(nullptr, servers);
    session.start();
    window.show();
    QTRY_COMPARE(window.serverModel()->rowCount(), 2);
    const int keyed = window.serverModel()->servers().at(0).keyId == 9 ? 0 : 1;
    QCOMPARE(window.serverModel()->servers().at(keyed).keyId, 9u);
    QCOMPARE(window.serverModel()->index(keyed, ui::ServerTableModel::Auth).data().toString(), u"key 9 not loaded"_s);
    window.serverTable()->setFocus();
    window.serverTable()->selectRow(0);
    const QString doomed = window.serverTable()->currentIndex().siblingAtColumn(ui::ServerTableModel::Name).data().toString();
    QVERIFY(window.removeServerAction()->isEnabled());
    bool asked = false;
    QTimer::singleShot(0, this, [&asked] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        asked = box->text().startsWith(u"Remove "_s);
        QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    });
    QTest::keyClick(window.serverTable(), Qt::Key_Delete);
    QVERIFY(asked);
    QTRY_COMPARE(window.serverModel()->rowCount(), 1);
    QCOMPARE(window.serverList()->servers().size(), 1);
    QVERIFY(window.serverModel()->serverAt(0)->name != doomed);
}

void TestMainWindow::notifiesWhenTheOffsetCrossesTheThreshold()
{
    ui::MainWindow window;
    config::AppSettings settings = window.appSettings();
    settings.offsetThreshold = 0.05;
    window.setAppSettings(settings);
    QSignalSpy notified(window.tray(), &ui::TrayController::notified);
    engine::ServerStatus s;
    s.id = 1;
    s.name = u"a"_s;
    s.reach = 0xff;
    stats::FilterOutput f;
    f.validStages = 8;
    s.filter = f;
    engine::EngineSnapshot snapshot;
    snapshot.servers = {s};
    engine::SystemStatus &system = snapshot.system;
    system.synchronized = true;
    system.offset = 0.02;
    system.errorBound = 0.001;
    system.time = 1700000000;
    window.applySnapshot(snapshot);
    QCOMPARE(notified.size(), 0);
    system.offset = 0.2;
    system.time += 1;
    window.applySnapshot(snapshot);
    QCOMPARE(notified.size(), 1);
    QCOMPARE(notified.first().first().value<ui::Notification>().title, u"Your clock is off by 200 ms"_s);
    QCOMPARE(window.tray()->severity(), report::Severity::Warning);
    QVERIFY(window.tray()->toolTip().contains(u"200 ms behind"_s));
}

void TestMainWindow::writesTheEventLogFileAndExportsIt()
{
    ui::MainWindow window;
    config::AppSettings settings = window.appSettings();
    settings.logFileEnabled = true;
    settings.logFilePath = m_dir.filePath(u"log/events.log"_s);
    settings.recordedEvents = eventlog::kindBit(eventlog::EventKind::Configuration);
    window.setAppSettings(settings);
    QVERIFY2(window.noticeText().isEmpty(), qPrintable(window.noticeText()));
    window.importServerListFrom(QFINDTESTDATA("../fixtures/config/ntp.conf"), config::ConfFormat::Ntp);
    QFile file(settings.logFilePath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QVERIFY2(content.contains(" warning configuration ntp.conf:2: 'driftfile' is not a server or pool line"), content.constData());
    QVERIFY(content.contains(" info configuration imported 3 server(s) from"));
    // Export writes what the (filtered) table shows.
    const QString exported = m_dir.filePath(u"exported.log"_s);
    QVERIFY(window.eventLogPane()->exportTo(exported).ok());
    QFile out(exported);
    QVERIFY(out.open(QIODevice::ReadOnly));
    QVERIFY(out.readAll().contains("imported 3 server(s)"));
}

void TestMainWindow::remembersTheSplitterSizes()
{
    const QString path = m_dir.filePath(u"splitter/chronoscope.conf"_s);
    QDir().mkpath(m_dir.filePath(u"splitter"_s));
    config::SettingsStore store(path);
    int tableHeight = 0;
    {
        ui::MainWindow window;
        window.loadSettings(&store);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *split = window.findChild<QSplitter *>(u"mainSplitter"_s);
        QVERIFY(split);
        // By default the four default servers and a few more fit without a scrollbar.
        auto *table = qobject_cast<QTableView *>(split->widget(0));
        QVERIFY(table);
        QVERIFY2(table->viewport()->height() >= 6 * table->verticalHeader()->defaultSectionSize(),
                 qPrintable(u"table viewport %1 px"_s.arg(table->viewport()->height())));
        const QList<int> sizes = split->sizes();
        tableHeight = sizes.at(0) + 60;
        split->setSizes({tableHeight, sizes.at(0) + sizes.at(1) - tableHeight});
        tableHeight = split->sizes().at(0);
        window.close();
    }
    ui::MainWindow window;
    window.loadSettings(&store);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.findChild<QSplitter *>(u"mainSplitter"_s)->sizes().at(0), tableHeight);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

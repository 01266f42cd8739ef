// SPDX-License-Identifier: GPL-3.0-or-later
// The main window end to end against a real chronyd on loopback (its clock shifted by +2.5 s
// with libfaketime): add the server through the dialog with real key and mouse input, see the
// row appear, and check that the charts plot exactly the offsets the engine measured.
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include "core/engine/enginesession.h"
#include "core/engine/syncengine.h"
#include "core/eventlog/eventlog.h"
#include "tests/interop/chronydinstance.h"
#include "ui/charts/chartspanel.h"
#include "ui/dialogs/serverdialog.h"
#include "ui/mainwindow.h"
#include "ui/models/filterstagemodel.h"
#include "ui/models/servertablemodel.h"
#include "ui/serverdetailpane.h"
#include "ui/serverlistcontroller.h"

using namespace Qt::StringLiterals;
using namespace chronoscope;
using Metric = ui::SampleHistory::Metric;

class TestMainWindowChronyd : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void addsServerThroughDialogAndChartsItsSamples();
};

void TestMainWindowChronyd::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // Never QSKIP: CI installs chrony and faketime, so a missing one is a failure.
    QVERIFY2(!testing::ChronydInstance::findChronyd().isEmpty(), "chronyd not found: install chrony");
    QVERIFY2(!testing::ChronydInstance::findLibFaketime().isEmpty(), "libfaketime not found: install faketime");
}

void TestMainWindowChronyd::addsServerThroughDialogAndChartsItsSamples()
{
    testing::ChronydInstance chronyd;
    // Large enough that chronyd does not mix in its (unshifted) kernel receive timestamps, which
    // it does for small shifts and which would halve the measured offset.
    chronyd.setFakeTime(u"+2.5s"_s);
    QVERIFY2(chronyd.start(), qPrintable(chronyd.errorString()));

    engine::EngineSession session;
    QList<double> measured; // offsets of accepted replies, in the order the engine made them
    connect(&session, &engine::EngineSession::sampleAccepted, this,
            [&measured](const engine::AcceptedSample &sample) { measured.append(sample.offset); });
    ui::MainWindow window;
    window.attachSession(&session);
    window.loadSettings(nullptr, {});
    session.start();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.serverModel()->rowCount(), 0);

    // The dialog is modal: drive it from inside its own event loop.
    bool dialogSeen = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<ui::ServerDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialogSeen = true;
        auto *host = dialog->findChild<QLineEdit *>(u"host"_s);
        QTest::keyClicks(host, chronyd.address().toString());
        auto *port = dialog->findChild<QSpinBox *>(u"port"_s);
        port->selectAll();
        QTest::keyClicks(port, QString::number(chronyd.port()));
        // Poll every 1/4 s (local servers may go that low) without the initial burst.
        auto *minPoll = dialog->findChild<QSpinBox *>(u"minPoll"_s);
        minPoll->setFocus();
        for (int step = 0; step < 8; ++step) // 6 → -2
            QTest::keyClick(minPoll, Qt::Key_Down);
        auto *maxPoll = dialog->findChild<QSpinBox *>(u"maxPoll"_s);
        maxPoll->setFocus();
        for (int step = 0; step < 12; ++step) // 10 → -2
            QTest::keyClick(maxPoll, Qt::Key_Down);
        QTest::mouseClick(dialog->findChild<QCheckBox *>(u"iburst"_s), Qt::LeftButton, {}, QPoint(4, 4));
        QVERIFY2(dialog->isAcceptable(), qPrintable(dialog->problem()));
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>(u"buttons"_s)->button(QDialogButtonBox::Ok), Qt::LeftButton);
    });
    window.addServerAction()->trigger();
    QVERIFY(dialogSeen);
    QCOMPARE(window.serverList()->servers().size(), 1);
    QCOMPARE(window.serverList()->servers().first().spec.minPollLog2, -2);

    // The row appears, then samples arrive and selection makes the server the system peer.
    QTRY_COMPARE_WITH_TIMEOUT(window.serverModel()->rowCount(), 1, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(measured.size() >= 6, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(window.serverModel()->serverAt(0)->state, engine::ServerState::SysPeer, 10000);
    QVERIFY2(window.headlineText().contains(u"ahead"_s) || window.headlineText().contains(u"behind"_s),
             qPrintable(window.headlineText()));

    // Stop polling, let the last queued signals arrive, then compare chart and engine.
    session.stop();
    QTest::qWait(200);
    const int serverId = window.serverModel()->serverAt(0)->id;
    window.charts()->refreshNow();
    const QList<QPointF> points = window.charts()->seriesPoints(Metric::Offset, serverId);
    QCOMPARE(points.size(), measured.size());
    const double scale = window.charts()->unit(Metric::Offset).factor;
    QCOMPARE(window.charts()->unit(Metric::Offset).symbol, u"s"_s);
    for (qsizetype i = 0; i < points.size(); ++i) {
        QVERIFY2(qAbs(points[i].y() / scale - measured[i]) < 1e-6,
                 qPrintable(u"point %1: chart %2 s, engine %3 s"_s.arg(i).arg(points[i].y() / scale).arg(measured[i])));
        QVERIFY2(qAbs(measured[i] - 2.5) < 0.005, qPrintable(QString::number(measured[i]))); // chronyd runs 2.5 s ahead
    }
    QCOMPARE(window.charts()->seriesPoints(Metric::Delay, serverId).size(), measured.size());

    // The details of the selected server: eight stages with one chosen, T1–T4, tests passed.
    window.serverTable()->selectRow(0);
    window.tabs()->setCurrentIndex(ui::MainWindow::DetailsPage);
    QCOMPARE(window.detailPane()->shownServerId(), serverId);
    QVERIFY(window.detailPane()->stageModel()->chosenStage() >= 0);
    QVERIFY(window.detailPane()->timestampsText().contains(u"T4 reply received"_s));
    QVERIFY(!window.detailPane()->testsText().contains(u"✘"_s));
    QVERIFY(window.detailPane()->testsText().contains(u"accepted"_s));

    // The event log recorded requests and replies for this server.
    int sent = 0;
    int accepted = 0;
    for (const eventlog::EventLogEntry &e : window.eventLog()->entries()) {
        sent += e.kind == eventlog::EventKind::RequestSent ? 1 : 0;
        accepted += e.kind == eventlog::EventKind::ReplyAccepted ? 1 : 0;
    }
    QVERIFY(sent >= measured.size());
    QCOMPARE(accepted, measured.size());
}

QTEST_MAIN(TestMainWindowChronyd)
#include "tst_mainwindowchronyd.moc"

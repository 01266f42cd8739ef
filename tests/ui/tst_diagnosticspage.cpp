// SPDX-License-Identifier: GPL-3.0-or-later
// The diagnostics page offscreen: it says what the probe sends, finds a socket this test holds,
// concludes "blocked" for silent servers, and probes an in-process fake ntpd that answers
// monlist, all through its buttons.
#include <QCoreApplication>
#include <QFileInfo>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>
#include <QUdpSocket>

#include "tests/fakes/fakecontrolserver.h"
#include "tests/fakes/fakentpserver.h"
#include "ui/diagnostics/diagnosticspage.h"
#include "ui/mainwindow.h"

using namespace Qt::StringLiterals;
using chronoscope::engine::ServerSpec;
using chronoscope::testing::FakeControlServer;
using chronoscope::testing::FakeNtpServer;
using chronoscope::ui::DiagnosticsPage;

class TstDiagnosticsPage : public QObject
{
    Q_OBJECT

private slots:
    void saysWhatTheProbeSends();
    void checkComputerFindsOurSocket();
    void silentServersLookBlocked();
    void probesMonlistAmplifier();
    void rejectsBadProbeTarget();
    void rendersOffscreen();
    void embedsInTheMainWindow();
};

void TstDiagnosticsPage::saysWhatTheProbeSends()
{
    DiagnosticsPage page;
    QVERIFY2(page.probeNoteText().contains(u"exactly one small request of each kind to the address you type"_s),
             qPrintable(page.probeNoteText()));
    QVERIFY(page.probeNoteText().contains(u"no retries, no other addresses"_s));
    QCOMPARE(DiagnosticsPage::title(), u"Dia&gnostics"_s);
    QCOMPARE(page.portSpin()->value(), 123);
}

void TstDiagnosticsPage::checkComputerFindsOurSocket()
{
    QUdpSocket socket;
    QVERIFY2(socket.bind(QHostAddress(QHostAddress::LocalHost), 0), qPrintable(socket.errorString()));
    DiagnosticsPage page;
    QSignalSpy checked(&page, &DiagnosticsPage::computerChecked);
    page.portSpin()->setValue(socket.localPort());
    QTest::mouseClick(page.checkComputerButton(), Qt::LeftButton);
    QCOMPARE(checked.size(), 1);
    const QString own = QFileInfo(QCoreApplication::applicationFilePath()).fileName().left(15);
    const QString holder = u"%1 (pid %2)"_s.arg(own).arg(QCoreApplication::applicationPid());
    QVERIFY2(page.computerText().contains(holder), qPrintable(page.computerText()));
    QVERIFY2(page.computerText().contains(u"Time services:"_s), qPrintable(page.computerText()));
    QVERIFY2(page.computerText().contains(u"Kernel clock:"_s), qPrintable(page.computerText()));
}

void TstDiagnosticsPage::silentServersLookBlocked()
{
    FakeNtpServer a, b;
    QVERIFY(a.isListening() && b.isListening());
    a.dropNextRequests(100);
    b.dropNextRequests(100);
    DiagnosticsPage page;
    page.setServerSource([&a, &b] {
        ServerSpec sa, sb;
        sa.host = sb.host = u"127.0.0.1"_s;
        sa.port = a.port();
        sb.port = b.port();
        return QList<ServerSpec>{sa, sb};
    });
    chronoscope::diagnostics::ReachabilityCheck::Options options;
    options.requests = 2;
    options.interval = 0.25;
    options.timeout = 0.3;
    page.setReachabilityOptions(options);
    QSignalSpy finished(&page, &DiagnosticsPage::reachabilityFinished);
    QTest::mouseClick(page.testServersButton(), Qt::LeftButton);
    QVERIFY(!page.testServersButton()->isEnabled());
    QVERIFY(finished.wait(20000));
    QVERIFY(page.testServersButton()->isEnabled());
    QCOMPARE(page.serverResults()->topLevelItemCount(), 2);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(page.serverResults()->topLevelItem(i)->text(1), u"no reply (timed out)"_s);
        QCOMPARE(page.serverResults()->topLevelItem(i)->text(2), u"2"_s);
    }
    QVERIFY2(page.reachabilityText().contains(u"appears blocked by a firewall or the network"_s),
             qPrintable(page.reachabilityText()));
}

void TstDiagnosticsPage::probesMonlistAmplifier()
{
    FakeControlServer server;
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    server.setPrivateReplies(FakeControlServer::monlistReply(20)); // 1472 bytes for 8
    DiagnosticsPage page;
    page.setProbeWindow(0.5);
    QSignalSpy finished(&page, &DiagnosticsPage::probeFinished);
    page.probeTargetEdit()->setText(u"127.0.0.1:%1"_s.arg(server.port()));
    QTest::mouseClick(page.probeButton(), Qt::LeftButton);
    QVERIFY(!page.probeButton()->isEnabled());
    QVERIFY(finished.wait(10000));
    QVERIFY(page.probeButton()->isEnabled());
    const QString text = page.probeText();
    QVERIFY2(text.startsWith(u"Exposed: answers monlist (mode 7), amplification 184.0×."_s), qPrintable(text));
    QVERIFY2(text.contains(u"Mode 7 MON_GETLIST: 1472 bytes back in 4 datagram(s) for 8 sent"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Upgrade ntpd"_s), qPrintable(text));
    QCOMPARE(server.privateRequests().size(), 1);
    QCOMPARE(server.controlRequests().size(), 1);
    QVERIFY(server.otherRequests().isEmpty());
}

void TstDiagnosticsPage::rejectsBadProbeTarget()
{
    DiagnosticsPage page;
    page.probeTargetEdit()->setText(u"bad host!"_s);
    QVERIFY(!page.startProbe());
    QVERIFY2(page.probeText().contains(u"bad probe target 'bad host!'"_s), qPrintable(page.probeText()));
    QVERIFY(page.probeButton()->isEnabled());
    page.probeTargetEdit()->clear();
    QVERIFY(!page.startProbe());
    QCOMPARE(page.probeText(), u"Type the server to probe first."_s);
}

void TstDiagnosticsPage::rendersOffscreen()
{
    DiagnosticsPage page;
    page.resize(900, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    const QPixmap pixmap = page.grab();
    QVERIFY(!pixmap.isNull());
    QCOMPARE(pixmap.size(), page.size() * pixmap.devicePixelRatio());
    // Shown for the first time, the page has checked this computer by itself.
    QVERIFY2(page.computerText().contains(u"UDP port 123"_s), qPrintable(page.computerText()));
}

void TstDiagnosticsPage::embedsInTheMainWindow()
{
    // How the composition root hooks it in: a tab through MainWindow::addPage.
    QStandardPaths::setTestModeEnabled(true);
    chronoscope::ui::MainWindow window; // no engine attached: nothing is contacted
    auto *page = new DiagnosticsPage;
    const int index = window.addPage(page, DiagnosticsPage::title());
    QCOMPARE(window.tabs()->widget(index), page);
    QCOMPARE(window.tabs()->tabText(index), u"Dia&gnostics"_s);
    QCOMPARE(page->parentWidget() != nullptr, true);
}

QTEST_MAIN(TstDiagnosticsPage)
#include "tst_diagnosticspage.moc"

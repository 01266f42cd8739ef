// SPDX-License-Identifier: GPL-3.0-or-later
// "Apply Chronoscope's servers to <daemon>" and "Revert" on the System Time Service page,
// offscreen and driven like a user would (issue 15 item 3): the disabled states and their
// tooltips, the confirmation with the exact lines, Cancel, the busy state while the helper
// works, the outcome (applied, rolled back, refused, nothing to revert) and the page reading the
// daemon again afterwards. The helper is the in-process FakeTimeServiceHelper; the daemon
// reading comes from the page's injectable timesyncd reader (no chronyd or ntpd is asked: the
// socket does not exist, the command port is closed). Nothing is written anywhere.
#include <QApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <atomic>

#include "tests/fakes/faketimeservicehelper.h"
#include "ui/sysservice/systemservicepage.h"
#include "ui/sysservice/timeservicedialog.h"

using namespace Qt::StringLiterals;
using namespace chronoscope;
namespace ts = chronoscope::protocol::timeservice;
using chronoscope::testing::FakeTimeServiceHelper;
using chronoscope::ui::SystemServicePage;
using chronoscope::ui::TimeServiceDialog;
using Stage = TimeServiceDialog::Stage;

namespace {

config::ConfiguredServer server(const QString &text)
{
    config::ConfiguredServer s;
    s.spec = *engine::parseServerSpec(text);
    s.keyId = s.spec.keyId;
    return s;
}

// A loopback UDP port nobody listens on (the page's chronyd command-port attempt is refused).
quint16 closedPort()
{
    QUdpSocket socket;
    socket.bind(QHostAddress::LocalHost, 0);
    return socket.localPort();
}

struct Harness
{
    QTemporaryDir dir;
    FakeTimeServiceHelper helper;
    QList<config::ConfiguredServer> servers{server(u"ntp1.example"_s), server(u"127.0.0.1:11123,prefer"_s)};
    std::shared_ptr<std::atomic<int>> readings = std::make_shared<std::atomic<int>>(0);
    SystemServicePage page;

    // `daemon`: what the reading finds ("chronyd", "systemd-timesyncd"; empty: nothing).
    explicit Harness(const QString &daemon)
    {
        sysservice::SystemServiceReaderOptions options;
        options.chronydSocket = dir.filePath(u"no-such.sock"_s);
        options.chronydPort = closedPort();
        options.tryNtpd = false;
        options.readTimesyncd = [daemon, count = readings] {
            ++*count;
            sysservice::SystemServiceReading reading;
            reading.daemon = daemon;
            reading.endpoint = u"test"_s;
            if (daemon.isEmpty())
                reading.error = u"not running"_s;
            return reading;
        };
        page.setReaderOptions(options);
        page.setServerSource([this] { return servers; });
        page.setTimeServiceHelper(&helper);
        page.resize(800, 500);
    }

    bool read()
    {
        QSignalSpy done(&page, &SystemServicePage::readingFinished);
        page.refresh();
        return done.wait(10000);
    }

    TimeServiceDialog *clickApply()
    {
        QTest::mouseClick(page.applyServersButton(), Qt::LeftButton);
        return page.timeServiceDialog();
    }
};

} // namespace

class TstTimeServiceDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { qRegisterMetaType<sysservice::TimeServiceOutcome>(); }

    void disabledUntilADaemonAndServersAreKnown()
    {
        SystemServicePage bare;
        QVERIFY(!bare.applyServersButton()->isEnabled());
        QVERIFY(!bare.revertServersButton()->isEnabled());
        QVERIFY(bare.applyServersButton()->toolTip().contains(u"cannot change"_s));

        Harness none{QString()};
        QVERIFY(!none.page.applyServersButton()->isEnabled());
        QVERIFY2(none.page.applyServersButton()->toolTip().contains(u"Read the system's time service first"_s),
                 qPrintable(none.page.applyServersButton()->toolTip()));
        QVERIFY(none.read());
        QVERIFY(!none.page.applyServersButton()->isEnabled());
        QVERIFY(!none.page.revertServersButton()->isEnabled());
        QVERIFY2(none.page.applyServersButton()->toolTip().contains(u"No chronyd, systemd-timesyncd or ntpd"_s),
                 qPrintable(none.page.applyServersButton()->toolTip()));
        QVERIFY(none.page.revertServersButton()->toolTip().contains(u"No chronyd"_s));

        Harness found(u"chronyd"_s);
        QVERIFY(found.read());
        QVERIFY(found.page.applyServersButton()->isEnabled());
        QVERIFY(found.page.revertServersButton()->isEnabled());
        QCOMPARE(found.page.applyServersButton()->text(), u"&Apply Chronoscope's Servers to chronyd…"_s);
        QCOMPARE(found.page.revertServersButton()->text(), u"Rev&ert chronyd…"_s);

        // An empty list: nothing to apply, but Revert stays possible.
        found.servers.clear();
        found.page.updateConfigureActions();
        QVERIFY(!found.page.applyServersButton()->isEnabled());
        QVERIFY(found.page.applyServersButton()->toolTip().contains(u"empty"_s));
        QCOMPARE(found.page.applyServersButton()->accessibleDescription(), found.page.applyServersButton()->toolTip());
        QVERIFY(found.page.revertServersButton()->isEnabled());
        QTest::mouseClick(found.page.applyServersButton(), Qt::LeftButton);
        QVERIFY(!found.page.timeServiceDialog());
    }

    void chronydThatCannotBeReadCanStillBeChanged()
    {
        // chronyd's socket closed to this user: the page says so, and the helper (root) can
        // still apply, so the actions stay enabled.
        Harness h(u"chronyd"_s);
        sysservice::SystemServiceReaderOptions options;
        options.chronydSocket = h.dir.filePath(u"no-such.sock"_s);
        options.chronydPort = closedPort();
        options.tryNtpd = false;
        options.readTimesyncd = [] {
            sysservice::SystemServiceReading reading;
            reading.daemon = u"chronyd"_s;
            reading.error = u"permission denied"_s;
            reading.permissionDenied = true;
            return reading;
        };
        h.page.setReaderOptions(options);
        QVERIFY(h.read());
        QVERIFY(!h.page.problemText().isEmpty());
        QVERIFY(h.page.applyServersButton()->isEnabled());
        QCOMPARE(h.page.applyServersButton()->text(), u"&Apply Chronoscope's Servers to chronyd…"_s);
    }

    void confirmsShowsProgressAndRereads()
    {
        Harness h(u"chronyd"_s);
        QVERIFY(h.read());
        h.page.show();
        const int readsBefore = *h.readings;

        // Keyboard: Space on the focused button opens the confirmation.
        h.page.applyServersButton()->setFocus();
        QTest::keyClick(h.page.applyServersButton(), Qt::Key_Space);
        TimeServiceDialog *dialog = h.page.timeServiceDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QCOMPARE(dialog->stage(), Stage::Confirm);
        QVERIFY(dialog->introText().contains(u"/etc/chrony/sources.d/chronoscope.sources"_s));
        QVERIFY(dialog->introText().contains(u"2 server(s)"_s));
        QVERIFY2(dialog->previewText().endsWith(u"overwritten.\nserver ntp1.example iburst\nserver 127.0.0.1 port 11123 iburst prefer\n"_s),
                 qPrintable(dialog->previewText()));
        QVERIFY(dialog->problemText().isEmpty());
        bool safetyShown = false;
        for (QLabel *label : dialog->findChildren<QLabel *>())
            safetyShown |= label->isVisible() && label->text().contains(u"backed up first"_s)
                           && label->text().contains(u"restores the backup by itself"_s);
        QVERIFY(safetyShown);
        QVERIFY(dialog->confirmButton()->isEnabled());
        QCOMPARE(dialog->confirmButton()->text(), u"&Apply to chronyd"_s);
        QVERIFY(dialog->closeButton()->isDefault());   // Enter alone never changes the system
        QVERIFY(h.helper.requests().isEmpty());

        h.helper.hold();
        ts::Response reply;
        reply.reachable = 2;
        reply.sourcesSeen = 2;
        h.helper.setReply(reply);
        QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
        QCOMPARE(dialog->stage(), Stage::Working);
        QVERIFY(dialog->progressBar()->isVisible());
        QVERIFY(!dialog->closeButton()->isEnabled());
        QVERIFY(!dialog->confirmButton()->isVisible());
        QVERIFY2(dialog->statusText().contains(u"watching chronyd"_s), qPrintable(dialog->statusText()));
        QTest::keyClick(dialog, Qt::Key_Escape);   // ignored while the helper works
        QVERIFY(dialog->isVisible());
        QCOMPARE(h.helper.requests().size(), 1);
        const ts::Request &sent = h.helper.requests().constFirst();
        QCOMPARE(sent.op, ts::Op::ApplySources);
        QCOMPARE(sent.daemon, ts::Daemon::Chronyd);
        QCOMPARE(sent.servers.size(), std::size_t(2));
        QCOMPARE(sent.servers[1].host, std::string("127.0.0.1"));
        QCOMPARE(sent.servers[1].port, 11123);

        QSignalSpy reread(&h.page, &SystemServicePage::readingFinished);
        h.helper.release();
        QTRY_COMPARE(dialog->stage(), Stage::Done);
        QVERIFY(!dialog->progressBar()->isVisible());
        QVERIFY2(dialog->statusText().startsWith(u"Applied: chronyd now uses Chronoscope's servers; 2 of them answered."_s),
                 qPrintable(dialog->statusText()));
        QVERIFY(dialog->closeButton()->isEnabled());
        QCOMPARE(dialog->closeButton()->text(), u"Close"_s);
        QVERIFY(reread.wait(10000));   // the page reads the daemon again
        QVERIFY(*h.readings > readsBefore);
        QTest::mouseClick(dialog->closeButton(), Qt::LeftButton);
        QTRY_VERIFY(!h.page.timeServiceDialog());
    }

    void cancelSendsNothing()
    {
        Harness h(u"chronyd"_s);
        QVERIFY(h.read());
        TimeServiceDialog *dialog = h.clickApply();
        QVERIFY(dialog);
        QCOMPARE(dialog->closeButton()->text(), u"Cancel"_s);
        QTest::mouseClick(dialog->closeButton(), Qt::LeftButton);
        QTRY_VERIFY(!h.page.timeServiceDialog());
        QVERIFY(h.helper.requests().isEmpty());
        QVERIFY(h.helper.opens().isEmpty());
    }

    void rollbackIsExplained()
    {
        Harness h(u"chronyd"_s);
        QVERIFY(h.read());
        ts::Response reply;
        reply.status = ts::Status::RolledBack;
        reply.reason = quint16(ts::RollbackReason::NoSources);
        h.helper.setReply(reply);
        TimeServiceDialog *dialog = h.clickApply();
        QVERIFY(dialog);
        QSignalSpy outcome(dialog, &TimeServiceDialog::outcomeReady);
        QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
        QVERIFY(outcome.wait(5000));
        QCOMPARE(outcome.at(0).at(0).value<sysservice::TimeServiceOutcome>().result,
                 sysservice::TimeServiceOutcome::Result::RolledBack);
        QVERIFY2(dialog->statusText().startsWith(u"Rolled back because chronyd had no sources left."_s),
                 qPrintable(dialog->statusText()));
        QVERIFY(dialog->statusText().contains(u"The previous configuration is back"_s));
    }

    void helperProblemsInWords()
    {
        Harness h(u"chronyd"_s);
        QVERIFY(h.read());
        h.helper.setFailure(correction::HelperError::Cancelled, u"the authentication dialog was dismissed"_s);
        TimeServiceDialog *dialog = h.clickApply();
        QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
        QTRY_COMPARE(dialog->stage(), Stage::Done);
        QVERIFY(dialog->statusText().startsWith(u"Cancelled: the authentication dialog was dismissed."_s));
        QTest::mouseClick(dialog->closeButton(), Qt::LeftButton);
        QTRY_VERIFY(!h.page.timeServiceDialog());

        h.helper.setFailure(correction::HelperError::NotInstalled, u"pkexec is not installed"_s);
        dialog = h.clickApply();
        QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
        QTRY_COMPARE(dialog->stage(), Stage::Done);
        QCOMPARE(dialog->statusText(), u"The helper is missing: pkexec is not installed."_s);
    }

    void refusedListCannotBeConfirmed()
    {
        Harness h(u"systemd-timesyncd"_s);
        h.servers = {server(u"ntp1.example"_s), server(u"ntp2.example,key=4"_s)};
        QVERIFY(h.read());
        TimeServiceDialog *dialog = h.clickApply();
        QVERIFY(dialog);
        QVERIFY2(dialog->problemText().contains(u"ntp2.example: systemd-timesyncd takes host names only"_s),
                 qPrintable(dialog->problemText()));
        QVERIFY(!dialog->confirmButton()->isEnabled());
        QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
        QCOMPARE(dialog->stage(), Stage::Confirm);
        QVERIFY(h.helper.requests().isEmpty());
    }

    void revertRestores()
    {
        Harness h(u"systemd-timesyncd"_s);
        QVERIFY(h.read());
        ts::Response nothing;
        nothing.status = ts::Status::NothingToRevert;
        h.helper.setReply(nothing);
        // Keyboard: Alt+E (Rev&ert) opens it.
        h.page.show();
        h.page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&h.page));
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : &h.page, Qt::Key_E, Qt::AltModifier);
        QTRY_VERIFY(h.page.timeServiceDialog());
        TimeServiceDialog *dialog = h.page.timeServiceDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isRevert());
        QVERIFY(dialog->introText().contains(u"/etc/systemd/timesyncd.conf.d/chronoscope.conf"_s));
        QCOMPARE(dialog->confirmButton()->text(), u"&Revert systemd-timesyncd"_s);
        QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
        QTRY_COMPARE(dialog->stage(), Stage::Done);
        QCOMPARE(h.helper.requests().constFirst().op, ts::Op::RevertSources);
        QCOMPARE(h.helper.requests().constFirst().daemon, ts::Daemon::Timesyncd);
        QVERIFY2(dialog->statusText().startsWith(u"Not reverted: there is no earlier configuration"_s),
                 qPrintable(dialog->statusText()));
        QTest::mouseClick(dialog->closeButton(), Qt::LeftButton);
        QTRY_VERIFY(!h.page.timeServiceDialog());

        ts::Response ok;
        h.helper.setReply(ok);
        QTest::mouseClick(h.page.revertServersButton(), Qt::LeftButton);
        dialog = h.page.timeServiceDialog();
        QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
        QTRY_COMPARE(dialog->stage(), Stage::Done);
        QVERIFY(dialog->statusText().startsWith(u"Reverted: systemd-timesyncd's configuration"_s));
    }
};

QTEST_MAIN(TstTimeServiceDialog)
#include "tst_timeservicedialog.moc"

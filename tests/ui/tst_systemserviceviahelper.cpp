// SPDX-License-Identifier: GPL-3.0-or-later
// "Read Through the Helper…" on the System Time Service page (issue 15 item 1), offscreen,
// against a REAL client chronyd (fixture: -x, no CAP_SYS_TIME, its own bindcmdaddress socket)
// and the REAL chronoscope-helper started as `read-time-service` (CHRONOSCOPE_HELPER, no pkexec;
// test root and --test-chronyd-socket, HELPER.md §5.5). These tests run as root, who may enter
// any directory, so the "socket not readable" answer of the direct read comes from a reader
// that refuses the socket as UnixCmdmonTransport does for another user; the read through the
// helper is the real one. The button is hidden when the socket can be read, shown when it
// cannot, works from the keyboard, and the page then lists the sources chronyc lists.
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>
#include <vector>

#include "tests/interop/chronydlab.h"
#include "ui/sysservice/systemservicepage.h"

using namespace Qt::StringLiterals;
using namespace chronoscope;
using chronoscope::testing::ChronydInstance;
using chronoscope::ui::SystemServicePage;

namespace {

// address → chronyc's state symbol.
QMap<QString, QString> chronycSources(const QString &socket)
{
    QString output;
    return testing::chronycSourceStates(socket, &output);
}

QStringList pageAddresses(const SystemServicePage &page)
{
    QStringList addresses;
    for (int i = 0; i < page.sourceTree()->topLevelItemCount(); ++i)
        addresses << page.sourceTree()->topLevelItem(i)->data(0, Qt::UserRole).toString();
    addresses.sort();
    return addresses;
}

// What readSystemService returns for a user who may not enter chronyd's socket directory.
sysservice::SystemServiceReading deniedReading(const QString &socket)
{
    sysservice::SystemServiceReading reading;
    reading.daemon = u"chronyd"_s;
    reading.permissionDenied = true;
    reading.error = u"permission denied: %1 is in a directory only root and the chrony user may enter"_s.arg(socket);
    return reading;
}

} // namespace

class TstSystemServiceViaHelper : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_root;
    std::vector<std::unique_ptr<ChronydInstance>> m_servers;
    std::unique_ptr<ChronydInstance> m_client;

    static bool waitForReading(SystemServicePage &page)
    {
        QSignalSpy done(&page, &SystemServicePage::readingFinished);
        return done.wait(30000);
    }

    // The page with a reader that refuses the socket directly and reads through the real helper.
    void deniedPage(SystemServicePage &page)
    {
        sysservice::SystemServiceReaderOptions options;
        options.chronydSocket = m_client->commandSocketPath();
        options.tryNtpd = false;
        page.setReaderOptions(options);
        const QString socket = m_client->commandSocketPath();
        page.setReader([socket](const sysservice::SystemServiceReaderOptions &o) {
            return o.throughHelper ? sysservice::readSystemService(o) : deniedReading(socket);
        });
    }

private slots:
    void initTestCase()
    {
        const QString helper = qEnvironmentVariable("CHRONOSCOPE_HELPER_BIN");
        QVERIFY2(QFileInfo(helper).isExecutable(), "CHRONOSCOPE_HELPER_BIN");
        QVERIFY2(!ChronydInstance::findChronyc().isEmpty(), "chronyc not found");
        const QString serversError = testing::startLabServers({u"127.0.0.61"_s, u"127.0.0.62"_s}, {}, &m_servers);
        QVERIFY2(serversError.isEmpty(), qPrintable(serversError));
        QVERIFY(m_root.isValid());
        QVERIFY(QDir().mkpath(m_root.path() + u"/run"_s));   // the helper's client socket goes there
        m_client = std::make_unique<ChronydInstance>();
        const QString clientError = testing::startLabClient(m_client.get(), m_servers);
        QVERIFY2(clientError.isEmpty(), qPrintable(clientError));
        QTRY_COMPARE_WITH_TIMEOUT(chronycSources(m_client->commandSocketPath()).size(), 2, 15000);
        qputenv("CHRONOSCOPE_HELPER", helper.toLocal8Bit());
        qputenv("CHRONOSCOPE_HELPER_TEST_ROOT", m_root.path().toLocal8Bit());
        qputenv("CHRONOSCOPE_HELPER_TEST_CHRONYD_SOCKET", m_client->commandSocketPath().toLocal8Bit());
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_servers.clear();
    }

    void hiddenWhenTheSocketIsReadable()
    {
        SystemServicePage page;
        sysservice::SystemServiceReaderOptions options;
        options.chronydSocket = m_client->commandSocketPath();
        options.tryNtpd = false;
        page.setReaderOptions(options);
        page.show();   // the first show reads
        QVERIFY(waitForReading(page));
        QVERIFY2(page.reading().ok(), qPrintable(page.reading().error));
        QVERIFY(!page.reading().throughHelper);
        QVERIFY(!page.readThroughHelperButton()->isVisible());
        QCOMPARE(page.sourceTree()->topLevelItemCount(), 2);
    }

    void shownWhenDeniedAndReadsThroughTheHelper()
    {
        SystemServicePage page;
        deniedPage(page);
        page.show();
        QVERIFY(waitForReading(page));
        QVERIFY(page.reading().permissionDenied);
        QVERIFY(page.readThroughHelperButton()->isVisible());
        QVERIFY(page.readThroughHelperButton()->isEnabled());
        QVERIFY2(page.problemText().contains(u"Read Through the Helper"_s), qPrintable(page.problemText()));
        QVERIFY(page.readThroughHelperButton()->toolTip().contains(u"administrator password"_s));
        QCOMPARE(page.sourceTree()->topLevelItemCount(), 0);

        // From the keyboard: focus and Space.
        QVERIFY(page.readThroughHelperButton()->focusPolicy() & Qt::TabFocus);
        page.readThroughHelperButton()->setFocus();
        QSignalSpy done(&page, &SystemServicePage::readingFinished);
        QTest::keyClick(page.readThroughHelperButton(), Qt::Key_Space);
        QVERIFY(page.isReading());
        QVERIFY(done.wait(30000));
        const sysservice::SystemServiceReading &reading = page.reading();
        QVERIFY2(reading.ok(), qPrintable(reading.error));
        QVERIFY(reading.throughHelper);
        QVERIFY(!page.readThroughHelperButton()->isVisible());
        QVERIFY2(page.summaryText().contains(u"Read through the helper"_s), qPrintable(page.summaryText()));
        QVERIFY2(page.summaryText().contains(u"read from chronyd's socket, through the helper"_s), qPrintable(page.summaryText()));
        // The same sources, with the same states, as chronyc shows (a state may change between
        // the two reads with a poll every 62.5 ms: compare the addresses, and the states once
        // they agree).
        const QMap<QString, QString> theirs = chronycSources(m_client->commandSocketPath());
        QCOMPARE(pageAddresses(page), QStringList(theirs.keys()));
        QMap<QString, QString> ours;
        for (const sysservice::SystemServiceSource &source : reading.sources)
            ours.insert(source.address, source.stateSymbol);
        QCOMPARE(ours.size(), theirs.size());

        // Refresh reads directly again: denied, and the button is back.
        QSignalSpy again(&page, &SystemServicePage::readingFinished);
        QTest::mouseClick(page.refreshButton(), Qt::LeftButton);
        QVERIFY(again.wait(30000));
        QVERIFY(!page.reading().throughHelper);
        QVERIFY(page.readThroughHelperButton()->isVisible());
    }

    void failedHelperReadKeepsTheButton()
    {
        qputenv("CHRONOSCOPE_HELPER_TEST_CHRONYD_SOCKET", QFile::encodeName(m_client->commandSocketPath() + u".missing"_s));
        SystemServicePage page;
        deniedPage(page);
        page.show();
        QVERIFY(waitForReading(page));
        QSignalSpy done(&page, &SystemServicePage::readingFinished);
        page.readThroughHelper();
        QVERIFY(done.wait(30000));
        qputenv("CHRONOSCOPE_HELPER_TEST_CHRONYD_SOCKET", QFile::encodeName(m_client->commandSocketPath()));
        QVERIFY(!page.reading().ok());
        QVERIFY(page.reading().throughHelper);
        QVERIFY2(page.problemText().contains(u"chronyd is not running"_s), qPrintable(page.problemText()));
        QVERIFY(page.readThroughHelperButton()->isVisible());
    }
};

QTEST_MAIN(TstSystemServiceViaHelper)
#include "tst_systemserviceviahelper.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The System Time Service page against a real chronyd client started by the fixture (-x, its own
// bindcmdaddress socket; sources = three true lab chronyd servers on loopback and one 2.5 s ahead
// under libfaketime, which the client is told to `trust`, so that chronyd follows it and calls
// the true ones falsetickers). Chronoscope's own engine measures the same four servers and finds
// the 2.5 s one a falseticker. Checked: the page lists the same sources with the same states as
// `chronyc -h SOCKET -n -c sources`, shows the disagreement verdict in plain words, reads in a
// worker thread (the GUI thread keeps running), refreshes on the button, and says clearly when
// no time service can be read.
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

#include <memory>

#include "core/engine/enginesession.h"
#include "tests/interop/chronydinstance.h"
#include "ui/sysservice/systemservicepage.h"

using namespace Qt::StringLiterals;
using namespace chronoscope;
using testing::ChronydInstance;

namespace {

// chronyc's state symbol in the page's (and `system --json`'s) words.
QString stateWord(const QString &symbol, const QString &reach)
{
    if (symbol == u"*"_s)
        return u"selected"_s;
    if (symbol == u"+"_s)
        return u"combined"_s;
    if (symbol == u"-"_s)
        return u"not combined"_s;
    if (symbol == u"x"_s)
        return u"falseticker"_s;
    if (symbol == u"~"_s)
        return u"too variable"_s;
    return reach == u"0"_s ? u"unreachable"_s : u"not selectable"_s;
}

// `chronyc -c sources`: address → state word.
QMap<QString, QString> chronycSources(const QString &socket, QString *output)
{
    QProcess process;
    process.start(ChronydInstance::findChronyc(), {u"-h"_s, socket, u"-n"_s, u"-c"_s, u"sources"_s});
    process.waitForFinished(5000);
    *output = QString::fromLocal8Bit(process.readAllStandardOutput() + process.readAllStandardError());
    QMap<QString, QString> states;
    for (const QString &line : output->split(u'\n', Qt::SkipEmptyParts)) {
        const QStringList f = line.split(u',');   // mode,state,address,stratum,poll,reach,...
        if (f.size() > 5)
            states.insert(f[2], stateWord(f[1], f[5]));
    }
    return states;
}

QMap<QString, QString> pageSources(const ui::SystemServicePage &page)
{
    QMap<QString, QString> states;
    for (int i = 0; i < page.sourceTree()->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = page.sourceTree()->topLevelItem(i);
        states.insert(item->data(0, Qt::UserRole).toString(), item->data(1, Qt::UserRole).toString());
    }
    return states;
}

} // namespace

class TstSystemServicePage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void listsChronydsSourcesAndStates();
    void verdictNamesTheFollowedFalseticker();
    void refreshReadsInAWorkerThread();
    void noServiceIsSaidClearly();
    void cleanupTestCase();

private:
    bool readPage(ui::SystemServicePage &page);

    std::vector<std::unique_ptr<ChronydInstance>> m_servers;
    std::unique_ptr<ChronydInstance> m_client;
    std::unique_ptr<engine::EngineSession> m_session;
    const QString m_falseAddress = u"127.0.0.44"_s;
};

void TstSystemServicePage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(!ChronydInstance::findChronyd().isEmpty(), "chronyd not found: install chrony");
    QVERIFY2(!ChronydInstance::findLibFaketime().isEmpty(), "libfaketime not found: install faketime");
    QList<engine::ServerSpec> specs;
    for (const QString &address : {u"127.0.0.41"_s, u"127.0.0.42"_s, u"127.0.0.43"_s, m_falseAddress}) {
        auto server = std::make_unique<ChronydInstance>(QHostAddress(address));
        if (address == m_falseAddress)
            server->setFakeTime(u"+2.5s"_s);
        QVERIFY2(server->start(), qPrintable(server->errorString()));
        engine::ServerSpec spec = server->serverSpec();
        spec.minPollLog2 = -2;
        spec.maxPollLog2 = -2;
        specs.append(spec);
        m_servers.push_back(std::move(server));
    }
    m_client = std::make_unique<ChronydInstance>();
    m_client->setClientMode(true);
    QString config;
    for (const auto &server : m_servers)
        config += u"server %1 port %2 minpoll -4 maxpoll -4 iburst%3\n"_s.arg(server->address().toString()).arg(server->port())
                      .arg(server->address().toString() == m_falseAddress ? u" trust"_s : QString());
    m_client->setExtraConfig(config);
    QVERIFY2(m_client->start(), qPrintable(m_client->errorString()));

    // Chronoscope's own measurement of the same servers.
    m_session = std::make_unique<engine::EngineSession>();
    m_session->setServers(specs);
    m_session->start();
    const auto engineDecided = [&] {
        const engine::EngineSnapshot &s = m_session->snapshot();
        for (const engine::ServerStatus &server : s.servers)
            if (server.address == m_falseAddress)
                return s.system.synchronized && server.state == engine::ServerState::Falseticker;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(engineDecided(), 30000);

    // chronyd follows the trusted source.
    QString output;
    QTRY_VERIFY2_WITH_TIMEOUT(chronycSources(m_client->commandSocketPath(), &output).value(m_falseAddress) == u"selected"_s,
                              qPrintable(output), 30000);
}

void TstSystemServicePage::cleanupTestCase()
{
    m_session.reset();
    m_client.reset();
    m_servers.clear();
}

bool TstSystemServicePage::readPage(ui::SystemServicePage &page)
{
    QSignalSpy finished(&page, &ui::SystemServicePage::readingFinished);
    page.refresh();
    return finished.wait(20000);
}

void TstSystemServicePage::listsChronydsSourcesAndStates()
{
    ui::SystemServicePage page;
    page.attachSession(m_session.get());
    sysservice::SystemServiceReaderOptions options;
    options.chronydSocket = m_client->commandSocketPath();
    page.setReaderOptions(options);
    // A poll every 62.5 ms can change a state between the two reads: they must agree in one of
    // a few back-to-back rounds.
    QString last;
    bool agreed = false;
    for (int round = 0; round < 10 && !agreed; ++round) {
        QVERIFY(readPage(page));
        QVERIFY2(page.reading().ok(), qPrintable(page.problemText()));
        QString output;
        const QMap<QString, QString> theirs = chronycSources(m_client->commandSocketPath(), &output);
        const QMap<QString, QString> ours = pageSources(page);
        agreed = ours == theirs && ours.size() == int(m_servers.size());
        last = output + u"\npage: "_s + QStringList(ours.keys()).join(u' ') + u" / "_s + QStringList(ours.values()).join(u',');
    }
    QVERIFY2(agreed, qPrintable(last));
    QCOMPARE(page.reading().daemon, u"chronyd"_s);
    QVERIFY2(page.summaryText().contains(u"chronyd (read from %1) follows %2"_s.arg(m_client->commandSocketPath(), m_falseAddress)),
             qPrintable(page.summaryText()));
    QVERIFY2(page.summaryText().contains(u"frequency"_s) && page.summaryText().contains(u"stratum"_s)
                 && page.summaryText().contains(u"leap status"_s),
             qPrintable(page.summaryText()));
}

void TstSystemServicePage::verdictNamesTheFollowedFalseticker()
{
    ui::SystemServicePage page;
    page.attachSession(m_session.get());
    sysservice::SystemServiceReaderOptions options;
    options.chronydSocket = m_client->commandSocketPath();
    page.setReaderOptions(options);
    QVERIFY(readPage(page));
    // "chronyd follows 127.0.0.44, which Chronoscope measures 2.500 s away from the majority."
    const QString expected = u"chronyd follows %1, which Chronoscope measures 2.5"_s.arg(m_falseAddress);
    QTRY_VERIFY2_WITH_TIMEOUT(page.verdictText().contains(expected), qPrintable(page.verdictText()), 10000);
    QVERIFY2(page.verdictText().contains(u"away from the majority"_s), qPrintable(page.verdictText()));
    // The falseticker's row says the same, with Chronoscope's state.
    bool rowSaysSo = false;
    for (int i = 0; i < page.sourceTree()->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = page.sourceTree()->topLevelItem(i);
        if (item->data(0, Qt::UserRole).toString() == m_falseAddress)
            rowSaysSo = item->text(4).contains(u"away from the majority (Chronoscope: falseticker)"_s) && item->text(3).startsWith(u"+2.5"_s);
    }
    QVERIFY(rowSaysSo);
}

void TstSystemServicePage::refreshReadsInAWorkerThread()
{
    ui::SystemServicePage page;
    page.attachSession(m_session.get());
    sysservice::SystemServiceReaderOptions options;
    options.chronydSocket = m_client->commandSocketPath();
    page.setReaderOptions(options);
    QSignalSpy finished(&page, &ui::SystemServicePage::readingFinished);
    QTest::mouseClick(page.refreshButton(), Qt::LeftButton);
    // refresh() returned while the reading still runs: it is not on this (the GUI) thread.
    QVERIFY(page.isReading());
    QVERIFY(!page.refreshButton()->isEnabled());
    QVERIFY(page.summaryText().contains(u"Reading"_s));
    QVERIFY(finished.wait(20000));
    QVERIFY(!page.isReading());
    QVERIFY(page.refreshButton()->isEnabled());
    QCOMPARE(page.sourceTree()->topLevelItemCount(), int(m_servers.size()));
}

void TstSystemServicePage::noServiceIsSaidClearly()
{
    ui::SystemServicePage page;
    sysservice::SystemServiceReaderOptions options;
    options.chronydSocket = m_client->commandSocketPath() + u".missing"_s;
    options.chronydPort = ChronydInstance::freeUdpPort(QHostAddress(QHostAddress::LocalHost));   // nothing there
    options.tryNtpd = false;
    page.setReaderOptions(options);
    QVERIFY(readPage(page));
    QVERIFY(!page.reading().ok());
    QCOMPARE(page.summaryText(), u"No time service was found on this computer."_s);
    QVERIFY2(page.problemText().contains(u"no chronyd command socket at "_s + options.chronydSocket), qPrintable(page.problemText()));
    QCOMPARE(page.sourceTree()->topLevelItemCount(), 0);
}

QTEST_MAIN(TstSystemServicePage)
#include "tst_systemservicepage.moc"

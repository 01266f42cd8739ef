// SPDX-License-Identifier: GPL-3.0-or-later
// "Apply Chronoscope's servers to chronyd" end to end from the System Time Service page against a
// REAL client chronyd (issue 15 item 3): the page reads chronyd over its command socket, the
// dialog previews the drop-in, and the REAL chronoscope-helper (CHRONOSCOPE_HELPER, no pkexec;
// test root, HELPER.md §5.5) writes it into the sources.d directory that chronyd reads, reloads
// it over cmdmon and watches it; the page then reads chronyd again and lists exactly the applied
// lab servers, as `chronyc sources` does. Revert brings the hand-written drop-in back. chronyd
// runs with -x and without CAP_SYS_TIME (fixture); nothing under /etc is touched.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>
#include <vector>

#include "core/sysservice/processtimeservicehelper.h"
#include "tests/interop/chronydinstance.h"
#include "ui/sysservice/systemservicepage.h"
#include "ui/sysservice/timeservicedialog.h"

using namespace Qt::StringLiterals;
using namespace chronoscope;
using chronoscope::testing::ChronydInstance;
using chronoscope::ui::SystemServicePage;
using chronoscope::ui::TimeServiceDialog;

namespace {

QStringList chronycSources(const QString &socket)
{
    QProcess process;
    process.start(ChronydInstance::findChronyc(), {u"-h"_s, socket, u"-n"_s, u"-c"_s, u"sources"_s});
    process.waitForFinished(5000);
    QStringList addresses;
    for (const QString &line : QString::fromLocal8Bit(process.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts)) {
        const QStringList fields = line.split(u',');
        if (fields.size() > 2)
            addresses << fields[2];
    }
    addresses.sort();
    return addresses;
}

QStringList pageSources(const SystemServicePage &page)
{
    QStringList addresses;
    for (int i = 0; i < page.sourceTree()->topLevelItemCount(); ++i)
        addresses << page.sourceTree()->topLevelItem(i)->data(0, Qt::UserRole).toString();
    addresses.sort();
    return addresses;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

} // namespace

class TstTimeServiceChronyd : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_root;
    std::vector<std::unique_ptr<ChronydInstance>> m_servers;
    std::unique_ptr<ChronydInstance> m_client;
    QByteArray m_original;

    config::ConfiguredServer lab(int index) const
    {
        config::ConfiguredServer s;
        s.spec = m_servers[std::size_t(index)]->serverSpec();
        s.spec.minPollLog2 = 3;   // loopback may poll this often (HELPER.md §4.6)
        s.spec.maxPollLog2 = 4;
        return s;
    }

    static bool read(SystemServicePage &page)
    {
        QSignalSpy done(&page, &SystemServicePage::readingFinished);
        page.refresh();
        return done.wait(15000);
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<sysservice::TimeServiceOutcome>();
        const QString helper = qEnvironmentVariable("CHRONOSCOPE_HELPER_BIN");
        QVERIFY2(QFileInfo(helper).isExecutable(), "CHRONOSCOPE_HELPER_BIN");
        QVERIFY2(!ChronydInstance::findChronyc().isEmpty(), "chronyc not found");
        for (const QString &address : {u"127.0.0.51"_s, u"127.0.0.52"_s, u"127.0.0.53"_s}) {
            auto server = std::make_unique<ChronydInstance>(QHostAddress(address));
            QVERIFY2(server->start(), qPrintable(server->errorString()));
            m_servers.push_back(std::move(server));
        }
        QVERIFY(m_root.isValid());
        QFile::setPermissions(m_root.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                                 | QFileDevice::ReadOther | QFileDevice::ExeOther);
        const QString sources = m_root.path() + u"/etc/chrony/sources.d"_s;
        QVERIFY(QDir().mkpath(m_root.path() + u"/run"_s));   // as /run on a real system
        const QByteArray sourcedir = "sourcedir " + sources.toUtf8() + "\n";
        QVERIFY(writeFile(m_root.path() + u"/etc/chrony/chrony.conf"_s, sourcedir));
        m_original = u"# by hand\nserver %1 port %2 iburst minpoll -4 maxpoll -4\n"_s
                             .arg(m_servers[0]->address().toString()).arg(m_servers[0]->port()).toUtf8();
        QVERIFY(writeFile(sources + u"/chronoscope.sources"_s, m_original));
        m_client = std::make_unique<ChronydInstance>();
        m_client->setClientMode(true);
        m_client->setExtraConfig(QString::fromUtf8(sourcedir));
        QVERIFY2(m_client->start(), qPrintable(m_client->errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(chronycSources(m_client->commandSocketPath()), QStringList{u"127.0.0.51"_s}, 15000);

        qputenv("CHRONOSCOPE_HELPER", helper.toLocal8Bit());
        qputenv("CHRONOSCOPE_HELPER_TEST_ROOT", m_root.path().toLocal8Bit());
        qputenv("CHRONOSCOPE_HELPER_TEST_CHRONYD_SOCKET", m_client->commandSocketPath().toLocal8Bit());
        qputenv("CHRONOSCOPE_HELPER_TEST_GRACE_MS", "20000");
    }

    void applyFromThePageThenRevert()
    {
        sysservice::ProcessTimeServiceHelper helper;
        SystemServicePage page;
        sysservice::SystemServiceReaderOptions options;
        options.chronydSocket = m_client->commandSocketPath();
        options.tryNtpd = false;
        page.setReaderOptions(options);
        const QList<config::ConfiguredServer> servers{lab(1), lab(2)};
        page.setServerSource([servers] { return servers; });
        page.setTimeServiceHelper(&helper);
        page.show();
        QVERIFY(read(page));
        QCOMPARE(page.reading().daemon, u"chronyd"_s);
        QCOMPARE(pageSources(page), QStringList{u"127.0.0.51"_s});
        QVERIFY(page.applyServersButton()->isEnabled());

        QTest::mouseClick(page.applyServersButton(), Qt::LeftButton);
        TimeServiceDialog *dialog = page.timeServiceDialog();
        QVERIFY(dialog);
        const QString line = u"server 127.0.0.52 port %1 iburst minpoll 3 maxpoll 4\n"_s.arg(m_servers[1]->port());
        QVERIFY2(dialog->previewText().contains(line), qPrintable(dialog->previewText()));
        QSignalSpy outcome(dialog, &TimeServiceDialog::outcomeReady);
        QSignalSpy reread(&page, &SystemServicePage::readingFinished);
        QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
        QCOMPARE(dialog->stage(), TimeServiceDialog::Stage::Working);
        QVERIFY(outcome.wait(90'000));
        const auto applied = outcome.at(0).at(0).value<sysservice::TimeServiceOutcome>();
        QVERIFY2(applied.result == sysservice::TimeServiceOutcome::Result::Applied,
                 qPrintable(dialog->statusText() + u'\n' + applied.detail));
        QVERIFY(applied.testRoot);
        QCOMPARE(applied.sourcesSeen, 2u);
        QVERIFY2(dialog->statusText().startsWith(u"Applied: chronyd now uses Chronoscope's servers;"_s),
                 qPrintable(dialog->statusText()));
        // The drop-in chronyd reads is exactly the preview.
        QFile dropIn(m_root.path() + u"/etc/chrony/sources.d/chronoscope.sources"_s);
        QVERIFY(dropIn.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(dropIn.readAll()), dialog->previewText());
        // The page reads chronyd again and shows what chronyc shows.
        QVERIFY(reread.wait(15000));
        const QStringList expected{u"127.0.0.52"_s, u"127.0.0.53"_s};
        QCOMPARE(pageSources(page), expected);
        QCOMPARE(chronycSources(m_client->commandSocketPath()), expected);
        QTest::mouseClick(dialog->closeButton(), Qt::LeftButton);
        QTRY_VERIFY(!page.timeServiceDialog());

        // Revert: the hand-written drop-in is back and chronyd follows it again.
        QTest::mouseClick(page.revertServersButton(), Qt::LeftButton);
        dialog = page.timeServiceDialog();
        QVERIFY(dialog);
        QSignalSpy reverted(dialog, &TimeServiceDialog::outcomeReady);
        QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
        QVERIFY(reverted.wait(60'000));
        QVERIFY2(reverted.at(0).at(0).value<sysservice::TimeServiceOutcome>().result
                         == sysservice::TimeServiceOutcome::Result::Reverted,
                 qPrintable(dialog->statusText()));
        QVERIFY(dropIn.seek(0));
        dropIn.close();
        QVERIFY(dropIn.open(QIODevice::ReadOnly));
        QCOMPARE(dropIn.readAll(), m_original);
        QTRY_COMPARE_WITH_TIMEOUT(chronycSources(m_client->commandSocketPath()), QStringList{u"127.0.0.51"_s}, 15000);
    }
};

QTEST_MAIN(TstTimeServiceChronyd)
#include "tst_timeservicechronyd.moc"

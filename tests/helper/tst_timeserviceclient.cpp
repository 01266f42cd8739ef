// SPDX-License-Identifier: GPL-3.0-or-later
// The app's client for `configure-time-service` end to end (issue 15 item 3): TimeServiceConfigurator
// with ProcessTimeServiceHelper starts the REAL chronoscope-helper (CHRONOSCOPE_HELPER, no pkexec)
// with its test backend rooted in a temporary directory (CHRONOSCOPE_HELPER_TEST_ROOT, HELPER.md
// §5.5): apply writes the file the preview promised, a daemon that does not come up is rolled
// back byte for byte, Revert restores, a dry run writes nothing, and a missing helper is said so.
// Nothing under /etc is touched and systemctl never runs (restarts go to root/restarts.log).
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "core/sysservice/processtimeservicehelper.h"
#include "core/sysservice/timeserviceconfigurator.h"
#include "core/sysservice/timeservicepreview.h"

using namespace Qt::StringLiterals;
using namespace chronoscope;
using namespace chronoscope::sysservice;
namespace ts = chronoscope::protocol::timeservice;
using Outcome = TimeServiceOutcome::Result;

namespace {

config::ConfiguredServer server(const QString &text)
{
    config::ConfiguredServer s;
    s.spec = *engine::parseServerSpec(text);
    return s;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

const QByteArray NTP_CONF = "# ntpsec configuration\ndriftfile /var/lib/ntpsec/ntp.drift\npool 0.debian.pool.ntp.org iburst\n";

} // namespace

class TstTimeServiceClient : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path(const QString &relative) const { return m_dir->path() + u'/' + relative; }

    TimeServiceOutcome run(const std::function<void(TimeServiceConfigurator &)> &start)
    {
        ProcessTimeServiceHelper helper;
        TimeServiceConfigurator configurator(&helper);
        QSignalSpy finished(&configurator, &TimeServiceConfigurator::finished);
        start(configurator);
        if (!finished.wait(60'000))
            return {};
        return finished.at(0).at(0).value<TimeServiceOutcome>();
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<TimeServiceOutcome>();
        const QString helper = qEnvironmentVariable("CHRONOSCOPE_HELPER_BIN");
        QVERIFY2(QFileInfo(helper).isExecutable(), "CHRONOSCOPE_HELPER_BIN");
        QVERIFY(qEnvironmentVariableIsSet("CHRONOSCOPE_FORBID_CLOCK_CHANGES"));
        qputenv("CHRONOSCOPE_HELPER", helper.toLocal8Bit());
        qputenv("CHRONOSCOPE_HELPER_TEST_GRACE_MS", "600");
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QVERIFY(QDir().mkpath(path(u"etc/systemd"_s)));
        QVERIFY(QDir().mkpath(path(u"units"_s)));
        QFile::setPermissions(m_dir->path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                                 | QFileDevice::ReadGroup | QFileDevice::ExeGroup
                                                 | QFileDevice::ReadOther | QFileDevice::ExeOther);
        qputenv("CHRONOSCOPE_HELPER_TEST_ROOT", m_dir->path().toLocal8Bit());
    }

    void applyWritesWhatThePreviewShowedThenRevert()
    {
        const TimeServicePlan plan = planTimeService(ts::Daemon::Timesyncd, {server(u"ntp1.example"_s), server(u"192.0.2.1"_s)});
        QVERIFY(plan.ok());
        TimeServiceOutcome outcome = run([&](TimeServiceConfigurator &c) { c.apply(plan); });
        QCOMPARE(outcome.result, Outcome::Applied);
        QVERIFY(outcome.answered);
        QVERIFY(outcome.testRoot);
        QVERIFY(!outcome.dryRun);
        QCOMPARE(outcome.backup, ts::BackupState::DidNotExist);
        const QString file = path(u"etc/systemd/timesyncd.conf.d/chronoscope.conf"_s);
        QCOMPARE(QString::fromUtf8(readFile(file)), timeServicePreview(plan));
        QCOMPARE(readFile(path(u"restarts.log"_s)), QByteArray("restart systemd-timesyncd.service\n"));
        QVERIFY(timeServiceOutcomeText(outcome).startsWith(u"Applied: systemd-timesyncd uses Chronoscope's servers"_s));

        outcome = run([](TimeServiceConfigurator &c) { c.revert(ts::Daemon::Timesyncd); });
        QCOMPARE(outcome.result, Outcome::Reverted);
        QVERIFY(!QFileInfo::exists(file));   // there was none before
        outcome = run([](TimeServiceConfigurator &c) { c.revert(ts::Daemon::Timesyncd); });
        QCOMPARE(outcome.result, Outcome::Refused);
        QCOMPARE(outcome.status, ts::Status::NothingToRevert);
        QCOMPARE(timeServiceOutcomeText(outcome),
                 u"Not reverted: there is no earlier configuration from Chronoscope to restore."_s);
    }

    void daemonThatDoesNotComeUpIsRolledBack()
    {
        QVERIFY(writeFile(path(u"etc/ntpsec/ntp.conf"_s), NTP_CONF));
        // The test root's ntpsec unit fails to start while its file names bad.example.
        QVERIFY(writeFile(path(u"units/ntpsec.service.rejects"_s), "bad.example\n"));
        const TimeServicePlan plan = planTimeService(ts::Daemon::Ntpd, {server(u"good.example"_s), server(u"bad.example"_s)});
        QVERIFY(plan.ok());
        const TimeServiceOutcome outcome = run([&](TimeServiceConfigurator &c) { c.apply(plan); });
        QCOMPARE(outcome.result, Outcome::RolledBack);
        QCOMPARE(ts::RollbackReason(outcome.reason), ts::RollbackReason::RestartFailed);
        QCOMPARE(readFile(path(u"etc/ntpsec/ntp.conf"_s)), NTP_CONF);   // byte for byte
        QCOMPARE(timeServiceOutcomeText(outcome),
                 u"Rolled back because restarting ntpd failed; the previous configuration is back."_s);
        const TimeServiceOutcome revert = run([](TimeServiceConfigurator &c) { c.revert(ts::Daemon::Ntpd); });
        QCOMPARE(revert.status, ts::Status::NothingToRevert);
    }

    void ntpdBlockAndRevertRestoresTheFile()
    {
        QVERIFY(writeFile(path(u"etc/ntpsec/ntp.conf"_s), NTP_CONF));
        const TimeServicePlan plan = planTimeService(ts::Daemon::Ntpd, {server(u"ntp1.example,prefer"_s)});
        const TimeServiceOutcome outcome = run([&](TimeServiceConfigurator &c) { c.apply(plan); });
        QCOMPARE(outcome.result, Outcome::Applied);
        QCOMPARE(outcome.backup, ts::BackupState::PreviousFile);
        const QByteArray written = readFile(path(u"etc/ntpsec/ntp.conf"_s));
        QVERIFY(written.startsWith(NTP_CONF));
        QVERIFY2(written.contains(timeServicePreview(plan).toUtf8()), written.constData());
        QCOMPARE(run([](TimeServiceConfigurator &c) { c.revert(ts::Daemon::Ntpd); }).result, Outcome::Reverted);
        QCOMPARE(readFile(path(u"etc/ntpsec/ntp.conf"_s)), NTP_CONF);
    }

    void dryRunWritesNothing()
    {
        const TimeServicePlan plan = planTimeService(ts::Daemon::Timesyncd, {server(u"ntp1.example"_s)});
        const TimeServiceOutcome outcome = run([&](TimeServiceConfigurator &c) { c.apply(plan, /*dryRun=*/true); });
        QCOMPARE(outcome.result, Outcome::Applied);
        QVERIFY(outcome.dryRun);
        QVERIFY(!QFileInfo::exists(path(u"etc/systemd/timesyncd.conf.d/chronoscope.conf"_s)));
        QVERIFY(timeServiceOutcomeText(outcome).startsWith(u"Dry run:"_s));
    }

    void helperRefusalsArriveInWords()
    {
        // No /etc/systemd/timesyncd.conf.d parent for ntpd either: ntpd has no ntp.conf here.
        const TimeServicePlan plan = planTimeService(ts::Daemon::Ntpd, {server(u"ntp1.example"_s)});
        const TimeServiceOutcome outcome = run([&](TimeServiceConfigurator &c) { c.apply(plan); });
        QCOMPARE(outcome.result, Outcome::Refused);
        QCOMPARE(outcome.status, ts::Status::ConfigMissing);
        QCOMPARE(timeServiceOutcomeText(outcome),
                 u"Not applied: ntpd's configuration directory or file does not exist."_s);
    }

    void missingHelperIsSaidSo()
    {
        const QByteArray saved = qgetenv("CHRONOSCOPE_HELPER");
        qputenv("CHRONOSCOPE_HELPER", QFile::encodeName(path(u"no-such-helper"_s)));
        const TimeServiceOutcome outcome = run([](TimeServiceConfigurator &c) { c.revert(ts::Daemon::Chronyd); });
        qputenv("CHRONOSCOPE_HELPER", saved);
        QCOMPARE(outcome.result, Outcome::HelperMissing);
        QVERIFY(outcome.helperError == correction::HelperError::NotInstalled);
        QVERIFY(timeServiceOutcomeText(outcome).contains(u"no-such-helper"_s));
    }
};

QTEST_GUILESS_MAIN(TstTimeServiceClient)
#include "tst_timeserviceclient.moc"

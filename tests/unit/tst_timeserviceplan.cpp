// SPDX-License-Identifier: GPL-3.0-or-later
// Applying Chronoscope's servers to the system's time service (issue 15 item 3), the client side:
// the conversion of the user's list into the helper's fields and every local refusal, the
// preview text, the configurator against an in-process helper (replies, rollbacks, failures),
// and the reply frame reader against frames from the shared codec. No helper, file or daemon.
#include <QSignalSpy>
#include <QTest>

#include "core/protocol/timeservicecodec.h"
#include "core/sysservice/timeserviceconfigurator.h"
#include "core/sysservice/timeserviceframereader.h"
#include "core/sysservice/timeservicepreview.h"
#include "tests/fakes/faketimeservicehelper.h"

using namespace Qt::StringLiterals;
using namespace chronoscope;
using namespace chronoscope::sysservice;
namespace ts = chronoscope::protocol::timeservice;
using chronoscope::testing::FakeTimeServiceHelper;
using Outcome = TimeServiceOutcome::Result;

namespace {

config::ConfiguredServer server(const QString &text, quint32 keyId = 0)
{
    const chronoscope::Result<engine::ServerSpec> spec = engine::parseServerSpec(text);
    if (!spec)
        qFatal("bad spec %s", qPrintable(text));
    config::ConfiguredServer s;
    s.spec = *spec;
    s.keyId = keyId ? keyId : spec->keyId;
    return s;
}

QByteArray bytes(const std::vector<std::uint8_t> &v)
{
    return QByteArray(reinterpret_cast<const char *>(v.data()), qsizetype(v.size()));
}

} // namespace

class TstTimeServicePlan : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { qRegisterMetaType<TimeServiceOutcome>(); }

    void daemonNames()
    {
        QCOMPARE(parseTimeServiceDaemon(u"chronyd"_s), ts::Daemon::Chronyd);
        QCOMPARE(parseTimeServiceDaemon(u"systemd-timesyncd"_s), ts::Daemon::Timesyncd);
        QCOMPARE(parseTimeServiceDaemon(u"timesyncd"_s), ts::Daemon::Timesyncd);
        QCOMPARE(parseTimeServiceDaemon(u"ntpd"_s), ts::Daemon::Ntpd);
        QVERIFY(!parseTimeServiceDaemon(u"ntpd-rs"_s));
        QVERIFY(!parseTimeServiceDaemon(QString()));
        QCOMPARE(timeServiceDaemonName(ts::Daemon::Timesyncd), u"systemd-timesyncd"_s);
        QCOMPARE(timeServiceConfigPath(ts::Daemon::Chronyd), u"/etc/chrony/sources.d/chronoscope.sources"_s);
        QCOMPARE(timeServiceConfigPath(ts::Daemon::Timesyncd), u"/etc/systemd/timesyncd.conf.d/chronoscope.conf"_s);
    }

    void chronydTakesEveryOption()
    {
        const TimeServicePlan plan = planTimeService(ts::Daemon::Chronyd, {
                server(u"ntp1.example"_s), server(u"ntp2.example:1123,prefer,noiburst"_s),
                server(u"time.example,nts"_s), server(u"10.0.0.1,minpoll=7,maxpoll=9"_s, 7),
                server(u"[2001:db8::1]:123"_s)});
        QVERIFY2(plan.ok(), qPrintable(timeServiceRefusalText(plan.refusal, plan.daemon)));
        QCOMPARE(plan.servers.size(), std::size_t(5));
        QCOMPARE(plan.serverNames, (QStringList{u"ntp1.example"_s, u"ntp2.example:1123"_s, u"time.example"_s,
                                                u"10.0.0.1"_s, u"2001:db8::1"_s}));
        // Defaults: iburst on, port 123 sent as 0 (the daemon's default), no poll fields.
        QCOMPARE(plan.servers[0].host, std::string("ntp1.example"));
        QCOMPARE(plan.servers[0].port, 0);
        QCOMPARE(plan.servers[0].flags, ts::SERVER_IBURST);
        QCOMPARE(plan.servers[0].minPoll, 0);
        QCOMPARE(plan.servers[1].port, 1123);
        QCOMPARE(plan.servers[1].flags, ts::SERVER_PREFER);
        QCOMPARE(plan.servers[2].flags, std::uint8_t(ts::SERVER_IBURST | ts::SERVER_NTS));
        QCOMPARE(plan.servers[3].keyId, 7u);
        QCOMPARE(plan.servers[3].flags, std::uint8_t(ts::SERVER_IBURST | ts::SERVER_POLL));
        QCOMPARE(plan.servers[3].minPoll, 7);
        QCOMPARE(plan.servers[3].maxPoll, 9);
        QCOMPARE(plan.servers[4].host, std::string("2001:db8::1"));
        QVERIFY(plan.poolNames.isEmpty());
    }

    void pollEtiquette()
    {
        // minpoll 4 (16 s) only for servers on this computer; the helper's rule, applied here.
        TimeServicePlan plan = planTimeService(ts::Daemon::Chronyd, {server(u"10.0.0.1,minpoll=4,maxpoll=8"_s)});
        QVERIFY(!plan.ok());
        QCOMPARE(plan.refusal.sourceError, ts::SourceError::PollTooFrequent);
        QCOMPARE(plan.refusal.value, 4);
        QCOMPARE(plan.refusal.server, u"10.0.0.1"_s);
        QVERIFY(timeServiceRefusalText(plan.refusal, plan.daemon).startsWith(u"10.0.0.1: minpoll 4"_s));

        plan = planTimeService(ts::Daemon::Chronyd, {server(u"127.0.0.1:11123,minpoll=4,maxpoll=8"_s)});
        QVERIFY(plan.ok());
        QCOMPARE(plan.servers[0].flags & ts::SERVER_POLL, ts::SERVER_POLL);
        QCOMPARE(plan.servers[0].minPoll, 4);
        QCOMPARE(plan.servers[0].maxPoll, 8);

        // Chronoscope's engine allows minpoll down to -4 for local servers; daemons do not.
        plan = planTimeService(ts::Daemon::Chronyd, {server(u"127.0.0.1,minpoll=-2,maxpoll=8"_s)});
        QCOMPARE(plan.refusal.sourceError, ts::SourceError::PollOutOfRange);
        QCOMPARE(plan.refusal.value, -2);
    }

    void timesyncdTakesHostsOnly()
    {
        // iburst (on by default in Chronoscope) is simply left out: timesyncd has no such option.
        TimeServicePlan plan = planTimeService(ts::Daemon::Timesyncd, {server(u"ntp1.example"_s), server(u"10.0.0.2"_s)});
        QVERIFY(plan.ok());
        QCOMPARE(plan.servers[0].flags, 0);
        QVERIFY(timeServicePreview(plan).startsWith(u"# Written by chronoscope-helper"_s));
        QVERIFY(timeServicePreview(plan).endsWith(u"\n[Time]\nNTP=ntp1.example 10.0.0.2\n"_s));

        const QList<config::ConfiguredServer> refused{server(u"a.example,key=3"_s), server(u"a.example,nts"_s),
                                                      server(u"a.example,prefer"_s), server(u"a.example:1123"_s),
                                                      server(u"a.example,minpoll=7,maxpoll=9"_s)};
        for (const config::ConfiguredServer &s : refused) {
            plan = planTimeService(ts::Daemon::Timesyncd, {server(u"ok.example"_s), s});
            QVERIFY2(!plan.ok(), qPrintable(s.spec.displayName()));
            QCOMPARE(plan.refusal.sourceError, ts::SourceError::NotSupportedByDaemon);
            QCOMPARE(plan.refusal.index, 1);
            const QString text = timeServiceRefusalText(plan.refusal, plan.daemon);
            QVERIFY2(text.startsWith(s.spec.displayName() + u": systemd-timesyncd takes host names only"_s), qPrintable(text));
        }
    }

    void ntpdHasNoPortAndSmallerKeys()
    {
        TimeServicePlan plan = planTimeService(ts::Daemon::Ntpd, {server(u"ntp1.example:1123"_s)});
        QCOMPARE(plan.refusal.sourceError, ts::SourceError::NotSupportedByDaemon);
        plan = planTimeService(ts::Daemon::Ntpd, {server(u"ntp1.example"_s, 65535)});
        QCOMPARE(plan.refusal.sourceError, ts::SourceError::KeyOutOfRange);
        QCOMPARE(plan.refusal.value, 65535);
        QVERIFY(timeServiceRefusalText(plan.refusal, plan.daemon).contains(u"65534"_s));
        plan = planTimeService(ts::Daemon::Ntpd, {server(u"ntp1.example,prefer"_s, 12)});
        QVERIFY(plan.ok());
        const QString block = timeServicePreview(plan);
        QVERIFY(block.startsWith(u"# BEGIN chronoscope "_s));
        QVERIFY(block.endsWith(u")\nserver ntp1.example iburst prefer key 12\n# END chronoscope\n"_s));
    }

    void optionsTheHelperCannotWrite_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("option");
        QTest::newRow("noselect") << u"ntp1.example,noselect"_s << u"noselect"_s;
        QTest::newRow("trust") << u"ntp1.example,trust"_s << u"trust"_s;
        QTest::newRow("require") << u"ntp1.example,require"_s << u"require"_s;
        QTest::newRow("ntsport") << u"ntp1.example,nts,ntsport=4461"_s << u"ntsport"_s;
    }

    void optionsTheHelperCannotWrite()
    {
        QFETCH(QString, spec);
        QFETCH(QString, option);
        for (ts::Daemon daemon : {ts::Daemon::Chronyd, ts::Daemon::Ntpd}) {
            const TimeServicePlan plan = planTimeService(daemon, {server(u"ok.example"_s), server(spec)});
            QVERIFY(!plan.ok());
            QCOMPARE(plan.refusal.option, option);
            QCOMPARE(plan.refusal.index, 1);
            QCOMPARE(plan.refusal.server, u"ntp1.example"_s);
            QVERIFY(plan.servers.size() <= 1);
            QVERIFY(timeServiceRefusalText(plan.refusal, daemon).startsWith(u"ntp1.example: "_s));
        }
    }

    void listBounds()
    {
        TimeServicePlan plan = planTimeService(ts::Daemon::Chronyd, {});
        QCOMPARE(plan.refusal.sourceError, ts::SourceError::NoServers);
        QCOMPARE(timeServiceRefusalText(plan.refusal, plan.daemon), u"the server list is empty"_s);

        QList<config::ConfiguredServer> many;
        for (int i = 0; i < int(ts::MAX_SERVERS) + 1; ++i)
            many.append(server(u"ntp%1.example"_s.arg(i)));
        plan = planTimeService(ts::Daemon::Chronyd, many);
        QCOMPARE(plan.refusal.sourceError, ts::SourceError::TooManyServers);
        QCOMPARE(plan.refusal.value, qint64(ts::MAX_SERVERS) + 1);
        QVERIFY(plan.servers.empty());   // bounded before anything was converted
        many.removeLast();
        QVERIFY(planTimeService(ts::Daemon::Chronyd, many).ok());

        plan = planTimeService(ts::Daemon::Chronyd, {server(u"a.example"_s), server(u"A.EXAMPLE"_s)});
        QCOMPARE(plan.refusal.sourceError, ts::SourceError::DuplicateHost);
        QCOMPARE(plan.refusal.index, 1);
        QCOMPARE(plan.refusal.server, u"A.EXAMPLE"_s);
    }

    void hostNamesTheDaemonWouldMisread()
    {
        config::ConfiguredServer s = server(u"ntp1.example"_s);
        s.spec.host = u"ntp1.example\nserver evil.example"_s;
        TimeServicePlan plan = planTimeService(ts::Daemon::Chronyd, {s});
        QCOMPARE(plan.refusal.sourceError, ts::SourceError::BadHostCharacter);
        s.spec.host = u"10.1.2"_s;
        plan = planTimeService(ts::Daemon::Chronyd, {s});
        QCOMPARE(plan.refusal.sourceError, ts::SourceError::BadAddress);
    }

    void poolsBecomeServers()
    {
        const TimeServicePlan plan = planTimeService(ts::Daemon::Chronyd, {server(u"ntp1.example"_s)});
        QVERIFY(plan.poolNames.isEmpty());
        config::ConfiguredServer pool = server(u"pool.example"_s);
        pool.spec.isPool = true;
        const TimeServicePlan withPool = planTimeService(ts::Daemon::Chronyd, {pool});
        QVERIFY(withPool.ok());
        QCOMPARE(withPool.poolNames, QStringList{u"pool.example"_s});
    }

    void chronydPreview()
    {
        const TimeServicePlan plan = planTimeService(ts::Daemon::Chronyd, {
                server(u"ntp1.example"_s), server(u"127.0.0.1:11123,prefer,noiburst,minpoll=3,maxpoll=5"_s, 4),
                server(u"time.example,nts"_s)});
        QVERIFY(plan.ok());
        QVERIFY(timeServicePreview(plan).endsWith(u".\nserver ntp1.example iburst\n"
                                           u"server 127.0.0.1 port 11123 prefer minpoll 3 maxpoll 5 key 4\n"
                                           u"server time.example iburst nts\n"_s));
    }

    void configuratorAppliesThroughTheHelper()
    {
        FakeTimeServiceHelper helper;
        ts::Response reply;
        reply.status = ts::Status::Ok;
        reply.backup = ts::BackupState::PreviousFile;
        reply.sourcesSeen = 3;
        reply.reachable = 2;
        helper.setReply(reply);
        TimeServiceConfigurator configurator(&helper);
        QSignalSpy progress(&configurator, &TimeServiceConfigurator::progress);
        QSignalSpy finished(&configurator, &TimeServiceConfigurator::finished);
        const TimeServicePlan plan = planTimeService(ts::Daemon::Chronyd, {server(u"ntp1.example"_s), server(u"ntp2.example"_s)});
        configurator.apply(plan);
        QVERIFY(configurator.isRunning());
        QCOMPARE(progress.size(), 1);
        QCOMPARE(progress.at(0).at(0).toInt(), 0);
        QVERIFY(finished.wait(2000));
        QVERIFY(!configurator.isRunning());
        QCOMPARE(helper.requests().size(), 1);
        const ts::Request &sent = helper.requests().constFirst();
        QCOMPARE(sent.op, ts::Op::ApplySources);
        QCOMPARE(sent.daemon, ts::Daemon::Chronyd);
        QVERIFY(sent.servers == plan.servers);
        QVERIFY(sent.requestId != 0);
        QCOMPARE(helper.opens(), QList<bool>{false});
        QCOMPARE(helper.closed(), 1);
        const auto outcome = finished.at(0).at(0).value<TimeServiceOutcome>();
        QCOMPARE(outcome.result, Outcome::Applied);
        QVERIFY(outcome.succeeded());
        QCOMPARE(outcome.reachable, 2u);
        QCOMPARE(outcome.backup, ts::BackupState::PreviousFile);
        QCOMPARE(timeServiceOutcomeText(outcome), u"Applied: chronyd uses Chronoscope's servers (2 answered)."_s);
        QCOMPARE(timeServiceResultId(outcome.result), u"applied"_s);
    }

    void configuratorReportsRollbacksAndRefusals()
    {
        FakeTimeServiceHelper helper;
        TimeServiceConfigurator configurator(&helper);
        QSignalSpy finished(&configurator, &TimeServiceConfigurator::finished);
        const TimeServicePlan plan = planTimeService(ts::Daemon::Chronyd, {server(u"ntp1.example"_s), server(u"ntp2.example"_s)});

        ts::Response rolledBack;
        rolledBack.status = ts::Status::RolledBack;
        rolledBack.reason = quint16(ts::RollbackReason::NoSources);
        helper.setReply(rolledBack);
        configurator.apply(plan);
        QVERIFY(finished.wait(2000));
        auto outcome = finished.takeFirst().at(0).value<TimeServiceOutcome>();
        QCOMPARE(outcome.result, Outcome::RolledBack);
        QCOMPARE(timeServiceOutcomeText(outcome),
                 u"Rolled back because chronyd had no sources left; the previous configuration is back."_s);

        ts::Response invalid;
        invalid.status = ts::Status::InvalidSource;
        invalid.reason = quint16(ts::SourceError::BadHostLabel);
        invalid.serverIndex = 1;
        helper.setReply(invalid);
        configurator.apply(plan);
        QVERIFY(finished.wait(2000));
        outcome = finished.takeFirst().at(0).value<TimeServiceOutcome>();
        QCOMPARE(outcome.result, Outcome::Refused);
        QCOMPARE(outcome.server, u"ntp2.example"_s);
        QVERIFY(timeServiceOutcomeText(outcome).startsWith(u"Not applied: ntp2.example: not a valid host name"_s));

        ts::Response notIncluded;
        notIncluded.status = ts::Status::NotIncluded;
        helper.setReply(notIncluded);
        configurator.apply(plan);
        QVERIFY(finished.wait(2000));
        outcome = finished.takeFirst().at(0).value<TimeServiceOutcome>();
        QCOMPARE(outcome.result, Outcome::Refused);
        QVERIFY(timeServiceOutcomeText(outcome).contains(u"sourcedir /etc/chrony/sources.d"_s));

        ts::Response notWritable;
        notWritable.status = ts::Status::NotWritable;
        notWritable.sysErrno = EROFS;
        helper.setReply(notWritable);
        configurator.apply(plan);
        QVERIFY(finished.wait(2000));
        outcome = finished.takeFirst().at(0).value<TimeServiceOutcome>();
        QCOMPARE(outcome.result, Outcome::Failed);
        QCOMPARE(outcome.sysErrno, EROFS);
        QVERIFY(timeServiceOutcomeText(outcome).contains(QString::fromLocal8Bit(std::strerror(EROFS))));
    }

    void revertRestoresEvenWhenTheDaemonDoesNotReadIt()
    {
        FakeTimeServiceHelper helper;
        TimeServiceConfigurator configurator(&helper);
        QSignalSpy finished(&configurator, &TimeServiceConfigurator::finished);
        ts::Response notRunning;
        notRunning.status = ts::Status::DaemonNotRunning;
        helper.setReply(notRunning);
        configurator.revert(ts::Daemon::Chronyd);
        QVERIFY(finished.wait(2000));
        auto outcome = finished.takeFirst().at(0).value<TimeServiceOutcome>();
        QCOMPARE(outcome.result, Outcome::Failed);
        QCOMPARE(timeServiceOutcomeText(outcome), u"The previous configuration is back in the file, but chronyd did "
                                                  u"not read it (not running): restart chronyd by hand."_s);
        // The same status for an apply means nothing was written.
        configurator.apply(planTimeService(ts::Daemon::Chronyd, {server(u"ntp1.example"_s)}));
        QVERIFY(finished.wait(2000));
        outcome = finished.takeFirst().at(0).value<TimeServiceOutcome>();
        QCOMPARE(outcome.result, Outcome::Refused);
        QCOMPARE(timeServiceOutcomeText(outcome), u"Not applied: chronyd is not running."_s);
    }

    void configuratorReportsHelperFailures_data()
    {
        QTest::addColumn<int>("error");
        QTest::addColumn<int>("result");
        QTest::addColumn<QString>("text");
        QTest::newRow("cancelled") << int(correction::HelperError::Cancelled) << int(Outcome::Cancelled)
                                   << u"Cancelled: the authentication dialog was dismissed."_s;
        QTest::newRow("not authorised") << int(correction::HelperError::NotAuthorised) << int(Outcome::NotAuthorised)
                                        << u"Not authorised: an administrator has to allow this."_s;
        QTest::newRow("missing") << int(correction::HelperError::NotInstalled) << int(Outcome::HelperMissing)
                                 << u"The helper is missing: pkexec is not installed."_s;
        QTest::newRow("timeout") << int(correction::HelperError::Timeout) << int(Outcome::Failed)
                                 << u"Failed: pkexec is not installed."_s;
    }

    void configuratorReportsHelperFailures()
    {
        QFETCH(int, error);
        QFETCH(int, result);
        QFETCH(QString, text);
        FakeTimeServiceHelper helper;
        helper.setFailure(correction::HelperError(error), u"pkexec is not installed"_s);
        TimeServiceConfigurator configurator(&helper);
        QSignalSpy finished(&configurator, &TimeServiceConfigurator::finished);
        configurator.revert(ts::Daemon::Timesyncd);
        QVERIFY(finished.wait(2000));
        const auto outcome = finished.at(0).at(0).value<TimeServiceOutcome>();
        QCOMPARE(int(outcome.result), result);
        QCOMPARE(outcome.op, ts::Op::RevertSources);
        QCOMPARE(outcome.helperError, correction::HelperError(error));
        QVERIFY(!outcome.answered);
        QCOMPARE(timeServiceOutcomeText(outcome), text);
        QCOMPARE(helper.requests().constFirst().op, ts::Op::RevertSources);
        QCOMPARE(helper.requests().constFirst().daemon, ts::Daemon::Timesyncd);
    }

    void refusedPlanNeverReachesTheHelper()
    {
        FakeTimeServiceHelper helper;
        TimeServiceConfigurator configurator(&helper);
        QSignalSpy finished(&configurator, &TimeServiceConfigurator::finished);
        configurator.apply(planTimeService(ts::Daemon::Timesyncd, {server(u"ntp1.example,key=5"_s)}));
        QCOMPARE(finished.size(), 0);   // asynchronous like every outcome
        QVERIFY(finished.wait(2000));
        const auto outcome = finished.at(0).at(0).value<TimeServiceOutcome>();
        QCOMPARE(outcome.result, Outcome::Refused);
        QVERIFY(helper.requests().isEmpty());
        QVERIFY(helper.opens().isEmpty());
        QVERIFY(timeServiceOutcomeText(outcome).startsWith(u"Not applied: ntp1.example: systemd-timesyncd"_s));
    }

    void replyOfAnotherRequestIsRejected()
    {
        // The helper must answer the request it got; a fake that echoes another op is a bad reply.
        class WrongOp final : public TimeServiceHelper
        {
        public:
            void open(bool) override { }
            void send(const ts::Request &request) override
            {
                ts::Response response;
                response.requestId = request.requestId;
                response.op = ts::Op::RevertSources;
                QTimer::singleShot(0, this, [this, response] { emit replied(response); });
            }
            void close() override { }
        } helper;
        TimeServiceConfigurator configurator(&helper);
        QSignalSpy finished(&configurator, &TimeServiceConfigurator::finished);
        configurator.apply(planTimeService(ts::Daemon::Chronyd, {server(u"ntp1.example"_s)}));
        QVERIFY(finished.wait(2000));
        const auto outcome = finished.at(0).at(0).value<TimeServiceOutcome>();
        QCOMPARE(outcome.result, Outcome::Failed);
        QCOMPARE(outcome.helperError, correction::HelperError::BadReply);
    }

    void frameReaderCutsOneReply()
    {
        ts::Response response;
        response.requestId = 0x1234;
        response.op = ts::Op::ApplySources;
        response.status = ts::Status::RolledBack;
        response.reason = quint16(ts::RollbackReason::NoneReachable);
        response.daemon = ts::Daemon::Ntpd;
        response.backup = ts::BackupState::DidNotExist;
        response.sourcesSeen = 4;
        const QByteArray frame = bytes(ts::encodeResponse(response));
        QVERIFY(frame.size() > qsizetype(ts::RESPONSE_HEADER_SIZE));

        TimeServiceFrameReader reader;
        reader.expect(0x1234);
        QCOMPARE(reader.bytesWanted(), qsizetype(ts::RESPONSE_HEADER_SIZE));
        // Byte by byte: never more than the reader asks for.
        TimeServiceFrameReader::Progress progress = TimeServiceFrameReader::Progress::NeedMore;
        for (qsizetype i = 0; i < frame.size(); ++i) {
            QVERIFY(reader.bytesWanted() >= 1);
            progress = reader.feed(frame.mid(i, 1));
            if (i + 1 < frame.size())
                QCOMPARE(progress, TimeServiceFrameReader::Progress::NeedMore);
        }
        QCOMPARE(progress, TimeServiceFrameReader::Progress::Replied);
        QVERIFY(reader.response() == response);
        QVERIFY(!reader.isAwaiting());
        QCOMPARE(reader.feed(QByteArray(1, 'x')), TimeServiceFrameReader::Progress::Invalid);

        reader.expect(0x9999);
        QCOMPARE(reader.feed(frame.left(qsizetype(ts::RESPONSE_HEADER_SIZE))), TimeServiceFrameReader::Progress::Invalid);
        QVERIFY(reader.error().contains(u"another request"_s));

        reader.expect(0x1234);
        QCOMPARE(reader.feed(QByteArray(frame + 'x')), TimeServiceFrameReader::Progress::Invalid);

        // A header that claims a body over the bound is refused before the body is read.
        QByteArray huge = frame.left(qsizetype(ts::RESPONSE_HEADER_SIZE));
        const quint32 tooLong = quint32(ts::MAX_RESPONSE_BODY + 1);
        for (int i = 0; i < 4; ++i)
            huge[28 + i] = char((tooLong >> (8 * i)) & 0xff);
        reader.expect(0x1234);
        QCOMPARE(reader.feed(huge), TimeServiceFrameReader::Progress::Invalid);
    }
};

QTEST_GUILESS_MAIN(TstTimeServicePlan)
#include "tst_timeserviceplan.moc"

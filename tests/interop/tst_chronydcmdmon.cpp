// SPDX-License-Identifier: GPL-3.0-or-later
// The cmdmon client (core/sysservice) against a real chronyd client started by the fixture
// (-x, its own bindcmdaddress socket, sources = three true lab servers and one 2.5 s ahead under
// libfaketime): what ChronydClient reads must be what `chronyc -n -c` prints for the same
// socket — source addresses and states, selectdata letters, tracking — over the Unix socket and
// over the UDP command port on 127.0.0.1.
#include <QProcess>
#include <QTest>

#include <cmath>
#include <memory>

#include "core/sysservice/chronydclient.h"
#include "core/sysservice/chronydsourcestate.h"
#include "core/sysservice/loopbackudptransport.h"
#include "core/sysservice/unixcmdmontransport.h"
#include "tests/interop/chronydlab.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::sysservice;
using chronoscope::Result;
using namespace chronoscope::testing;

namespace {

QString describe(const ChronydSnapshot &snapshot)
{
    QString text;
    for (const ChronydSourceView &view : snapshot.sources)
        text += u"%1 %2 %3\n"_s.arg(QChar::fromLatin1(chronydStateSymbol(view.source.state)))
                    .arg(view.source.address.toString(), chronydStateWords(view));
    return text + snapshot.warnings.join(u'\n');
}

} // namespace

class TstChronydCmdmon : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void sourcesMatchChronyc();
    void trackingMatchesChronyc();
    void falsetickerAndDetails();
    void udpCommandPortGivesTheSameSources();
    void stoppedDaemonIsAClearError();
    void cleanupTestCase();

private:
    std::vector<std::unique_ptr<ChronydInstance>> m_servers;
    std::unique_ptr<ChronydInstance> m_client;
    quint16 m_commandPort = 0;
    QString m_falseAddress = u"127.0.0.14"_s;
};

void TstChronydCmdmon::initTestCase()
{
    const QString serversError = startLabServers({u"127.0.0.11"_s, u"127.0.0.12"_s, u"127.0.0.13"_s, m_falseAddress},
                                                 m_falseAddress, &m_servers);
    QVERIFY2(serversError.isEmpty(), qPrintable(serversError));
    m_commandPort = ChronydInstance::freeUdpPort(QHostAddress(QHostAddress::LocalHost));
    QVERIFY(m_commandPort != 0);
    // Also the UDP command port on 127.0.0.1 (the later cmdport overrides the fixture's 0).
    m_client = std::make_unique<ChronydInstance>();
    const QString clientError =
        startLabClient(m_client.get(), m_servers, u"cmdport %1\nbindcmdaddress 127.0.0.1\n"_s.arg(m_commandPort));
    QVERIFY2(clientError.isEmpty(), qPrintable(clientError));
    // Wait until chronyd has decided about every source (no '?' left in chronyc sources).
    QString output;
    QTRY_VERIFY2_WITH_TIMEOUT(chronycDecidedEverySource(m_client->commandSocketPath(), int(m_servers.size()), &output),
                              qPrintable(output), 30000);
}

void TstChronydCmdmon::cleanupTestCase()
{
    m_client.reset();
    m_servers.clear();
}

void TstChronydCmdmon::sourcesMatchChronyc()
{
    auto transport = UnixCmdmonTransport::open(m_client->commandSocketPath());
    QVERIFY2(transport, qPrintable(transport.errorMessage()));
    ChronydClient client(*transport.value());
    // States can change between the two reads (a poll every 62.5 ms): they must agree in one of
    // a few back-to-back reads.
    QString last;
    bool agreed = false;
    for (int round = 0; round < 20 && !agreed; ++round) {
        const Result<ChronydSnapshot> snapshot = client.snapshot();
        QVERIFY2(snapshot, qPrintable(snapshot.errorMessage()));
        QVERIFY2(snapshot->warnings.isEmpty(), qPrintable(snapshot->warnings.join(u'\n')));
        QString output;
        const QMap<QString, QString> theirs = chronycSourceStates(m_client->commandSocketPath(), &output);
        QMap<QString, QString> ours;
        for (const ChronydSourceView &view : snapshot->sources)
            ours.insert(view.source.address.toString(), QString(QChar::fromLatin1(chronydStateSymbol(view.source.state))));
        agreed = ours == theirs && ours.size() == int(m_servers.size());
        last = u"ours:\n"_s + describe(*snapshot) + u"\nchronyc:\n"_s + output;
        if (!agreed)
            QTest::qWait(20);
    }
    QVERIFY2(agreed, qPrintable(last));

    // selectdata (chrony ≥ 4.2; this is 4.3): the same letters as `chronyc selectdata`.
    bool selectAgreed = false;
    for (int round = 0; round < 20 && !selectAgreed; ++round) {
        const Result<ChronydSnapshot> snapshot = client.snapshot();
        QVERIFY2(snapshot, qPrintable(snapshot.errorMessage()));
        QVERIFY(snapshot->selectDataSupported);
        QString output;
        const QList<QStringList> lines = chronycCsv(m_client->commandSocketPath(), u"selectdata"_s, &output);
        QMap<QString, QString> theirs;
        for (const QStringList &fields : lines)
            if (fields.size() > 3)
                theirs.insert(fields[1], fields[0]);   // CSV: state,address,authentication,...
        QMap<QString, QString> ours;
        for (const ChronydSourceView &view : snapshot->sources) {
            QVERIFY(view.selection);
            ours.insert(view.source.address.toString(), QString(QChar::fromLatin1(view.selection->stateCode)));
        }
        selectAgreed = ours == theirs;
        last = output;
        if (!selectAgreed)
            QTest::qWait(20);
    }
    QVERIFY2(selectAgreed, qPrintable(last));
}

void TstChronydCmdmon::trackingMatchesChronyc()
{
    auto transport = UnixCmdmonTransport::open(m_client->commandSocketPath());
    QVERIFY2(transport, qPrintable(transport.errorMessage()));
    ChronydClient client(*transport.value());
    bool agreed = false;
    QString last;
    for (int round = 0; round < 50 && !agreed; ++round) {
        const Result<ChronydTracking> tracking = client.tracking();
        QVERIFY2(tracking, qPrintable(tracking.errorMessage()));
        QString output;
        const QList<QStringList> lines = chronycCsv(m_client->commandSocketPath(), u"tracking"_s, &output);
        QCOMPARE(lines.size(), 1);
        // CSV: refid,address,stratum,reftime,system time,last offset,rms offset,frequency,
        // residual frequency,skew,root delay,root dispersion,update interval,leap
        const QStringList f = lines.first();
        QVERIFY2(f.size() >= 14, qPrintable(output));
        last = output + u"\nours: refid %1 stratum %2 correction %3 last %4 freq %5 skew %6"_s
                            .arg(tracking->referenceId, 8, 16, QChar(u'0')).arg(tracking->stratum)
                            .arg(tracking->currentCorrection, 0, 'g', 9).arg(tracking->lastOffset, 0, 'g', 9)
                            .arg(tracking->frequencyPpm, 0, 'g', 9).arg(tracking->skewPpm)
                            + u" delay %1 dispersion %2"_s.arg(tracking->rootDelay, 0, 'g', 9).arg(tracking->rootDispersion, 0, 'g', 9);
        agreed = f[0].toUInt(nullptr, 16) == tracking->referenceId
            && f[1] == tracking->address.toString()
            && f[2].toInt() == tracking->stratum
            // The remaining correction is slewed away continuously between the two reads.
            && std::abs(f[4].toDouble() - tracking->currentCorrection) <= 1e-7
            && std::abs(f[5].toDouble() - tracking->lastOffset) <= 1e-9
            && std::abs(f[6].toDouble() - tracking->rmsOffset) <= 1e-9
            && std::abs(f[7].toDouble() - tracking->frequencyPpm) <= 1e-3
            && std::abs(f[9].toDouble() - tracking->skewPpm) <= 1e-3
            && std::abs(f[10].toDouble() - tracking->rootDelay) <= 1e-9
            // The dispersion grows with the time since the last update (15 ppm): a few ms apart.
            && std::abs(f[11].toDouble() - tracking->rootDispersion) <= 1e-6;
        if (!agreed)
            QTest::qWait(20);
    }
    QVERIFY2(agreed, qPrintable(last));
}

void TstChronydCmdmon::falsetickerAndDetails()
{
    auto transport = UnixCmdmonTransport::open(m_client->commandSocketPath());
    QVERIFY2(transport, qPrintable(transport.errorMessage()));
    ChronydClient client(*transport.value());
    const Result<ChronydSnapshot> snapshot = client.snapshot();
    QVERIFY2(snapshot, qPrintable(snapshot.errorMessage()));
    QCOMPARE(snapshot->sources.size(), qsizetype(m_servers.size()));
    for (const ChronydSourceView &view : snapshot->sources) {
        const QString address = view.source.address.toString();
        const auto server = std::find_if(m_servers.cbegin(), m_servers.cend(),
                                         [&](const auto &s) { return s->address().toString() == address; });
        QVERIFY2(server != m_servers.cend(), qPrintable(address));
        QCOMPARE(view.source.mode, ChronydSourceMode::Client);
        QCOMPARE(view.source.stratum, 1);
        QVERIFY(view.source.reachability != 0);
        if (address == m_falseAddress) {
            QCOMPARE(view.source.state, ChronydSourceState::Falseticker);
            QCOMPARE(chronydStateWords(view), u"falseticker"_s);
            // chrony's sign: the local clock is 2.5 s behind this server.
            QVERIFY2(std::abs(view.source.latestOffset + 2.5) < 0.05, qPrintable(QString::number(view.source.latestOffset)));
        } else {
            QVERIFY2(std::abs(view.source.latestOffset) < 0.01, qPrintable(QString::number(view.source.latestOffset)));
        }
        QVERIFY(view.stats);
        QVERIFY(view.stats->samples >= 1);
        QVERIFY(view.ntp);
        QCOMPARE(view.ntp->remoteAddress, (*server)->address());
        QCOMPARE(view.ntp->remotePort, (*server)->port());
        QCOMPARE(view.ntp->stratum, 1);
        QCOMPARE(view.ntp->mode, 4);
        QVERIFY(view.ntp->totalReceived >= 1);
        QVERIFY(view.auth);
        QCOMPARE(view.auth->mode, ChronydAuthData::Mode::None);
        QCOMPARE(view.name, address);
    }
    QCOMPARE(client.ignoredReplies(), 0);
}

void TstChronydCmdmon::udpCommandPortGivesTheSameSources()
{
    auto udp = openChronydCommandPort(QHostAddress(QHostAddress::LocalHost), m_commandPort);
    QVERIFY2(udp, qPrintable(udp.errorMessage()));
    ChronydClient client(*udp.value(), 1000, 3);
    const Result<ChronydTracking> tracking = client.tracking();
    QVERIFY2(tracking, qPrintable(tracking.errorMessage()));
    const Result<std::uint32_t> count = client.sourceCount();
    QVERIFY2(count, qPrintable(count.errorMessage()));
    QCOMPARE(*count, std::uint32_t(m_servers.size()));
    QSet<QString> addresses;
    for (std::uint32_t i = 0; i < *count; ++i) {
        const Result<ChronydSource> source = client.source(i);
        QVERIFY2(source, qPrintable(source.errorMessage()));
        addresses.insert(source->address.toString());
    }
    QSet<QString> expected;
    for (const auto &server : m_servers)
        expected.insert(server->address().toString());
    QCOMPARE(addresses, expected);
    // A non-loopback address is refused before anything is sent.
    QVERIFY(!openChronydCommandPort(QHostAddress(u"192.0.2.1"_s), m_commandPort));
}

void TstChronydCmdmon::stoppedDaemonIsAClearError()
{
    auto transport = UnixCmdmonTransport::open(m_client->commandSocketPath());
    QVERIFY2(transport, qPrintable(transport.errorMessage()));
    ChronydClient client(*transport.value(), 500);
    QVERIFY(client.tracking());
    const QString path = m_client->commandSocketPath();
    m_client->stop();
    const Result<ChronydTracking> after = client.tracking();
    QVERIFY(!after);
    QVERIFY2(after.errorMessage().contains(u"stopped answering"_s) || after.errorMessage().contains(u"no reply"_s),
             qPrintable(after.errorMessage()));
    const auto reopened = UnixCmdmonTransport::open(path);
    QVERIFY(!reopened);
    QVERIFY2(reopened.errorMessage().contains(u"is chronyd running"_s) || reopened.errorMessage().contains(u"dead socket"_s),
             qPrintable(reopened.errorMessage()));
}

QTEST_GUILESS_MAIN(TstChronydCmdmon)
#include "tst_chronydcmdmon.moc"

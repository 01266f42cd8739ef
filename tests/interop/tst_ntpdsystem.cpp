// SPDX-License-Identifier: GPL-3.0-or-later
// `chronoscope-cli system --ntpd` against a real ntpsec ntpd (unpacked by dev.sh, never
// installed; -n, `disable ntp`, `disable kernel`, without CAP_SYS_TIME: NtpsecInstance) whose
// sources are four lab chronyd servers, the last one 2.5 s ahead under libfaketime. Runs in a
// private network namespace (in-ntpd-netns.sh under `unshare -n`, root): ntpd binds UDP port 123
// and accepts no 127.x server but 127.0.0.1, so the servers are on 10.123.0.21-24:123 there.
// Compared with ntpsec's own ntpq: `ntpq -p -n` (tally code per source) and `ntpq -c rv`. Also:
// ::1, the detection order (no chronyd: ntpd), clear errors (not loopback, closed port, noquery).
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <cmath>
#include <memory>

#include <unistd.h>

#include "tests/interop/chronydinstance.h"
#include "tests/interop/clirunner.h"
#include "tests/interop/ntpsecinstance.h"
#include "core/sysservice/systemservicereader.h"

using namespace Qt::StringLiterals;
using chronoscope::testing::ChronydInstance;
using chronoscope::testing::CliRun;
using chronoscope::testing::NtpsecInstance;
using chronoscope::testing::runCli;

namespace {

const QStringList SERVERS {u"10.123.0.21"_s, u"10.123.0.22"_s, u"10.123.0.23"_s, u"10.123.0.24"_s};
const QString FALSETICKER = u"10.123.0.24"_s;

QString ntpsecRoot()
{
    // .../build/tools/ntpsec/usr/sbin/ntpd → .../build/tools/ntpsec
    const QString ntpd = NtpsecInstance::findNtpd();
    return ntpd.isEmpty() ? QString() : QFileInfo(ntpd).absoluteDir().filePath(u"../.."_s);
}

QString ntpq(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PYTHONPATH"_s, ntpsecRoot() + u"/usr/lib/python3/dist-packages"_s);
    process.setProcessEnvironment(env);
    process.start(ntpsecRoot() + u"/usr/bin/ntpq"_s, arguments);
    process.waitForFinished(10000);
    return QString::fromLocal8Bit(process.readAllStandardOutput() + process.readAllStandardError());
}

// `ntpq -p -n`: address → tally character.
QMap<QString, QString> ntpqPeers(QString *output)
{
    *output = ntpq({u"-p"_s, u"-n"_s, u"127.0.0.1"_s});
    QMap<QString, QString> peers;
    bool table = false;
    for (const QString &line : output->split(u'\n')) {
        if (line.startsWith(u"==="_s)) {
            table = true;
            continue;
        }
        if (!table || line.size() < 2)
            continue;
        peers.insert(line.mid(1).section(u' ', 0, 0, QString::SectionSkipEmpty), line.left(1));
    }
    return peers;
}

} // namespace

class TstNtpdSystem : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void sourcesAndStatesMatchNtpq();
    void systemVariablesMatchNtpqReadvar();
    void textNamesTheFalsetickerAndIpv6Works();
    void nonLoopbackAndSilentPortsAreClearErrors();
    void detectionFallsBackFromChronydToNtpd();
    void noqueryNtpdIsAClearError();
    void cleanupTestCase();

private:
    std::vector<std::unique_ptr<ChronydInstance>> m_servers;
    std::unique_ptr<NtpsecInstance> m_ntpd;
};

void TstNtpdSystem::initTestCase()
{
    QVERIFY2(::geteuid() == 0 && ChronydInstance::inPrivateLoopbackNamespace(),
             "tst_ntpdsystem runs as root in its own network namespace: ctest starts it through "
             "`unshare -n sh in-ntpd-netns.sh`");
    QVERIFY2(!NtpsecInstance::findNtpd().isEmpty(),
             "ntpsec's ntpd not found: ./dev.sh test unpacks it into build/tools/ntpsec, or set CHRONOSCOPE_NTPSEC_NTPD");
    QVERIFY2(ntpq({u"--version"_s}).contains(u"ntpsec"_s),
             qPrintable(u"ntpsec's ntpq does not run (dev.sh unpacks python3-ntp next to it): "_s + ntpq({u"--version"_s})));
    QString config = u"interface listen ::1\n"_s;
    for (const QString &address : SERVERS) {
        auto server = std::make_unique<ChronydInstance>(QHostAddress(address));
        server->setFixedPort(123);
        if (address == FALSETICKER)
            server->setFakeTime(u"+2.5s"_s);
        QVERIFY2(server->start(), qPrintable(server->errorString()));
        m_servers.push_back(std::move(server));
        config += u"server %1 iburst minpoll 0 maxpoll 0\n"_s.arg(address);
    }
    m_ntpd = std::make_unique<NtpsecInstance>(true);
    m_ntpd->setExtraConfig(config);
    QVERIFY2(m_ntpd->start(), qPrintable(m_ntpd->errorString()));
    // ntpd selects after a few samples of each source (about 10-20 s at a 1 s poll).
    QString output;
    const auto decided = [&] {
        const QMap<QString, QString> peers = ntpqPeers(&output);
        return peers.size() == SERVERS.size() && peers.values().contains(u"*"_s) && peers.value(FALSETICKER) == u"x"_s;
    };
    QTRY_VERIFY2_WITH_TIMEOUT(decided(), qPrintable(output + m_ntpd->log()), 60000);
}

void TstNtpdSystem::cleanupTestCase()
{
    m_ntpd.reset();
    m_servers.clear();
}

void TstNtpdSystem::sourcesAndStatesMatchNtpq()
{
    // States can change between the two reads: they must agree in one of a few rounds.
    QString last;
    bool agreed = false;
    for (int round = 0; round < 10 && !agreed; ++round) {
        const CliRun run = runCli({u"system"_s, u"--json"_s, u"--ntpd"_s, u"127.0.0.1"_s}, 20);
        // ntpd's own leap stays "not synchronised" with the clock discipline disabled: exit 1.
        QVERIFY2(run.finished && (run.exitCode == 0 || run.exitCode == 1), run.describe().constData());
        QString error;
        const QJsonObject json = run.json(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(json.value(u"daemon"_s).toString(), u"ntpd"_s);
        QCOMPARE(json.value(u"endpoint"_s).toString(), u"127.0.0.1:123"_s);
        QString output;
        const QMap<QString, QString> theirs = ntpqPeers(&output);
        QMap<QString, QString> ours;
        QString selected;
        double falseOffset = 0;
        QString falseState;
        for (const QJsonValue &value : json.value(u"sources"_s).toArray()) {
            const QJsonObject source = value.toObject();
            const QString address = source.value(u"address"_s).toString();
            ours.insert(address, source.value(u"stateSymbol"_s).toString());
            if (source.value(u"state"_s).toString() == u"selected"_s)
                selected = address;
            if (address == FALSETICKER) {
                falseOffset = source.value(u"offset"_s).toDouble();
                falseState = source.value(u"state"_s).toString();
            }
        }
        agreed = ours == theirs && ours.size() == SERVERS.size() && json.value(u"selectedSource"_s).toString() == selected
            && !selected.isEmpty() && falseState == u"falseticker"_s
            // Chronoscope's sign: the falseticker is 2.5 s ahead of this clock.
            && std::abs(falseOffset - 2.5) < 0.1;
        last = QString::fromUtf8(run.out) + u"\nntpq -p -n:\n"_s + output;
    }
    QVERIFY2(agreed, qPrintable(last));
}

void TstNtpdSystem::systemVariablesMatchNtpqReadvar()
{
    QString last;
    bool agreed = false;
    for (int round = 0; round < 10 && !agreed; ++round) {
        const CliRun run = runCli({u"system"_s, u"--json"_s, u"--ntpd"_s, u"127.0.0.1"_s}, 20);
        QString error;
        const QJsonObject json = run.json(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error + QString::fromUtf8(run.describe())));
        const QJsonObject system = json.value(u"system"_s).toObject();
        // ntpq -c rv: "associd=0 status=... version="ntpd ntpsec-1.2.2", ... stratum=2, ... peer=17767, ..."
        const QString rv = ntpq({u"-c"_s, u"rv"_s, u"127.0.0.1"_s}).simplified();
        const auto field = [&](const QString &name) {
            const QRegularExpressionMatch m = QRegularExpression(u"(?:^|[ ,])"_s + name + u"=(\"[^\"]*\"|[^,]*)"_s).match(rv);
            return m.hasMatch() ? m.captured(1).remove(u'"').trimmed() : QString();
        };
        agreed = !field(u"stratum"_s).isEmpty() && field(u"stratum"_s).toInt() == system.value(u"stratum"_s).toInt()
            && field(u"refid"_s) == system.value(u"referenceId"_s).toString()
            && field(u"peer"_s).toInt() == system.value(u"systemPeerAssociationId"_s).toInt()
            && field(u"version"_s) == json.value(u"version"_s).toString()
            && std::abs(field(u"frequency"_s).toDouble() - system.value(u"frequencyPpm"_s).toDouble()) < 1e-3;
        last = rv + u"\nours: "_s + QString::fromUtf8(run.out);
    }
    QVERIFY2(agreed, qPrintable(last));
}

void TstNtpdSystem::textNamesTheFalsetickerAndIpv6Works()
{
    const CliRun run = runCli({u"system"_s, u"--ntpd"_s, u"::1"_s}, 20);
    QVERIFY2(run.finished && (run.exitCode == 0 || run.exitCode == 1), run.describe().constData());
    const QString text = QString::fromUtf8(run.out);
    QVERIFY2(text.contains(u"ntpd ntpsec-"_s) && text.contains(u"read from [::1]:123 over mode 6"_s), qPrintable(text));
    QVERIFY2(text.contains(u"follows 10.123.0.2"_s), qPrintable(text));
    bool found = false;
    for (const QString &line : text.split(u'\n'))
        found = found || (line.contains(FALSETICKER) && line.contains(u"falseticker"_s) && line.contains(u"+2.5"_s));
    QVERIFY2(found, qPrintable(text));
}

void TstNtpdSystem::nonLoopbackAndSilentPortsAreClearErrors()
{
    const CliRun remote = runCli({u"system"_s, u"--ntpd"_s, u"10.123.0.21"_s}, 20);
    QCOMPARE(remote.exitCode, 2);
    QVERIFY2(remote.err.contains("10.123.0.21 is not a loopback address"), remote.describe().constData());
    // Nothing on this port: refused at once, exit 3, in words.
    const quint16 closed = ChronydInstance::freeUdpPort(QHostAddress(QHostAddress::LocalHost));
    const CliRun silent = runCli({u"system"_s, u"--ntpd"_s, u"127.0.0.1:%1"_s.arg(closed)}, 20);
    QCOMPARE(silent.exitCode, 3);
    QVERIFY2(silent.err.contains(QByteArray(QByteArray("nothing listens on 127.0.0.1:") + QByteArray::number(closed))),
             silent.describe().constData());
}

void TstNtpdSystem::detectionFallsBackFromChronydToNtpd()
{
    // What the GUI page reads: no chronyd socket, nothing on chronyd's command port, so ntpd on
    // loopback answers, and timesyncd is not asked.
    using namespace chronoscope::sysservice;
    SystemServiceReaderOptions options;
    options.chronydSocket = u"/nonexistent/chronyd.sock"_s;
    options.chronydPort = ChronydInstance::freeUdpPort(QHostAddress(QHostAddress::LocalHost));
    bool timesyncdAsked = false;
    options.readTimesyncd = [&timesyncdAsked] {
        timesyncdAsked = true;
        return SystemServiceReading{};
    };
    const SystemServiceReading reading = readSystemService(options);
    QVERIFY2(reading.ok(), qPrintable(reading.error));
    QCOMPARE(reading.daemon, u"ntpd"_s);
    QCOMPARE(reading.endpoint, u"127.0.0.1:123"_s);
    QVERIFY(!timesyncdAsked);
    QCOMPARE(reading.sources.size(), SERVERS.size());
    for (const SystemServiceSource &source : reading.sources)
        if (source.address == FALSETICKER)
            QCOMPARE(source.state, u"falseticker"_s);
    QVERIFY(reading.selectedAddress.startsWith(u"10.123.0.2"_s));
}

void TstNtpdSystem::noqueryNtpdIsAClearError()
{
    // Last: ntpd restarted with `noquery` (its usual hardening) serves time but answers no mode 6.
    m_ntpd.reset();
    m_ntpd = std::make_unique<NtpsecInstance>(false);
    QString config = u"interface listen ::1\n"_s;
    for (const QString &address : SERVERS)
        config += u"server %1 iburst minpoll 0 maxpoll 0\n"_s.arg(address);
    m_ntpd->setExtraConfig(config);
    QVERIFY2(m_ntpd->start(), qPrintable(m_ntpd->errorString()));
    const CliRun run = runCli({u"system"_s, u"--ntpd"_s, u"127.0.0.1"_s}, 20);
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains("no reply from 127.0.0.1:123 to READVAR") && run.err.contains("restrict lines allow queries"),
             run.describe().constData());
}

QTEST_GUILESS_MAIN(TstNtpdSystem)
#include "tst_ntpdsystem.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// `chronoscope-cli system` against a real chronyd client started by the fixture (-x, its own
// bindcmdaddress socket; sources = three true lab chronyd servers on loopback and one 2.5 s
// ahead under libfaketime): `system --json` lists the same sources with the same states that
// `chronyc -h SOCKET -n sources` shows, and tracking offset/frequency within chronyc's rounding.
// Also: the UDP command port fallback, and clear errors for a missing socket and bad options.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <cmath>
#include <memory>

#include "tests/interop/chronydlab.h"
#include "tests/interop/clirunner.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::testing;

class TstSystemCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void jsonSourcesMatchChronycSources();
    void jsonTrackingMatchesChronycTracking();
    void textNamesTheFalseticker();
    void udpFallbackWhenTheSocketIsMissing();
    void udpFallbackAlsoTriesIpv6Loopback();
    void missingSocketIsAClearError();
    void badOptionsAreUsageErrors();
    void cleanupTestCase();

private:
    std::vector<std::unique_ptr<ChronydInstance>> m_servers;
    std::unique_ptr<ChronydInstance> m_client;
    quint16 m_commandPort = 0;
    const QString m_falseAddress = u"127.0.0.24"_s;
};

void TstSystemCli::initTestCase()
{
    const QString serversError = startLabServers({u"127.0.0.21"_s, u"127.0.0.22"_s, u"127.0.0.23"_s, m_falseAddress},
                                                 m_falseAddress, &m_servers);
    QVERIFY2(serversError.isEmpty(), qPrintable(serversError));
    m_commandPort = ChronydInstance::freeUdpPort(QHostAddress(QHostAddress::LocalHost));
    m_client = std::make_unique<ChronydInstance>();
    const QString clientError =
        startLabClient(m_client.get(), m_servers, u"cmdport %1\nbindcmdaddress 127.0.0.1\n"_s.arg(m_commandPort));
    QVERIFY2(clientError.isEmpty(), qPrintable(clientError));
    QString output;
    QTRY_VERIFY2_WITH_TIMEOUT(chronycDecidedEverySource(m_client->commandSocketPath(), int(m_servers.size()), &output),
                              qPrintable(output), 30000);
}

void TstSystemCli::cleanupTestCase()
{
    m_client.reset();
    m_servers.clear();
}

void TstSystemCli::jsonSourcesMatchChronycSources()
{
    // A poll every 62.5 ms can change a state between the two reads: they must agree in one of
    // a few back-to-back rounds.
    QString last;
    bool agreed = false;
    for (int round = 0; round < 10 && !agreed; ++round) {
        const CliRun run = runCli({u"system"_s, u"--json"_s, u"--chronyd-socket"_s, m_client->commandSocketPath()}, 20);
        QVERIFY2(run.finished && run.exitCode == 0, run.describe().constData());
        QString error;
        const QJsonObject json = run.json(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(json.value(u"daemon"_s).toString(), u"chronyd"_s);
        QCOMPARE(json.value(u"endpoint"_s).toString(), m_client->commandSocketPath());
        QString output;
        const QMap<QString, QString> theirs = chronycSourceStates(m_client->commandSocketPath(), &output);
        QMap<QString, QString> ours;
        QString selected;
        for (const QJsonValue &value : json.value(u"sources"_s).toArray()) {
            const QJsonObject source = value.toObject();
            ours.insert(source.value(u"address"_s).toString(), source.value(u"stateSymbol"_s).toString());
            if (source.value(u"state"_s).toString() == u"selected"_s)
                selected = source.value(u"address"_s).toString();
        }
        agreed = ours == theirs && ours.size() == int(m_servers.size())
            && json.value(u"selectedSource"_s).toString() == selected;
        last = QString::fromUtf8(run.out) + u"\nchronyc:\n"_s + output;
    }
    QVERIFY2(agreed, qPrintable(last));
}

void TstSystemCli::jsonTrackingMatchesChronycTracking()
{
    QString last;
    bool agreed = false;
    for (int round = 0; round < 20 && !agreed; ++round) {
        const CliRun run = runCli({u"system"_s, u"--json"_s, u"--chronyd-socket"_s, m_client->commandSocketPath()}, 20);
        QVERIFY2(run.finished && run.exitCode == 0, run.describe().constData());
        QString error;
        const QJsonObject tracking = run.json(&error).value(u"tracking"_s).toObject();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QString output;
        const QList<QStringList> lines = chronycCsv(m_client->commandSocketPath(), u"tracking"_s, &output);
        QCOMPARE(lines.size(), 1);
        // CSV: refid,address,stratum,reftime,system time,last offset,rms offset,frequency,...
        const QStringList f = lines.first();
        QVERIFY2(f.size() >= 14, qPrintable(output));
        agreed = f[0] == tracking.value(u"referenceId"_s).toString()
            && f[1] == tracking.value(u"address"_s).toString()
            && f[2].toInt() == tracking.value(u"stratum"_s).toInt()
            && f[13] == u"Normal"_s && tracking.value(u"leap"_s).toString() == u"normal"_s
            // chronyc prints the offsets to 1 ns and the frequency to 0.001 ppm; the remaining
            // correction moves a little between the two reads.
            && std::abs(f[4].toDouble() - tracking.value(u"systemTimeOffset"_s).toDouble()) <= 1e-7
            && std::abs(f[5].toDouble() - tracking.value(u"chronyLastOffset"_s).toDouble()) <= 1e-9
            && std::abs(f[5].toDouble() + tracking.value(u"lastOffset"_s).toDouble()) <= 1e-9
            && std::abs(f[7].toDouble() - tracking.value(u"frequencyPpm"_s).toDouble()) <= 1e-3;
        last = output + u"\nours: "_s + QString::fromUtf8(run.out);
    }
    QVERIFY2(agreed, qPrintable(last));
}

void TstSystemCli::textNamesTheFalseticker()
{
    const CliRun run = runCli({u"system"_s, u"--chronyd-socket"_s, m_client->commandSocketPath()}, 20);
    QVERIFY2(run.finished && run.exitCode == 0, run.describe().constData());
    const QString text = QString::fromUtf8(run.out);
    // Chronoscope's sign: the falseticker is 2.5 s ahead of this clock.
    QVERIFY2(text.contains(u"follows 127.0.0.2"_s), qPrintable(text));
    bool found = false;
    for (const QString &line : text.split(u'\n'))
        found = found || (line.contains(m_falseAddress) && line.contains(u"falseticker"_s) && line.contains(u"+2.5"_s));
    QVERIFY2(found, qPrintable(text));
}

void TstSystemCli::udpFallbackWhenTheSocketIsMissing()
{
    const QString missing = m_client->commandSocketPath() + u".missing"_s;
    const CliRun run = runCli({u"system"_s, u"--json"_s, u"--chronyd-socket"_s, missing,
                               u"--chronyd-port"_s, QString::number(m_commandPort)}, 30);
    QVERIFY2(run.finished && run.exitCode == 0, run.describe().constData());
    QString error;
    const QJsonObject json = run.json(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(json.value(u"endpoint"_s).toString(), u"127.0.0.1:%1"_s.arg(m_commandPort));
    QCOMPARE(json.value(u"sources"_s).toArray().size(), qsizetype(m_servers.size()));
    const QString warnings = QString::fromUtf8(QJsonDocument(json.value(u"warnings"_s).toArray()).toJson());
    QVERIFY2(warnings.contains(u"no chronyd command socket at"_s), qPrintable(warnings));
}

void TstSystemCli::udpFallbackAlsoTriesIpv6Loopback()
{
    // A second client whose command port listens on ::1 only (chronyd -6): 127.0.0.1 refuses,
    // ::1 answers. Its one (IPv4) source stays unreachable; only the endpoint matters here.
    ChronydInstance client{QHostAddress(QHostAddress::LocalHostIPv6)};
    client.setClientMode(true);
    const quint16 port = ChronydInstance::freeUdpPort(QHostAddress(QHostAddress::LocalHostIPv6));
    QVERIFY(port != 0);
    client.setExtraConfig(u"cmdport %1\nbindcmdaddress ::1\nserver %2 port %3 iburst\n"_s.arg(port)
                              .arg(m_servers.front()->address().toString()).arg(m_servers.front()->port()));
    QVERIFY2(client.start(), qPrintable(client.errorString()));
    const CliRun run = runCli({u"system"_s, u"--json"_s, u"--chronyd-socket"_s, client.commandSocketPath() + u".missing"_s,
                               u"--chronyd-port"_s, QString::number(port)}, 30);
    QVERIFY2(run.finished && (run.exitCode == 0 || run.exitCode == 1), run.describe().constData());
    QString error;
    const QJsonObject json = run.json(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(json.value(u"endpoint"_s).toString(), u"[::1]:%1"_s.arg(port));
    QCOMPARE(json.value(u"sources"_s).toArray().size(), 1);
}

void TstSystemCli::missingSocketIsAClearError()
{
    const QString missing = m_client->commandSocketPath() + u".missing"_s;
    // Nothing on the fallback port either (a port chronyd does not use).
    const quint16 closed = ChronydInstance::freeUdpPort(QHostAddress(QHostAddress::LocalHost));
    const CliRun run = runCli({u"system"_s, u"--chronyd-socket"_s, missing, u"--chronyd-port"_s, QString::number(closed)}, 30);
    QVERIFY2(run.finished && run.exitCode == 3, run.describe().constData());
    QVERIFY2(run.err.contains(QByteArray("no chronyd command socket at " + missing.toUtf8())), run.describe().constData());
    const CliRun json = runCli({u"system"_s, u"--json"_s, u"--chronyd-socket"_s, missing, u"--chronyd-port"_s, QString::number(closed)}, 30);
    QCOMPARE(json.exitCode, 3);
    QString error;
    QVERIFY2(json.json(&error).value(u"error"_s).toString().contains(u"is chronyd running"_s), json.describe().constData());
}

void TstSystemCli::badOptionsAreUsageErrors()
{
    const CliRun port = runCli({u"system"_s, u"--chronyd-port"_s, u"70000"_s}, 10);
    QCOMPARE(port.exitCode, 2);
    QVERIFY2(port.err.contains("--chronyd-port 70000"), port.describe().constData());
    const CliRun unknown = runCli({u"system"_s, u"--bogus"_s}, 10);
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.contains("--bogus"), unknown.describe().constData());
}

QTEST_GUILESS_MAIN(TstSystemCli)
#include "tst_systemcli.moc"

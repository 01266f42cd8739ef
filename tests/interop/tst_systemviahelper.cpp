// SPDX-License-Identifier: GPL-3.0-or-later
// `chronoscope-cli system --via-helper` (issue 15 item 1): chronyd's socket read through the real
// chronoscope-helper (`read-time-service`, started directly through CHRONOSCOPE_HELPER with its
// test root and --test-chronyd-socket, HELPER.md §5.5) against a real chronyd client started by
// the fixture (-x, no CAP_SYS_TIME, its own bindcmdaddress socket; sources = three true lab
// servers and one 2.5 s ahead under libfaketime). The sources and their states must equal
// `chronyc -h SOCKET -n sources` and `system --json` read directly. Also: run as nobody, the
// unreadable socket's error names --via-helper; a dead socket through the helper is "not running".
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "tests/interop/chronydlab.h"
#include "tests/interop/clirunner.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::testing;

namespace {

// address → our state symbol, and the selected source, from `system --json`.
QMap<QString, QString> ourSources(const QJsonObject &json, QString *selected)
{
    QMap<QString, QString> sources;
    for (const QJsonValue &value : json.value(u"sources"_s).toArray()) {
        const QJsonObject source = value.toObject();
        sources.insert(source.value(u"address"_s).toString(), source.value(u"stateSymbol"_s).toString());
        if (source.value(u"state"_s).toString() == u"selected"_s)
            *selected = source.value(u"address"_s).toString();
    }
    return sources;
}

} // namespace

class TstSystemViaHelper : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void viaHelperListsWhatChronycLists();
    void viaHelperEqualsTheDirectRead();
    void unreadableSocketSuggestsViaHelper();
    void deadSocketThroughTheHelperIsNotRunning();
    void viaHelperWithASocketPathIsAUsageError();
    void cleanupTestCase();

private:
    void useHelper(const QString &socket);

    std::vector<std::unique_ptr<ChronydInstance>> m_servers;
    std::unique_ptr<ChronydInstance> m_client;
    QTemporaryDir m_root;   // the helper's test root (it writes nothing for a read)
    const QString m_falseAddress = u"127.0.0.34"_s;
};

void TstSystemViaHelper::useHelper(const QString &socket)
{
    qputenv("CHRONOSCOPE_HELPER", qgetenv("CHRONOSCOPE_HELPER_BIN"));
    qputenv("CHRONOSCOPE_HELPER_TEST_ROOT", QFile::encodeName(m_root.path()));
    qputenv("CHRONOSCOPE_HELPER_TEST_CHRONYD_SOCKET", QFile::encodeName(socket));
}

void TstSystemViaHelper::initTestCase()
{
    QVERIFY2(!qgetenv("CHRONOSCOPE_HELPER_BIN").isEmpty(), "CHRONOSCOPE_HELPER_BIN is not set");
    QVERIFY(m_root.isValid());
    // The helper binds its own client socket under the root's run/ (HELPER.md §5.5).
    QVERIFY(QDir().mkpath(m_root.path() + u"/run"_s));
    const QString serversError = startLabServers({u"127.0.0.31"_s, u"127.0.0.32"_s, u"127.0.0.33"_s, m_falseAddress},
                                                 m_falseAddress, &m_servers);
    QVERIFY2(serversError.isEmpty(), qPrintable(serversError));
    m_client = std::make_unique<ChronydInstance>();
    const QString clientError = startLabClient(m_client.get(), m_servers);
    QVERIFY2(clientError.isEmpty(), qPrintable(clientError));
    QString output;
    const auto decided = [&] {
        const QMap<QString, QString> sources = chronycSourceStates(m_client->commandSocketPath(), &output);
        return sources.size() == int(m_servers.size()) && !sources.values().contains(u"?"_s)
            && sources.value(m_falseAddress) == u"x"_s;
    };
    QTRY_VERIFY2_WITH_TIMEOUT(decided(), qPrintable(output), 30000);
    useHelper(m_client->commandSocketPath());
}

void TstSystemViaHelper::cleanupTestCase()
{
    m_client.reset();
    m_servers.clear();
}

void TstSystemViaHelper::viaHelperListsWhatChronycLists()
{
    // A poll every 62.5 ms can change a state between the two reads: they must agree in one of
    // a few back-to-back rounds.
    QString last;
    bool agreed = false;
    for (int round = 0; round < 10 && !agreed; ++round) {
        const CliRun run = runCli({u"system"_s, u"--json"_s, u"--via-helper"_s}, 30);
        QVERIFY2(run.finished && run.exitCode == 0, run.describe().constData());
        QString error;
        const QJsonObject json = run.json(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(json.value(u"daemon"_s).toString(), u"chronyd"_s);
        QCOMPARE(json.value(u"throughHelper"_s).toBool(), true);
        QVERIFY2(json.value(u"endpoint"_s).toString().contains(u"through the helper"_s), run.describe().constData());
        // ntpdata and authdata are not on the helper's whitelist: said once, not per source.
        const QJsonArray warnings = json.value(u"warnings"_s).toArray();
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.first().toString().contains(u"ntpdata and authdata not read"_s), run.describe().constData());
        QString output;
        const QMap<QString, QString> theirs = chronycSourceStates(m_client->commandSocketPath(), &output);
        QString selected;
        const QMap<QString, QString> ours = ourSources(json, &selected);
        agreed = ours == theirs && ours.size() == int(m_servers.size()) && ours.value(m_falseAddress) == u"x"_s
            && json.value(u"selectedSource"_s).toString() == selected && !selected.isEmpty();
        last = QString::fromUtf8(run.out) + u"\nchronyc:\n"_s + output;
    }
    QVERIFY2(agreed, qPrintable(last));
}

void TstSystemViaHelper::viaHelperEqualsTheDirectRead()
{
    QString last;
    bool agreed = false;
    for (int round = 0; round < 10 && !agreed; ++round) {
        const CliRun direct = runCli({u"system"_s, u"--json"_s, u"--chronyd-socket"_s, m_client->commandSocketPath()}, 20);
        const CliRun helper = runCli({u"system"_s, u"--json"_s, u"--via-helper"_s}, 30);
        QVERIFY2(direct.finished && direct.exitCode == 0, direct.describe().constData());
        QVERIFY2(helper.finished && helper.exitCode == 0, helper.describe().constData());
        QString error;
        const QJsonObject a = direct.json(&error);
        const QJsonObject b = helper.json(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QString selectedA;
        QString selectedB;
        const QMap<QString, QString> sourcesA = ourSources(a, &selectedA);
        const QMap<QString, QString> sourcesB = ourSources(b, &selectedB);
        const QJsonObject trackingA = a.value(u"tracking"_s).toObject();
        const QJsonObject trackingB = b.value(u"tracking"_s).toObject();
        agreed = sourcesA == sourcesB && sourcesA.size() == int(m_servers.size()) && selectedA == selectedB
            && trackingA.value(u"referenceId"_s) == trackingB.value(u"referenceId"_s)
            && trackingA.value(u"stratum"_s) == trackingB.value(u"stratum"_s)
            && trackingA.value(u"leap"_s) == trackingB.value(u"leap"_s);
        last = QString::fromUtf8(direct.out) + u"\nthrough the helper:\n"_s + QString::fromUtf8(helper.out);
    }
    QVERIFY2(agreed, qPrintable(last));
}

void TstSystemViaHelper::unreadableSocketSuggestsViaHelper()
{
    // The fixture's socket is in a 0700 directory of root's: as nobody (setpriv), it cannot be
    // read, and there is no command port to fall back to.
    const quint16 closed = ChronydInstance::freeUdpPort(QHostAddress(QHostAddress::LocalHost));
    QProcess process;
    process.start(u"setpriv"_s, {u"--reuid=65534"_s, u"--regid=65534"_s, u"--clear-groups"_s,
                                 QString::fromLocal8Bit(qgetenv("CHRONOSCOPE_CLI")), u"system"_s, u"--chronyd-socket"_s,
                                 m_client->commandSocketPath(), u"--chronyd-port"_s, QString::number(closed)});
    QVERIFY(process.waitForFinished(30000));
    const QByteArray err = process.readAllStandardError();
    QCOMPARE(process.exitCode(), 3);
    QVERIFY2(err.contains("permission denied"), err.constData());
    QVERIFY2(err.contains("--via-helper"), err.constData());
}

void TstSystemViaHelper::deadSocketThroughTheHelperIsNotRunning()
{
    useHelper(m_client->commandSocketPath() + u".missing"_s);
    const CliRun run = runCli({u"system"_s, u"--json"_s, u"--via-helper"_s}, 30);
    useHelper(m_client->commandSocketPath());
    QVERIFY2(run.finished && run.exitCode == 3, run.describe().constData());
    QString error;
    const QString message = run.json(&error).value(u"error"_s).toString();
    QVERIFY2(message.contains(u"chronyd is not running"_s) && message.contains(u"daemon_not_running"_s), qPrintable(message));
}

void TstSystemViaHelper::viaHelperWithASocketPathIsAUsageError()
{
    const CliRun run = runCli({u"system"_s, u"--via-helper"_s, u"--chronyd-socket"_s, m_client->commandSocketPath()}, 10);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--via-helper"), run.describe().constData());
    const CliRun ntpd = runCli({u"system"_s, u"--via-helper"_s, u"--ntpd"_s, u"127.0.0.1"_s}, 10);
    QCOMPARE(ntpd.exitCode, 2);
}

QTEST_GUILESS_MAIN(TstSystemViaHelper)
#include "tst_systemviahelper.moc"

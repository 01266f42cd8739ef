// SPDX-License-Identifier: GPL-3.0-or-later
// chronoscope-cli with NTS servers (issue 14) against a real chronyd NTS server (NtsChronyd: CA
// made at test time, NTS-KE on a non-default port, -x): `check --nts` with the JSON `nts` object
// (ARCHITECTURE.md §3.4) and an offset that agrees with a plain query of the same chronyd; an
// untrusted CA and a wrong host name refused with their reason on stderr and exit status 3; the
// human line; `monitor` with an nts server for a few polls; usage errors of --nts and --nts-ca.
#include <cmath>

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimer>

#include "tests/interop/clirunner.h"
#include "tests/interop/ntschronyd.h"

using namespace Qt::StringLiterals;
using chronoscope::testing::CliRun;
using chronoscope::testing::runCli;

namespace {

QJsonObject firstServer(const CliRun &run)
{
    QString error;
    const QJsonObject json = run.json(&error);
    return json[u"servers"_s].toArray().first().toObject();
}

} // namespace

class TestNtsCli : public QObject
{
    Q_OBJECT
private:
    chronoscope::testing::NtsChronyd m_server;

    QStringList fast() const { return {u"--samples"_s, u"4"_s, u"--interval"_s, u"0.25"_s, u"--timeout"_s, u"0.5"_s}; }

private slots:
    void initTestCase()
    {
        const QString cli = qEnvironmentVariable("CHRONOSCOPE_CLI");
        QVERIFY2(QFileInfo(cli).isExecutable(), "CHRONOSCOPE_CLI is not set (chronoscope_add_test sets it)");
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    }

    void checkNtsJsonAgreesWithPlainQuery()
    {
        const CliRun nts = runCli(QStringList{u"check"_s, u"--nts"_s, m_server.keEndpoint(), u"--nts-ca"_s,
                                              m_server.caCertificate(), u"--json"_s} + fast());
        QVERIFY2(nts.finished && nts.exitCode == 0, nts.describe().constData());
        const CliRun plain = runCli(QStringList{u"check"_s, u"127.0.0.1:%1"_s.arg(m_server.ntpPort()), u"--json"_s} + fast());
        QVERIFY2(plain.finished && plain.exitCode == 0, plain.describe().constData());

        const QJsonObject s = firstServer(nts);
        QCOMPARE(s[u"state"_s].toString(), u"sys_peer"_s);
        QCOMPARE(s[u"auth"_s].toString(), u"nts"_s);
        QCOMPARE(s[u"samples_received"_s].toInt(), 4);
        QCOMPARE(s[u"port"_s].toInt(), int(m_server.ntpPort()));
        QCOMPARE(s[u"errors"_s].toArray().size(), 0);
        const QJsonObject n = s[u"nts"_s].toObject();
        qInfo("nts object: %s", QJsonDocument(n).toJson(QJsonDocument::Compact).constData());
        QCOMPARE(n[u"ke_host"_s].toString(), u"localhost"_s);
        QCOMPARE(n[u"ke_port"_s].toInt(), int(m_server.kePort()));
        QCOMPARE(n[u"ke_state"_s].toString(), u"established"_s);
        QCOMPARE(n[u"ntp_server"_s].toString(), u"127.0.0.1"_s);
        QCOMPARE(n[u"ntp_port"_s].toInt(), int(m_server.ntpPort()));
        QCOMPARE(n[u"aead"_s].toString(), u"AEAD_AES_SIV_CMAC_256"_s);
        QCOMPARE(n[u"cookies"_s].toInt(), 8);
        QCOMPARE(n[u"key_exchanges"_s].toInt(), 1);
        QCOMPARE(n[u"tls_version"_s].toString(), u"TLSv1.3"_s);
        QVERIFY(n[u"failure"_s].isNull());
        const QDateTime negotiated = QDateTime::fromString(n[u"last_key_exchange"_s].toString(), Qt::ISODate);
        QVERIFY(negotiated.isValid());
        QVERIFY(QDateTime::fromString(n[u"next_key_exchange"_s].toString(), Qt::ISODate) > negotiated);
        const QJsonObject certificate = n[u"certificate"_s].toObject();
        QCOMPARE(certificate[u"subject"_s].toString(), u"CN=localhost"_s);
        QCOMPARE(certificate[u"issuer"_s].toString(), u"CN=Chronoscope Test CA"_s);
        QVERIFY(QDateTime::fromString(certificate[u"not_after"_s].toString(), Qt::ISODate) > QDateTime::currentDateTimeUtc());
        QCOMPARE(certificate[u"chain"_s].toArray().size(), 2);

        // Plain servers carry "nts": null.
        const QJsonObject p = firstServer(plain);
        QVERIFY(p.contains(u"nts"_s) && p[u"nts"_s].isNull());
        QCOMPARE(p[u"auth"_s].toString(), u"none"_s);
        // Each offset lies within half its round-trip delay of the truth, so the two agree within
        // the sum of the half-delays, plus clock-reading precision and what the local clock drifts
        // between the two runs (ppm over a second: µs).
        const double ntsOffset = s[u"offset"_s].toDouble();
        const double plainOffset = p[u"offset"_s].toDouble();
        const double bound = (s[u"delay"_s].toDouble() + p[u"delay"_s].toDouble()) / 2 + 50e-6;
        QVERIFY2(std::abs(ntsOffset - plainOffset) <= bound,
                 qPrintable(u"|NTS - plain| = %1 us > %2 us"_s.arg(std::abs(ntsOffset - plainOffset) * 1e6).arg(bound * 1e6)));
        QVERIFY(std::abs(ntsOffset - plainOffset) < 1e-3);
    }

    void untrustedCaIsRefused()
    {
        // The system store alone does not know the test CA.
        const CliRun run = runCli(QStringList{u"check"_s, u"--nts"_s, m_server.keEndpoint(), u"--json"_s} + fast());
        QVERIFY2(run.finished && run.exitCode == 3, run.describe().constData());
        QVERIFY2(run.err.contains("not trusted") && run.err.contains("--nts-ca"), run.err.constData());
        const QJsonObject s = firstServer(run);
        QCOMPARE(s[u"state"_s].toString(), u"auth_failed"_s);
        QVERIFY(s[u"reason"_s].toString().contains(u"not trusted"_s));
        QCOMPARE(s[u"samples_sent"_s].toInt(), 0);   // nothing went out without NTS
        QCOMPARE(s[u"nts"_s].toObject()[u"failure"_s].toObject()[u"reason"_s].toString(), u"nts_certificate_untrusted"_s);
        QCOMPARE(s[u"nts"_s].toObject()[u"ke_state"_s].toString(), u"failed"_s);
        QVERIFY(s[u"nts"_s].toObject()[u"certificate"_s].isNull());
    }

    void wrongHostNameIsRefused()
    {
        // The certificate names DNS:localhost only.
        const CliRun run = runCli(QStringList{u"check"_s, u"--nts"_s, u"127.0.0.1:%1"_s.arg(m_server.kePort()),
                                              u"--nts-ca"_s, m_server.caCertificate(), u"--json"_s} + fast());
        QVERIFY2(run.finished && run.exitCode == 3, run.describe().constData());
        QVERIFY2(run.err.contains("different host name"), run.err.constData());
        const QJsonObject s = firstServer(run);
        QCOMPARE(s[u"state"_s].toString(), u"auth_failed"_s);
        QCOMPARE(s[u"nts"_s].toObject()[u"failure"_s].toObject()[u"reason"_s].toString(), u"nts_certificate_name"_s);
    }

    void humanReport()
    {
        const CliRun run = runCli(QStringList{u"check"_s, u"--nts"_s, m_server.keEndpoint(), u"--nts-ca"_s,
                                              m_server.pki().directory()} + fast());
        QVERIFY2(run.finished && run.exitCode == 0, run.describe().constData());
        const QString out = QString::fromUtf8(run.out);
        QVERIFY2(out.contains(u"NTS localhost: keys from %1"_s.arg(m_server.keEndpoint())), qPrintable(out));
        QVERIFY2(out.contains(u"certificate CN=localhost issued by CN=Chronoscope Test CA"_s), qPrintable(out));
        QVERIFY2(out.contains(u"AEAD_AES_SIV_CMAC_256"_s), qPrintable(out));
    }

    void monitorWithNtsServer()
    {
        const CliRun run = runCli({u"monitor"_s, u"localhost,nts,ntsport=%1"_s.arg(m_server.kePort()), u"--nts-ca"_s,
                                   m_server.caCertificate(), u"--json"_s, u"--interval"_s, u"0.25"_s,
                                   u"--allow-fast-polling"_s, u"--duration"_s, u"3"_s});
        QVERIFY2(run.finished && run.exitCode == 0, run.describe().constData());
        int accepted = 0;
        bool established = false;
        for (const QByteArray &line : run.out.split('\n')) {
            if (line.isEmpty())
                continue;
            const QJsonObject event = QJsonDocument::fromJson(line).object();
            QVERIFY2(!event.isEmpty(), line.constData());
            if (event[u"type"_s] == u"sample"_s) {
                QVERIFY2(event[u"accepted"_s].toBool(), line.constData());   // no failures, no rejections
                ++accepted;
            }
            if (event[u"type"_s] == u"rejections"_s)
                QFAIL(line.constData());
            if (event[u"type"_s] == u"system"_s && event.contains(u"nts"_s)) {
                const QJsonObject n = event[u"nts"_s].toObject()[u"localhost"_s].toObject();
                established = established
                    || (n[u"ke_state"_s] == u"established"_s && n[u"key_exchanges"_s].toInt() == 1);
            }
        }
        QVERIFY2(accepted >= 5, run.describe().constData());
        QVERIFY(established);
    }

    void monitorReKeysAfterNak()
    {
        // chronyd restarts with new keys 1.5 s into the run: the next reply is an NTS NAK, the
        // monitor says so and negotiates new keys, and authentic samples follow.
        bool restarted = false;
        QTimer::singleShot(1500, this, [&] { restarted = m_server.restartWithNewKeys(); });
        const CliRun run = runCli({u"monitor"_s, u"--nts"_s, m_server.keEndpoint(), u"--nts-ca"_s,
                                   m_server.caCertificate(), u"--json"_s, u"--interval"_s, u"0.25"_s,
                                   u"--allow-fast-polling"_s, u"--duration"_s, u"5"_s});
        QVERIFY2(restarted, qPrintable(m_server.errorString()));
        QVERIFY2(run.finished && run.exitCode == 0, run.describe().constData());
        int acceptedBefore = 0, acceptedAfter = 0, naks = 0, maxKeyExchanges = 0;
        for (const QByteArray &line : run.out.split('\n')) {
            const QJsonObject event = QJsonDocument::fromJson(line).object();
            if (event[u"type"_s] == u"sample"_s && event[u"accepted"_s].toBool())
                ++(naks == 0 ? acceptedBefore : acceptedAfter);
            if (event[u"type"_s] == u"sample"_s && event[u"reason"_s] == u"nts_nak"_s)
                ++naks;
            if (event[u"type"_s] == u"system"_s && event.contains(u"nts"_s))
                maxKeyExchanges = std::max(maxKeyExchanges,
                                           event[u"nts"_s].toObject().begin()->toObject()[u"key_exchanges"_s].toInt());
        }
        QVERIFY2(acceptedBefore >= 2 && naks == 1 && acceptedAfter >= 2, run.describe().constData());
        QCOMPARE(maxKeyExchanges, 2);
    }

    void usageErrors()
    {
        CliRun run = runCli({u"check"_s, u"--nts"_s, m_server.keEndpoint(), u"--nts-ca"_s, u"/nonexistent/ca.pem"_s});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("/nonexistent/ca.pem") && run.err.contains("no such file"), run.err.constData());
        run = runCli({u"check"_s, u"127.0.0.1"_s, u"--nts-ca"_s, m_server.caCertificate()});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("applies to NTS servers"), run.err.constData());
        run = runCli({u"check"_s, u"--nts"_s, u"localhost,key=5"_s});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("key=5"), run.err.constData());
        run = runCli({u"check"_s, u"--nts"_s, u"localhost:99999"_s});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("99999"), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestNtsCli)
#include "tst_ntscli.moc"

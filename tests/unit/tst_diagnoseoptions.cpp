// SPDX-License-Identifier: GPL-3.0-or-later
// Command-line parsing of `chronoscope-cli diagnose`: its options, defaults, and usage errors
// that name the offending value.
#include <QTest>

#include "app/cli/clioptions.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::cli;

class TstDiagnoseOptions : public QObject
{
    Q_OBJECT

private slots:
    void defaultsWithoutServers();
    void everyOption();
    void usageErrors_data();
    void usageErrors();
    void helpMentionsDiagnose();
};

void TstDiagnoseOptions::defaultsWithoutServers()
{
    const chronoscope::Result<CliOptions> o = parseCommandLine({u"diagnose"_s});
    QVERIFY2(o.ok(), qPrintable(o.errorMessage()));
    QCOMPARE(o->command, Command::Diagnose);
    QVERIFY(o->servers.isEmpty());
    QCOMPARE(o->diagnosePort, 123);
    QVERIFY(o->probeTarget.isEmpty());
    QCOMPARE(o->probeWindow, 2.0);
    QVERIFY(!o->json);
}

void TstDiagnoseOptions::everyOption()
{
    const chronoscope::Result<CliOptions> o = parseCommandLine(
        {u"diagnose"_s, u"--json"_s, u"--port"_s, u"4123"_s, u"--probe"_s, u"[::1]:4124"_s, u"--window=0.5"_s,
         u"--samples"_s, u"2"_s, u"--interval"_s, u"0.25"_s, u"--timeout"_s, u"0.5"_s, u"127.0.0.1:9"_s,
         u"name.invalid"_s});
    QVERIFY2(o.ok(), qPrintable(o.errorMessage()));
    QCOMPARE(o->command, Command::Diagnose);
    QVERIFY(o->json);
    QCOMPARE(o->diagnosePort, 4123);
    QCOMPARE(o->probeTarget, u"[::1]:4124"_s);
    QCOMPARE(o->probeWindow, 0.5);
    QCOMPARE(o->samples, 2);
    QCOMPARE(o->interval, 0.25);
    QCOMPARE(o->timeout, 0.5);
    QCOMPARE(o->servers.size(), 2);
    QCOMPARE(o->servers.at(0).port, 9);
    QCOMPARE(o->servers.at(1).host, u"name.invalid"_s);
}

void TstDiagnoseOptions::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("port 0") << QStringList{u"diagnose"_s, u"--port"_s, u"0"_s}
                            << u"invalid value '0' for --port (expected 1-65535)"_s;
    QTest::newRow("port too big") << QStringList{u"diagnose"_s, u"--port=70000"_s} << u"invalid value '70000'"_s;
    QTest::newRow("port missing value") << QStringList{u"diagnose"_s, u"--port"_s} << u"option --port needs a value"_s;
    QTest::newRow("bad probe") << QStringList{u"diagnose"_s, u"--probe"_s, u"bad host!"_s}
                               << u"bad probe target 'bad host!'"_s;
    QTest::newRow("probe port") << QStringList{u"diagnose"_s, u"--probe"_s, u"ntp.example:0"_s}
                                << u"invalid port '0' in 'ntp.example:0'"_s;
    QTest::newRow("window zero") << QStringList{u"diagnose"_s, u"--window"_s, u"0"_s} << u"for --window"_s;
    QTest::newRow("port with check") << QStringList{u"check"_s, u"--port"_s, u"5"_s, u"127.0.0.1"_s}
                                     << u"--port applies to diagnose, not check"_s;
    QTest::newRow("probe with monitor") << QStringList{u"monitor"_s, u"--probe"_s, u"x"_s, u"127.0.0.1"_s}
                                        << u"--probe applies to diagnose, not monitor"_s;
    QTest::newRow("unknown command") << QStringList{u"diagnostics"_s} << u"unknown command 'diagnostics'"_s;
}

void TstDiagnoseOptions::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const chronoscope::Result<CliOptions> o = parseCommandLine(arguments);
    QVERIFY(!o.ok());
    QVERIFY2(o.errorMessage().contains(message), qPrintable(o.errorMessage()));
    if (arguments.first() == u"diagnostics"_s) // the list of commands offered includes diagnose
        QVERIFY2(o.errorMessage().contains(u"diagnose"_s), qPrintable(o.errorMessage()));
}

void TstDiagnoseOptions::helpMentionsDiagnose()
{
    QVERIFY(usageText().contains(u"chronoscope-cli diagnose [--json] [--port N] [--probe HOST[:PORT]] [SERVER...]"_s));
    const QString help = helpText(u"diagnose"_s).simplified();   // wrapped at 79 columns
    QVERIFY(help.startsWith(u"Usage: chronoscope-cli diagnose [--json] [--port N] [--probe HOST[:PORT]]"_s));
    QVERIFY(help.contains(u"exactly one mode 6 READVAR and one mode 7 MON_GETLIST request"_s));
    for (const QString &option : {u"--port N"_s, u"--probe HOST[:PORT]"_s, u"--window SEC"_s, u"--samples N"_s})
        QVERIFY2(help.contains(option), qPrintable(option));
}

QTEST_GUILESS_MAIN(TstDiagnoseOptions)
#include "tst_diagnoseoptions.moc"

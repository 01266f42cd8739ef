// SPDX-License-Identifier: GPL-3.0-or-later
// The built chronoscope-cli ($CHRONOSCOPE_CLI) prints each command's own help with --help and
// exits 0, and answers usage errors with "chronoscope-cli COMMAND: what is wrong" and "Try
// 'chronoscope-cli COMMAND --help'." on stderr and exit status 2 (ARCHITECTURE.md §3.1, §3.3).
// Nothing here touches the network: every run ends before a server would be contacted.
#include <QFileInfo>
#include <QProcess>
#include <QTest>

#include "app/cli/commandspecs.h"

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runCli(const QStringList &arguments)
{
    QProcess process;
    process.start(qEnvironmentVariable("CHRONOSCOPE_CLI"), arguments);
    Run run;
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        process.waitForFinished();
        run.err = u"did not finish: "_s + process.errorString();
        return run;
    }
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QByteArray describe(const QStringList &arguments, const Run &run)
{
    return u"chronoscope-cli %1: exit %2\nstdout:\n%3\nstderr:\n%4"_s
        .arg(arguments.join(u' '))
        .arg(run.exitCode)
        .arg(run.out, run.err)
        .toUtf8();
}

} // namespace

class TstCliHelp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void globalHelpListsCommands();
    void commandHelp_data();
    void commandHelp();
    void version();
    void usageErrors_data();
    void usageErrors();
};

void TstCliHelp::initTestCase()
{
    const QString cli = qEnvironmentVariable("CHRONOSCOPE_CLI");
    QVERIFY2(QFileInfo(cli).isExecutable(), qPrintable(u"CHRONOSCOPE_CLI=%1 is not an executable"_s.arg(cli)));
}

void TstCliHelp::globalHelpListsCommands()
{
    for (const QStringList &arguments : {QStringList{u"--help"_s}, QStringList{u"-h"_s}, QStringList{u"help"_s}}) {
        const Run run = runCli(arguments);
        QVERIFY2(run.exitCode == 0 && run.err.isEmpty(), describe(arguments, run));
        for (const QString &command : {u"check"_s, u"monitor"_s, u"step"_s, u"diagnose"_s, u"keys"_s, u"system"_s})
            QVERIFY2(run.out.contains(u"\n  chronoscope-cli "_s + command), qPrintable(command));
        QVERIFY2(run.out.contains(u"COMMAND --help"_s), describe(arguments, run));
    }
}

void TstCliHelp::commandHelp_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("usage");         // the first line
    QTest::addColumn<QStringList>("mentions");  // options the help must list
    const QList<chronoscope::cli::CommandSpec> specs = chronoscope::cli::allCommandSpecs();
    QCOMPARE(specs.size(), 12);   // check monitor step diagnose, five keys actions, system, system apply/revert
    for (const chronoscope::cli::CommandSpec &spec : specs) {
        QStringList options;
        for (const QCommandLineOption &option : spec.options)
            options << u"--"_s + option.names().constLast();
        const QStringList words = spec.name.split(u' ');
        const QString usage = u"Usage: chronoscope-cli %1 "_s.arg(spec.name);
        QTest::addRow("%s --help", qPrintable(spec.name)) << words + QStringList{u"--help"_s} << usage << options;
        QTest::addRow("%s -h", qPrintable(spec.name)) << words + QStringList{u"-h"_s} << usage << options;
    }
    // Options each help must show whatever the specs say (ARCHITECTURE.md §3.2).
    QTest::newRow("check, fixed list") << QStringList{u"check"_s, u"--help"_s} << u"Usage: chronoscope-cli check "_s
                                       << QStringList{u"--json"_s, u"--samples N"_s, u"--interval SEC"_s,
                                                      u"--minsources N"_s, u"--pool HOST"_s, u"--keys FILE"_s,
                                                      u"--key ID"_s, u"--nts HOST[:KEPORT]"_s, u"--nts-ca FILE|DIR"_s,
                                                      u"SERVER"_s};
    QTest::newRow("monitor, fixed list") << QStringList{u"monitor"_s, u"--help"_s}
                                         << u"Usage: chronoscope-cli monitor "_s
                                         << QStringList{u"--duration SEC"_s, u"--metrics ADDR:PORT"_s};
    QTest::newRow("step, fixed list") << QStringList{u"step"_s, u"--help"_s} << u"Usage: chronoscope-cli step "_s
                                      << QStringList{u"--dry-run"_s, u"-y, --yes"_s, u"--yes-very-large"_s};
    QTest::newRow("system, fixed list") << QStringList{u"system"_s, u"--help"_s} << u"Usage: chronoscope-cli system "_s
                                        << QStringList{u"--chronyd-socket PATH"_s, u"--chronyd-port N"_s,
                                                       u"--via-helper"_s, u"--ntpd HOST"_s, u"--timesyncd"_s};
    QTest::newRow("system apply, fixed list") << QStringList{u"system"_s, u"apply"_s, u"--help"_s}
                                              << u"Usage: chronoscope-cli system apply "_s
                                              << QStringList{u"--daemon NAME"_s, u"-y, --yes"_s, u"--dry-run"_s,
                                                             u"--json"_s, u"sources.d/chronoscope.sources"_s};
    QTest::newRow("help system revert") << QStringList{u"help"_s, u"system"_s, u"revert"_s}
                                        << u"Usage: chronoscope-cli system revert "_s
                                        << QStringList{u"--daemon NAME"_s, u"-y, --yes"_s};
    QTest::newRow("help check") << QStringList{u"help"_s, u"check"_s} << u"Usage: chronoscope-cli check "_s
                                << QStringList{u"--samples"_s};
    QTest::newRow("keys --help") << QStringList{u"keys"_s, u"--help"_s} << u"Usage:"_s
                                 << QStringList{u"keys generate"_s, u"keys delete"_s, u"keys ACTION --help"_s};
    QTest::newRow("--help after an error") << QStringList{u"check"_s, u"--frobnicate"_s, u"--help"_s}
                                           << u"Usage: chronoscope-cli check "_s << QStringList{u"--json"_s};
}

void TstCliHelp::commandHelp()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, usage);
    QFETCH(QStringList, mentions);
    const Run run = runCli(arguments);
    QVERIFY2(run.exitCode == 0 && run.err.isEmpty(), describe(arguments, run));
    QVERIFY2(run.out.startsWith(usage), describe(arguments, run));
    for (const QString &text : mentions)
        QVERIFY2(run.out.contains(text), qPrintable(u"'%1' missing\n"_s.arg(text) + QString::fromUtf8(describe(arguments, run))));
    if (arguments.first() != u"keys"_s || arguments.size() > 2) {
        QVERIFY2(run.out.contains(u"-h, --help"_s), describe(arguments, run));
        for (const QString &line : run.out.split(u'\n'))   // a command's help fits 80 columns
            QVERIFY2(line.size() <= 79, qPrintable(u"%1 columns: %2"_s.arg(line.size()).arg(line)));
    }
}

void TstCliHelp::version()
{
    for (const QString &option : {u"--version"_s, u"-V"_s}) {
        const Run run = runCli({option});
        QVERIFY2(run.exitCode == 0 && run.out == u"chronoscope-cli %1\n"_s.arg(QStringLiteral(CHRONOSCOPE_VERSION)),
                 describe({option}, run));
    }
}

void TstCliHelp::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");   // the first line of stderr
    QTest::addColumn<QString>("hint");      // the second

    const QString checkHint = u"Try 'chronoscope-cli check --help'."_s;
    QTest::newRow("no command") << QStringList{} << u"chronoscope-cli: missing command (check, monitor, step, "
                                                    u"diagnose, keys or system)"_s
                                << u"Try 'chronoscope-cli --help'."_s;
    QTest::newRow("unknown command") << QStringList{u"frobnicate"_s}
                                     << u"chronoscope-cli: unknown command 'frobnicate' (expected check, monitor, "
                                        u"step, diagnose, keys or system)"_s
                                     << u"Try 'chronoscope-cli --help'."_s;
    QTest::newRow("unknown option") << QStringList{u"check"_s, u"--frobnicate"_s, u"127.0.0.1"_s}
                                    << u"chronoscope-cli check: unknown option '--frobnicate'"_s << checkHint;
    QTest::newRow("missing value") << QStringList{u"check"_s, u"127.0.0.1"_s, u"--samples"_s}
                                   << u"chronoscope-cli check: option --samples needs a value"_s << checkHint;
    QTest::newRow("bad value") << QStringList{u"check"_s, u"--samples"_s, u"0"_s, u"127.0.0.1"_s}
                               << u"chronoscope-cli check: invalid value '0' for --samples (expected 1-10000)"_s
                               << checkHint;
    QTest::newRow("missing server") << QStringList{u"check"_s}
                                    << u"chronoscope-cli check: no server given (e.g. chronoscope-cli check "
                                       u"pool.ntp.org)"_s
                                    << checkHint;
    QTest::newRow("option of another command") << QStringList{u"monitor"_s, u"--yes"_s, u"127.0.0.1"_s}
                                               << u"chronoscope-cli monitor: --yes applies to step, system apply and system revert, not monitor"_s
                                               << u"Try 'chronoscope-cli monitor --help'."_s;
    QTest::newRow("flag with a value") << QStringList{u"step"_s, u"--dry-run=1"_s, u"127.0.0.1"_s}
                                       << u"chronoscope-cli step: option --dry-run takes no value (got '1')"_s
                                       << u"Try 'chronoscope-cli step --help'."_s;
    QTest::newRow("diagnose bad port") << QStringList{u"diagnose"_s, u"--port=0"_s}
                                       << u"chronoscope-cli diagnose: invalid value '0' for --port (expected 1-65535)"_s
                                       << u"Try 'chronoscope-cli diagnose --help'."_s;
    QTest::newRow("keys without action") << QStringList{u"keys"_s}
                                         << u"chronoscope-cli keys: missing keys action (generate, list, import, "
                                            u"export, delete); try keys --help"_s
                                         << u"Try 'chronoscope-cli keys --help'."_s;
    QTest::newRow("keys import without file") << QStringList{u"keys"_s, u"import"_s}
                                              << u"chronoscope-cli keys import: keys import needs exactly one FILE"_s
                                              << u"Try 'chronoscope-cli keys import --help'."_s;
    QTest::newRow("keys bad type") << QStringList{u"keys"_s, u"generate"_s, u"--type"_s, u"sha512"_s}
                                   << u"chronoscope-cli keys generate: invalid value 'sha512' for --type (expected "
                                      u"md5, sha1, sha256, aes128 or aes256)"_s
                                   << u"Try 'chronoscope-cli keys generate --help'."_s;
    QTest::newRow("system remote ntpd") << QStringList{u"system"_s, u"--ntpd"_s, u"192.0.2.1"_s}
                                        << u"chronoscope-cli system: --ntpd: 192.0.2.1 is not a loopback address: only "
                                           u"this computer's own daemon is read (127.0.0.1 or ::1)"_s
                                        << u"Try 'chronoscope-cli system --help'."_s;
    QTest::newRow("system unknown option") << QStringList{u"system"_s, u"--bogus"_s}
                                           << u"chronoscope-cli system: unknown option '--bogus'"_s
                                           << u"Try 'chronoscope-cli system --help'."_s;
    QTest::newRow("system apply bad daemon") << QStringList{u"system"_s, u"apply"_s, u"--daemon"_s, u"ntpd-rs"_s}
                                             << u"chronoscope-cli system apply: invalid value 'ntpd-rs' for --daemon "
                                                u"(expected chronyd, timesyncd or ntpd)"_s
                                             << u"Try 'chronoscope-cli system apply --help'."_s;
    QTest::newRow("system apply no daemon value") << QStringList{u"system"_s, u"apply"_s, u"--daemon"_s}
                                                  << u"chronoscope-cli system apply: option --daemon needs a value"_s
                                                  << u"Try 'chronoscope-cli system apply --help'."_s;
    QTest::newRow("system apply argument") << QStringList{u"system"_s, u"apply"_s, u"ntp1.example"_s}
                                           << u"chronoscope-cli system apply: unexpected argument 'ntp1.example'"_s
                                           << u"Try 'chronoscope-cli system apply --help'."_s;
    QTest::newRow("system revert read option") << QStringList{u"system"_s, u"revert"_s, u"--ntpd"_s, u"::1"_s}
                                               << u"chronoscope-cli system revert: --ntpd applies to system, not "
                                                  u"system revert"_s
                                               << u"Try 'chronoscope-cli system revert --help'."_s;
    QTest::newRow("system daemon option") << QStringList{u"system"_s, u"--daemon"_s, u"chronyd"_s}
                                          << u"chronoscope-cli system: --daemon applies to system apply and system "
                                             u"revert, not system"_s
                                          << u"Try 'chronoscope-cli system --help'."_s;
}

void TstCliHelp::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QFETCH(QString, hint);
    const Run run = runCli(arguments);
    QVERIFY2(run.exitCode == 2 && run.out.isEmpty(), describe(arguments, run));
    QCOMPARE(run.err, message + u'\n' + hint + u'\n');
}

QTEST_GUILESS_MAIN(TstCliHelp)
#include "tst_clihelp.moc"

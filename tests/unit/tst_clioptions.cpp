// SPDX-License-Identifier: GPL-3.0-or-later
// chronoscope-cli argument parsing (ARCHITECTURE.md §3). Usage errors must name the offending
// value, because the message is all the user sees before exit status 2.
#include <QTest>

#include "app/cli/clioptions.h"
#include "app/cli/keysoptions.h"
#include "app/cli/systemoptions.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::cli;

Q_DECLARE_METATYPE(chronoscope::cli::Command)

namespace {

QStringList split(const QString &line)
{
    return line.split(u' ', Qt::SkipEmptyParts);
}

} // namespace

class TstCliOptions : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void monitorDefaults();
    void options();
    void inlineValues();
    void serversInOrder();
    void doubleDashEndsOptions();
    void helpAndVersion_data();
    void helpAndVersion();
    void intervalBoundaries_data();
    void intervalBoundaries();
    void usageErrors_data();
    void usageErrors();
    void usageTextMentionsOptions();
    void commandHelp_data();
    void commandHelp();
    void usageErrorLines_data();
    void usageErrorLines();
    void ntsServers();
};

void TstCliOptions::defaults()
{
    const chronoscope::Result<CliOptions> r = parseCommandLine({u"check"_s, u"pool.ntp.org"_s});
    QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
    const CliOptions &o = r.value();
    QCOMPARE(o.command, Command::Check);
    QCOMPARE(o.servers.size(), qsizetype(1));
    QCOMPARE(o.servers.at(0).host, u"pool.ntp.org"_s);
    QCOMPARE(o.servers.at(0).port, quint16(123));
    QVERIFY(!o.servers.at(0).isPool);
    // Defaults of ARCHITECTURE.md §3.
    QVERIFY(!o.json);
    QCOMPARE(o.samples, 4);
    QCOMPARE(o.interval, 2.0);
    QCOMPARE(o.timeout, 1.0);
    QCOMPARE(o.duration, 0.0);
    QVERIFY(!o.userspaceTimestamps);
    QVERIFY(!o.allowFastPolling);

    const chronoscope::engine::AssociationOptions a = o.associationOptions();
    QCOMPARE(a.maxRequests, 4);
    QVERIFY(a.fixedInterval.has_value());
    QCOMPARE(*a.fixedInterval, 2.0);
    QCOMPARE(a.timeout, 1.0);
    QVERIFY(!a.allowFastPolling);
    QCOMPARE(a.timestamps, chronoscope::engine::TimestampSource::Kernel);
}

void TstCliOptions::monitorDefaults()
{
    const chronoscope::Result<CliOptions> r = parseCommandLine({u"monitor"_s, u"127.0.0.1:11123"_s});
    QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
    QCOMPARE(r->command, Command::Monitor);
    QCOMPARE(r->servers.at(0).port, quint16(11123));
    // monitor polls until stopped: no request budget.
    QCOMPARE(r->associationOptions().maxRequests, 0);
}

void TstCliOptions::options()
{
    const chronoscope::Result<CliOptions> r = parseCommandLine(
        split(u"monitor --json --samples 10 --interval 0.5 --timeout 0.2 --duration 30 --allow-fast-polling "
              u"--no-kernel-timestamps 192.168.1.1 --pool pool.ntp.org"_s));
    QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
    const CliOptions &o = r.value();
    QCOMPARE(o.command, Command::Monitor);
    QVERIFY(o.json);
    QCOMPARE(o.samples, 10);
    QCOMPARE(o.interval, 0.5);
    QCOMPARE(o.timeout, 0.2);
    QCOMPARE(o.duration, 30.0);
    QVERIFY(o.allowFastPolling);
    QVERIFY(o.userspaceTimestamps);
    QCOMPARE(o.servers.size(), qsizetype(2));
    QCOMPARE(o.servers.at(0).host, u"192.168.1.1"_s);
    QVERIFY(!o.servers.at(0).isPool);
    QCOMPARE(o.servers.at(1).host, u"pool.ntp.org"_s);
    QVERIFY(o.servers.at(1).isPool);

    const chronoscope::engine::AssociationOptions a = o.associationOptions();
    QCOMPARE(*a.fixedInterval, 0.5);
    QCOMPARE(a.timeout, 0.2);
    QVERIFY(a.allowFastPolling);
    QCOMPARE(a.timestamps, chronoscope::engine::TimestampSource::Userspace);

    // check with --samples: the request budget follows.
    const chronoscope::Result<CliOptions> c = parseCommandLine(split(u"check --samples 7 ntp.example.org"_s));
    QVERIFY2(c.ok(), qPrintable(c.errorMessage()));
    QCOMPARE(c->samples, 7);
    QCOMPARE(c->associationOptions().maxRequests, 7);
}

void TstCliOptions::inlineValues()
{
    const chronoscope::Result<CliOptions> r = parseCommandLine(
        split(u"monitor --samples=12 --interval=3 --timeout=0.5 --duration=60 --pool=pool.ntp.org [::1]:11123"_s));
    QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
    QCOMPARE(r->samples, 12);
    QCOMPARE(r->interval, 3.0);
    QCOMPARE(r->timeout, 0.5);
    QCOMPARE(r->duration, 60.0);
    QCOMPARE(r->servers.size(), qsizetype(2));
    QVERIFY(r->servers.at(0).isPool);
    QCOMPARE(r->servers.at(0).host, u"pool.ntp.org"_s);
    QCOMPARE(r->servers.at(1).host, u"::1"_s);
    QCOMPARE(r->servers.at(1).port, quint16(11123));
}

void TstCliOptions::serversInOrder()
{
    const chronoscope::Result<CliOptions> r = parseCommandLine(split(u"check a.example --pool b.example c.example:124"_s));
    QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
    QCOMPARE(r->servers.size(), qsizetype(3));
    QCOMPARE(r->servers.at(0).host, u"a.example"_s);
    QCOMPARE(r->servers.at(1).host, u"b.example"_s);
    QVERIFY(r->servers.at(1).isPool);
    QCOMPARE(r->servers.at(2).host, u"c.example"_s);
    QCOMPARE(r->servers.at(2).port, quint16(124));
}

void TstCliOptions::doubleDashEndsOptions()
{
    // After "--" nothing is an option; "--json" would then be a (bad) server name.
    const chronoscope::Result<CliOptions> r = parseCommandLine(split(u"check --json -- ntp.example.org"_s));
    QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
    QVERIFY(r->json);
    QCOMPARE(r->servers.size(), qsizetype(1));
    const chronoscope::Result<CliOptions> bad = parseCommandLine(split(u"check -- --json"_s));
    QVERIFY(!bad.ok());
    QVERIFY2(bad.errorMessage().contains(u"--json"_s), qPrintable(bad.errorMessage()));
}

void TstCliOptions::helpAndVersion_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<Command>("command");

    QTest::newRow("--help") << u"--help"_s << Command::Help;
    QTest::newRow("-h") << u"-h"_s << Command::Help;
    QTest::newRow("help") << u"help"_s << Command::Help;
    QTest::newRow("check --help") << u"check --help"_s << Command::Help;
    QTest::newRow("monitor -h") << u"monitor -h"_s << Command::Help;
    QTest::newRow("--version") << u"--version"_s << Command::Version;
    QTest::newRow("-V") << u"-V"_s << Command::Version;
}

void TstCliOptions::helpAndVersion()
{
    QFETCH(QString, line);
    QFETCH(Command, command);
    const chronoscope::Result<CliOptions> r = parseCommandLine(split(line));
    QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
    QCOMPARE(r->command, command);
}

void TstCliOptions::intervalBoundaries_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("accepted");

    // --interval: at least 1/16 s; --timeout: at least 0.01 s; --duration: 0 or more.
    QTest::newRow("interval 0.0625") << u"--interval"_s << u"0.0625"_s << true;
    QTest::newRow("interval 0.06") << u"--interval"_s << u"0.06"_s << false;
    QTest::newRow("interval 0") << u"--interval"_s << u"0"_s << false;
    QTest::newRow("interval one year") << u"--interval"_s << u"31536000"_s << true;
    QTest::newRow("interval above a year") << u"--interval"_s << u"31536001"_s << false;
    QTest::newRow("interval inf") << u"--interval"_s << u"inf"_s << false;
    QTest::newRow("interval nan") << u"--interval"_s << u"nan"_s << false;
    QTest::newRow("timeout 0.01") << u"--timeout"_s << u"0.01"_s << true;
    QTest::newRow("timeout 0.005") << u"--timeout"_s << u"0.005"_s << false;
    QTest::newRow("timeout 0") << u"--timeout"_s << u"0"_s << false;
    QTest::newRow("duration 0") << u"--duration"_s << u"0"_s << true;
    QTest::newRow("duration 0.5") << u"--duration"_s << u"0.5"_s << true;
    QTest::newRow("duration -1") << u"--duration"_s << u"-1"_s << false;
    QTest::newRow("samples 1") << u"--samples"_s << u"1"_s << true;
    QTest::newRow("samples 10000") << u"--samples"_s << u"10000"_s << true;
    QTest::newRow("samples 10001") << u"--samples"_s << u"10001"_s << false;
    QTest::newRow("samples -3") << u"--samples"_s << u"-3"_s << false;
    QTest::newRow("samples 2.5") << u"--samples"_s << u"2.5"_s << false;
}

void TstCliOptions::intervalBoundaries()
{
    QFETCH(QString, option);
    QFETCH(QString, value);
    QFETCH(bool, accepted);
    const chronoscope::Result<CliOptions> r = parseCommandLine({u"monitor"_s, option, value, u"127.0.0.1"_s});
    QCOMPARE(r.ok(), accepted);
    if (!accepted)
        QVERIFY2(r.errorMessage().contains(u"'"_s + value + u"'"_s) && r.errorMessage().contains(option),
                 qPrintable(r.errorMessage()));
}

void TstCliOptions::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("mentions");

    QTest::newRow("no arguments") << QStringList() << QStringList{u"command"_s};
    QTest::newRow("unknown command") << split(u"frobnicate ntp.example.org"_s) << QStringList{u"'frobnicate'"_s};
    QTest::newRow("keys without action") << split(u"keys"_s) << QStringList{u"keys"_s, u"generate"_s};
    QTest::newRow("unknown option") << split(u"check --frobnicate ntp.example.org"_s)
                                    << QStringList{u"'--frobnicate'"_s};
    QTest::newRow("unknown short option") << split(u"check -x ntp.example.org"_s) << QStringList{u"'-x'"_s};
    QTest::newRow("unknown inline option") << split(u"check --colour=auto ntp.example.org"_s)
                                           << QStringList{u"--colour"_s};
    QTest::newRow("bad port") << split(u"check ntp.example.org:99999"_s)
                              << QStringList{u"ntp.example.org:99999"_s, u"'99999'"_s};
    QTest::newRow("port 0") << split(u"check 127.0.0.1:0"_s) << QStringList{u"'0'"_s};
    QTest::newRow("samples 0") << split(u"check --samples 0 ntp.example.org"_s) << QStringList{u"'0'"_s, u"--samples"_s};
    QTest::newRow("samples x") << split(u"check --samples x ntp.example.org"_s) << QStringList{u"'x'"_s, u"--samples"_s};
    QTest::newRow("samples empty inline") << split(u"check --samples= ntp.example.org"_s)
                                          << QStringList{u"''"_s, u"--samples"_s};
    QTest::newRow("interval -1") << split(u"check --interval -1 ntp.example.org"_s)
                                 << QStringList{u"'-1'"_s, u"--interval"_s};
    QTest::newRow("interval abc") << split(u"check --interval=abc ntp.example.org"_s)
                                  << QStringList{u"'abc'"_s, u"--interval"_s};
    QTest::newRow("timeout 0") << split(u"check --timeout 0 ntp.example.org"_s)
                               << QStringList{u"'0'"_s, u"--timeout"_s};
    QTest::newRow("unparsable server") << split(u"check bad_host!"_s) << QStringList{u"bad_host!"_s};
    QTest::newRow("unparsable ipv6") << split(u"check [2001:db8::1"_s) << QStringList{u"[2001:db8::1"_s};
    QTest::newRow("bad pool") << split(u"check --pool pool:abc"_s) << QStringList{u"pool:abc"_s, u"'abc'"_s};
    QTest::newRow("missing value") << split(u"check ntp.example.org --samples"_s) << QStringList{u"--samples"_s};
    QTest::newRow("missing interval value") << split(u"check ntp.example.org --interval"_s)
                                            << QStringList{u"--interval"_s};
    QTest::newRow("missing pool value") << split(u"check --pool"_s) << QStringList{u"--pool"_s};
    QTest::newRow("flag with value") << split(u"check --json=yes ntp.example.org"_s)
                                     << QStringList{u"--json"_s, u"'yes'"_s};
    QTest::newRow("no server") << split(u"check"_s) << QStringList{u"no server"_s, u"check"_s};
    QTest::newRow("no server, options only") << split(u"monitor --json --duration 5"_s)
                                             << QStringList{u"no server"_s, u"monitor"_s};
    QTest::newRow("duration with check") << split(u"check --duration 5 ntp.example.org"_s)
                                         << QStringList{u"--duration"_s, u"check"_s};
    QTest::newRow("--keys without --key") << split(u"check --keys /etc/ntp.keys ntp.example.org"_s)
                                          << QStringList{u"--keys"_s, u"--key ID"_s};
    QTest::newRow("nts-ca missing file") << split(u"check --nts ntp.example.org --nts-ca /nonexistent/ca.pem"_s)
                                         << QStringList{u"/nonexistent/ca.pem"_s, u"no such file"_s};
    QTest::newRow("nts-ca without nts server") << split(u"check ntp.example.org --nts-ca /"_s)
                                               << QStringList{u"--nts-ca"_s, u"NTS servers"_s};
    QTest::newRow("nts with key") << split(u"check --nts ntp.example.org,key=4"_s) << QStringList{u"key=4"_s};
    QTest::newRow("nts bad port") << split(u"check --nts ntp.example.org:0"_s) << QStringList{u"'0'"_s};
    QTest::newRow("nts missing value") << split(u"check --nts"_s) << QStringList{u"--nts"_s};
    // One parser per command: an option of another command says where it belongs.
    QTest::newRow("metrics with check") << split(u"check --metrics 9123 ntp.example.org"_s)
                                        << QStringList{u"--metrics applies to monitor, not check"_s};
    QTest::newRow("keys option with check") << split(u"check --show-secrets ntp.example.org"_s)
                                            << QStringList{u"--show-secrets applies to keys generate and keys list, not check"_s};
    QTest::newRow("system option with monitor") << split(u"monitor --ntpd 127.0.0.1 ntp.example.org"_s)
                                                << QStringList{u"--ntpd applies to system, not monitor"_s};
    QTest::newRow("keys with diagnose") << split(u"diagnose --key 3 ntp.example.org"_s)
                                        << QStringList{u"--key applies to check, monitor and step, not diagnose"_s};
    QTest::newRow("option before the command") << split(u"--json check ntp.example.org"_s)
                                               << QStringList{u"'--json'"_s, u"command"_s};
    QTest::newRow("system port") << split(u"system --chronyd-port 0"_s) << QStringList{u"--chronyd-port 0"_s};
    QTest::newRow("system ntpd and timesyncd") << split(u"system --ntpd ::1 --timesyncd"_s)
                                               << QStringList{u"--timesyncd cannot be combined with --ntpd"_s};
    QTest::newRow("system socket missing value") << split(u"system --chronyd-socket"_s)
                                                 << QStringList{u"option --chronyd-socket needs a value"_s};
}

void TstCliOptions::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, mentions);
    const chronoscope::Result<CliOptions> r = parseCommandLine(arguments);
    QVERIFY2(!r.ok(), qPrintable(u"accepted: "_s + arguments.join(u' ')));
    for (const QString &m : mentions)
        QVERIFY2(r.errorMessage().contains(m),
                 qPrintable(u"message '%1' does not mention '%2'"_s.arg(r.errorMessage(), m)));
}

void TstCliOptions::usageTextMentionsOptions()
{
    const QString usage = usageText();
    for (const QString &word : {u"check"_s, u"monitor"_s, u"step"_s, u"diagnose"_s, u"keys"_s, u"system"_s,
                                u"--version"_s, u"--help"_s, u"COMMAND --help"_s})
        QVERIFY2(usage.contains(word), qPrintable(word));
    const QString monitor = helpText(u"monitor"_s);
    for (const QString &option : {u"--json"_s, u"--samples"_s, u"--interval"_s, u"--timeout"_s, u"--duration"_s,
                                  u"--pool"_s, u"--metrics"_s, u"--help"_s})
        QVERIFY2(monitor.contains(option), qPrintable(option));
}

void TstCliOptions::commandHelp_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("helpCommand");   // the command whose help main() prints

    for (const QString &command : {u"check"_s, u"monitor"_s, u"step"_s, u"diagnose"_s}) {
        QTest::addRow("%s --help", qPrintable(command)) << command + u" --help"_s << command;
        QTest::addRow("%s -h after options", qPrintable(command)) << command + u" --json -h"_s << command;
    }
    QTest::newRow("--help after a bad value") << u"check --samples 0 --help"_s << u"check"_s;
    QTest::newRow("help step") << u"help step"_s << u"step"_s;
    QTest::newRow("help") << u"help"_s << QString();
}

void TstCliOptions::commandHelp()
{
    QFETCH(QString, line);
    QFETCH(QString, helpCommand);
    const chronoscope::Result<CliOptions> r = parseCommandLine(split(line));
    QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
    QCOMPARE(r->command, Command::Help);
    QCOMPARE(r->helpCommand, helpCommand);
    const QString help = helpText(helpCommand);
    QVERIFY2(help.startsWith(helpCommand.isEmpty() ? u"Usage: chronoscope-cli COMMAND"_s
                                                   : u"Usage: chronoscope-cli %1 "_s.arg(helpCommand)),
             qPrintable(help));

    // keys ACTION --help and system --help go to their own commands, which print the help.
    for (const QString &action : {u"generate"_s, u"list"_s, u"import"_s, u"export"_s, u"delete"_s}) {
        const chronoscope::Result<CliOptions> k = parseCommandLine({u"keys"_s, action, u"--help"_s});
        QVERIFY2(k.ok(), qPrintable(k.errorMessage()));
        QCOMPARE(k->keys.action, KeysAction::Help);
        QVERIFY(k->keys.helpAction.has_value());
        QVERIFY(keysActionHelpText(*k->keys.helpAction).startsWith(u"Usage: chronoscope-cli keys "_s + action));
    }
    const chronoscope::Result<CliOptions> s = parseCommandLine(split(u"system -h"_s));
    QVERIFY(s.ok() && s->command == Command::System && s->system.help);
    QVERIFY(systemUsageText().startsWith(u"Usage: chronoscope-cli system "_s));
}

void TstCliOptions::usageErrorLines_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("expected");   // usageErrorText with the message "MSG"

    QTest::newRow("check") << u"check --frob"_s << u"chronoscope-cli check: MSG\nTry 'chronoscope-cli check --help'.\n"_s;
    QTest::newRow("keys action") << u"keys export a b"_s
                                 << u"chronoscope-cli keys export: MSG\nTry 'chronoscope-cli keys export --help'.\n"_s;
    QTest::newRow("keys unknown action") << u"keys rotate"_s
                                         << u"chronoscope-cli keys: MSG\nTry 'chronoscope-cli keys --help'.\n"_s;
    QTest::newRow("system") << u"system --bogus"_s
                            << u"chronoscope-cli system: MSG\nTry 'chronoscope-cli system --help'.\n"_s;
    QTest::newRow("unknown command") << u"frob"_s << u"chronoscope-cli: MSG\nTry 'chronoscope-cli --help'.\n"_s;
    QTest::newRow("nothing") << QString() << u"chronoscope-cli: MSG\nTry 'chronoscope-cli --help'.\n"_s;
}

void TstCliOptions::usageErrorLines()
{
    QFETCH(QString, line);
    QFETCH(QString, expected);
    QCOMPARE(usageErrorText(split(line), u"MSG"_s), expected);
    QVERIFY(!parseCommandLine(split(line)).ok());   // each of these lines is a usage error
}

void TstCliOptions::ntsServers()
{
    const chronoscope::Result<CliOptions> r = parseCommandLine(
        split(u"check --nts time.example --nts [2001:db8::1]:4461 --nts 192.0.2.1:123 b.example,nts,ntsport=4470 "
              u"c.example --key 5 --nts-ca /"_s));
    QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
    QCOMPARE(r->servers.size(), 5);
    const auto &s = r->servers;
    QVERIFY(s[0].nts && s[1].nts && s[2].nts && s[3].nts && !s[4].nts);
    QCOMPARE(s[0].ntsPort, quint16(4460));                  // default KE port
    QCOMPARE(s[1].ntsPort, quint16(4461));                  // HOST:KEPORT is the KE port...
    QCOMPARE(s[1].port, quint16(123));                      // ...not the NTP port
    QCOMPARE(s[1].host, u"2001:db8::1"_s);
    QCOMPARE(s[2].ntsPort, quint16(123));                   // an explicit :123 is taken as given
    QCOMPARE(s[3].ntsPort, quint16(4470));
    QCOMPARE(s[0].keyId, 0u);                               // --key never applies to NTS servers
    QCOMPARE(s[4].keyId, 5u);
    const chronoscope::engine::AssociationOptions o = r->associationOptions();
    QVERIFY(o.ntsTrust.systemStore);
    QCOMPARE(o.ntsTrust.caPaths, QStringList{u"/"_s});
    QVERIFY(helpText(u"check"_s).contains(u"--nts-ca"_s) && helpText(u"check"_s).contains(u"--nts HOST[:KEPORT]"_s));
}

QTEST_APPLESS_MAIN(TstCliOptions)

#include "tst_clioptions.moc"

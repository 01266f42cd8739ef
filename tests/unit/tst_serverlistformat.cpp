// SPDX-License-Identifier: GPL-3.0-or-later
// chrony.conf / ntp.conf import and export of the server list (core/config/serverlistformat).
#include <QTemporaryDir>
#include <QTest>

#include "core/config/serverlistformat.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::config;

class TestServerListFormat : public QObject
{
    Q_OBJECT

private slots:
    void importsChronyFixtureWithLineNumbers();
    void importsNtpFixtureWithLineNumbers();
    void exportRoundTripsThroughChrony();
    void ntpExportCommentsOutPorts();
    void importsChronyNtsFixture();
    void importsNtpsecNtsFixture();
    void ntsRoundTrips_data();
    void ntsRoundTrips();
    void ntsPortWithoutNtsIsAnIssue();
    void ntsAsAnOptionValueKeepsTheNtpsecHost();
    void hostWithPortIsRefusedNamingTheSyntax();
    void missingFileIsAnErrorNamingIt();
    void overlongLineIsAnIssueWithItsNumber();
    void includesAreFollowedToADepthLimit();
    void includeLoopIsRefused();
    void oversizedFileIsRefusedNamingIt();
    void serverCountIsBounded();
    void guessesFormatFromFileName_data();
    void guessesFormatFromFileName();

private:
    static int issueLine(const ServerListImport &result, const QString &needle);
};

int TestServerListFormat::issueLine(const ServerListImport &result, const QString &needle)
{
    for (const ConfIssue &issue : result.issues)
        if (issue.message.contains(needle))
            return issue.line;
    return -1;
}

void TestServerListFormat::importsChronyFixtureWithLineNumbers()
{
    const QString path = QFINDTESTDATA("../fixtures/config/chrony.conf");
    QVERIFY(!path.isEmpty());
    const chronoscope::Result<ServerListImport> result = importServerList(path, ConfFormat::Chrony);
    QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
    const QList<ConfiguredServer> &servers = result->servers;
    QStringList names;
    for (const ConfiguredServer &s : servers)
        names << s.spec.displayName();
    QCOMPARE(names, (QStringList{u"2.debian.pool.ntp.org"_s, u"ntp1.example.net"_s, u"192.0.2.10:1123"_s,
                                 u"2001:db8::123"_s, u"time.example.org"_s, u"pool.example.com"_s}));
    QVERIFY(servers[0].spec.isPool);
    QVERIFY(servers[0].spec.iburst);
    QCOMPARE(servers[1].spec.minPollLog2, 4);
    QCOMPARE(servers[1].spec.maxPollLog2, 8);
    QVERIFY(servers[1].spec.prefer);
    QVERIFY(servers[1].spec.xleave);
    QVERIFY(!servers[0].spec.xleave);
    QCOMPARE(servers[2].spec.port, quint16(1123));
    QCOMPARE(servers[2].keyId, 7u);
    QVERIFY(servers[2].spec.noselect);
    QVERIFY(!servers[2].spec.iburst);
    QVERIFY(servers[3].spec.trust);
    QVERIFY(servers[3].spec.require);
    QVERIFY(servers[5].spec.isPool);

    // Every skipped line or option is reported with its line number.
    QCOMPARE(issueLine(*result, u"'copy' is not supported"_s), 8);
    QCOMPARE(issueLine(*result, u"'maxdelay 0.3' is not supported"_s), 9);
    QCOMPARE(issueLine(*result, u"'sourcedir'"_s), 12);
    QCOMPARE(issueLine(*result, u"'keyfile'"_s), 13);
    QCOMPARE(issueLine(*result, u"'driftfile'"_s), 14);
    QCOMPARE(issueLine(*result, u"'makestep'"_s), 15);
    QCOMPARE(issueLine(*result, u"'rtcsync'"_s), 16);
    QCOMPARE(issueLine(*result, u"bad_host!name"_s), 17);
    QCOMPARE(issueLine(*result, u"listed twice"_s), 18);
    QCOMPARE(issueLine(*result, u"'abc'"_s), 20);
    QCOMPARE(issueLine(*result, u"'refclock'"_s), 21);
    QCOMPARE(result->issues.size(), 11);
    QVERIFY(result->issueTexts().contains(u"chrony.conf:15: 'makestep' is not a server or pool line; not imported"_s));
}

void TestServerListFormat::importsNtpFixtureWithLineNumbers()
{
    const QString path = QFINDTESTDATA("../fixtures/config/ntp.conf");
    const chronoscope::Result<ServerListImport> result = importServerList(path, ConfFormat::Ntp);
    QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
    QCOMPARE(result->servers.size(), 3);
    QCOMPARE(result->servers[0].spec.host, u"0.debian.pool.ntp.org"_s);
    QVERIFY(result->servers[0].spec.isPool);
    const ConfiguredServer &second = result->servers[1];
    QCOMPARE(second.spec.host, u"ntp.example.com"_s);
    QVERIFY(second.spec.trust); // ntp.conf spells it "true"
    QCOMPARE(second.spec.minPollLog2, 5);
    QCOMPARE(second.spec.maxPollLog2, 9);
    QCOMPARE(result->servers[2].keyId, 42u);
    QVERIFY(result->servers[2].spec.prefer);

    QCOMPARE(issueLine(*result, u"'driftfile'"_s), 2);
    QCOMPARE(issueLine(*result, u"'restrict'"_s), 3);
    QCOMPARE(issueLine(*result, u"'-4'"_s), 5);
    QCOMPARE(issueLine(*result, u"reference clock"_s), 6);
    QCOMPARE(issueLine(*result, u"'fudge'"_s), 7);
    QCOMPARE(issueLine(*result, u"'autokey'"_s), 8);
    QCOMPARE(issueLine(*result, u"'peer'"_s), 9);
    QCOMPARE(result->issues.size(), 7);
}

void TestServerListFormat::exportRoundTripsThroughChrony()
{
    QList<ConfiguredServer> servers;
    ConfiguredServer a;
    a.spec.host = u"ntp.example.org"_s;
    a.spec.iburst = true;
    a.spec.prefer = true;
    a.spec.minPollLog2 = 4;
    ConfiguredServer b;
    b.spec.host = u"192.0.2.1"_s;
    b.spec.port = 1123;
    b.spec.iburst = false;
    b.spec.trust = true;
    b.spec.require = true;
    b.keyId = 12;
    ConfiguredServer c;
    c.spec.host = u"pool.example.net"_s;
    c.spec.isPool = true;
    c.spec.iburst = true;
    servers << a << b << c;
    QTemporaryDir dir;
    const QString path = dir.filePath(u"chrony.conf"_s);
    const chronoscope::Result<QString> written = exportServerList(path, servers, ConfFormat::Chrony);
    QVERIFY2(written.ok(), qPrintable(written.errorMessage()));
    const chronoscope::Result<ServerListImport> back = importServerList(path, ConfFormat::Chrony);
    QVERIFY(back.ok());
    QVERIFY2(back->issues.isEmpty(), qPrintable(back->issueTexts().join(u'\n')));
    QCOMPARE(back->servers, servers);
}

void TestServerListFormat::ntpExportCommentsOutPorts()
{
    ConfiguredServer s;
    s.spec.host = u"192.0.2.1"_s;
    s.spec.port = 5123;
    s.spec.iburst = false;
    QStringList warnings;
    const QString text = formatServerList({s}, ConfFormat::Ntp, &warnings);
    QVERIFY(text.contains(u"# server 192.0.2.1"_s));
    QCOMPARE(warnings.size(), 1);
    QVERIFY(warnings.first().contains(u"5123"_s));
    // The commented line is not imported back as a server.
    QCOMPARE(parseServerList(text, ConfFormat::Ntp, u"ntp.conf"_s).servers.size(), 0);
}

void TestServerListFormat::importsChronyNtsFixture()
{
    const QString path = QFINDTESTDATA("../fixtures/config/chrony-nts.conf");
    QVERIFY(!path.isEmpty());
    const chronoscope::Result<ServerListImport> result = importServerList(path, ConfFormat::Chrony);
    QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
    const QList<ConfiguredServer> &servers = result->servers;
    QCOMPARE(servers.size(), 4);
    QCOMPARE(servers[0].spec.host, u"time.example.com"_s);
    QVERIFY(servers[0].spec.nts && servers[0].spec.iburst);
    QCOMPARE(servers[0].spec.ntsPort, quint16(4460));
    QVERIFY(servers[1].spec.nts && servers[1].spec.prefer);
    QCOMPARE(servers[1].spec.ntsPort, quint16(4461));
    QVERIFY(servers[2].spec.nts && servers[2].spec.isPool);
    QVERIFY(servers[3].spec.nts);
    QCOMPARE(servers[3].keyId, 0u);   // NTS wins over the symmetric key, with an issue
    QCOMPARE(issueLine(*result, u"exclude each other"_s), 5);
    QCOMPARE(issueLine(*result, u"'70000'"_s), 6);
    QCOMPARE(issueLine(*result, u"'ntstrustedcerts'"_s), 7);
    QCOMPARE(result->issues.size(), 3);
    // 'nts' is no longer dropped with a warning.
    QCOMPARE(issueLine(*result, u"option 'nts'"_s), -1);
}

void TestServerListFormat::importsNtpsecNtsFixture()
{
    const QString path = QFINDTESTDATA("../fixtures/config/ntpsec-nts.conf");
    QVERIFY(!path.isEmpty());
    const chronoscope::Result<ServerListImport> result = importServerList(path, ConfFormat::Ntp);
    QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
    const QList<ConfiguredServer> &servers = result->servers;
    QCOMPARE(servers.size(), 4);
    QCOMPARE(servers[0].spec.host, u"time.example.com"_s);
    QVERIFY(servers[0].spec.nts && servers[0].spec.iburst);
    QCOMPARE(servers[0].spec.ntsPort, quint16(4460));
    QCOMPARE(servers[1].spec.host, u"nts.example.net"_s);   // host:port is the NTS-KE port
    QCOMPARE(servers[1].spec.ntsPort, quint16(4461));
    QCOMPARE(servers[1].spec.port, quint16(123));
    QVERIFY(servers[1].spec.prefer);
    QCOMPARE(servers[2].spec.host, u"2001:db8::4"_s);
    QCOMPARE(servers[2].spec.ntsPort, quint16(4462));
    QVERIFY(servers[3].spec.nts);
    QCOMPARE(issueLine(*result, u"'ca /etc/ntpsec/private-ca.pem' is not supported"_s), 5);
    QCOMPARE(issueLine(*result, u"'0'"_s), 6);
    QCOMPARE(result->issues.size(), 2);
}

void TestServerListFormat::ntsRoundTrips_data()
{
    QTest::addColumn<int>("format");
    QTest::newRow("chrony") << int(ConfFormat::Chrony);
    QTest::newRow("ntpsec") << int(ConfFormat::Ntp);
}

void TestServerListFormat::ntsRoundTrips()
{
    QFETCH(int, format);
    const auto confFormat = ConfFormat(format);
    QList<ConfiguredServer> servers;
    for (const auto &[host, port] : {std::pair{u"time.example.com"_s, 4460}, std::pair{u"nts.example.net"_s, 4461},
                                     std::pair{u"2001:db8::4"_s, 4462}}) {
        ConfiguredServer s;
        s.spec.host = host;
        s.spec.iburst = true;
        s.spec.nts = true;
        s.spec.ntsPort = quint16(port);
        servers << s;
    }
    servers[1].spec.prefer = true;
    QStringList warnings;
    const QString text = formatServerList(servers, confFormat, &warnings);
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
    if (confFormat == ConfFormat::Chrony) {
        QVERIFY2(text.contains(u"server nts.example.net iburst nts ntsport 4461 prefer\n"_s), qPrintable(text));
        QVERIFY2(text.contains(u"server time.example.com iburst nts\n"_s), qPrintable(text));
    } else {
        QVERIFY2(text.contains(u"server nts.example.net:4461 iburst nts prefer\n"_s), qPrintable(text));
        QVERIFY2(text.contains(u"server [2001:db8::4]:4462 iburst nts\n"_s), qPrintable(text));
        QVERIFY2(text.contains(u"server time.example.com iburst nts\n"_s), qPrintable(text));
    }
    const ServerListImport back = parseServerList(text, confFormat, u"exported.conf"_s);
    QVERIFY2(back.issues.isEmpty(), qPrintable(back.issueTexts().join(u'\n')));
    QCOMPARE(back.servers, servers);
}

// Found by fuzz_serverlist (seed regression-ntsport-without-nts): chronyd uses ntsport only with
// nts; the import kept the port of a plain NTP server, and the export, which writes ntsport only
// for NTS servers, lost it.
void TestServerListFormat::ntsPortWithoutNtsIsAnIssue()
{
    const QString text = u"pool 0 NTSport 3\n"
                         "server a.example ntsport 4461 iburst\n"
                         "server b.example ntsport 4461 nts\n"_s;
    const ServerListImport imported = parseServerList(text, ConfFormat::Chrony, u"chrony.conf"_s);
    QCOMPARE(imported.servers.size(), 3);
    QVERIFY(!imported.servers[0].spec.nts);
    QCOMPARE(imported.servers[0].spec.ntsPort, quint16(4460));
    QVERIFY(!imported.servers[1].spec.nts);
    QVERIFY(imported.servers[1].spec.iburst);
    QCOMPARE(imported.servers[1].spec.ntsPort, quint16(4460));
    QVERIFY(imported.servers[2].spec.nts);
    QCOMPARE(imported.servers[2].spec.ntsPort, quint16(4461));
    QCOMPARE(imported.issueTexts(),
             (QStringList{u"chrony.conf:1: option 'ntsport 3' has no effect without 'nts'; imported without it"_s,
                          u"chrony.conf:2: option 'ntsport 4461' has no effect without 'nts'; imported without it"_s}));

    const QString exported = formatServerList(imported.servers, ConfFormat::Chrony);
    const ServerListImport again = parseServerList(exported, ConfFormat::Chrony, u"exported.conf"_s);
    QVERIFY2(again.issues.isEmpty(), qPrintable(again.issueTexts().join(u'\n')));
    QCOMPARE(again.servers, imported.servers);
}

// Found by fuzz_serverlist (seed regression-nts-as-option-value): "nts" as the value of another
// option ("ident nts") made HOST:PORT an NTS-KE port of a server imported without NTS; the
// export, which writes HOST:PORT only for NTS servers, lost the port.
void TestServerListFormat::ntsAsAnOptionValueKeepsTheNtpsecHost()
{
    const QString text = u"server h.example:4461 ident nts\n"
                         "server 192.0.2.1 ttl nts iburst\n"
                         "server nts.example:4461 ident x nts\n"_s;
    const ServerListImport imported = parseServerList(text, ConfFormat::Ntp, u"ntp.conf"_s);
    QCOMPARE(imported.servers.size(), 2);
    QCOMPARE(imported.servers[0].spec.host, u"192.0.2.1"_s);
    QVERIFY(!imported.servers[0].spec.nts);
    QVERIFY(imported.servers[0].spec.iburst);
    QCOMPARE(imported.servers[0].spec.ntsPort, quint16(4460));
    QCOMPARE(imported.servers[1].spec.host, u"nts.example"_s);
    QVERIFY(imported.servers[1].spec.nts);
    QCOMPARE(imported.servers[1].spec.ntsPort, quint16(4461));
    // Without the nts option, h.example:4461 is no host name: refused, naming the line.
    QCOMPARE(issueLine(imported, u"'h.example:4461': in ntp.conf a port after the host is the NTS-KE port"_s), 1);
    QCOMPARE(issueLine(imported, u"option 'ident nts' is not supported"_s), 1);
    QCOMPARE(issueLine(imported, u"option 'ttl nts' is not supported"_s), 2);

    const QString exported = formatServerList(imported.servers, ConfFormat::Ntp);
    const ServerListImport again = parseServerList(exported, ConfFormat::Ntp, u"exported.conf"_s);
    QVERIFY2(again.issues.isEmpty(), qPrintable(again.issueTexts().join(u'\n')));
    QCOMPARE(again.servers, imported.servers);
}

void TestServerListFormat::hostWithPortIsRefusedNamingTheSyntax()
{
    const ServerListImport imported = parseServerList(u"server ntp.example:1123 iburst\nserver [2001:db8::1]\n"_s,
                                                      ConfFormat::Chrony, u"chrony.conf"_s);
    QCOMPARE(imported.issueTexts(),
             QStringList{u"chrony.conf:1: 'ntp.example:1123': chrony.conf gives the port as 'port N', not after the host; not imported"_s});
    QCOMPARE(imported.servers.size(), 1);
    QCOMPARE(imported.servers[0].spec.host, u"2001:db8::1"_s);
}

void TestServerListFormat::missingFileIsAnErrorNamingIt()
{
    const chronoscope::Result<ServerListImport> result = importServerList(u"/nonexistent/chrony.conf"_s, ConfFormat::Chrony);
    QVERIFY(!result.ok());
    QVERIFY(result.errorMessage().contains(u"/nonexistent/chrony.conf"_s));
}

void TestServerListFormat::guessesFormatFromFileName_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("ntp");
    QTest::newRow("chrony") << u"/etc/chrony/chrony.conf"_s << false;
    QTest::newRow("sources") << u"/etc/chrony/sources.d/local.sources"_s << false;
    QTest::newRow("ntp") << u"/etc/ntp.conf"_s << true;
    QTest::newRow("ntpsec") << u"/etc/ntpsec/ntp.conf"_s << true;
}

void TestServerListFormat::guessesFormatFromFileName()
{
    QFETCH(QString, path);
    QFETCH(bool, ntp);
    QCOMPARE(guessConfFormat(path) == ConfFormat::Ntp, ntp);
}

void TestServerListFormat::overlongLineIsAnIssueWithItsNumber()
{
    const QString text = u"server a.example\nserver "_s + QString(MAX_CONF_LINE_LENGTH, u'b') + u"\n"_s;
    const ServerListImport imported = parseServerList(text, ConfFormat::Chrony, u"long.conf"_s);
    QCOMPARE(imported.servers.size(), 1);
    QCOMPARE(imported.issueTexts(), QStringList{u"long.conf:2: the line is 2054 characters long (limit 2047); not imported"_s});
}

namespace {
void writeText(const QString &path, const QByteArray &text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
}
} // namespace

void TestServerListFormat::includesAreFollowedToADepthLimit()
{
    QTemporaryDir dir;
    // level0.conf includes level1.conf ... each with one server; the chain is 8 deep.
    for (int i = 0; i < 8; ++i)
        writeText(dir.filePath(u"level%1.conf"_s.arg(i)),
                  "server s" + QByteArray::number(i) + ".example\ninclude level" + QByteArray::number(i + 1) + ".conf\n");
    const chronoscope::Result<ServerListImport> imported = importServerList(dir.filePath(u"level0.conf"_s), ConfFormat::Chrony);
    QVERIFY(imported.ok());
    QCOMPARE(imported->servers.size(), MAX_INCLUDE_DEPTH + 1); // the file itself and 5 levels below it
    QVERIFY2(imported->issueTexts().contains(
                 u"level5.conf:2: include of 'level6.conf' is nested more than 5 levels deep; not followed"_s),
             qPrintable(imported->issueTexts().join(u'\n')));
}

void TestServerListFormat::includeLoopIsRefused()
{
    QTemporaryDir dir;
    writeText(dir.filePath(u"a.conf"_s), "server a.example\ninclude b.conf\n");
    writeText(dir.filePath(u"b.conf"_s), "server b.example\ninclude *.conf\n");
    const chronoscope::Result<ServerListImport> imported = importServerList(dir.filePath(u"a.conf"_s), ConfFormat::Chrony);
    QVERIFY(imported.ok());
    QCOMPARE(imported->servers.size(), 2);
    QVERIFY2(imported->issueTexts().contains(u"b.conf:2: '*.conf' includes itself; not followed"_s),
             qPrintable(imported->issueTexts().join(u'\n')));
}

void TestServerListFormat::oversizedFileIsRefusedNamingIt()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"big.conf"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(100 * 1024 * 1024)); // 100 MB, sparse
    file.close();
    const chronoscope::Result<ServerListImport> imported = importServerList(path, ConfFormat::Chrony);
    QVERIFY(!imported.ok());
    QCOMPARE(imported.errorMessage(), u"%1 is 104857600 bytes long; a configuration file is at most 1048576 bytes"_s.arg(path));
}

void TestServerListFormat::serverCountIsBounded()
{
    QString text;
    for (int i = 0; i < MAX_IMPORTED_SERVERS + 3; ++i)
        text += u"server s%1.example\n"_s.arg(i);
    const ServerListImport imported = parseServerList(text, ConfFormat::Chrony, u"many.conf"_s);
    QCOMPARE(imported.servers.size(), MAX_IMPORTED_SERVERS);
    QCOMPARE(imported.issues.size(), 3);
    QCOMPARE(imported.issueTexts().first(), u"many.conf:257: more than 256 servers; 's256.example' is not imported"_s);
}

QTEST_GUILESS_MAIN(TestServerListFormat)
#include "tst_serverlistformat.moc"

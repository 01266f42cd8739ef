// SPDX-License-Identifier: GPL-3.0-or-later
// The helper's renderers and strict parsers for each daemon's file (HELPER.md §4.6): exact
// text, read back to the same servers, the ntp.conf block spliced with every other byte kept,
// broken markers refused.
#include <QTest>

#include "app/helper/sourcesformat.h"
#include "app/helper/timeserviceaudit.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::helper::sourcesformat;
using namespace chronoscope::protocol::timeservice;

namespace {

std::vector<ServerEntry> sample()
{
    ServerEntry a;
    a.host = "ntp.example.org";
    a.flags = SERVER_IBURST | SERVER_POLL;
    a.minPoll = 6;
    a.maxPoll = 10;
    a.keyId = 12;
    ServerEntry b;
    b.host = "2001:db8::1";
    b.port = 1123;
    b.flags = SERVER_PREFER | SERVER_NTS;
    return {a, b};
}

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

class TstTimeServiceFormat : public QObject
{
    Q_OBJECT
private slots:
    void chronyLines()
    {
        const std::string text = renderChrony(sample());
        QVERIFY2(text.find("\nserver ntp.example.org iburst minpoll 6 maxpoll 10 key 12\n") != std::string::npos, qPrintable(q(text)));
        QVERIFY2(text.find("\nserver 2001:db8::1 port 1123 prefer nts\n") != std::string::npos, qPrintable(q(text)));
        QVERIFY(text.rfind("# ", 0) == 0);                       // starts with our comment
        const auto back = parseChrony(text);
        QVERIFY(back);
        QVERIFY(*back == sample());
    }

    void chronyParserIsStrict()
    {
        QVERIFY(!parseChrony("pool pool.ntp.org iburst\n"));       // only our own lines
        QVERIFY(!parseChrony("server a.example burst\n"));
        QVERIFY(!parseChrony("server a.example minpoll\n"));
        QVERIFY(!parseChrony("server a.example key 0\n"));
        QVERIFY(!parseChrony("server a.example port 70000\n"));
        QVERIFY(!parseChrony("server\n"));
        QVERIFY(parseChrony("# only a comment\n")->empty());
    }

    void timesyncdFile()
    {
        std::vector<ServerEntry> hosts{ServerEntry{"a.example"}, ServerEntry{"192.0.2.1"}};
        const std::string text = renderTimesyncd(hosts);
        QVERIFY2(text.find("\n[Time]\nNTP=a.example 192.0.2.1\n") != std::string::npos, qPrintable(q(text)));
        QVERIFY(*parseTimesyncd(text) == hosts);
        QVERIFY(!parseTimesyncd("[Time]\nFallbackNTP=x\n"));
        QVERIFY(!parseTimesyncd("NTP=a.example\n"));               // outside [Time]
        QVERIFY(!parseTimesyncd("[Time]\nNTP=a\nNTP=b\n"));
    }

    void ntpBlockIsSplicedByteForByte()
    {
        const std::string original = "# my ntp.conf\r\ndriftfile /var/lib/ntp/drift\n\tserver  0.debian.pool.ntp.org iburst\nrestrict default";
        std::vector<ServerEntry> servers = sample();
        servers[1].port = 0;
        const std::string block = renderNtpBlock(servers);
        QVERIFY(block.rfind(std::string(NTP_BEGIN), 0) == 0);
        QVERIFY2(block.find("\nserver ntp.example.org iburst minpoll 6 maxpoll 10 key 12\n") != std::string::npos, qPrintable(q(block)));
        QVERIFY(block.size() > NTP_END.size() + 1 && block.substr(block.size() - NTP_END.size() - 1) == std::string(NTP_END) + "\n");
        const Spliced first = spliceNtpBlock(original, block);
        QVERIFY(first.text);
        QCOMPARE(q(*first.text), q(original + "\n" + block));     // appended after a newline
        QVERIFY(*parseNtpBlock(*first.text) == servers);
        QCOMPARE(q(*ntpBlockOf(*first.text)), q(block));
        // Again with other servers: the block is replaced in place, nothing else changes.
        const std::string withTail = *first.text + "tinker panic 0\n";
        const std::string other = renderNtpBlock({ServerEntry{"192.0.2.7"}});
        const Spliced second = spliceNtpBlock(withTail, other);
        QVERIFY(second.text);
        QCOMPARE(q(*second.text), q(original + "\n" + other + "tinker panic 0\n"));
        // Removing the block (Revert to a file that had none) keeps everything else.
        QCOMPARE(q(*spliceNtpBlock(*second.text, "").text), q(original + "\ntinker panic 0\n"));
        QCOMPARE(q(*ntpBlockOf(original)), QString());
    }

    void whatEachFormatKeeps()
    {
        // ntpd has no port option (only the default, 123, passes validateSources), timesyncd
        // keeps hosts only: the helper compares its re-parse with exactly this.
        std::vector<ServerEntry> servers = sample();
        servers[1].port = 123;
        servers[1].flags = SERVER_PREFER;
        const std::vector<ServerEntry> ntp = keptBy(Daemon::Ntpd, servers);
        QCOMPARE(int(ntp[1].port), 0);
        QVERIFY(*parseNtpBlock(*spliceNtpBlock("", renderNtpBlock(servers)).text) == ntp);
        const std::vector<ServerEntry> timesyncd = keptBy(Daemon::Timesyncd, servers);
        QVERIFY(*parseTimesyncd(renderTimesyncd(servers)) == timesyncd);
        QCOMPARE(int(timesyncd[0].flags), 0);
        QVERIFY(keptBy(Daemon::Chronyd, servers) == servers);
    }

    void auditValuesCannotForgeFieldsOrLines()
    {
        using chronoscope::helper::auditQuoted;
        QCOMPARE(q(auditQuoted("/etc/ntp.conf")), u"\"/etc/ntp.conf\""_s);
        // A file name or daemon message with quotes, a newline and an escape sequence stays one
        // quoted value on one line.
        QCOMPARE(q(auditQuoted("a\" status=ok\nfake line\x1b[2J\\")), u"\"a\\\" status=ok?fake line?[2J\\\\\""_s);
        const std::string longText(500, 'x');
        const std::string shown = auditQuoted(longText);
        QCOMPARE(shown.size(), std::size_t(200 + 2 + 3));   // quotes and "..."
    }

    void brokenNtpMarkersAreRefused()
    {
        const std::string begin = std::string(NTP_BEGIN) + "\n";
        const std::string end = std::string(NTP_END) + "\n";
        for (const std::string &file : {begin + "server a\n", end + "server a\n", begin + begin + "x\n" + end,
                                        begin + end + begin + end, end + begin}) {
            QVERIFY2(!spliceNtpBlock(file, renderNtpBlock({ServerEntry{"a.example"}})).text, qPrintable(q(file)));
            QVERIFY(!spliceNtpBlock(file, "").error.empty());
            QVERIFY(!parseNtpBlock(file));
            QVERIFY(!ntpBlockOf(file));
        }
    }
};

QTEST_APPLESS_MAIN(TstTimeServiceFormat)
#include "tst_timeserviceformat.moc"

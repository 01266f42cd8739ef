// SPDX-License-Identifier: GPL-3.0-or-later
// What a socket on the NTP port means, in words: known time services, unknown processes,
// owners this user cannot see, client sockets, nothing bound, and a failed check.
#include <QTest>

#include "core/diagnostics/portusage.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::diagnostics;

namespace {

UdpSocketEntry socket(const QString &address, quint16 port, const QList<ProcessRef> &processes, quint32 uid = 0)
{
    UdpSocketEntry e;
    e.localAddress = QHostAddress(address);
    e.localPort = port;
    e.uid = uid;
    e.inode = 4711;
    e.processes = processes;
    return e;
}

PortUsageFindings interpret(quint16 port, const QList<UdpSocketEntry> &sockets)
{
    PortUsageFindings r;
    r.port = port;
    r.sockets = sockets;
    interpretPortUsage(r);
    return r;
}

} // namespace

class TstPortUsage : public QObject
{
    Q_OBJECT

private slots:
    void chronydServingOnAllAddresses();
    void ntpdOnLoopbackAndIpv6Wildcard();
    void timesyncdAndUnknownProcesses();
    void ownerNotVisible();
    void connectedClientSocket();
    void percentSignsInNamesStayLiteral();
    void nothingBound();
    void checkFailed();
};

void TstPortUsage::chronydServingOnAllAddresses()
{
    const PortUsageFindings r = interpret(123, {socket(u"0.0.0.0"_s, 123, {{42, u"chronyd"_s, u"/usr/sbin/chronyd"_s}})});
    QCOMPARE(r.meanings.size(), 1);
    const QString &m = r.meanings.first();
    QVERIFY2(m.startsWith(u"chronyd (pid 42) is serving time on port 123 on every IPv4 address"_s), qPrintable(m));
    QVERIFY2(m.contains(u"reachable from the network unless a firewall blocks it"_s), qPrintable(m));
    QVERIFY2(m.contains(u"Chronoscope does not need the port and will not conflict"_s), qPrintable(m));
    QCOMPARE(r.summary, u"UDP port 123 is in use (1 socket(s)) by chronyd (pid 42)."_s);
}

void TstPortUsage::ntpdOnLoopbackAndIpv6Wildcard()
{
    const ProcessRef ntpd{7, u"ntpd"_s, u"/usr/sbin/ntpd"_s};
    const PortUsageFindings r = interpret(123, {socket(u"127.0.0.1"_s, 123, {ntpd}), socket(u"::"_s, 123, {ntpd})});
    QCOMPARE(r.meanings.size(), 2);
    QVERIFY2(r.meanings.at(0).contains(u"ntpd (pid 7) (the reference ntpd, ntpsec or OpenNTPD) is serving time"_s),
             qPrintable(r.meanings.at(0)));
    QVERIFY2(r.meanings.at(0).contains(u"on the loopback address 127.0.0.1 only, so only this computer reaches it"_s),
             qPrintable(r.meanings.at(0)));
    QVERIFY2(r.meanings.at(0).contains(u"mode 6 and 7"_s), qPrintable(r.meanings.at(0)));
    QVERIFY2(r.meanings.at(1).contains(u"IPv4 too unless the socket is IPv6-only"_s), qPrintable(r.meanings.at(1)));
    QCOMPARE(r.summary, u"UDP port 123 is in use (2 socket(s)) by ntpd (pid 7)."_s); // one holder, named once
}

void TstPortUsage::timesyncdAndUnknownProcesses()
{
    const PortUsageFindings r = interpret(
        123, {socket(u"192.0.2.5"_s, 123, {{9, u"systemd-timesyn"_s, u"/lib/systemd/systemd-timesyncd"_s}}),
              socket(u"0.0.0.0"_s, 123, {{10, u"mydaemon"_s, u"/opt/bin/mydaemon"_s}, {11, u"mydaemon"_s, {}}})});
    QVERIFY2(r.meanings.at(0).contains(u"systemd-timesyncd is an SNTP client and does not serve time"_s),
             qPrintable(r.meanings.at(0)));
    QVERIFY2(r.meanings.at(0).contains(u"on 192.0.2.5 only"_s), qPrintable(r.meanings.at(0)));
    QVERIFY2(r.meanings.at(1).startsWith(u"mydaemon (pids 10, 11) has port 123 open"_s), qPrintable(r.meanings.at(1)));
    QVERIFY2(r.meanings.at(1).contains(u"not a known time service"_s), qPrintable(r.meanings.at(1)));
    QVERIFY2(r.summary.contains(u"systemd-timesyn (pid 9); mydaemon (pids 10, 11)"_s), qPrintable(r.summary));
}

void TstPortUsage::ownerNotVisible()
{
    const PortUsageFindings r = interpret(123, {socket(u"0.0.0.0"_s, 123, {}, 108)});
    QVERIFY2(r.meanings.first().startsWith(u"a process of user id 108 (not visible to this user; run as root"_s),
             qPrintable(r.meanings.first()));
}

void TstPortUsage::connectedClientSocket()
{
    UdpSocketEntry e = socket(u"10.0.0.2"_s, 123, {{5, u"ntpdate"_s, u"/usr/sbin/ntpdate"_s}});
    e.remoteAddress = QHostAddress(u"192.0.2.1"_s);
    e.remotePort = 123;
    const PortUsageFindings r = interpret(123, {e});
    QCOMPARE(r.meanings.first(), u"ntpdate (pid 5) uses local port 123 as a client talking to 192.0.2.1 port 123; "
                                  "it is not serving time."_s);
}

void TstPortUsage::percentSignsInNamesStayLiteral()
{
    const PortUsageFindings r = interpret(5000, {socket(u"::1"_s, 5000, {{3, u"odd%2name%1"_s, {}}})});
    QVERIFY2(r.meanings.first().startsWith(u"odd%2name%1 (pid 3) has port 5000 open on the loopback address ::1"_s),
             qPrintable(r.meanings.first()));
    QVERIFY2(r.summary.contains(u"odd%2name%1 (pid 3)"_s), qPrintable(r.summary));
}

void TstPortUsage::nothingBound()
{
    const PortUsageFindings ntp = interpret(123, {});
    QVERIFY(ntp.meanings.isEmpty());
    QVERIFY2(ntp.summary.startsWith(u"Nothing is bound to UDP port 123 (IPv4 or IPv6): no NTP server runs on this "
                                    "computer."_s),
             qPrintable(ntp.summary));
    QVERIFY(ntp.summary.contains(u"does not need the port"_s));
    QCOMPARE(interpret(4000, {}).summary, u"Nothing is bound to UDP port 4000 (IPv4 or IPv6)."_s);
}

void TstPortUsage::checkFailed()
{
    PortUsageFindings r;
    r.port = 123;
    r.error = u"cannot read /proc/net/udp: Permission denied"_s;
    interpretPortUsage(r);
    QCOMPARE(r.summary, u"Could not check UDP port 123: cannot read /proc/net/udp: Permission denied"_s);
}

QTEST_GUILESS_MAIN(TstPortUsage)
#include "tst_portusage.moc"

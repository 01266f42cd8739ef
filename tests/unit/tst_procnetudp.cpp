// SPDX-License-Identifier: GPL-3.0-or-later
// The /proc/net/udp{,6} parser: addresses printed as host-order hex words (fixtures for both
// byte orders, chosen for the machine running the test), ports, uid, inode, malformed lines.
#include <QTest>

#include "core/diagnostics/procnetudp.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::diagnostics;
using chronoscope::Result;

namespace {

constexpr bool LITTLE_ENDIAN_HOST = Q_BYTE_ORDER == Q_LITTLE_ENDIAN;
const QByteArray HEADER4 = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  "
                           "timeout inode ref pointer drops             \n";
const QByteArray HEADER6 = "  sl  local_address                         remote_address                        st "
                           "tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n";

// What the kernel prints on this host for 0.0.0.0:123, 127.0.0.1:11123, and 10.0.0.2:50000
// connected to 192.168.1.1:123.
QByteArray ipv4Table()
{
    const QByteArray loopback = LITTLE_ENDIAN_HOST ? "0100007F" : "7F000001";
    const QByteArray ten = LITTLE_ENDIAN_HOST ? "0200000A" : "0A000002";
    const QByteArray router = LITTLE_ENDIAN_HOST ? "0101A8C0" : "C0A80101";
    return HEADER4
        + " 9392: 00000000:007B 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 10216 2 "
          "0000000037119b02 0\n"
        + " 1234: " + loopback + ":2B73 00000000:0000 07 00000000:00000000 00:00000000 00000000   108        0 "
          "20001 2 0000000000000000 0\n"
        + "   17: " + ten + ":C350 " + router + ":007B 01 00000000:00000000 00:00000000 00000000  1000        0 "
          "30001 2 0000000000000000 0\n";
}

// :: port 123, ::1 port 80, ::ffff:127.0.0.1 port 8080, 2001:db8::1 port 123.
QByteArray ipv6Table()
{
    const QByteArray one = LITTLE_ENDIAN_HOST ? "00000000000000000000000001000000" : "00000000000000000000000000000001";
    const QByteArray mapped = LITTLE_ENDIAN_HOST ? "0000000000000000FFFF00000100007F" : "00000000000000000000FFFF7F000001";
    const QByteArray doc = LITTLE_ENDIAN_HOST ? "B80D0120000000000000000001000000" : "20010DB8000000000000000000000001";
    const QByteArray any = "00000000000000000000000000000000";
    return HEADER6 + "  100: " + any + ":007B " + any + ":0000 07 00000000:00000000 00:00000000 00000000 0 0 501 2 0 0\n"
        + "  101: " + one + ":0050 " + any + ":0000 07 00000000:00000000 00:00000000 00000000 0 0 502 2 0 0\n"
        + "  102: " + mapped + ":1F90 " + any + ":0000 07 00000000:00000000 00:00000000 00000000 33 0 503 2 0 0\n"
        + "  103: " + doc + ":007B " + any + ":0000 07 00000000:00000000 00:00000000 00000000 0 0 504 2 0 0\n";
}

} // namespace

class TstProcNetUdp : public QObject
{
    Q_OBJECT

private slots:
    void parsesIpv4Table();
    void parsesIpv6Table();
    void headerOnlyMeansNoSockets();
    void rejectsMalformedLines_data();
    void rejectsMalformedLines();
};

void TstProcNetUdp::parsesIpv4Table()
{
    const Result<QList<UdpSocketEntry>> r = parseProcNetUdp(ipv4Table(), false);
    QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
    QCOMPARE(r->size(), 3);
    const UdpSocketEntry &any = r->at(0);
    QCOMPARE(any.localAddress, QHostAddress(QHostAddress::AnyIPv4));
    QCOMPARE(any.localPort, 123);
    QVERIFY(!any.isConnected());
    QVERIFY(any.remoteAddress.isNull());
    QCOMPARE(any.uid.value_or(99999), 0u);
    QCOMPARE(any.inode, 10216u);
    QVERIFY(!any.isIpv6());
    QCOMPARE(r->at(1).localAddress, QHostAddress(u"127.0.0.1"_s));
    QCOMPARE(r->at(1).localPort, 11123);
    QCOMPARE(r->at(1).uid.value_or(99999), 108u);
    const UdpSocketEntry &client = r->at(2);
    QCOMPARE(client.localAddress, QHostAddress(u"10.0.0.2"_s));
    QCOMPARE(client.localPort, 50000);
    QVERIFY(client.isConnected());
    QCOMPARE(client.remoteAddress, QHostAddress(u"192.168.1.1"_s));
    QCOMPARE(client.remotePort, 123);
    QCOMPARE(client.inode, 30001u);
}

void TstProcNetUdp::parsesIpv6Table()
{
    const Result<QList<UdpSocketEntry>> r = parseProcNetUdp(ipv6Table(), true);
    QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
    QCOMPARE(r->size(), 4);
    QCOMPARE(r->at(0).localAddress, QHostAddress(QHostAddress::AnyIPv6));
    QVERIFY(r->at(0).isIpv6());
    QCOMPARE(r->at(1).localAddress, QHostAddress(QHostAddress::LocalHostIPv6));
    QCOMPARE(r->at(1).localPort, 80);
    QCOMPARE(r->at(2).localAddress.toString(), u"::ffff:127.0.0.1"_s);
    QCOMPARE(r->at(2).localPort, 8080);
    QCOMPARE(r->at(2).uid.value_or(99999), 33u);
    QCOMPARE(r->at(3).localAddress, QHostAddress(u"2001:db8::1"_s));
    QCOMPARE(r->at(3).inode, 504u);
}

void TstProcNetUdp::headerOnlyMeansNoSockets()
{
    const Result<QList<UdpSocketEntry>> r = parseProcNetUdp(HEADER4, false);
    QVERIFY(r.ok());
    QVERIFY(r->isEmpty());
    QVERIFY(parseProcNetUdp(QByteArray(), true).ok());
}

void TstProcNetUdp::rejectsMalformedLines_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("ipv6");
    QTest::addColumn<QString>("reason");
    const QByteArray tail = " 00000000:0000 07 00000000:00000000 00:00000000 00000000 0 0 1 2 0 0";
    QTest::newRow("too few columns") << QByteArray(" 1: 00000000:007B 00000000:0000 07") << false << u"4 columns"_s;
    QTest::newRow("no port") << (" 1: 00000000" + tail) << false << u"bad local address '00000000'"_s;
    QTest::newRow("short address") << (" 1: 0000000:007B" + tail) << false << u"bad local address"_s;
    QTest::newRow("ipv6 length in udp") << (" 1: 00000000000000000000000000000000:007B" + tail) << false
                                        << u"bad local address"_s;
    QTest::newRow("ipv4 length in udp6") << (" 1: 00000000:007B" + tail) << true << u"bad local address"_s;
    QTest::newRow("hex garbage") << (" 1: 0000ZZ00:007B" + tail) << false << u"bad local address"_s;
    QTest::newRow("five-digit port") << (" 1: 00000000:1007B" + tail) << false << u"bad local address"_s;
    QTest::newRow("bad remote") << QByteArray(" 1: 00000000:007B 0:0 07 00000000:00000000 00:00000000 00000000 0 0 1 2 0 0")
                                << false << u"bad remote address '0:0'"_s;
    QTest::newRow("bad uid") << QByteArray(" 1: 00000000:007B 00000000:0000 07 00000000:00000000 00:00000000 00000000 "
                                           "root 0 1 2 0 0")
                             << false << u"bad uid 'root'"_s;
    QTest::newRow("bad inode") << QByteArray(" 1: 00000000:007B 00000000:0000 07 00000000:00000000 00:00000000 "
                                             "00000000 0 0 -5 2 0 0")
                               << false << u"bad inode '-5'"_s;
}

void TstProcNetUdp::rejectsMalformedLines()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, ipv6);
    QFETCH(QString, reason);
    const Result<QList<UdpSocketEntry>> r = parseProcNetUdp((ipv6 ? HEADER6 : HEADER4) + line + '\n', ipv6);
    QVERIFY(!r.ok());
    QVERIFY2(r.errorMessage().contains(reason), qPrintable(r.errorMessage()));
    QVERIFY2(r.errorMessage().contains(u"line 2 of /proc/net/udp"_s), qPrintable(r.errorMessage()));
}

QTEST_GUILESS_MAIN(TstProcNetUdp)
#include "tst_procnetudp.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The local UDP port check against sockets this test binds itself, on ports the kernel picks
// (no root needed): IPv4, IPv6, both wildcards on one port, a free port, and the process that
// holds each socket.
#include <QCoreApplication>
#include <QFileInfo>
#include <QTest>
#include <QUdpSocket>

#include "core/diagnostics/portusage.h"
#include "core/diagnostics/udpportinspector.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::diagnostics;

namespace {

// This process as /proc names it: comm is the executable's name cut to 15 characters.
QString ownName()
{
    return QFileInfo(QCoreApplication::applicationFilePath()).fileName().left(15);
}

bool heldByUs(const UdpSocketEntry &entry)
{
    for (const ProcessRef &p : entry.processes) {
        if (p.pid == QCoreApplication::applicationPid()) {
            return p.name == ownName()
                && QFileInfo(p.executable).canonicalFilePath()
                == QFileInfo(QCoreApplication::applicationFilePath()).canonicalFilePath();
        }
    }
    return false;
}

QByteArray describe(const QList<UdpSocketEntry> &entries)
{
    QStringList lines;
    for (const UdpSocketEntry &e : entries) {
        QStringList holders;
        for (const ProcessRef &p : e.processes)
            holders << u"%1 %2 (%3)"_s.arg(p.pid).arg(p.name, p.executable);
        lines << u"%1:%2 inode %3 uid %4 [%5]"_s.arg(e.localAddress.toString())
                     .arg(e.localPort)
                     .arg(e.inode)
                     .arg(e.uid.value_or(0))
                     .arg(holders.join(u", "_s));
    }
    return lines.join(u'\n').toUtf8();
}

} // namespace

class TstUdpPortInspector : public QObject
{
    Q_OBJECT

private slots:
    void findsOwnIpv4SocketWithThisProcess();
    void findsOwnIpv6Socket();
    void findsBothWildcardsOnOnePort();
    void freePortHasNoSockets();
    void reportExplainsTheHolder();
};

void TstUdpPortInspector::findsOwnIpv4SocketWithThisProcess()
{
    QUdpSocket socket;
    QVERIFY2(socket.bind(QHostAddress(QHostAddress::LocalHost), 0), qPrintable(socket.errorString()));
    const quint16 port = socket.localPort();
    const chronoscope::Result<QList<UdpSocketEntry>> found = findUdpSockets(port);
    QVERIFY2(found.ok(), qPrintable(found.errorMessage()));
    QCOMPARE(found->size(), 1);
    const UdpSocketEntry &e = found->first();
    QCOMPARE(e.localAddress, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(e.localPort, port);
    QVERIFY(!e.isConnected());
    QVERIFY(e.inode != 0);
    QVERIFY(e.uid.has_value());
    QVERIFY2(heldByUs(e), describe(*found).constData());
}

void TstUdpPortInspector::findsOwnIpv6Socket()
{
    QUdpSocket socket;
    QVERIFY2(socket.bind(QHostAddress(QHostAddress::LocalHostIPv6), 0), qPrintable(socket.errorString()));
    const chronoscope::Result<QList<UdpSocketEntry>> found = findUdpSockets(socket.localPort());
    QVERIFY2(found.ok(), qPrintable(found.errorMessage()));
    QCOMPARE(found->size(), 1);
    QCOMPARE(found->first().localAddress, QHostAddress(QHostAddress::LocalHostIPv6));
    QVERIFY(found->first().isIpv6());
    QVERIFY2(heldByUs(found->first()), describe(*found).constData());
}

void TstUdpPortInspector::findsBothWildcardsOnOnePort()
{
    // Qt binds AnyIPv6 IPv6-only, so both families can hold the same port, as ntpd does.
    QUdpSocket v4;
    QVERIFY2(v4.bind(QHostAddress(QHostAddress::AnyIPv4), 0), qPrintable(v4.errorString()));
    QUdpSocket v6;
    QVERIFY2(v6.bind(QHostAddress(QHostAddress::AnyIPv6), v4.localPort()), qPrintable(v6.errorString()));
    const chronoscope::Result<QList<UdpSocketEntry>> found = findUdpSockets(v4.localPort());
    QVERIFY2(found.ok(), qPrintable(found.errorMessage()));
    QCOMPARE(found->size(), 2);
    QCOMPARE(found->at(0).localAddress, QHostAddress(QHostAddress::AnyIPv4));
    QCOMPARE(found->at(1).localAddress, QHostAddress(QHostAddress::AnyIPv6));
    QVERIFY(found->at(0).inode != found->at(1).inode);
    QVERIFY2(heldByUs(found->at(0)) && heldByUs(found->at(1)), describe(*found).constData());
}

void TstUdpPortInspector::freePortHasNoSockets()
{
    quint16 port = 0;
    {
        QUdpSocket probe;
        QVERIFY(probe.bind(QHostAddress(QHostAddress::LocalHost), 0));
        port = probe.localPort();
    }
    const chronoscope::Result<QList<UdpSocketEntry>> found = findUdpSockets(port);
    QVERIFY2(found.ok(), qPrintable(found.errorMessage()));
    QVERIFY2(found->isEmpty(), describe(*found).constData());
    const PortUsageFindings report = checkUdpPort(port);
    QVERIFY(report.error.isEmpty());
    QCOMPARE(report.summary, u"Nothing is bound to UDP port %1 (IPv4 or IPv6)."_s.arg(port));
}

void TstUdpPortInspector::reportExplainsTheHolder()
{
    QUdpSocket socket;
    QVERIFY2(socket.bind(QHostAddress(QHostAddress::LocalHost), 0), qPrintable(socket.errorString()));
    const PortUsageFindings report = checkUdpPort(socket.localPort());
    QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
    QCOMPARE(report.sockets.size(), 1);
    const QString holder = u"%1 (pid %2)"_s.arg(ownName()).arg(QCoreApplication::applicationPid());
    QVERIFY2(report.summary.contains(holder), qPrintable(report.summary));
    QVERIFY2(report.meanings.first().startsWith(holder + u" has port %1 open on the loopback address 127.0.0.1 "
                                                         "only"_s.arg(socket.localPort())),
             qPrintable(report.meanings.first()));
    QVERIFY2(report.meanings.first().contains(u"not a known time service"_s), qPrintable(report.meanings.first()));
}

QTEST_GUILESS_MAIN(TstUdpPortInspector)
#include "tst_udpportinspector.moc"

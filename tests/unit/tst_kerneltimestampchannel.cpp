// SPDX-License-Identifier: GPL-3.0-or-later
// KernelTimestampChannel (Linux) socket reuse: a socket kept by keepOpenFor() serves the next
// open() to the same server only while the port is younger than the lifetime it was kept
// under, however late that open() comes (a request postponed by an NTS key exchange, a back-off
// or a busy thread gets a fresh port); a different server always gets a fresh port.
// With a SocketPoller, a socket is watched from its first send on, and the reply comes through
// the poller with kernel time stamps on both sides (T1 before T4).
#include <QTest>
#include <QUdpSocket>

#include "core/engine/datagramreceiver.h"
#include "core/engine/kerneltimestampchannel_linux.h"
#include "core/engine/socketpoller_linux.h"
#include "tests/fakes/nulldatagramreceiver.h"

using namespace std::chrono_literals;
using chronoscope::engine::KernelTimestampChannel;
using chronoscope::engine::SocketPoller;
using chronoscope::testing::NullDatagramReceiver;

namespace {

// No one listens there: the channel only needs a connected UDP socket (nothing is sent).
const QHostAddress SERVER(QHostAddress::LocalHost);
constexpr quint16 SERVER_PORT = 9;

// Keeps what the channel delivers.
class RecordingReceiver final : public chronoscope::engine::DatagramReceiver
{
public:
    void onDatagram(const QByteArray &datagram, const QHostAddress &, quint16, chronoscope::ntp::NtpTimestamp receiveTime) override
    {
        datagrams.append(datagram);
        receiveTimes.append(receiveTime);
    }
    void onChannelError(const QString &message, bool) override { errors.append(message); }

    QList<QByteArray> datagrams;
    QList<chronoscope::ntp::NtpTimestamp> receiveTimes;
    QStringList errors;
};

} // namespace

class TestKernelTimestampChannel : public QObject
{
    Q_OBJECT
private slots:
    void keptSocketServesTheNextRequestInTime();
    void keptSocketIsNotReusedAfterItsLifetime();
    void anotherServerGetsAFreshPort();
    void theReplyComesThroughThePollerWatchingFromTheFirstSend();
};

void TestKernelTimestampChannel::keptSocketServesTheNextRequestInTime()
{
    NullDatagramReceiver receiver;
    KernelTimestampChannel channel(receiver);
    QVERIFY2(channel.open(SERVER, SERVER_PORT), qPrintable(channel.errorString()));
    const quint16 first = channel.localPort();
    QVERIFY(first != 0);
    QVERIFY(channel.keepOpenFor(0ms, 60s));
    QVERIFY(channel.open(SERVER, SERVER_PORT));
    QCOMPARE(channel.localPort(), first);
    // Not kept this time: the next open() makes a new socket.
    QVERIFY(channel.open(SERVER, SERVER_PORT));
    QVERIFY(channel.localPort() != 0);
}

void TestKernelTimestampChannel::keptSocketIsNotReusedAfterItsLifetime()
{
    NullDatagramReceiver receiver;
    KernelTimestampChannel channel(receiver);
    QVERIFY(channel.open(SERVER, SERVER_PORT));
    const quint16 first = channel.localPort();
    // Kept for a request planned right away under a 200 ms lifetime ...
    QVERIFY(channel.keepOpenFor(0ms, 200ms));
    // ... which comes late: the port is older than its lifetime by then.
    QTest::qSleep(300);
    QVERIFY(channel.open(SERVER, SERVER_PORT));
    QVERIFY2(channel.localPort() != first, "a kept port was reused after its lifetime");
}

void TestKernelTimestampChannel::anotherServerGetsAFreshPort()
{
    NullDatagramReceiver receiver;
    KernelTimestampChannel channel(receiver);
    QVERIFY(channel.open(SERVER, SERVER_PORT));
    const quint16 first = channel.localPort();
    QVERIFY(channel.keepOpenFor(0ms, 60s));
    QVERIFY(channel.open(SERVER, SERVER_PORT + 1));
    QVERIFY(channel.localPort() != first);
}

void TestKernelTimestampChannel::theReplyComesThroughThePollerWatchingFromTheFirstSend()
{
    // An echo server on loopback: what it receives goes back to the sender.
    QUdpSocket echo;
    QVERIFY(echo.bind(QHostAddress::LocalHost, 0));
    QObject::connect(&echo, &QUdpSocket::readyRead, &echo, [&echo] {
        while (echo.hasPendingDatagrams()) {
            QHostAddress from;
            quint16 port = 0;
            QByteArray data(int(echo.pendingDatagramSize()), Qt::Uninitialized);
            echo.readDatagram(data.data(), data.size(), &from, &port);
            echo.writeDatagram(data, from, port);
        }
    });
    SocketPoller poller;
    QVERIFY(poller.isValid());
    RecordingReceiver receiver;
    KernelTimestampChannel channel(receiver, &poller);
    QVERIFY2(channel.open(QHostAddress::LocalHost, echo.localPort()), qPrintable(channel.errorString()));
    QVERIFY(channel.hasKernelTimestamps());

    // Before the first send nothing reads the socket: an early datagram (from the server's
    // address, so the connected socket takes it) waits in its queue.
    QCOMPARE(echo.writeDatagram(QByteArray("early"), QHostAddress::LocalHost, channel.localPort()), qint64(5));
    QTest::qWait(50);
    QVERIFY(receiver.datagrams.isEmpty());

    const QByteArray request(48, '\x23');
    const chronoscope::ntp::NtpTimestamp sent = channel.send(request);
    QVERIFY(!sent.isZero());
    QTRY_COMPARE(receiver.datagrams.size(), 2);
    QCOMPARE(receiver.datagrams.at(0), QByteArray("early"));
    QCOMPARE(receiver.datagrams.at(1), request);
    QVERIFY(receiver.errors.isEmpty());
    const auto kernelT1 = channel.kernelTransmitTime();
    QVERIFY(kernelT1.has_value());
    // The kernel's T1 is after our clock read and before the echo's arrival (T4).
    QVERIFY(kernelT1->secondsSince(sent) >= 0);
    QVERIFY(receiver.receiveTimes.at(1).secondsSince(*kernelT1) > 0);
}

QTEST_GUILESS_MAIN(TestKernelTimestampChannel)
#include "tst_kerneltimestampchannel.moc"

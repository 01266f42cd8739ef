// SPDX-License-Identifier: GPL-3.0-or-later
// KernelTimestampChannel (Linux) socket reuse: a socket kept by keepOpenFor() serves the next
// open() to the same server only while the port is younger than the lifetime it was kept
// under, however late that open() comes (a request postponed by an NTS key exchange, a back-off
// or a busy thread gets a fresh port); a different server always gets a fresh port.
#include <QTest>

#include "core/engine/kerneltimestampchannel_linux.h"
#include "tests/fakes/nulldatagramreceiver.h"

using namespace std::chrono_literals;
using chronoscope::engine::KernelTimestampChannel;
using chronoscope::testing::NullDatagramReceiver;

namespace {

// No one listens there: the channel only needs a connected UDP socket (nothing is sent).
const QHostAddress SERVER(QHostAddress::LocalHost);
constexpr quint16 SERVER_PORT = 9;

} // namespace

class TestKernelTimestampChannel : public QObject
{
    Q_OBJECT
private slots:
    void keptSocketServesTheNextRequestInTime();
    void keptSocketIsNotReusedAfterItsLifetime();
    void anotherServerGetsAFreshPort();
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

QTEST_GUILESS_MAIN(TestKernelTimestampChannel)
#include "tst_kerneltimestampchannel.moc"

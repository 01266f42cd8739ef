// SPDX-License-Identifier: GPL-3.0-or-later
// SocketPoller (Linux): every watched socket's datagrams reach its client; after a batch the
// poller rests (READ_REST_MS) so that replies arriving one by one are read together, and it
// never rests while a socket that needs prompt reading (no kernel receive timestamps) is watched.
#include <sys/socket.h>
#include <unistd.h>

#include <QTest>

#include "core/engine/socketpoller_linux.h"

using chronoscope::engine::SocketPoller;

namespace {

// A rest long enough to be seen reliably between two checks of a loaded test machine.
constexpr int LONG_REST_MS = 1500;

// A connected pair of datagram sockets; the client reads what arrives on `end[0]`.
class DatagramPair final : public SocketPoller::Client
{
public:
    DatagramPair() { QVERIFY(::socketpair(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK, 0, end) == 0); }
    ~DatagramPair()
    {
        ::close(end[0]);
        ::close(end[1]);
    }
    void send(char byte) { QCOMPARE(::send(end[1], &byte, 1, 0), ssize_t(1)); }
    void onSocketReady() override
    {
        char byte = 0;
        while (::recv(end[0], &byte, 1, 0) == 1)
            received.append(byte);
        ++wakeUps;
    }

    int end[2] = {-1, -1};
    QByteArray received;
    int wakeUps = 0;
};

} // namespace

class TestSocketPoller : public QObject
{
    Q_OBJECT
private slots:
    void deliversToEveryClient();
    void restsAfterABatchAndReadsWhatCameMeanwhile();
    void promptSocketsAreNeverKeptWaiting();
};

void TestSocketPoller::deliversToEveryClient()
{
    SocketPoller poller;
    QVERIFY(poller.isValid());
    DatagramPair a;
    DatagramPair b;
    QVERIFY(poller.watch(a.end[0], &a));
    QVERIFY(poller.watch(b.end[0], &b));
    a.send('a');
    b.send('b');
    QTRY_COMPARE(a.received, QByteArray("a"));
    QTRY_COMPARE(b.received, QByteArray("b"));
    poller.unwatch(b.end[0]);
    b.send('x');
    a.send('c');
    QTRY_COMPARE(a.received, QByteArray("ac"));
    QCOMPARE(b.received, QByteArray("b")); // no longer watched
}

void TestSocketPoller::restsAfterABatchAndReadsWhatCameMeanwhile()
{
    SocketPoller poller;
    poller.setRestInterval(LONG_REST_MS);
    DatagramPair a;
    QVERIFY(poller.watch(a.end[0], &a));
    a.send('1');
    QTRY_COMPARE(a.received, QByteArray("1"));
    QVERIFY(poller.isResting());
    // Sent while it rests: not lost, read when the rest is over.
    a.send('2');
    a.send('3');
    QTRY_COMPARE(a.received, QByteArray("123"));
}

void TestSocketPoller::promptSocketsAreNeverKeptWaiting()
{
    SocketPoller poller;
    poller.setRestInterval(LONG_REST_MS);
    DatagramPair stamped;
    DatagramPair prompt;
    QVERIFY(poller.watch(stamped.end[0], &stamped));
    stamped.send('s');
    QTRY_COMPARE(stamped.received, QByteArray("s"));
    QVERIFY(poller.isResting());
    // A socket without kernel time stamps ends the rest and keeps the poller from resting.
    QVERIFY(poller.watch(prompt.end[0], &prompt, true));
    QVERIFY(!poller.isResting());
    prompt.send('p');
    QTRY_COMPARE(prompt.received, QByteArray("p"));
    QVERIFY(!poller.isResting());
    // Once it is gone, the poller rests again after a batch.
    poller.unwatch(prompt.end[0]);
    stamped.send('t');
    QTRY_COMPARE(stamped.received, QByteArray("st"));
    QVERIFY(poller.isResting());
}

QTEST_MAIN(TestSocketPoller)
#include "tst_socketpoller.moc"

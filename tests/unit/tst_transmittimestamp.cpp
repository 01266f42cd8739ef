// SPDX-License-Identifier: GPL-3.0-or-later
// Kernel transmit time stamps (T1) on Linux: the error-queue message reader, and the channel
// taking the latest send's own time stamp on a kept socket, also when a time stamp of an earlier
// send is still queued (SOF_TIMESTAMPING_OPT_ID). The held-back send comes from a real token
// bucket on loopback (in-throttled-netns.sh), not from a fake.
#include <cstring>

#include <arpa/inet.h>
#include <linux/errqueue.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QTest>

#include "core/engine/errorqueuestamp_linux.h"
#include "core/engine/kerneltimestampchannel_linux.h"
#include "core/engine/localclock.h"
#include "tests/fakes/nulldatagramreceiver.h"

using namespace std::chrono_literals;
using chronoscope::engine::ErrorQueueStamp;
using chronoscope::engine::KernelTimestampChannel;
using chronoscope::engine::LocalClock;
using chronoscope::engine::readErrorQueueStamp;
using chronoscope::testing::NullDatagramReceiver;

namespace {

// A plain UDP socket on 127.0.0.1 or ::1 that only counts what reaches it (nothing is answered).
class CountingSink
{
public:
    explicit CountingSink(int family = AF_INET)
    {
        m_fd = ::socket(family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        sockaddr_storage addr{};
        socklen_t len = 0;
        if (family == AF_INET6) {
            auto &a6 = reinterpret_cast<sockaddr_in6 &>(addr);
            a6.sin6_family = AF_INET6;
            a6.sin6_addr = in6addr_loopback;
            len = sizeof(a6);
        } else {
            auto &a4 = reinterpret_cast<sockaddr_in &>(addr);
            a4.sin_family = AF_INET;
            a4.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            len = sizeof(a4);
        }
        if (m_fd >= 0 && ::bind(m_fd, reinterpret_cast<sockaddr *>(&addr), len) == 0
            && ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
            m_port = ntohs(family == AF_INET6 ? reinterpret_cast<sockaddr_in6 &>(addr).sin6_port
                                              : reinterpret_cast<sockaddr_in &>(addr).sin_port);
    }
    ~CountingSink()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    quint16 port() const { return m_port; }
    // Datagrams arrived since the last call.
    int drain()
    {
        char buffer[256];
        int n = 0;
        while (::recv(m_fd, buffer, sizeof(buffer), MSG_DONTWAIT) >= 0)
            ++n;
        return n;
    }

private:
    int m_fd = -1;
    quint16 m_port = 0;
};

// An error-queue message as the kernel builds it: a software time stamp at `seconds` (Unix) and
// an extended error of `origin` whose ee_data is `index`.
struct FakeErrorQueueMessage
{
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(scm_timestamping)) + CMSG_SPACE(sizeof(sock_extended_err))]{};
    msghdr msg{};

    FakeErrorQueueMessage(time_t seconds, std::uint8_t origin, std::uint32_t index)
    {
        msg.msg_control = control;
        msg.msg_controllen = sizeof(control);
        cmsghdr *c = CMSG_FIRSTHDR(&msg);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_TIMESTAMPING;
        c->cmsg_len = CMSG_LEN(sizeof(scm_timestamping));
        scm_timestamping stamps{};
        stamps.ts[0].tv_sec = seconds;
        stamps.ts[0].tv_nsec = 500000000;
        std::memcpy(CMSG_DATA(c), &stamps, sizeof(stamps));
        c = CMSG_NXTHDR(&msg, c);
        c->cmsg_level = SOL_IP;
        c->cmsg_type = IP_RECVERR;
        c->cmsg_len = CMSG_LEN(sizeof(sock_extended_err));
        sock_extended_err error{};
        error.ee_errno = ENOMSG;
        error.ee_origin = origin;
        error.ee_info = SCM_TSTAMP_SND;
        error.ee_data = index;
        std::memcpy(CMSG_DATA(c), &error, sizeof(error));
    }
};

const QByteArray REQUEST(48, '\x23'); // 48 bytes, like an NTP request (the sink reads nothing)

} // namespace

class TestTransmitTimestamp : public QObject
{
    Q_OBJECT
private slots:
    void readsTheTimeAndTheSendIndex();
    void ignoresAnExtendedErrorThatIsNoTimeStamp();
    void eachSendOnAKeptSocketGetsItsOwnTimeStamp_data();
    void eachSendOnAKeptSocketGetsItsOwnTimeStamp();
    // Needs the throttled namespace; ctest runs it there alone (transmittimestamp_throttled).
    void aTimeStampLeftFromAnEarlierSendIsNotTaken();
};

void TestTransmitTimestamp::readsTheTimeAndTheSendIndex()
{
    FakeErrorQueueMessage message(1'800'000'000, SO_EE_ORIGIN_TIMESTAMPING, 7);
    const ErrorQueueStamp stamp = readErrorQueueStamp(message.msg);
    QVERIFY(stamp.time.has_value());
    QCOMPARE(stamp.time->secondsSince(chronoscope::ntp::NtpTimestamp::fromUnix(1'800'000'000, 0)), 0.5);
    QCOMPARE(stamp.sendIndex, std::optional<std::uint32_t>(7));
}

void TestTransmitTimestamp::ignoresAnExtendedErrorThatIsNoTimeStamp()
{
    FakeErrorQueueMessage message(1'800'000'000, SO_EE_ORIGIN_ICMP, 3); // an ICMP error's ee_data
    const ErrorQueueStamp stamp = readErrorQueueStamp(message.msg);
    QVERIFY(!stamp.sendIndex.has_value());
    msghdr empty{};
    QVERIFY(!readErrorQueueStamp(empty).time.has_value());
}

void TestTransmitTimestamp::eachSendOnAKeptSocketGetsItsOwnTimeStamp_data()
{
    // IPv4 numbers its time stamps in an IP_RECVERR control message, IPv6 in IPV6_RECVERR.
    QTest::addColumn<int>("family");
    QTest::newRow("IPv4") << int(AF_INET);
    QTest::newRow("IPv6") << int(AF_INET6);
}

void TestTransmitTimestamp::eachSendOnAKeptSocketGetsItsOwnTimeStamp()
{
    QFETCH(int, family);
    const QHostAddress server = family == AF_INET6 ? QHostAddress::LocalHostIPv6 : QHostAddress::LocalHost;
    CountingSink sink(family);
    QVERIFY(sink.port() != 0);
    NullDatagramReceiver receiver;
    KernelTimestampChannel channel(receiver);
    QVERIFY2(channel.open(server, sink.port()), qPrintable(channel.errorString()));
    const quint16 port = channel.localPort();
    for (int i = 0; i < 3; ++i) {
        const auto before = LocalClock::now();
        QVERIFY(!channel.send(REQUEST).isZero());
        const auto t1 = channel.kernelTransmitTime();
        QVERIFY2(t1.has_value(), "no kernel transmit time stamp (its send index not matched?)");
        QVERIFY2(t1->secondsSince(before) >= 0, "a transmit time stamp from before this send");
        QVERIFY(channel.keepOpenFor(0ms, 60s));
        QVERIFY(channel.open(server, sink.port()));
        QCOMPARE(channel.localPort(), port); // the same socket: its send count goes on
    }
    QCOMPARE(sink.drain(), 3);
}

void TestTransmitTimestamp::aTimeStampLeftFromAnEarlierSendIsNotTaken()
{
    if (!qEnvironmentVariableIsSet("CHRONOSCOPE_THROTTLED_LOOPBACK"))
        QSKIP("needs loopback behind a token bucket: unshare -n sh tests/unit/in-throttled-netns.sh <this test>");
    CountingSink sink;
    NullDatagramReceiver receiver;
    KernelTimestampChannel channel(receiver);
    QVERIFY2(channel.open(QHostAddress::LocalHost, sink.port()), qPrintable(channel.errorString()));
    // Three sends at once: the bucket (200 bytes) passes two 90-byte frames; the third waits
    // in the queueing discipline (~280 ms at 250 bytes/s), so its time stamp is not there when
    // send() returns.
    for (int i = 0; i < 3; ++i) {
        QVERIFY(!channel.send(REQUEST).isZero());
        QVERIFY(channel.keepOpenFor(0ms, 60s));
        QVERIFY(channel.open(QHostAddress::LocalHost, sink.port()));
    }
    QCOMPARE(sink.drain(), 2); // the third is held back (the premise of this test)
    QTest::qSleep(700);        // it leaves after ~280 ms; its time stamp waits on the error queue
    QCOMPARE(sink.drain(), 1);
    // The next request on the same socket must get its own T1, not the one left over (asked
    // for once the request has arrived, so that its own time stamp is queued by then).
    const auto before = LocalClock::now();
    QVERIFY(!channel.send(REQUEST).isZero());
    int arrived = 0;
    for (int waited = 0; arrived == 0 && waited < 2000; waited += 10) {
        arrived = sink.drain();
        if (arrived == 0)
            QTest::qSleep(10);
    }
    QCOMPARE(arrived, 1);
    const auto t1 = channel.kernelTransmitTime();
    QVERIFY2(t1.has_value(), "no kernel transmit time stamp for the latest send");
    QVERIFY2(t1->secondsSince(before) >= 0,
             qPrintable(QString::fromLatin1("took a time stamp %1 s older than the send").arg(-t1->secondsSince(before))));
}

QTEST_GUILESS_MAIN(TestTransmitTimestamp)
#include "tst_transmittimestamp.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/kerneltimestampchannel_linux.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <sys/resource.h>
#include <linux/errqueue.h>
#include <linux/net_tstamp.h>
#include <unistd.h>

#include <QSocketNotifier>

#include "core/engine/errorqueuestamp_linux.h"
#include "core/engine/localclock.h"
#include "core/engine/socketaddress_posix.h"

using namespace Qt::StringLiterals;

namespace chronoscope::engine {
namespace {

QString systemError(const char *what)
{
    return QString::fromLatin1(what) + u": "_s + QString::fromLocal8Bit(std::strerror(errno));
}

// True when `from` is the address and port of `peer` (same family).
bool samePeer(const sockaddr_storage &from, const sockaddr_storage &peer)
{
    if (from.ss_family != peer.ss_family)
        return false;
    if (from.ss_family == AF_INET) {
        const auto &a = reinterpret_cast<const sockaddr_in &>(from);
        const auto &b = reinterpret_cast<const sockaddr_in &>(peer);
        return a.sin_port == b.sin_port && a.sin_addr.s_addr == b.sin_addr.s_addr;
    }
    if (from.ss_family == AF_INET6) {
        const auto &a = reinterpret_cast<const sockaddr_in6 &>(from);
        const auto &b = reinterpret_cast<const sockaddr_in6 &>(peer);
        return a.sin6_port == b.sin6_port && std::memcmp(&a.sin6_addr, &b.sin6_addr, sizeof(a.sin6_addr)) == 0
            && a.sin6_scope_id == b.sin6_scope_id;
    }
    return false;
}

// The soft limit on open files, read once (the process may raise it before the engine starts).
long openFileLimit()
{
    static const long limit = [] {
        rlimit files{};
        return ::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur != RLIM_INFINITY ? long(files.rlim_cur)
                                                                                           : 1L << 20;
    }();
    return limit;
}

} // namespace

KernelTimestampChannel::KernelTimestampChannel(DatagramReceiver &receiver, SocketPoller *poller)
    : DatagramChannel(receiver), m_poller(poller && poller->isValid() ? poller : nullptr)
{
}

KernelTimestampChannel::~KernelTimestampChannel()
{
    delete m_notifier; // not from inside its own signal: channels go with their association
    m_notifier = nullptr;
    closeNow();
}

void KernelTimestampChannel::close()
{
    if (m_reading)
        m_closeAfterReading = true;
    else
        closeNow();
}

void KernelTimestampChannel::closeNow()
{
    m_closeAfterReading = false;
    m_kept = false;
    if (m_notifier) {
        // Possibly inside its own activated signal: disable now, delete outside it.
        m_notifier->setEnabled(false);
        m_notifier->deleteLater();
        m_notifier = nullptr;
    }
    if (m_fd >= 0) {
        if (m_poller && m_watched)
            m_poller->unwatch(m_fd);
        ::close(m_fd);
    }
    m_fd = -1;
    m_watched = false;
}

bool KernelTimestampChannel::open(const QHostAddress &server, quint16 port)
{
    sockaddr_storage peer{};
    socklen_t addrLen = 0;
    if (!toSockaddr(server, port, &peer, &addrLen)) {
        closeNow();
        m_errorString = u"not an IP address: %1"_s.arg(server.toString());
        return false;
    }
    if (m_fd >= 0 && m_kept && !m_failed && samePeer(peer, m_peer)
        && std::chrono::steady_clock::now() - m_openedAt <= m_portLifetime) {
        // Kept by keepOpenFor() for this request, and the request came in time: same socket,
        // same port. A request that came later than planned gets a fresh port.
        m_kept = false;
        m_transmitTime.reset();
        return true;
    }
    closeNow();
    m_peer = peer;
    m_peerAddress = server;
    m_peerPort = port;
    return openSocket(addrLen);
}

bool KernelTimestampChannel::openSocket(socklen_t addrLen)
{
    m_fd = ::socket(m_peer.ss_family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (m_fd < 0) {
        m_errorString = systemError("socket");
        return false;
    }
    m_openedAt = std::chrono::steady_clock::now();
    m_failed = false;
    const int receiveBuffer = RECEIVE_BUFFER_BYTES;
    ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof(receiveBuffer));
    // Software receive and transmit time stamps in one call: T4 arrives with each datagram, the
    // time the request actually left on the socket's error queue (NTP-NOTES §8.1), so T1
    // excludes the send system call's latency. OPT_ID numbers each transmit time stamp with
    // its send, so that one left over from an earlier request on a kept socket is never taken
    // for the latest (kernels before 3.19 lack it: then the first time stamp queued is taken).
    const int flags = SOF_TIMESTAMPING_RX_SOFTWARE | SOF_TIMESTAMPING_TX_SOFTWARE | SOF_TIMESTAMPING_SOFTWARE
        | SOF_TIMESTAMPING_OPT_TSONLY;
    const int numbered = flags | SOF_TIMESTAMPING_OPT_ID;
    m_sendsSinceOpen = 0;
    m_numberedTxTimestamps = ::setsockopt(m_fd, SOL_SOCKET, SO_TIMESTAMPING, &numbered, sizeof(numbered)) == 0;
    m_txTimestamps = m_numberedTxTimestamps
        || ::setsockopt(m_fd, SOL_SOCKET, SO_TIMESTAMPING, &flags, sizeof(flags)) == 0;
    if (m_txTimestamps) {
        m_kernelTimestamps = true;
    } else {
        const int on = 1;
        m_kernelTimestamps = ::setsockopt(m_fd, SOL_SOCKET, SO_TIMESTAMPNS, &on, sizeof(on)) == 0;
    }
    m_transmitTime.reset();
    // connect() binds a random ephemeral port and makes the kernel drop other senders.
    if (::connect(m_fd, reinterpret_cast<sockaddr *>(&m_peer), addrLen) != 0) {
        m_errorString = systemError("connect");
        closeNow();
        return false;
    }
    // Watched from its first send on (startWatching), not before: see there.
    return true;
}

bool KernelTimestampChannel::startWatching()
{
    // Only after the first send: a watched socket's transmit time stamp, queued on its error
    // queue between the kernel's T1 and the datagram's delivery, also runs the poller's wake-up
    // callback there (about 1 µs on this project's test machine, all of it on the way out:
    // T2 − T1 grows, the offset leans by half of it).
    if (m_poller) {
        if (!m_poller->watch(m_fd, this, !m_kernelTimestamps)) {
            m_errorString = systemError("epoll_ctl");
            return false;
        }
    } else {
        m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read);
        QObject::connect(m_notifier, &QSocketNotifier::activated, m_notifier, [this] { onSocketReady(); });
    }
    m_watched = true;
    return true;
}

bool KernelTimestampChannel::keepOpenFor(std::chrono::milliseconds untilNextRequest, std::chrono::milliseconds portLifetime)
{
    const auto nextRequestAt = std::chrono::steady_clock::now() + untilNextRequest;
    m_portLifetime = portLifetime;
    // Kept sockets stay open between requests: only on descriptors below half the open-file
    // limit, so that new sockets (and the rest of the application) always find one.
    m_kept = m_fd >= 0 && m_fd < openFileLimit() / 2 && !m_failed && !m_closeAfterReading
        && nextRequestAt - m_openedAt <= portLifetime;
    return m_kept;
}

ntp::NtpTimestamp KernelTimestampChannel::send(const QByteArray &datagram)
{
    if (m_fd < 0)
        return {};
    const ntp::NtpTimestamp sendTime = LocalClock::now(); // T1, read as late as possible
    m_transmitTime.reset();
    if (::send(m_fd, datagram.constData(), size_t(datagram.size()), 0) != datagram.size()) {
        m_errorString = systemError("send");
        m_failed = true;
        return {};
    }
    ++m_sendsSinceOpen;
    // A software transmit time stamp is usually queued before send() returns: taking it now
    // spares a readiness wake-up for it (otherwise it is read with the reply).
    if (m_txTimestamps)
        readErrorQueue();
    if (!m_watched && !startWatching()) {
        m_failed = true;
        return {};
    }
    return sendTime;
}

quint16 KernelTimestampChannel::localPort() const
{
    sockaddr_storage addr{};
    socklen_t len = sizeof(addr);
    if (m_fd < 0 || ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&addr), &len) != 0)
        return 0;
    if (addr.ss_family == AF_INET)
        return ntohs(reinterpret_cast<sockaddr_in *>(&addr)->sin_port);
    return ntohs(reinterpret_cast<sockaddr_in6 *>(&addr)->sin6_port);
}

std::optional<ntp::NtpTimestamp> KernelTimestampChannel::kernelTransmitTime()
{
    if (m_txTimestamps && !m_transmitTime && m_fd >= 0)
        readErrorQueue();
    return m_transmitTime;
}

void KernelTimestampChannel::readErrorQueue()
{
    // One time stamp per send is queued; the one of the latest send is wanted. Time stamps of
    // earlier sends (left when a read came before they were queued) are read and dropped on the
    // way; the reads are bounded.
    for (int i = 0; i < MAX_ERROR_QUEUE_READS; ++i) {
        alignas(cmsghdr) char control[512];
        char data[64];
        iovec iov{data, sizeof(data)};
        msghdr msg{};
        msg.msg_iov = &iov;
        msg.msg_iovlen = 1;
        msg.msg_control = control;
        msg.msg_controllen = sizeof(control);
        if (::recvmsg(m_fd, &msg, MSG_ERRQUEUE | MSG_DONTWAIT) < 0)
            return;
        const ErrorQueueStamp stamp = readErrorQueueStamp(msg);
        if (!stamp.time)
            continue;
        if (m_numberedTxTimestamps && stamp.sendIndex != m_sendsSinceOpen - 1)
            continue; // an earlier send's (or unnumbered): not this request's T1
        m_transmitTime = stamp.time;
        return; // the one expected: no further read that would only find the queue empty
    }
}

void KernelTimestampChannel::onSocketReady()
{
    // A transmit timestamp not yet taken at send() is queued before any reply can arrive.
    if (m_txTimestamps && !m_transmitTime && m_fd >= 0)
        readErrorQueue();
    m_reading = true;
    readDatagrams();
    m_reading = false;
    if (m_closeAfterReading)
        closeNow();
}

void KernelTimestampChannel::readDatagrams()
{
    // recvmmsg reads what is queued, up to a batch, in one system call; a batch that is not full
    // means the queue is empty, so no further call is made just to meet EAGAIN. At most
    // MAX_DATAGRAMS_PER_WAKEUP per wakeup: the socket is reported again on the next event-loop
    // pass while datagrams remain (level-triggered), after timers and other sockets had their turn.
    constexpr int BATCH = 8;
    static_assert(MAX_DATAGRAMS_PER_WAKEUP % BATCH == 0);
    for (int read = 0; read < MAX_DATAGRAMS_PER_WAKEUP && m_fd >= 0; read += BATCH) {
        char buffers[BATCH][MAX_DATAGRAM_BYTES];
        alignas(cmsghdr) char controls[BATCH][256];
        sockaddr_storage senders[BATCH];
        iovec iovs[BATCH];
        mmsghdr messages[BATCH];
        for (int i = 0; i < BATCH; ++i) {
            iovs[i] = {buffers[i], sizeof(buffers[i])};
            messages[i] = {};
            messages[i].msg_hdr.msg_name = &senders[i];
            messages[i].msg_hdr.msg_namelen = sizeof(senders[i]);
            messages[i].msg_hdr.msg_iov = &iovs[i];
            messages[i].msg_hdr.msg_iovlen = 1;
            messages[i].msg_hdr.msg_control = controls[i];
            messages[i].msg_hdr.msg_controllen = sizeof(controls[i]);
        }
        const int n = ::recvmmsg(m_fd, messages, BATCH, MSG_DONTWAIT, nullptr);
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
                return;
            const bool refused = errno == ECONNREFUSED;
            m_failed = true; // this port is not used again
            const QString message = refused ? u"connection refused (ICMP port unreachable)"_s : systemError("recvmmsg");
            m_receiver.onChannelError(message, refused);
            return;
        }
        for (int i = 0; i < n; ++i)
            deliver(messages[i], buffers[i]);
        if (n < BATCH)
            return;
    }
}

void KernelTimestampChannel::deliver(const mmsghdr &message, const char *buffer)
{
    const msghdr &msg = message.msg_hdr;
    std::optional<ntp::NtpTimestamp> receiveTime;
    for (cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(const_cast<msghdr *>(&msg), c)) {
        if (c->cmsg_level != SOL_SOCKET)
            continue;
        if (c->cmsg_type == SCM_TIMESTAMPING) {
            scm_timestamping stamps{};
            std::memcpy(&stamps, CMSG_DATA(c), sizeof(stamps));
            const timespec &ts = stamps.ts[0]; // software timestamp
            if (ts.tv_sec != 0 || ts.tv_nsec != 0)
                receiveTime = ntp::NtpTimestamp::fromUnix(ts.tv_sec, std::uint32_t(ts.tv_nsec));
        } else if (c->cmsg_type == SCM_TIMESTAMPNS) {
            timespec ts{};
            std::memcpy(&ts, CMSG_DATA(c), sizeof(ts));
            receiveTime = ntp::NtpTimestamp::fromUnix(ts.tv_sec, std::uint32_t(ts.tv_nsec));
        }
    }
    if (!receiveTime)
        receiveTime = LocalClock::now(); // no kernel time stamp: read the clock now

    const auto &from = *static_cast<const sockaddr_storage *>(msg.msg_name);
    quint16 senderPort = m_peerPort;
    const QHostAddress sender = samePeer(from, m_peer) ? m_peerAddress : fromSockaddr(from, &senderPort);
    const bool truncated = (msg.msg_flags & MSG_TRUNC) != 0;
    // A truncated datagram is passed on at its full claimed size limit; the codec rejects it.
    m_receiver.onDatagram(QByteArray(buffer, truncated ? qsizetype(MAX_DATAGRAM_BYTES) : qsizetype(message.msg_len)),
                          sender, senderPort, *receiveTime);
}

} // namespace chronoscope::engine

// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/fakes/junksprayer.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>

#include <arpa/inet.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "core/ntp/ntptimestamp.h"

using namespace Qt::StringLiterals;

namespace chronoscope::testing {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int BATCH = 64;          // datagrams per sendmmsg
constexpr int POOL_PER_KIND = 16;  // junk datagrams of each kind made per request

ntp::NtpTimestamp ntpNow()
{
    return ntp::NtpTimestamp::fromSystemTime(std::chrono::system_clock::now());
}

std::int64_t steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
}

Clock::duration seconds(double s)
{
    return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s));
}

struct PendingReply
{
    ntp::Packet request;
    ntp::NtpTimestamp receiveTime;
    Clock::time_point due;
};

QByteArray replyTo(const PendingReply &pending)
{
    ntp::Packet reply;
    reply.version = pending.request.version;
    reply.mode = ntp::Mode::Server;
    reply.stratum = 1;
    reply.poll = 6;
    reply.precision = -20;
    reply.referenceId = 0x4C4F434C; // "LOCL"
    reply.rootDispersion = ntp::NtpShort::fromSeconds(0.0001);
    reply.referenceTime = pending.receiveTime;
    reply.originTime = pending.request.transmitTime;
    reply.receiveTime = pending.receiveTime;
    reply.transmitTime = ntpNow();
    return ntp::encode(reply);
}

} // namespace

JunkSprayer::JunkSprayer()
{
    m_fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (m_fd < 0) {
        m_error = QString::fromLocal8Bit(std::strerror(errno));
        return;
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(address);
    if (::bind(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) != 0
        || ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
        m_error = QString::fromLocal8Bit(std::strerror(errno));
        ::close(m_fd);
        m_fd = -1;
        return;
    }
    m_port = ntohs(address.sin_port);
}

JunkSprayer::~JunkSprayer()
{
    stop();
    if (m_fd >= 0)
        ::close(m_fd);
}

void JunkSprayer::start(const Config &config)
{
    stop();
    m_stop = false;
    m_junkSent = 0;
    m_replies = 0;
    m_firstJunkNs = 0;
    m_lastJunkNs = 0;
    {
        std::lock_guard lock(m_mutex);
        m_target.reset();
        m_cpuSeconds = 0;
    }
    Config bounded = config;
    bounded.sprayThreads = std::clamp(config.sprayThreads, 1, 8);
    m_threads.emplace_back([this, bounded] { serve(bounded); });
    if (bounded.junkPerSecond > 0)
        for (int i = 0; i < bounded.sprayThreads; ++i)
            m_threads.emplace_back([this, bounded, i] { spray(bounded, i); });
}

void JunkSprayer::stop()
{
    m_stop = true;
    for (std::thread &thread : m_threads)
        if (thread.joinable())
            thread.join();
    m_threads.clear();
}

double JunkSprayer::sprayingSeconds() const
{
    const std::int64_t first = m_firstJunkNs.load();
    return first == 0 ? 0.0 : double(m_lastJunkNs.load() - first) / 1e9;
}

std::optional<JunkSprayer::Target> JunkSprayer::target() const
{
    std::lock_guard lock(m_mutex);
    return m_target;
}

void JunkSprayer::addCpuTime()
{
    timespec cpu{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu);
    std::lock_guard lock(m_mutex);
    m_cpuSeconds += double(cpu.tv_sec) + double(cpu.tv_nsec) / 1e9;
}

void JunkSprayer::serve(Config config)
{
    // Requests: remember the client's address (the spraying threads aim there) and answer late.
    std::optional<PendingReply> pending;
    sockaddr_in client{};
    std::uint64_t generation = 0;
    while (!m_stop.load(std::memory_order_relaxed)) {
        const Clock::time_point now = Clock::now();
        for (;;) {
            char buffer[2048];
            sockaddr_in from{};
            socklen_t fromLength = sizeof(from);
            const ssize_t n = ::recvfrom(m_fd, buffer, sizeof(buffer), MSG_DONTWAIT,
                                         reinterpret_cast<sockaddr *>(&from), &fromLength);
            if (n < 0)
                break;
            const auto request = ntp::decode(QByteArrayView(buffer, n));
            if (!request || request->mode != ntp::Mode::Client)
                continue;
            {
                std::lock_guard lock(m_mutex);
                m_target = Target{from, *request, ++generation};
            }
            client = from;
            pending = PendingReply{*request, ntpNow(), now + seconds(config.replyDelay)};
        }
        if (pending && now >= pending->due) {
            const QByteArray datagram = replyTo(*pending);
            if (::sendto(m_fd, datagram.constData(), size_t(datagram.size()), 0,
                         reinterpret_cast<const sockaddr *>(&client), sizeof(client)) >= 0)
                ++m_replies;
            pending.reset();
        }
        ::usleep(500);
    }
    addCpuTime();
}

void JunkSprayer::spray(Config config, int index)
{
    QRandomGenerator random(20261204 + quint32(index));
    const double rate = config.junkPerSecond / config.sprayThreads; // datagrams/s of this thread
    const Clock::duration duration = seconds(config.durationSeconds);
    std::vector<QByteArray> pool;
    std::uint64_t poolGeneration = 0;
    std::size_t next = 0;
    std::int64_t sent = 0;         // by this thread
    sockaddr_in client{};
    Clock::time_point started{};   // when this thread first had a client to aim at
    while (!m_stop.load(std::memory_order_relaxed)) {
        const Clock::time_point now = Clock::now();
        const std::optional<Target> aim = target();
        if (!aim) {
            ::usleep(1000);
            continue;
        }
        if (started == Clock::time_point{})
            started = now;
        if (now - started >= duration || m_junkSent.load() >= config.maxDatagrams)
            break;
        if (aim->generation != poolGeneration) {
            // A new request: junk aimed at it (wrong origins relative to its nonce).
            pool.clear();
            for (int i = 0; i < POOL_PER_KIND * JUNK_KIND_COUNT; ++i)
                pool.push_back(junkDatagram(JunkKind(i % JUNK_KIND_COUNT), aim->request, random));
            poolGeneration = aim->generation;
            client = aim->client;
        }
        const double elapsed = std::chrono::duration<double>(now - started).count();
        std::int64_t due = std::min<std::int64_t>(std::int64_t(elapsed * rate) - sent, BATCH);
        due = std::min<std::int64_t>(due, config.maxDatagrams - m_junkSent.load());
        if (due <= 0) {
            ::usleep(200);
            continue;
        }
        iovec vectors[BATCH];
        mmsghdr messages[BATCH];
        for (int i = 0; i < int(due); ++i) {
            QByteArray &junk = pool[next];
            next = (next + 1) % pool.size();
            vectors[i] = iovec{junk.data(), size_t(junk.size())};
            messages[i] = mmsghdr{};
            messages[i].msg_hdr.msg_name = &client;
            messages[i].msg_hdr.msg_namelen = sizeof(client);
            messages[i].msg_hdr.msg_iov = &vectors[i];
            messages[i].msg_hdr.msg_iovlen = 1;
        }
        const int count = ::sendmmsg(m_fd, messages, unsigned(due), 0);
        if (count > 0) {
            sent += count;
            m_junkSent += count;
            const std::int64_t ns = steadyNs();
            std::int64_t none = 0;
            m_firstJunkNs.compare_exchange_strong(none, ns);
            m_lastJunkNs = ns;
        } else {
            // e.g. ECONNREFUSED after the client closed its socket: count it as paced anyway.
            sent += due;
            ::usleep(200);
        }
    }
    addCpuTime();
}

} // namespace chronoscope::testing

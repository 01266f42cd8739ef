// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/fakes/junksprayer.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <optional>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "core/ntp/ntppacket.h"
#include "core/ntp/ntptimestamp.h"

using namespace Qt::StringLiterals;

namespace chronoscope::testing {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int BATCH = 64; // datagrams per sendmmsg

ntp::NtpTimestamp ntpNow()
{
    return ntp::NtpTimestamp::fromSystemTime(std::chrono::system_clock::now());
}

struct PendingReply
{
    ntp::Packet request;
    ntp::NtpTimestamp receiveTime;
    Clock::time_point due;
};

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
    m_thread = std::thread([this, config] { run(config); });
}

void JunkSprayer::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

void JunkSprayer::run(Config config)
{
    QRandomGenerator random(20261204);
    const Clock::time_point started = Clock::now();
    const auto duration = std::chrono::duration<double>(config.durationSeconds);
    std::optional<sockaddr_in> client;
    std::optional<PendingReply> pending;
    ntp::Packet lastRequest;
    int kind = 0;
    while (!m_stop.load(std::memory_order_relaxed)) {
        const Clock::time_point now = Clock::now();
        // Requests: remember the client's address and answer later.
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
            client = from;
            lastRequest = *request;
            pending = PendingReply{*request, ntpNow(),
                                   now + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(config.replyDelay))};
        }
        if (pending && now >= pending->due && client) {
            ntp::Packet reply;
            reply.version = pending->request.version;
            reply.mode = ntp::Mode::Server;
            reply.stratum = 1;
            reply.poll = 6;
            reply.precision = -20;
            reply.referenceId = 0x4C4F434C; // "LOCL"
            reply.rootDispersion = ntp::NtpShort::fromSeconds(0.0001);
            reply.referenceTime = pending->receiveTime;
            reply.originTime = pending->request.transmitTime;
            reply.receiveTime = pending->receiveTime;
            reply.transmitTime = ntpNow();
            const QByteArray datagram = ntp::encode(reply);
            if (::sendto(m_fd, datagram.constData(), size_t(datagram.size()), 0,
                         reinterpret_cast<const sockaddr *>(&*client), sizeof(*client)) >= 0)
                ++m_replies;
            pending.reset();
        }
        // Junk, paced to the configured rate, while the time and count budgets last.
        const double elapsed = std::chrono::duration<double>(now - started).count();
        const bool spraying = config.junkPerSecond > 0 && now - started < duration
                              && m_junkSent.load() < config.maxDatagrams && client;
        if (!spraying) {
            ::usleep(1000);
            continue;
        }
        const std::int64_t target = std::min<std::int64_t>(config.maxDatagrams,
                                                           std::int64_t(elapsed * config.junkPerSecond));
        const std::int64_t due = std::min<std::int64_t>(target - m_junkSent.load(), BATCH);
        if (due <= 0) {
            ::usleep(200);
            continue;
        }
        // One sendmmsg per batch: the sprayer must outrun the client, not measure its own syscalls.
        QByteArray junk[BATCH];
        iovec vectors[BATCH];
        mmsghdr messages[BATCH];
        const int count = int(due);
        for (int i = 0; i < count; ++i) {
            junk[i] = junkDatagram(JunkKind(kind), lastRequest, random);
            kind = (kind + 1) % JUNK_KIND_COUNT;
            vectors[i] = iovec{junk[i].data(), size_t(junk[i].size())};
            messages[i] = mmsghdr{};
            messages[i].msg_hdr.msg_name = &*client;
            messages[i].msg_hdr.msg_namelen = sizeof(*client);
            messages[i].msg_hdr.msg_iov = &vectors[i];
            messages[i].msg_hdr.msg_iovlen = 1;
        }
        const int sent = ::sendmmsg(m_fd, messages, unsigned(count), 0);
        if (sent > 0)
            m_junkSent += sent;
        else
            ::usleep(200); // e.g. ECONNREFUSED after the client closed its socket
    }
    timespec cpu{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu);
    m_cpuSeconds = double(cpu.tv_sec) + double(cpu.tv_nsec) / 1e9;
}

} // namespace chronoscope::testing

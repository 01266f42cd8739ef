// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/benchmarks/iofloorclient.h"

#include <chrono>
#include <cstring>
#include <random>
#include <thread>

#include <linux/net_tstamp.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

namespace chronoscope::testing {
namespace {

using Clock = std::chrono::steady_clock;
constexpr auto GRID = std::chrono::milliseconds(16); // TimerQueue::WAKE_UP_GRID
constexpr auto REST = std::chrono::milliseconds(3);  // about the engine's read rest
constexpr int READ_BATCH = 8;                        // KernelTimestampChannel::readDatagrams

double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

// A connected socket to `server` with the engine's time-stamping options; -1 on failure.
int openSocket(const QHostAddress &address, quint16 port)
{
    sockaddr_in peer{};
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (!isV4)
        return -1;
    peer.sin_family = AF_INET;
    peer.sin_port = htons(port);
    peer.sin_addr.s_addr = htonl(v4);
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    const int flags = SOF_TIMESTAMPING_RX_SOFTWARE | SOF_TIMESTAMPING_TX_SOFTWARE | SOF_TIMESTAMPING_SOFTWARE
        | SOF_TIMESTAMPING_OPT_TSONLY | SOF_TIMESTAMPING_OPT_ID;
    ::setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPING, &flags, sizeof(flags));
    if (::connect(fd, reinterpret_cast<sockaddr *>(&peer), sizeof(peer)) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

void sendRequest(int fd, std::mt19937_64 &random)
{
    unsigned char packet[48] = {};
    packet[0] = 0x23; // leap 0, version 4, mode 3 (client)
    const std::uint64_t nonce = random();
    std::memcpy(packet + 40, &nonce, sizeof(nonce));
    ::send(fd, packet, sizeof(packet), 0);
    alignas(cmsghdr) char control[512];
    char data[64];
    iovec iov{data, sizeof(data)};
    msghdr msg{};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control;
    msg.msg_controllen = sizeof(control);
    ::recvmsg(fd, &msg, MSG_ERRQUEUE | MSG_DONTWAIT); // the transmit time stamp
}

// Reads what `fd` holds, READ_BATCH datagrams per call; returns how many.
int readReplies(int fd)
{
    int total = 0;
    for (;;) {
        char buffers[READ_BATCH][64];
        alignas(cmsghdr) char controls[READ_BATCH][256];
        sockaddr_storage senders[READ_BATCH];
        iovec iovs[READ_BATCH];
        mmsghdr messages[READ_BATCH];
        for (int i = 0; i < READ_BATCH; ++i) {
            iovs[i] = {buffers[i], sizeof(buffers[i])};
            messages[i] = {};
            messages[i].msg_hdr.msg_name = &senders[i];
            messages[i].msg_hdr.msg_namelen = sizeof(senders[i]);
            messages[i].msg_hdr.msg_iov = &iovs[i];
            messages[i].msg_hdr.msg_iovlen = 1;
            messages[i].msg_hdr.msg_control = controls[i];
            messages[i].msg_hdr.msg_controllen = sizeof(controls[i]);
        }
        const int n = ::recvmmsg(fd, messages, READ_BATCH, MSG_DONTWAIT, nullptr);
        if (n <= 0)
            return total;
        total += n;
        if (n < READ_BATCH)
            return total;
    }
}

} // namespace

IoFloorResult runIoFloorClient(const std::vector<std::pair<QHostAddress, quint16>> &servers, double warmupSeconds,
                               double seconds)
{
    IoFloorResult result;
    const int epoll = ::epoll_create1(EPOLL_CLOEXEC);
    if (epoll < 0)
        return result;
    std::vector<int> sockets;
    sockets.reserve(servers.size());
    for (const auto &[address, port] : servers) {
        const int fd = openSocket(address, port);
        if (fd < 0)
            continue;
        epoll_event event{};
        event.events = EPOLLIN;
        event.data.u32 = std::uint32_t(sockets.size());
        ::epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event);
        sockets.push_back(fd);
    }
    std::mt19937_64 random(std::random_device{}());
    const auto start = Clock::now();
    const auto measureFrom = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(warmupSeconds));
    const auto end = measureFrom + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    // Each server once a second: server i is due at i/N of each second, so every grid step
    // sends the ones whose due time fell in it (about N × 16 ms / 1 s of them).
    const double perStep = double(sockets.size()) * std::chrono::duration<double>(GRID).count();
    double owed = 0;
    std::size_t cursor = 0;
    long long sent = 0;
    long long replies = 0;
    double cpuAtStart = 0;
    bool measuring = false;
    std::vector<epoll_event> events(std::max<std::size_t>(1, sockets.size()));
    for (auto step = start; step < end && !sockets.empty(); step += GRID) {
        std::this_thread::sleep_until(step);
        if (!measuring && step >= measureFrom) {
            measuring = true;
            cpuAtStart = threadCpuSeconds();
            sent = replies = 0;
        }
        owed += perStep;
        for (; owed >= 1; owed -= 1, ++sent)
            sendRequest(sockets[cursor++ % sockets.size()], random);
        std::this_thread::sleep_until(step + REST);
        const int ready = ::epoll_wait(epoll, events.data(), int(events.size()), 0);
        for (int i = 0; i < ready; ++i)
            replies += readReplies(sockets[events[size_t(i)].data.u32]);
    }
    if (measuring) {
        const double window = std::chrono::duration<double>(Clock::now() - measureFrom).count();
        result.cpuShare = (threadCpuSeconds() - cpuAtStart) / window;
        result.requestsPerSecond = double(sent) / window;
        result.repliesPerSecond = double(replies) / window;
        result.seconds = window;
    }
    for (const int fd : sockets)
        ::close(fd);
    ::close(epoll);
    return result;
}

} // namespace chronoscope::testing

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <netinet/in.h>

#include <QString>

#include "core/ntp/ntppacket.h"
#include "tests/fakes/junkdatagram.h"

namespace chronoscope::testing {

// A hostile NTP server for benchmarks, on 127.0.0.1 and a free port, in threads of its own (so
// its cost is not charged to the client under test): it answers every request `replyDelay`
// seconds late with a valid reply and, all the while, sprays junk of every JunkKind at the port
// of the latest request from its own address and port, at `junkPerSecond` shared by
// `sprayThreads` threads (sendmmsg batches from a pool of junk rebuilt for each request, so
// the rate is not limited by making random bytes). Bounded in time (`durationSeconds`) and
// count (`maxDatagrams`); loopback only.
class JunkSprayer final
{
public:
    struct Config
    {
        double junkPerSecond = 100000;   // 0: a normal (slow-answering) server
        double durationSeconds = 20;     // stops spraying after this long
        std::int64_t maxDatagrams = 5000000;
        double replyDelay = 0.5;         // seconds between a request and its reply
        int sprayThreads = 2;            // 1..8
    };

    JunkSprayer();
    ~JunkSprayer();
    JunkSprayer(const JunkSprayer &) = delete;
    JunkSprayer &operator=(const JunkSprayer &) = delete;

    bool isListening() const { return m_fd >= 0; }
    QString errorString() const { return m_error; }
    quint16 port() const { return m_port; }

    void start(const Config &config);
    void stop();

    std::int64_t junkSent() const { return m_junkSent.load(); }
    std::int64_t repliesSent() const { return m_replies.load(); }
    // Seconds from the first junk datagram to the last one (0: none sent).
    double sprayingSeconds() const;
    // CPU seconds all of the sprayer's threads used (valid after stop()).
    double threadCpuSeconds() const { return m_cpuSeconds; }

private:
    struct Target
    {
        sockaddr_in client{};
        ntp::Packet request;
        std::uint64_t generation = 0;    // grows with every request
    };

    void serve(Config config);
    void spray(Config config, int index);
    std::optional<Target> target() const;
    void addCpuTime();

    int m_fd = -1;
    quint16 m_port = 0;
    QString m_error;
    std::vector<std::thread> m_threads;
    std::atomic<bool> m_stop{false};
    std::atomic<std::int64_t> m_junkSent{0};
    std::atomic<std::int64_t> m_replies{0};
    std::atomic<std::int64_t> m_firstJunkNs{0};   // steady clock, 0: none yet
    std::atomic<std::int64_t> m_lastJunkNs{0};
    mutable std::mutex m_mutex;                   // guards m_target and m_cpuSeconds
    std::optional<Target> m_target;
    double m_cpuSeconds = 0;
};

} // namespace chronoscope::testing

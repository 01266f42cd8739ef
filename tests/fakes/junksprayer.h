// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <cstdint>
#include <thread>

#include <QString>

#include "tests/fakes/junkdatagram.h"

namespace chronoscope::testing {

// A hostile NTP server for benchmarks, on 127.0.0.1 and a free port, in its own thread (so its
// cost is not charged to the client under test): it answers every request `replyDelay` seconds
// late with a valid reply and, all the while, sprays junk of every JunkKind at the port of the
// latest request from its own address and port, at `junkPerSecond`. Bounded in time
// (`durationSeconds`) and count (`maxDatagrams`); loopback only.
class JunkSprayer final
{
public:
    struct Config
    {
        double junkPerSecond = 100000;   // 0: a normal (slow-answering) server
        double durationSeconds = 20;     // stops spraying after this long
        std::int64_t maxDatagrams = 5000000;
        double replyDelay = 0.5;         // seconds between a request and its reply
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
    // CPU seconds the spraying thread used (valid after stop()).
    double threadCpuSeconds() const { return m_cpuSeconds; }

private:
    void run(Config config);

    int m_fd = -1;
    quint16 m_port = 0;
    QString m_error;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<std::int64_t> m_junkSent{0};
    std::atomic<std::int64_t> m_replies{0};
    double m_cpuSeconds = 0;
};

} // namespace chronoscope::testing

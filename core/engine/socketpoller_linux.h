// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include <QObject>

class QSocketNotifier;
class QTimer;

namespace chronoscope::engine {

// Linux: one epoll instance for all request sockets of an engine thread, watched by a single
// QSocketNotifier. A new socket (RFC 9109, NTP-NOTES §1.3) then costs one epoll_ctl
// to add and one to remove, instead of a QSocketNotifier created and destroyed in the event
// dispatcher's poll list every time. Level-triggered: a socket with datagrams left after its
// client's bounded batch is reported again on the next pass, after timers and other sockets.
class SocketPoller final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SocketPoller)
public:
    // Told when its socket is readable or has an error (an ICMP error, a transmit timestamp on
    // the error queue).
    class Client
    {
    public:
        virtual void onSocketReady() = 0;

    protected:
        ~Client() = default;
    };

    // Ready sockets handled per notifier activation; the rest come on the next pass.
    static constexpr int MAX_EVENTS_PER_WAKEUP = 256;
    // After handling ready sockets the poller rests this long before it looks again, so that
    // replies arriving one by one are read in batches (one wake-up instead of one per reply).
    // Reading later does not change a measurement: the kernel stamped each datagram's arrival
    // (T4). Not while any watched socket lacks kernel receive timestamps (watch's
    // `readPromptly`), whose T4 is the time of reading.
    static constexpr int READ_REST_MS = 2;

    explicit SocketPoller(QObject *parent = nullptr);
    ~SocketPoller() override;

    // False when epoll is unavailable; callers then watch their sockets themselves.
    bool isValid() const { return m_epoll >= 0; }
    // Starts reporting `fd` to `client` (until unwatch or close). False on failure.
    // `readPromptly`: its datagrams must be read as soon as they arrive (no READ_REST_MS).
    bool watch(int fd, Client *client, bool readPromptly = false);
    // Stops reporting `fd`; call right before closing it (the close takes it out of the epoll
    // set). Safe from inside onSocketReady.
    void unwatch(int fd);
    // True while the poller rests after a batch (READ_REST_MS) and reads nothing.
    bool isResting() const;
    // Milliseconds of rest after a batch (READ_REST_MS unless changed; tests lengthen it).
    void setRestInterval(int ms);

private:
    void onEpollReady();

    int m_epoll = -1;
    QSocketNotifier *m_notifier = nullptr;
    QTimer *m_rest = nullptr;        // re-enables m_notifier after READ_REST_MS
    std::vector<Client *> m_clients; // by descriptor; nullptr = not watched
    std::vector<bool> m_prompt;      // by descriptor: watched with readPromptly
    int m_promptCount = 0;           // watched sockets with readPromptly
};

} // namespace chronoscope::engine

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstdint>

#include <sys/socket.h>

#include "core/engine/datagramchannel.h"
#include "core/engine/socketpoller_linux.h"

class QSocketNotifier;

namespace chronoscope::engine {

// Linux channel: a native connected UDP socket with SO_TIMESTAMPING (software receive and
// transmit time stamps; SO_TIMESTAMPNS where that is refused), read with recvmsg so that T4 is
// the kernel's time of arrival, free of scheduling latency (NTP-NOTES §8.1). With a
// SocketPoller its sockets are watched through the poller's epoll instance, otherwise through a
// QSocketNotifier of their own.
class KernelTimestampChannel final : public DatagramChannel, private SocketPoller::Client
{
public:
    explicit KernelTimestampChannel(DatagramReceiver &receiver, SocketPoller *poller = nullptr);
    ~KernelTimestampChannel() override;

    bool open(const QHostAddress &server, quint16 port) override;
    bool keepOpenFor(std::chrono::milliseconds untilNextRequest, std::chrono::milliseconds portLifetime) override;
    void close() override;
    void readPending() override { onSocketReady(); }
    ntp::NtpTimestamp send(const QByteArray &datagram) override;
    quint16 localPort() const override;
    bool hasKernelTimestamps() const override { return m_kernelTimestamps; }
    std::optional<ntp::NtpTimestamp> kernelTransmitTime() override;

private:
    void onSocketReady() override;
    void readDatagrams();
    // Hands one datagram of a recvmmsg batch, with its kernel timestamp, to the receiver.
    void deliver(const mmsghdr &message, const char *buffer);
    // Takes the latest send's transmit time stamp from the error queue, if it is there yet.
    void readErrorQueue();
    // Error-queue messages read per readErrorQueue call (stale time stamps included).
    static constexpr int MAX_ERROR_QUEUE_READS = 4;
    void closeNow();
    bool openSocket(socklen_t addrLen);
    // Hands the socket to the poller (or a notifier of its own); false when epoll refuses.
    bool startWatching();

    SocketPoller *m_poller = nullptr;   // not owned; null or invalid: m_notifier instead
    int m_fd = -1;
    bool m_watched = false; // by the poller or m_notifier (from the first send on)
    QSocketNotifier *m_notifier = nullptr;
    // close() from a slot while datagrams are read: the datagrams already queued are still
    // read (a duplicate reply is counted, as "not requested"), then the socket closes.
    bool m_reading = false;
    bool m_closeAfterReading = false;
    bool m_kernelTimestamps = false;
    bool m_txTimestamps = false;
    // SOF_TIMESTAMPING_OPT_ID took: transmit time stamps carry the index of their send, and only
    // that of the latest send (m_sendsSinceOpen - 1) is taken.
    bool m_numberedTxTimestamps = false;
    std::uint32_t m_sendsSinceOpen = 0; // datagrams sent on this socket (wraps like the kernel's)
    std::optional<ntp::NtpTimestamp> m_transmitTime; // kernel's time of the last transmission
    // Socket reuse (keepOpenFor): when the socket was opened, the port lifetime it was kept
    // under (open() reuses it only while younger, however late the next request comes), whether
    // it is kept for the next open(), and whether it reported an error (then it is never reused).
    std::chrono::steady_clock::time_point m_openedAt;
    std::chrono::milliseconds m_portLifetime{0};
    bool m_kept = false;
    bool m_failed = false;
    // The connected peer, so that a datagram from it (all of them, on a connected socket) is
    // reported without building a new QHostAddress.
    sockaddr_storage m_peer{};
    QHostAddress m_peerAddress;
    quint16 m_peerPort = 0;
};

} // namespace chronoscope::engine

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <memory>
#include <optional>

#include <QByteArray>
#include <QHostAddress>
#include <QString>

#include "core/engine/datagramreceiver.h"
#include "core/ntp/ntptimestamp.h"

namespace chronoscope::engine {

// Where receive timestamps (T4) come from.
enum class TimestampSource {
    Kernel,    // SO_TIMESTAMPNS via recvmsg (Linux); falls back to Userspace where unavailable
    Userspace, // the local clock read right after the datagram is read (portable QUdpSocket path)
};

class SocketPoller;

// One UDP conversation with one server at a time, on a socket bound to a random local port and
// connected to the server, so the kernel drops datagrams from anyone else (RFC 9109); close()
// ends it, so late duplicates cannot arrive. open() makes a new socket on a fresh port, except
// when keepOpenFor() kept the last one for a request due soon (fast polling: a port then serves
// several requests, for a bounded time). The object itself is reused from request to
// request. What it reads goes to its DatagramReceiver.
class DatagramChannel
{
public:
    // Datagrams read per readiness notification before returning to the event loop, so that a
    // flooding server cannot keep the engine thread from its timers and other sockets.
    static constexpr int MAX_DATAGRAMS_PER_WAKEUP = 256;
    // SO_RCVBUF asked for: one request is outstanding at a time, so a few dozen datagrams of
    // room is plenty for honest servers; a flood beyond it is dropped by the kernel.
    static constexpr int RECEIVE_BUFFER_BYTES = 64 * 1024;
    // Largest datagram read: an NTP reply with extension fields and MAC fits well within it;
    // anything longer is passed on truncated and rejected as malformed.
    static constexpr int MAX_DATAGRAM_BYTES = 2048;
    // Socket reuse defaults (AssociationOptions, keepOpenFor): only for a request due within
    // 16 s of the last answered one, and a port serves requests for at most 60 s from its
    // first. Polls at the usual intervals (64 s and more) therefore still get a fresh port
    // every time; a burst or a 1 s monitor saves the socket set-up per request (about a third
    // of the engine's CPU at 10,000 servers). The 64-bit random transmit timestamp, not the
    // port, is what makes a reply unguessable (NTP-NOTES §1.3).
    static constexpr std::chrono::milliseconds DEFAULT_REUSE_GAP{16000};
    static constexpr std::chrono::milliseconds DEFAULT_PORT_LIFETIME{60000};

    explicit DatagramChannel(DatagramReceiver &receiver) : m_receiver(receiver) { }
    virtual ~DatagramChannel() = default;
    DatagramChannel(const DatagramChannel &) = delete;
    DatagramChannel &operator=(const DatagramChannel &) = delete;

    // Creates the platform's best channel for `source`, reporting to `receiver`. `poller`
    // (Linux, may be null) watches the native sockets of many channels with one notifier.
    static std::unique_ptr<DatagramChannel> create(TimestampSource source, DatagramReceiver &receiver,
                                                   SocketPoller *poller = nullptr);

    // Opens a new socket (closing the previous one) and connects it to the server; or, when
    // keepOpenFor() kept the previous one and it is connected to the same server, goes on with
    // that. Returns false (and sets errorString) on failure.
    virtual bool open(const QHostAddress &server, quint16 port) = 0;
    // Called when an exchange ended with an answer and the next request, due in
    // `untilNextRequest`, may reuse the socket: keeps it open for that request when the port
    // will then still be younger than `portLifetime` (and no socket error was seen), and
    // returns true; otherwise returns false and the caller closes. The portable channel never
    // keeps its socket.
    virtual bool keepOpenFor(std::chrono::milliseconds untilNextRequest, std::chrono::milliseconds portLifetime)
    {
        Q_UNUSED(untilNextRequest);
        Q_UNUSED(portLifetime);
        return false;
    }
    // Closes the socket; nothing more is received until the next open(). Safe to call from
    // the receiver's onDatagram or onChannelError.
    virtual void close() = 0;
    // Reads what has arrived now, without waiting for the event loop (as on readiness).
    virtual void readPending() = 0;
    // Sends a datagram; returns the local clock read immediately before the send (T1), or a
    // zero timestamp when sending failed.
    virtual ntp::NtpTimestamp send(const QByteArray &datagram) = 0;
    virtual quint16 localPort() const = 0;
    // True when receive timestamps come from the kernel.
    virtual bool hasKernelTimestamps() const = 0;
    // The kernel's timestamp of the last transmission, when the platform reports one (Linux
    // SO_TIMESTAMPING); better than the clock read before send() as T1.
    virtual std::optional<ntp::NtpTimestamp> kernelTransmitTime() { return std::nullopt; }
    QString errorString() const { return m_errorString; }

protected:
    DatagramReceiver &m_receiver;
    QString m_errorString;
};

} // namespace chronoscope::engine

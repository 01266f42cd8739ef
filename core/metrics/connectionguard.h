// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QByteArray>
#include <QObject>
#include <QTimer>

#include "core/metrics/httplimits.h"

class QTcpSocket;

namespace chronoscope::metrics {

// Watches one accepted connection before QHttpServer reads it (its readyRead slot is connected
// first), because QtHttpServer 6.4 itself bounds neither request size nor time:
//   - everything the client sends is counted as it arrives; past HttpLimits::maxRequestBytes,
//     or any byte after the first request head (a body, a second pipelined request), the guard
//     answers 431/400 itself and discards the rest, so QHttpServer never buffers more than that;
//   - after connectionTimeoutMs the connection is aborted whatever it is doing (slowloris,
//     a client that never reads);
//   - once a response is fully written the connection is closed (one request per connection,
//     the response says "Connection: close"); after a refusal only once the client has been
//     quiet for lingerMs, so that closing on unread data (a TCP reset) cannot destroy the
//     refusal before the client reads it (the "lingering close" of RFC 9112 §9.6).
// A child of the socket: it dies with it.
class ConnectionGuard final : public QObject
{
    Q_OBJECT
public:
    // `reject` is called once with a reason id when the guard refuses or times out the client.
    using RejectCounter = std::function<void(const QString &reason)>;

    ConnectionGuard(QTcpSocket *socket, const HttpLimits &limits, RejectCounter reject);

    bool refused() const { return m_refused; }

    static constexpr int lingerMs = 100;

private:
    void onReadyRead();
    void onBytesWritten();
    void onDeadline();
    void refuse(const QString &reason, const QByteArray &status);

    QTcpSocket *m_socket;
    HttpLimits m_limits;
    RejectCounter m_reject;
    QTimer m_deadline;
    QTimer m_linger;
    QByteArray m_received; // what the client sent so far, at most maxRequestBytes + one read
    bool m_refused = false;
    bool m_responding = false;
};

} // namespace chronoscope::metrics

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/metrics/connectionguard.h"

#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace chronoscope::metrics {

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const HttpLimits &limits, RejectCounter reject)
    : QObject(socket), m_socket(socket), m_limits(limits), m_reject(std::move(reject))
{
    // Qt reads at most this much from the kernel before someone consumes it.
    socket->setReadBufferSize(m_limits.maxRequestBytes + 1);
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    connect(socket, &QTcpSocket::bytesWritten, this, &ConnectionGuard::onBytesWritten);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &ConnectionGuard::onDeadline);
    m_deadline.start(m_limits.connectionTimeoutMs);
    m_linger.setSingleShot(true);
    m_linger.setInterval(lingerMs);
    connect(&m_linger, &QTimer::timeout, socket, &QTcpSocket::disconnectFromHost);
}

void ConnectionGuard::onReadyRead()
{
    if (m_refused || m_responding) {
        m_socket->skip(m_socket->bytesAvailable()); // nothing more is read from this client
        if (m_linger.isActive())
            m_linger.start(); // still sending: wait until it is quiet (or the deadline)
        return;
    }
    // QHttpServer consumes everything it is given, so what is available now arrived since the
    // last call (counting any leftover twice only makes the bound stricter).
    m_received += m_socket->peek(m_socket->bytesAvailable());
    const qsizetype headEnd = m_received.indexOf("\r\n\r\n");
    const bool headFits = headEnd >= 0 && headEnd + 4 <= m_limits.maxRequestBytes;
    if (headFits && headEnd + 4 < m_received.size())
        refuse(u"request_body_or_pipelining"_s, "400 Bad Request");
    else if (!headFits && m_received.size() > m_limits.maxRequestBytes)
        refuse(u"request_too_large"_s, "431 Request Header Fields Too Large");
}

void ConnectionGuard::onBytesWritten()
{
    m_responding = true;
    if (m_socket->bytesToWrite() != 0)
        return;
    // The whole response is out: one request per connection.
    if (m_refused)
        m_linger.start();
    else
        m_socket->disconnectFromHost();
}

void ConnectionGuard::onDeadline()
{
    if (!m_responding && !m_refused)
        m_reject(u"timeout"_s);
    m_socket->abort();
}

void ConnectionGuard::refuse(const QString &reason, const QByteArray &status)
{
    m_refused = true;
    m_reject(reason);
    m_socket->skip(m_socket->bytesAvailable());
    m_received.clear();
    const QByteArray body = status + '\n';
    m_socket->write("HTTP/1.1 " + status + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
                    + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
}

} // namespace chronoscope::metrics

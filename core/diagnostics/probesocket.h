// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QByteArray>
#include <QHostAddress>
#include <QObject>

namespace chronoscope::diagnostics {

// One connected UDP socket on a fresh random local port, for the exposure probe: sends a single
// datagram, delivers every reply whole whatever its size, and tells an ICMP "port unreachable"
// apart from other network errors (QUdpSocket swallows that distinction on Linux). Lives in
// the caller's thread. One implementation per platform:
//   probesocket_posix.cpp  BSD sockets and a QSocketNotifier (Linux, macOS, the BSDs)
//   probesocket_qt.cpp     QUdpSocket (Windows; not built on Linux)
class ProbeSocket final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProbeSocket)
public:
    explicit ProbeSocket(QObject *parent = nullptr);
    ~ProbeSocket() override;

    // Opens the socket, connects it to `address`:`port` and sends `datagram`. Returns false, with
    // errorString() saying why, when any step fails.
    bool sendTo(const QHostAddress &address, quint16 port, const QByteArray &datagram);
    // Delivers every reply already waiting on the socket (before closing it, say).
    void receivePending();
    // Stops listening; no signal is emitted afterwards.
    void close();
    QString errorString() const;

signals:
    void datagramReceived(const QByteArray &datagram);
    // The target answered with ICMP port unreachable: nothing listens on that port.
    void refused();
    // Any other error reported for the socket, e.g. ICMP host or network unreachable.
    void networkError(const QString &message);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace chronoscope::diagnostics

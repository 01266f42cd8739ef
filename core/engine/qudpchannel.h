// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include "core/engine/datagramchannel.h"

class QUdpSocket;

namespace chronoscope::engine {

// Portable channel on QUdpSocket; T4 is the local clock read right after the datagram is read.
class QUdpChannel final : public QObject, public DatagramChannel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QUdpChannel)
public:
    explicit QUdpChannel(DatagramReceiver &receiver);
    ~QUdpChannel() override;

    bool open(const QHostAddress &server, quint16 port) override;
    void close() override;
    void readPending() override { onReadyRead(); }
    ntp::NtpTimestamp send(const QByteArray &datagram) override;
    quint16 localPort() const override;
    bool hasKernelTimestamps() const override { return false; }

private:
    void onReadyRead();
    void readDatagrams();
    // close() from a slot while datagrams are read: those already queued are still read.
    bool m_reading = false;
    bool m_closeAfterReading = false;
    QUdpSocket *m_socket = nullptr;
    QHostAddress m_server;
    quint16 m_port = 0;
};

} // namespace chronoscope::engine

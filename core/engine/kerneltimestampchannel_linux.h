// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/datagramchannel.h"

class QSocketNotifier;

namespace chronoscope::engine {

// Linux channel: a native connected UDP socket with SO_TIMESTAMPNS, read with recvmsg so that
// T4 is the kernel's time of arrival, free of scheduling latency (NTP-NOTES §8.1).
class KernelTimestampChannel final : public DatagramChannel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KernelTimestampChannel)
public:
    explicit KernelTimestampChannel(QObject *parent = nullptr);
    ~KernelTimestampChannel() override;

    bool open(const QHostAddress &server, quint16 port) override;
    ntp::NtpTimestamp send(const QByteArray &datagram) override;
    quint16 localPort() const override;
    bool hasKernelTimestamps() const override { return m_kernelTimestamps; }
    std::optional<ntp::NtpTimestamp> kernelTransmitTime() override;

private:
    void onReadable();
    void closeSocket();
    void readErrorQueue();

    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
    bool m_kernelTimestamps = false;
    bool m_txTimestamps = false;
    std::optional<ntp::NtpTimestamp> m_transmitTime; // kernel's time of the last transmission
};

} // namespace chronoscope::engine

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QRandomGenerator>

class QUdpSocket;

namespace chronoscope::testing {

// A user-space UDP relay on loopback that simulates a network path (this kernel has no netem):
// clients send to listenPort(); each datagram is forwarded to the target after a delay, with
// jitter and loss, and replies come back the same way from the relay's own address and port.
// Delays are one-way, in seconds; loss is a probability per datagram per direction. The random
// generator is seeded so runs are repeatable.
class UdpRelay final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UdpRelay)
public:
    struct Path
    {
        double delay = 0;    // seconds, fixed part
        double jitter = 0;   // seconds, uniform extra delay in [0, jitter)
        double loss = 0;     // probability in [0, 1] that a datagram is dropped
    };

    UdpRelay(const QHostAddress &listenAddress, const QHostAddress &target, quint16 targetPort,
             quint32 seed = 1, QObject *parent = nullptr);
    ~UdpRelay() override;

    // Listens on `port` instead of the free port picked at construction (e.g. 123 inside a
    // private network namespace, for clients that cannot be told another port).
    bool listenOn(quint16 port);
    bool isListening() const;
    QHostAddress address() const { return m_listenAddress; }
    quint16 port() const;

    void setForward(const Path &path) { m_forward = path; }   // client → server
    void setBackward(const Path &path) { m_backward = path; } // server → client
    void setBoth(const Path &path) { m_forward = m_backward = path; }

    int forwarded() const { return m_forwarded; }
    int returned() const { return m_returned; }
    int droppedForward() const { return m_droppedForward; }
    int droppedBackward() const { return m_droppedBackward; }

private:
    struct Client
    {
        QHostAddress address;
        quint16 port = 0;
        QUdpSocket *upstream = nullptr; // our socket towards the target for this client
    };

    void onClientDatagram();
    void onUpstreamDatagram(Client *client);
    // Seconds to hold a datagram, or a negative value to drop it.
    double holdTime(const Path &path);

    QHostAddress m_listenAddress;
    QHostAddress m_target;
    quint16 m_targetPort;
    QUdpSocket *m_listener;
    QHash<QString, Client *> m_clients;
    QRandomGenerator m_random;
    Path m_forward;
    Path m_backward;
    int m_forwarded = 0;
    int m_returned = 0;
    int m_droppedForward = 0;
    int m_droppedBackward = 0;
};

} // namespace chronoscope::testing

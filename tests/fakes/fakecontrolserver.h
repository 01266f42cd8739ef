// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>

class QUdpSocket;

namespace chronoscope::testing {

// A UDP server on a loopback address and a free port, run in the caller's thread, that answers
// NTP mode 6 and mode 7 requests the way an exposed ntpd would: with scripted datagrams (a
// multi-datagram monlist, a fragmented READVAR response, or garbage). It records every datagram
// it receives, so tests can check that a probe sends exactly one request of each kind.
class FakeControlServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeControlServer)
public:
    explicit FakeControlServer(const QHostAddress &address = QHostAddress(QHostAddress::LocalHost),
                               QObject *parent = nullptr);
    ~FakeControlServer() override;

    bool isListening() const;
    QString errorString() const { return m_errorString; }
    QHostAddress address() const { return m_address; }
    quint16 port() const;

    // Datagrams sent back for every mode 6 request. When `echoSequence` is set, bytes 2–3 of each
    // (the sequence number) are overwritten with the request's, as a real server does.
    void setControlReplies(const QList<QByteArray> &datagrams, bool echoSequence = true);
    // Datagrams sent back for every mode 7 request.
    void setPrivateReplies(const QList<QByteArray> &datagrams) { m_privateReplies = datagrams; }

    const QList<QByteArray> &controlRequests() const { return m_controlRequests; }
    const QList<QByteArray> &privateRequests() const { return m_privateRequests; }
    const QList<QByteArray> &otherRequests() const { return m_otherRequests; }
    int datagramsSent() const { return m_datagramsSent; }
    qint64 bytesSent() const { return m_bytesSent; }

    // An ntpd-style MON_GETLIST_1 response with `entries` records of `itemSize` bytes, packed
    // as ntpd packs them (as many whole items as fit in 500 bytes per datagram), the more bit set
    // on all but the last, sequence numbers 0, 1, 2, ...
    static QList<QByteArray> monlistReply(int entries, int itemSize = 72);
    // An ntpd-style READVAR response carrying `text`, split into fragments of at most 468 data
    // bytes, each padded to 32 bits; sequence 0 (patched by setControlReplies).
    static QList<QByteArray> readVarReply(const QByteArray &text);
    // A mode 6 or mode 7 error response for the probe's requests (`mode` 6 or 7).
    static QByteArray errorReply(int mode, int code);

signals:
    void requestReceived();

private:
    void onReadyRead();

    QHostAddress m_address;
    QUdpSocket *m_socket;
    QString m_errorString;
    QList<QByteArray> m_controlReplies;
    bool m_echoSequence = true;
    QList<QByteArray> m_privateReplies;
    QList<QByteArray> m_controlRequests;
    QList<QByteArray> m_privateRequests;
    QList<QByteArray> m_otherRequests;
    int m_datagramsSent = 0;
    qint64 m_bytesSent = 0;
};

} // namespace chronoscope::testing

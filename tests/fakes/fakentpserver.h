// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <functional>
#include <optional>

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QRandomGenerator>

#include "core/ntp/ntppacket.h"
#include "tests/fakes/junkdatagram.h"
#include "tests/fakes/recordedrequest.h"

class QUdpSocket;

namespace chronoscope::testing {

// An NTP server on a loopback address and a free port, run in the caller's thread, whose every
// answer is programmable: clock offset, header fields, kiss-o'-death, dropped requests, garbage,
// bogus origin, replies from the wrong port, duplicate replies. It records every request it
// receives so tests can check what the client sends.
//
// Timestamps: T2 is read when the request is read from the socket, T3 right before the reply is
// sent; both are the true local clock plus clockOffset(). A positive offset makes the server run
// ahead, so a client measures a positive offset (ARCHITECTURE.md §2).
class FakeNtpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeNtpServer)
public:
    // Binds to `address` (127.0.0.1 or ::1) on a free port chosen by the kernel.
    explicit FakeNtpServer(const QHostAddress &address = QHostAddress(QHostAddress::LocalHost),
                           QObject *parent = nullptr);
    ~FakeNtpServer() override;

    bool isListening() const;
    QString errorString() const { return m_errorString; }
    QHostAddress address() const { return m_address; }
    quint16 port() const;
    // The port wrong-source replies come from (a second socket on the same address).
    quint16 wrongSourcePort() const;

    // --- Behaviour; every setting applies to the replies that follow ---
    // Seconds added to the server's timestamps; positive: the server's clock is ahead.
    void setClockOffset(double seconds) { m_clockOffset = seconds; }
    void setStratum(int stratum) { m_stratum = stratum; }
    void setLeap(ntp::LeapIndicator leap) { m_leap = leap; }
    void setReferenceId(std::uint32_t referenceId) { m_referenceId = referenceId; }
    // Up to four ASCII characters, left-justified and NUL-padded ("GPS", "LOCL").
    void setReferenceIdAscii(QByteArrayView text);
    void setRootDelay(double seconds) { m_rootDelay = seconds; }
    void setRootDispersion(double seconds) { m_rootDispersion = seconds; }
    void setPoll(int pollLog2) { m_poll = pollLog2; }             // log2 seconds
    void setPrecision(int precisionLog2) { m_precision = precisionLog2; } // log2 seconds
    // Seconds between reading a request (T2) and sending its reply (T3); 0: reply at once.
    void setProcessingDelay(double seconds) { m_processingDelay = seconds; }
    // Answer with a kiss-o'-death: stratum 0, LI 3, `code` ("RATE", "DENY", "RSTR") as the
    // reference id, origin echoed. An empty code switches back to normal replies.
    void setKissCode(const QByteArray &code) { m_kissCode = code; }
    // Do not answer the next `count` requests (they are still recorded).
    void dropNextRequests(int count) { m_dropRemaining = count; }
    // Answer with these bytes instead of an NTP packet (empty: normal replies).
    void setGarbageReply(const QByteArray &bytes) { m_garbage = bytes; }
    // Echo a wrong origin timestamp (the nonce with every bit flipped).
    void setBogusOrigin(bool enabled) { m_bogusOrigin = enabled; }
    // Send replies from the second socket, i.e. from another source port than requests went to.
    void setReplyFromWrongPort(bool enabled) { m_wrongPort = enabled; }
    // Send every reply twice, back to back.
    void setDuplicateReplies(bool enabled) { m_duplicate = enabled; }
    // Reuse the transmit time (T3) of the first reply in every later reply, with the correct
    // origin: a replay the client must catch with RFC 5905 test 1 (duplicate).
    void setRepeatTransmitTime(bool enabled) { m_repeatTransmit = enabled; }

    // Before every reply, send `count` junk datagrams from the server's own address and port,
    // cycling through the JunkKinds (ShortRandom first); 0: none.
    void setJunkBeforeReply(int count) { m_junkBeforeReply = count; }
    // Junk datagrams sent so far of `kind` (written to the socket; the kernel may still drop some).
    int junkSent(JunkKind kind) const { return m_junkSent[int(kind)]; }
    int junkSentTotal() const;

    // Rewrites every encoded reply before it is sent (e.g. appends a MAC or a crypto-NAK);
    // receives the reply and the request it answers. Empty: replies go out as encoded.
    using ReplyTransform = std::function<QByteArray(const QByteArray &reply, const ntp::Packet &request)>;
    void setReplyTransform(ReplyTransform transform) { m_replyTransform = std::move(transform); }

    // --- Observation ---
    const QList<RecordedRequest> &requests() const { return m_requests; }
    // Datagrams sent (duplicates count twice, garbage counts).
    int datagramsSent() const { return m_datagramsSent; }

    // The server's clock: the true local clock plus the configured offset.
    ntp::NtpTimestamp serverNow() const;

signals:
    // A request was received and recorded (index into requests()).
    void requestReceived(int index);

private:
    void onReadyRead();
    void answer(const ntp::Packet &request, ntp::NtpTimestamp receiveTime, const QHostAddress &client,
                quint16 clientPort);
    ntp::Packet buildReply(const ntp::Packet &request, ntp::NtpTimestamp receiveTime);
    void send(const QByteArray &datagram, const QHostAddress &client, quint16 clientPort);

    QHostAddress m_address;
    QUdpSocket *m_socket;
    QUdpSocket *m_wrongSourceSocket;
    QString m_errorString;

    double m_clockOffset = 0;                          // seconds, positive: server ahead
    int m_stratum = 1;
    ntp::LeapIndicator m_leap = ntp::LeapIndicator::NoWarning;
    std::uint32_t m_referenceId = 0x4C4F434C;          // "LOCL"
    double m_rootDelay = 0;                            // seconds
    double m_rootDispersion = 0.0001;                  // seconds
    int m_poll = 6;                                    // log2 seconds
    int m_precision = -20;                             // log2 seconds (~1 µs)
    double m_processingDelay = 0;                      // seconds
    QByteArray m_kissCode;
    int m_dropRemaining = 0;
    QByteArray m_garbage;
    bool m_bogusOrigin = false;
    bool m_wrongPort = false;
    bool m_duplicate = false;
    bool m_repeatTransmit = false;
    std::optional<ntp::NtpTimestamp> m_firstTransmit;  // T3 of the first reply (repeat mode)
    ReplyTransform m_replyTransform;
    int m_junkBeforeReply = 0;
    int m_junkSent[JUNK_KIND_COUNT] = {};
    QRandomGenerator m_random{20261204};               // fixed seed: reproducible junk

    QList<RecordedRequest> m_requests;
    int m_datagramsSent = 0;
};

} // namespace chronoscope::testing

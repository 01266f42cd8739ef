// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/fakes/fakentpserver.h"

#include <chrono>

#include <QNetworkDatagram>
#include <QTimer>
#include <QUdpSocket>

#include "core/engine/localclock.h"

using namespace Qt::StringLiterals;

namespace chronoscope::testing {
namespace {

constexpr double REFERENCE_AGE = 16.0; // seconds the reference time lies before T2

// Up to four ASCII characters as a reference id, left-justified and NUL-padded.
std::uint32_t asciiReferenceId(QByteArrayView text)
{
    std::uint32_t id = 0;
    for (qsizetype i = 0; i < 4; ++i)
        id = (id << 8) | (i < text.size() ? std::uint8_t(text.at(i)) : 0u);
    return id;
}

} // namespace

FakeNtpServer::FakeNtpServer(const QHostAddress &address, QObject *parent)
    : QObject(parent), m_address(address), m_socket(new QUdpSocket(this)), m_wrongSourceSocket(new QUdpSocket(this))
{
    // Port 0: the kernel picks a free port, so parallel tests never collide.
    if (!m_socket->bind(m_address, 0)) {
        m_errorString = u"cannot bind the fake server to %1: %2"_s.arg(m_address.toString(), m_socket->errorString());
        return;
    }
    if (!m_wrongSourceSocket->bind(m_address, 0)) {
        m_errorString = u"cannot bind the wrong-source socket to %1: %2"_s.arg(m_address.toString(),
                                                                             m_wrongSourceSocket->errorString());
        return;
    }
    connect(m_socket, &QUdpSocket::readyRead, this, &FakeNtpServer::onReadyRead);
}

FakeNtpServer::~FakeNtpServer() = default;

bool FakeNtpServer::isListening() const
{
    return m_errorString.isEmpty() && m_socket->state() == QAbstractSocket::BoundState;
}

quint16 FakeNtpServer::port() const
{
    return m_socket->localPort();
}

quint16 FakeNtpServer::wrongSourcePort() const
{
    return m_wrongSourceSocket->localPort();
}

void FakeNtpServer::setReferenceIdAscii(QByteArrayView text)
{
    m_referenceId = asciiReferenceId(text);
}

ntp::NtpTimestamp FakeNtpServer::serverNow() const
{
    using namespace std::chrono;
    const auto shift = duration_cast<system_clock::duration>(duration<double>(m_clockOffset));
    return ntp::NtpTimestamp::fromSystemTime(system_clock::now() + shift);
}

void FakeNtpServer::onReadyRead()
{
    while (m_socket->hasPendingDatagrams()) {
        const QNetworkDatagram datagram = m_socket->receiveDatagram(4096);
        // T2 as close to the read as we can get it in user space.
        const ntp::NtpTimestamp receiveTime = serverNow();
        if (!datagram.isValid())
            break;
        RecordedRequest record;
        record.datagram = datagram.data();
        record.sender = datagram.senderAddress();
        record.senderPort = quint16(datagram.senderPort());
        record.receivedAt = engine::LocalClock::nowUnixSeconds();

        const Result<ntp::Packet> request = ntp::decode(record.datagram);
        const bool drop = m_dropRemaining > 0;
        if (drop)
            --m_dropRemaining;
        // Only well-formed client requests are answered, like a real server.
        record.answered = !drop && request.ok() && request->mode == ntp::Mode::Client;
        m_requests.append(record);
        const int index = int(m_requests.size() - 1);
        if (record.answered) {
            if (m_processingDelay > 0) {
                const ntp::Packet packet = *request;
                const QHostAddress client = record.sender;
                const quint16 clientPort = record.senderPort;
                QTimer::singleShot(std::chrono::milliseconds(qint64(m_processingDelay * 1000.0)), Qt::PreciseTimer, this,
                                   [this, packet, receiveTime, client, clientPort] {
                                       answer(packet, receiveTime, client, clientPort);
                                   });
            } else {
                answer(*request, receiveTime, record.sender, record.senderPort);
            }
        }
        emit requestReceived(index);
    }
}

void FakeNtpServer::answer(const ntp::Packet &request, ntp::NtpTimestamp receiveTime, const QHostAddress &client,
                           quint16 clientPort)
{
    for (int i = 0; i < m_junkBeforeReply; ++i) {
        const JunkKind kind = JunkKind(i % JUNK_KIND_COUNT);
        const QByteArray junk = junkDatagram(kind, request, m_random);
        if (m_socket->writeDatagram(junk, client, clientPort) == junk.size())
            ++m_junkSent[int(kind)];
    }
    QByteArray datagram = m_garbage.isEmpty() ? ntp::encode(buildReply(request, receiveTime)) : m_garbage;
    if (m_replyTransform)
        datagram = m_replyTransform(datagram, request);
    send(datagram, client, clientPort);
    if (m_duplicate)
        send(datagram, client, clientPort);
}

ntp::Packet FakeNtpServer::buildReply(const ntp::Packet &request, ntp::NtpTimestamp receiveTime)
{
    ntp::Packet reply;
    reply.version = request.version;           // servers echo the client's version
    reply.mode = ntp::Mode::Server;
    reply.poll = std::int8_t(m_poll);
    reply.precision = std::int8_t(m_precision);
    // Origin: the client's transmit nonce, or every bit of it flipped for a bogus reply.
    reply.originTime = m_bogusOrigin ? ntp::NtpTimestamp(~request.transmitTime.raw()) : request.transmitTime;
    reply.receiveTime = receiveTime;
    if (!m_kissCode.isEmpty()) {
        // RFC 5905 §7.4: stratum 0, LI 3 and the four-letter code in the reference id.
        reply.leap = ntp::LeapIndicator::Unsynchronized;
        reply.stratum = 0;
        reply.referenceId = asciiReferenceId(m_kissCode);
    } else {
        reply.leap = m_leap;
        reply.stratum = std::uint8_t(m_stratum);
        reply.referenceId = m_referenceId;
        reply.rootDelay = ntp::NtpShort::fromSeconds(m_rootDelay);
        reply.rootDispersion = ntp::NtpShort::fromSeconds(m_rootDispersion);
        reply.referenceTime = ntp::NtpTimestamp(receiveTime.raw() - (std::uint64_t(REFERENCE_AGE) << 32));
    }
    // T3 last, as late as possible.
    reply.transmitTime = serverNow();
    if (m_repeatTransmit) {
        if (!m_firstTransmit)
            m_firstTransmit = reply.transmitTime;
        reply.transmitTime = *m_firstTransmit;
    }
    return reply;
}

int FakeNtpServer::junkSentTotal() const
{
    int total = 0;
    for (int sent : m_junkSent)
        total += sent;
    return total;
}

void FakeNtpServer::send(const QByteArray &datagram, const QHostAddress &client, quint16 clientPort)
{
    QUdpSocket *socket = m_wrongPort ? m_wrongSourceSocket : m_socket;
    if (socket->writeDatagram(datagram, client, clientPort) == datagram.size())
        ++m_datagramsSent;
}

} // namespace chronoscope::testing

// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/fakes/fakecontrolserver.h"

#include <QNetworkDatagram>
#include <QUdpSocket>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace chronoscope::testing {
namespace {

constexpr int CONTROL_FRAGMENT = 468; // data bytes per mode 6 fragment (ntpd)
constexpr int PRIVATE_DATA = 500;     // data bytes per mode 7 datagram (ntpd)

} // namespace

FakeControlServer::FakeControlServer(const QHostAddress &address, QObject *parent)
    : QObject(parent), m_address(address), m_socket(new QUdpSocket(this))
{
    if (!m_socket->bind(m_address, 0)) {
        m_errorString = u"cannot bind the fake control server to %1: %2"_s.arg(m_address.toString(),
                                                                             m_socket->errorString());
        return;
    }
    connect(m_socket, &QUdpSocket::readyRead, this, &FakeControlServer::onReadyRead);
}

FakeControlServer::~FakeControlServer() = default;

bool FakeControlServer::isListening() const
{
    return m_errorString.isEmpty() && m_socket->state() == QAbstractSocket::BoundState;
}

quint16 FakeControlServer::port() const
{
    return m_socket->localPort();
}

void FakeControlServer::setControlReplies(const QList<QByteArray> &datagrams, bool echoSequence)
{
    m_controlReplies = datagrams;
    m_echoSequence = echoSequence;
}

void FakeControlServer::onReadyRead()
{
    while (m_socket->hasPendingDatagrams()) {
        const QNetworkDatagram datagram = m_socket->receiveDatagram(65536);
        const QByteArray request = datagram.data();
        const int mode = request.isEmpty() ? -1 : request.at(0) & 0x7;
        QList<QByteArray> replies;
        if (mode == 6) {
            m_controlRequests.append(request);
            replies = m_controlReplies;
            if (m_echoSequence && request.size() >= 4) {
                for (QByteArray &reply : replies) {
                    if (reply.size() >= 4)
                        reply.replace(2, 2, request.mid(2, 2));
                }
            }
        } else if (mode == 7) {
            m_privateRequests.append(request);
            replies = m_privateReplies;
        } else {
            m_otherRequests.append(request);
        }
        for (const QByteArray &reply : std::as_const(replies)) {
            if (m_socket->writeDatagram(reply, datagram.senderAddress(), quint16(datagram.senderPort())) == reply.size()) {
                ++m_datagramsSent;
                m_bytesSent += reply.size();
            }
        }
        emit requestReceived();
    }
}

QList<QByteArray> FakeControlServer::monlistReply(int entries, int itemSize)
{
    QList<QByteArray> datagrams;
    const int perDatagram = std::max(1, PRIVATE_DATA / itemSize);
    int done = 0;
    int sequence = 0;
    do {
        const int items = std::min(perDatagram, entries - done);
        done += items;
        const bool more = done < entries;
        QByteArray d(8, '\0');
        d[0] = char(0x80 | (more ? 0x40 : 0) | (2 << 3) | 7); // response, more, version 2, mode 7
        d[1] = char(sequence++);
        d[2] = char(3);                                        // IMPL_XNTPD
        d[3] = char(42);                                       // REQ_MON_GETLIST_1
        qToBigEndian(quint16(items), d.data() + 4);
        qToBigEndian(quint16(itemSize), d.data() + 6);
        for (int i = 0; i < items; ++i) {
            // A client address 192.0.2.x (documentation range) in the first word, as info_monitor_1 starts.
            QByteArray item(itemSize, '\0');
            item[0] = char(192);
            item[2] = char(2);
            item[3] = char((done - items + i) & 0xff);
            d.append(item);
        }
        datagrams.append(d);
    } while (done < entries);
    return datagrams;
}

QList<QByteArray> FakeControlServer::readVarReply(const QByteArray &text)
{
    QList<QByteArray> datagrams;
    qsizetype offset = 0;
    do {
        const QByteArray chunk = text.mid(offset, CONTROL_FRAGMENT);
        const bool more = offset + CONTROL_FRAGMENT < text.size();
        QByteArray d(12, '\0');
        d[0] = char((2 << 3) | 6);                            // version 2, mode 6
        d[1] = char(0x80 | (more ? 0x20 : 0) | 2);            // response, more, READVAR
        qToBigEndian(quint16(0x0615), d.data() + 4);          // a plausible system status word
        qToBigEndian(quint16(offset), d.data() + 8);
        qToBigEndian(quint16(chunk.size()), d.data() + 10);
        d.append(chunk);
        while (d.size() % 4 != 0)
            d.append('\0');
        datagrams.append(d);
        offset += CONTROL_FRAGMENT;
    } while (offset < text.size());
    return datagrams;
}

QByteArray FakeControlServer::errorReply(int mode, int code)
{
    if (mode == 6) {
        QByteArray d(12, '\0');
        d[0] = char((2 << 3) | 6);
        d[1] = char(0x80 | 0x40 | 2);                          // response, error, READVAR
        qToBigEndian(quint16(code << 8), d.data() + 4);
        return d;
    }
    QByteArray d(8, '\0');
    d[0] = char(0x80 | (2 << 3) | 7);
    d[2] = char(3);
    d[3] = char(42);
    qToBigEndian(quint16(code << 12), d.data() + 4);
    return d;
}

} // namespace chronoscope::testing

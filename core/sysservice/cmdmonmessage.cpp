// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sysservice/cmdmonmessage.h"

#include <algorithm>

#include <QtEndian>

#include "core/sysservice/cmdmonprotocol.h"

using namespace Qt::StringLiterals;

namespace chronoscope::sysservice {

QByteArray encodeCmdmonRequest(std::uint16_t command, std::uint32_t sequence, QByteArrayView data,
                               int replyDataSize, std::uint16_t attempt)
{
    const qsizetype length = std::max<qsizetype>(cmdmon::REQUEST_HEADER_SIZE + data.size(),
                                                 cmdmon::REPLY_HEADER_SIZE + replyDataSize);
    QByteArray out(length, '\0');
    out[0] = char(cmdmon::PROTOCOL_VERSION);
    out[1] = char(cmdmon::PACKET_REQUEST);
    qToBigEndian(command, out.data() + 4);
    qToBigEndian(attempt, out.data() + 6);
    qToBigEndian(sequence, out.data() + 8);
    std::copy(data.begin(), data.end(), out.begin() + cmdmon::REQUEST_HEADER_SIZE);
    return out;
}

QByteArray encodeCmdmonAddress(const QHostAddress &address)
{
    QByteArray out(cmdmon::ADDRESS_SIZE, '\0');
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4 && address.protocol() == QAbstractSocket::IPv4Protocol) {
        qToBigEndian(v4, out.data());
        qToBigEndian(cmdmon::FAMILY_INET4, out.data() + 16);
    } else if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        const Q_IPV6ADDR v6 = address.toIPv6Address();
        std::copy(v6.c, v6.c + 16, out.begin());
        qToBigEndian(cmdmon::FAMILY_INET6, out.data() + 16);
    }
    return out;
}

Result<CmdmonReply> decodeCmdmonReply(QByteArrayView datagram)
{
    const qsizetype size = datagram.size();
    if (size > cmdmon::MAX_DATAGRAM_SIZE)
        return Error{u"cmdmon reply of %1 bytes is longer than any chronyd reply (%2)"_s.arg(size).arg(cmdmon::MAX_DATAGRAM_SIZE)};
    // The version comes first so that a daemon of another protocol version is named as such.
    if (size >= 1 && std::uint8_t(datagram[0]) != cmdmon::PROTOCOL_VERSION)
        return Error{u"the daemon speaks cmdmon protocol version %1; Chronoscope speaks version %2 (chrony 4.x)"_s
                         .arg(std::uint8_t(datagram[0])).arg(cmdmon::PROTOCOL_VERSION)};
    if (size < cmdmon::REPLY_HEADER_SIZE)
        return Error{u"cmdmon reply of %1 bytes is shorter than the %2-byte header"_s.arg(size).arg(cmdmon::REPLY_HEADER_SIZE)};
    const auto *p = reinterpret_cast<const uchar *>(datagram.data());
    if (p[1] != cmdmon::PACKET_REPLY)
        return Error{u"cmdmon packet type %1 where a reply (2) was expected"_s.arg(p[1])};
    if (p[2] != 0 || p[3] != 0)
        return Error{u"cmdmon reply with reserved bytes %1 %2 (must be 0)"_s.arg(p[2]).arg(p[3])};
    CmdmonReply reply;
    reply.command = qFromBigEndian<std::uint16_t>(p + 4);
    reply.replyCode = qFromBigEndian<std::uint16_t>(p + 6);
    reply.status = qFromBigEndian<std::uint16_t>(p + 8);
    reply.sequence = qFromBigEndian<std::uint32_t>(p + 16);
    reply.data = QByteArray(datagram.data() + cmdmon::REPLY_HEADER_SIZE, size - cmdmon::REPLY_HEADER_SIZE);
    return reply;
}

QString cmdmonStatusText(std::uint16_t status)
{
    switch (status) {
    case cmdmon::STT_SUCCESS: return u"success"_s;
    case cmdmon::STT_FAILED: return u"failed"_s;
    case cmdmon::STT_UNAUTH: return u"not authorised (this command needs the Unix socket, as root)"_s;
    case cmdmon::STT_INVALID: return u"invalid command (not supported by this chronyd)"_s;
    case cmdmon::STT_NOSUCHSOURCE: return u"no such source"_s;
    case cmdmon::STT_NOTENABLED: return u"not enabled"_s;
    case cmdmon::STT_INACTIVE: return u"inactive"_s;
    case cmdmon::STT_BADPKTVERSION: return u"chronyd refused the protocol version"_s;
    case cmdmon::STT_BADPKTLENGTH: return u"chronyd refused the request length"_s;
    case cmdmon::STT_INVALIDNAME: return u"invalid name"_s;
    default: return u"status %1"_s.arg(status);
    }
}

} // namespace chronoscope::sysservice

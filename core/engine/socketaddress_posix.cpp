// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/socketaddress_posix.h"

#include <arpa/inet.h>
#include <cstring>
#include <netinet/in.h>

namespace chronoscope::engine {

bool toSockaddr(const QHostAddress &address, quint16 port, sockaddr_storage *storage, socklen_t *length)
{
    *storage = sockaddr_storage{};
    bool ipv4 = false;
    const quint32 v4 = address.toIPv4Address(&ipv4);
    if (ipv4) {
        auto *sin = reinterpret_cast<sockaddr_in *>(storage);
        sin->sin_family = AF_INET;
        sin->sin_port = htons(port);
        sin->sin_addr.s_addr = htonl(v4);
        *length = sizeof(sockaddr_in);
        return true;
    }
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto *sin6 = reinterpret_cast<sockaddr_in6 *>(storage);
        sin6->sin6_family = AF_INET6;
        sin6->sin6_port = htons(port);
        const Q_IPV6ADDR v6 = address.toIPv6Address();
        std::memcpy(&sin6->sin6_addr, &v6, sizeof(v6));
        sin6->sin6_scope_id = address.scopeId().toUInt();
        *length = sizeof(sockaddr_in6);
        return true;
    }
    return false;
}

QHostAddress fromSockaddr(const sockaddr_storage &storage, quint16 *port)
{
    if (storage.ss_family == AF_INET) {
        const auto *sin = reinterpret_cast<const sockaddr_in *>(&storage);
        *port = ntohs(sin->sin_port);
        return QHostAddress(ntohl(sin->sin_addr.s_addr));
    }
    if (storage.ss_family == AF_INET6) {
        const auto *sin6 = reinterpret_cast<const sockaddr_in6 *>(&storage);
        *port = ntohs(sin6->sin6_port);
        return QHostAddress(reinterpret_cast<const quint8 *>(&sin6->sin6_addr));
    }
    *port = 0;
    return {};
}

} // namespace chronoscope::engine

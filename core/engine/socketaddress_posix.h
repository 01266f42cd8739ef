// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <sys/socket.h>

#include <QHostAddress>

namespace chronoscope::engine {

// Conversions between QHostAddress + port and the POSIX sockaddr the native socket calls need.
// Fills `storage` and `length`; false when `address` is neither IPv4 nor IPv6.
bool toSockaddr(const QHostAddress &address, quint16 port, sockaddr_storage *storage, socklen_t *length);
// The address and port in `storage` (IPv4 or IPv6); a null address for other families.
QHostAddress fromSockaddr(const sockaddr_storage &storage, quint16 *port);

} // namespace chronoscope::engine

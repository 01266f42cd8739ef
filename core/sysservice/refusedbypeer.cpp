// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sysservice/refusedbypeer.h"

#ifdef Q_OS_UNIX
#include <cerrno>

#include <sys/socket.h>
#endif

namespace chronoscope::sysservice {

bool refusedByPeer(const QUdpSocket &socket)
{
#ifdef Q_OS_UNIX
    const qintptr fd = socket.socketDescriptor();
    if (fd < 0)
        return false;
    char byte = 0;
    const ssize_t n = ::recv(int(fd), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    return n < 0 && errno == ECONNREFUSED;
#else
    Q_UNUSED(socket);
    return false;
#endif
}

} // namespace chronoscope::sysservice

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnostics/probesocket.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <QSocketNotifier>

#include "core/engine/socketaddress_posix.h"

using namespace Qt::StringLiterals;

namespace chronoscope::diagnostics {
namespace {

constexpr int MAX_DATAGRAM = 65536; // bytes: larger than any UDP payload, so nothing is truncated

QString systemError(const char *what, int error)
{
    return QString::fromLatin1(what) + u": "_s + QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

struct ProbeSocket::Private
{
    int fd = -1;
    QSocketNotifier *notifier = nullptr;
    QString error;
};

ProbeSocket::ProbeSocket(QObject *parent) : QObject(parent), d(std::make_unique<Private>()) { }

ProbeSocket::~ProbeSocket()
{
    close();
}

QString ProbeSocket::errorString() const
{
    return d->error;
}

void ProbeSocket::close()
{
    delete d->notifier;
    d->notifier = nullptr;
    if (d->fd >= 0)
        ::close(d->fd);
    d->fd = -1;
}

bool ProbeSocket::sendTo(const QHostAddress &address, quint16 port, const QByteArray &datagram)
{
    close();
    sockaddr_storage addr{};
    socklen_t addrLen = 0;
    if (!engine::toSockaddr(address, port, &addr, &addrLen)) {
        d->error = u"not an IP address: %1"_s.arg(address.toString());
        return false;
    }
    d->fd = ::socket(addr.ss_family, SOCK_DGRAM, 0);
    if (d->fd < 0) {
        d->error = systemError("socket", errno);
        return false;
    }
    // Non-blocking and close-on-exec the portable way (SOCK_NONBLOCK is Linux-only).
    ::fcntl(d->fd, F_SETFD, FD_CLOEXEC);
    ::fcntl(d->fd, F_SETFL, ::fcntl(d->fd, F_GETFL) | O_NONBLOCK);
    // connect() picks a random ephemeral port, filters other senders, and makes ICMP errors for
    // this destination show up on the socket.
    if (::connect(d->fd, reinterpret_cast<sockaddr *>(&addr), addrLen) != 0) {
        d->error = systemError("connect", errno);
        close();
        return false;
    }
    d->notifier = new QSocketNotifier(d->fd, QSocketNotifier::Read, this);
    connect(d->notifier, &QSocketNotifier::activated, this, &ProbeSocket::receivePending);
    if (::send(d->fd, datagram.constData(), size_t(datagram.size()), 0) != datagram.size()) {
        d->error = systemError("send", errno);
        close();
        return false;
    }
    return true;
}

void ProbeSocket::receivePending()
{
    QByteArray buffer(MAX_DATAGRAM, Qt::Uninitialized);
    while (d->fd >= 0) {
        const ssize_t n = ::recv(d->fd, buffer.data(), size_t(buffer.size()), 0);
        if (n >= 0) {
            emit datagramReceived(buffer.left(qsizetype(n)));
            continue;
        }
        const int error = errno;
        if (error == EINTR)
            continue;
        if (error == EAGAIN || error == EWOULDBLOCK)
            return;
        // A pending socket error is reported once and cleared by this recv().
        if (error == ECONNREFUSED)
            emit refused();
        else
            emit networkError(systemError("recv", error));
    }
}

} // namespace chronoscope::diagnostics

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/socketpoller_linux.h"

#include <sys/epoll.h>
#include <unistd.h>

#include <QSocketNotifier>

namespace chronoscope::engine {

SocketPoller::SocketPoller(QObject *parent) : QObject(parent)
{
    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    if (m_epoll < 0)
        return;
    m_notifier = new QSocketNotifier(m_epoll, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SocketPoller::onEpollReady);
}

SocketPoller::~SocketPoller()
{
    delete m_notifier;
    if (m_epoll >= 0)
        ::close(m_epoll);
}

bool SocketPoller::watch(int fd, Client *client)
{
    if (m_epoll < 0 || fd < 0)
        return false;
    epoll_event event{};
    event.events = EPOLLIN; // EPOLLERR is always reported
    event.data.fd = fd;
    if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event) != 0)
        return false;
    if (size_t(fd) >= m_clients.size())
        m_clients.resize(size_t(fd) + 1, nullptr);
    m_clients[size_t(fd)] = client;
    return true;
}

void SocketPoller::unwatch(int fd)
{
    // No EPOLL_CTL_DEL (a system call per request): closing the socket removes it from the
    // epoll set. Only if a forked child still held a copy of the descriptor (until its exec;
    // all are close-on-exec) could an event for it come; it finds no client or, when the number
    // was reused, a socket with nothing to read (see onEpollReady).
    if (fd >= 0 && size_t(fd) < m_clients.size())
        m_clients[size_t(fd)] = nullptr;
}

void SocketPoller::onEpollReady()
{
    epoll_event events[MAX_EVENTS_PER_WAKEUP];
    const int n = ::epoll_wait(m_epoll, events, MAX_EVENTS_PER_WAKEUP, 0);
    for (int i = 0; i < n; ++i) {
        // A client may close its socket (and open another, possibly with the same number) while
        // earlier events of this batch are handled: a stale event then finds no client, or a
        // socket with nothing to read, which costs one EAGAIN.
        const int fd = events[i].data.fd;
        if (fd >= 0 && size_t(fd) < m_clients.size() && m_clients[size_t(fd)])
            m_clients[size_t(fd)]->onSocketReady();
    }
}

} // namespace chronoscope::engine

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/socketpoller_linux.h"

#include <sys/epoll.h>
#include <unistd.h>

#include <QSocketNotifier>
#include <QTimer>

namespace chronoscope::engine {

SocketPoller::SocketPoller(QObject *parent) : QObject(parent)
{
    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    if (m_epoll < 0)
        return;
    m_notifier = new QSocketNotifier(m_epoll, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SocketPoller::onEpollReady);
    m_rest = new QTimer(this);
    m_rest->setSingleShot(true);
    m_rest->setTimerType(Qt::PreciseTimer);
    m_rest->setInterval(READ_REST_MS);
    connect(m_rest, &QTimer::timeout, m_notifier, [this] { m_notifier->setEnabled(true); });
}

SocketPoller::~SocketPoller()
{
    delete m_notifier;
    if (m_epoll >= 0)
        ::close(m_epoll);
}

bool SocketPoller::watch(int fd, Client *client, bool readPromptly)
{
    if (m_epoll < 0 || fd < 0)
        return false;
    epoll_event event{};
    event.events = EPOLLIN; // EPOLLERR is always reported
    event.data.fd = fd;
    if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event) != 0)
        return false;
    if (size_t(fd) >= m_clients.size()) {
        m_clients.resize(size_t(fd) + 1, nullptr);
        m_prompt.resize(size_t(fd) + 1, false);
    }
    m_clients[size_t(fd)] = client;
    m_prompt[size_t(fd)] = readPromptly;
    if (readPromptly) {
        ++m_promptCount;
        if (m_rest->isActive()) { // no rest while it is watched
            m_rest->stop();
            m_notifier->setEnabled(true);
        }
    }
    return true;
}

void SocketPoller::unwatch(int fd)
{
    // No EPOLL_CTL_DEL (a system call per request): closing the socket removes it from the
    // epoll set. Only if a forked child still held a copy of the descriptor (until its exec;
    // all are close-on-exec) could an event for it come; it finds no client or, when the number
    // was reused, a socket with nothing to read (see onEpollReady).
    if (fd < 0 || size_t(fd) >= m_clients.size())
        return;
    m_clients[size_t(fd)] = nullptr;
    if (m_prompt[size_t(fd)]) {
        m_prompt[size_t(fd)] = false;
        --m_promptCount;
    }
}

void SocketPoller::setRestInterval(int ms)
{
    if (m_rest)
        m_rest->setInterval(ms);
}

bool SocketPoller::isResting() const
{
    return m_rest && m_rest->isActive();
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
    if (n > 0 && m_promptCount == 0) {
        // Rest (READ_REST_MS): what arrives meanwhile is read in one batch afterwards.
        m_notifier->setEnabled(false);
        m_rest->start();
    }
}

} // namespace chronoscope::engine

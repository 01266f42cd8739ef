// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/socketserver.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "app/helper/callerpolicy.h"
#include "app/helper/callersession.h"
#include "app/helper/helperservice.h"
#include "app/helper/peercredentials.h"
#include "core/protocol/codec.h"

namespace chronoscope::helper {

SocketServer::SocketServer(ClockOps &clock, const HelperConfig &config, RateLimiter &limiter, ReplayGuard &replays,
                           AuditSink &audit, Options options)
    : m_clock(clock)
    , m_config(config)
    , m_limiter(limiter)
    , m_replays(replays)
    , m_audit(audit)
    , m_options(std::move(options))
{
}

int SocketServer::run(int listenFd, int stopFd)
{
    for (;;) {
        pollfd fds[2] = {{listenFd, POLLIN, 0}, {stopFd, POLLIN, 0}};
        const int ready = poll(fds, stopFd >= 0 ? 2 : 1, m_options.idleExitMs);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready < 0)
            return errno;
        if (ready == 0 || (stopFd >= 0 && fds[1].revents != 0))
            return 0; // idle long enough (launchd starts us again on demand), or told to stop
        const int client = accept(listenFd, nullptr, nullptr);
        if (client < 0) {
            if (errno == EINTR || errno == ECONNABORTED || errno == EAGAIN)
                continue;
            return errno;
        }
        fcntl(client, F_SETFD, FD_CLOEXEC);
#ifdef SO_NOSIGPIPE
        const int on = 1; // macOS: a vanished client is a write error, not a signal
        setsockopt(client, SOL_SOCKET, SO_NOSIGPIPE, &on, sizeof on);
#endif
        serveClient(client);
        close(client);
    }
}

void SocketServer::serveClient(int clientFd)
{
    // Credentials that cannot be read are nobody's: read-only requests at most.
    PeerCredentials peer;
    const bool known = readPeerCredentials(clientFd, peer);
    CallerToken token = peerCallerToken(peer, m_options.adminGroup, m_options.configuredGroup);
    if (!known)
        token.administrator = token.inConfiguredGroup = false;
    const CallerDecision decision =
        decideCaller(token, CallerMode::Service, !m_options.configuredGroup.empty());
    CallerIdentity caller;
    caller.uid = peer.uid;
    caller.pid = peer.pid;
    caller.account = describeCaller(token, decision);
    CallerSession session(m_clock, m_config, m_limiter, m_replays, m_audit, decision, caller);

    for (;;) {
        protocol::RequestFrame frame{};
        std::size_t received = 0;
        const ReadOutcome outcome = readRequestFrame(clientFd, frame, received, m_options.timeouts);
        switch (outcome) {
        case ReadOutcome::ClosedAtStart:
        case ReadOutcome::TimedOutAtStart:
        case ReadOutcome::Error:
            return;
        case ReadOutcome::ClosedInside:
        case ReadOutcome::TimedOutInside:
            writeResponseFrame(clientFd, protocol::encodeResponse(
                    session.answerTruncated(received, outcome == ReadOutcome::ClosedInside)));
            return;
        case ReadOutcome::Complete:
            break;
        }
        const protocol::Response response = session.answer(frame);
        if (!writeResponseFrame(clientFd, protocol::encodeResponse(response)) || HelperService::endsSession(response))
            return;
    }
}

int listenUnixSocket(const std::string &path, unsigned mode)
{
    sockaddr_un address{};
    if (path.empty() || path.size() >= sizeof address.sun_path) {
        errno = ENAMETOOLONG;
        return -1;
    }
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, path.c_str(), path.size() + 1);
    const int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    fcntl(fd, F_SETFD, FD_CLOEXEC);
    struct stat existing{};
    if (lstat(path.c_str(), &existing) == 0 && S_ISSOCK(existing.st_mode))
        unlink(path.c_str());
    if (bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0
        || chmod(path.c_str(), mode_t(mode)) != 0 || listen(fd, 8) != 0) {
        const int error = errno;
        close(fd);
        errno = error;
        return -1;
    }
    return fd;
}

} // namespace chronoscope::helper

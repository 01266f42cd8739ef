// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/frameio.h"

#include <cerrno>

#include <poll.h>
#include <unistd.h>

#include "core/protocol/codec.h"

namespace chronoscope::helper {

ReadOutcome readExactly(int fd, std::uint8_t *out, std::size_t size, std::size_t &received, int firstMs, int restMs)
{
    received = 0;
    while (received < size) {
        pollfd pfd{fd, POLLIN, 0};
        const int ready = poll(&pfd, 1, received == 0 ? firstMs : restMs);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready < 0)
            return ReadOutcome::Error;
        if (ready == 0)
            return received == 0 ? ReadOutcome::TimedOutAtStart : ReadOutcome::TimedOutInside;
        const ssize_t n = read(fd, out + received, size - received);
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (n < 0)
            return ReadOutcome::Error;
        if (n == 0)
            return received == 0 ? ReadOutcome::ClosedAtStart : ReadOutcome::ClosedInside;
        received += std::size_t(n);
    }
    return ReadOutcome::Complete;
}

bool writeAll(int fd, const std::uint8_t *data, std::size_t size)
{
    std::size_t sent = 0;
    while (sent < size) {
        const ssize_t n = write(fd, data + sent, size - sent);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        sent += std::size_t(n);
    }
    return true;
}

ReadOutcome readRequestFrame(int fd, protocol::RequestFrame &frame, std::size_t &received, const FrameTimeouts &timeouts)
{
    return readExactly(fd, frame.data(), frame.size(), received, timeouts.idleMs, timeouts.frameMs);
}

bool writeResponseFrame(int fd, const protocol::ResponseFrame &frame)
{
    return writeAll(fd, frame.data(), frame.size());
}

int serveFrames(HelperService &service, int inFd, int outFd, const FrameTimeouts &timeouts)
{
    for (;;) {
        protocol::RequestFrame frame{};
        std::size_t received = 0;
        const ReadOutcome outcome = readRequestFrame(inFd, frame, received, timeouts);
        switch (outcome) {
        case ReadOutcome::ClosedAtStart:
            return ExitOk;
        case ReadOutcome::TimedOutAtStart:
            return ExitIdle;
        case ReadOutcome::Error:
            return ExitIo;
        case ReadOutcome::ClosedInside:
        case ReadOutcome::TimedOutInside: {
            // Nothing is applied from a partial frame. Answer anyway (the output may still be
            // open), then stop.
            const protocol::Response response =
                    service.handleTruncated(received, outcome == ReadOutcome::ClosedInside);
            writeResponseFrame(outFd, protocol::encodeResponse(response));
            return ExitTruncated;
        }
        case ReadOutcome::Complete:
            break;
        }
        const protocol::Response response = service.handle(frame);
        if (!writeResponseFrame(outFd, protocol::encodeResponse(response)))
            return ExitIo;
        if (HelperService::endsSession(response))
            return ExitProtocol;
    }
}

} // namespace chronoscope::helper

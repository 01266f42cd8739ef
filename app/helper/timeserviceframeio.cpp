// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/timeserviceframeio.h"

#include <cerrno>
#include <vector>

#include <poll.h>
#include <unistd.h>

namespace chronoscope::helper {

using namespace protocol::timeservice;

namespace {

// Reads exactly `size` bytes into `out` (waits `firstMs` for the first byte, `restMs` for each
// later one); `received` counts the bytes read.
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

bool writeAll(int fd, const std::vector<std::uint8_t> &bytes)
{
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n = write(fd, bytes.data() + sent, bytes.size() - sent);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        sent += std::size_t(n);
    }
    return true;
}

} // namespace

int serveTimeServiceFrames(TimeServiceOperations &operations, int inFd, int outFd, const FrameTimeouts &timeouts)
{
    for (;;) {
        std::vector<std::uint8_t> frame(REQUEST_HEADER_SIZE);
        std::size_t received = 0;
        ReadOutcome outcome = readExactly(inFd, frame.data(), frame.size(), received, timeouts.idleMs, timeouts.frameMs);
        if (outcome == ReadOutcome::ClosedAtStart)
            return ExitOk;
        if (outcome == ReadOutcome::TimedOutAtStart)
            return ExitIdle;
        if (outcome == ReadOutcome::Error)
            return ExitIo;
        if (outcome != ReadOutcome::Complete) {
            writeAll(outFd, encodeResponse(operations.handleTruncated(received, outcome == ReadOutcome::ClosedInside)));
            return ExitTruncated;
        }
        const FrameHeader header = decodeRequestHeader(frame);
        if (header.error != protocol::DecodeError::None) {
            writeAll(outFd, encodeResponse(operations.refuseHeader(frame, header)));
            return ExitProtocol;
        }
        // The body length is bounded (≤ MAX_REQUEST_BODY) before this allocation.
        frame.resize(REQUEST_HEADER_SIZE + header.bodyLength);
        if (header.bodyLength > 0) {
            outcome = readExactly(inFd, frame.data() + REQUEST_HEADER_SIZE, header.bodyLength, received,
                                  timeouts.frameMs, timeouts.frameMs);
            if (outcome == ReadOutcome::Error)
                return ExitIo;
            if (outcome != ReadOutcome::Complete) {
                writeAll(outFd, encodeResponse(operations.handleTruncated(REQUEST_HEADER_SIZE + received,
                                                                         outcome == ReadOutcome::ClosedInside
                                                                             || outcome == ReadOutcome::ClosedAtStart)));
                return ExitTruncated;
            }
        }
        const Response response = operations.handle(frame);
        if (!writeAll(outFd, encodeResponse(response)))
            return ExitIo;
        if (TimeServiceOperations::endsSession(response))
            return ExitProtocol;
    }
}

} // namespace chronoscope::helper

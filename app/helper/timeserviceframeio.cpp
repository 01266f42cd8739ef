// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/timeserviceframeio.h"

#include <vector>

namespace chronoscope::helper {

using namespace protocol::timeservice;

namespace {

// Writes a whole encoded response; false when the other end is gone.
bool writeFrame(int fd, const std::vector<std::uint8_t> &bytes)
{
    return writeAll(fd, bytes.data(), bytes.size());
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
            writeFrame(outFd, encodeResponse(operations.handleTruncated(received, outcome == ReadOutcome::ClosedInside)));
            return ExitTruncated;
        }
        const FrameHeader header = decodeRequestHeader(frame);
        if (header.error != protocol::DecodeError::None) {
            writeFrame(outFd, encodeResponse(operations.refuseHeader(frame, header)));
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
                writeFrame(outFd, encodeResponse(operations.handleTruncated(REQUEST_HEADER_SIZE + received,
                                                                         outcome == ReadOutcome::ClosedInside
                                                                             || outcome == ReadOutcome::ClosedAtStart)));
                return ExitTruncated;
            }
        }
        const Response response = operations.handle(frame);
        if (!writeFrame(outFd, encodeResponse(response)))
            return ExitIo;
        if (TimeServiceOperations::endsSession(response))
            return ExitProtocol;
    }
}

} // namespace chronoscope::helper

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>

#include "app/helper/helperservice.h"
#include "core/protocol/protocol.h"

namespace chronoscope::helper {

// Exit statuses of chronoscope-helper. 126 and 127 are pkexec's own (dismissed, not
// authorised), so the helper never uses them.
enum ExitStatus {
    ExitOk = 0,          // input closed between requests
    ExitUsage = 2,
    ExitProtocol = 3,    // a malformed or unknown frame was answered, then the helper stopped
    ExitTruncated = 4,   // a frame stopped short (input closed mid-request, or stalled)
    ExitIdle = 5,        // no request came for too long
    ExitIo = 6,          // reading or writing the pipes failed
    ExitRefusedSetup = 7, // refused to start (e.g. real backend while changes are forbidden)
};

struct FrameTimeouts
{
    int idleMs = 60'000;  // waiting for the first byte of a request
    int frameMs = 2'000;  // waiting for the rest of a started frame
};

// How reading one request frame from a stream ended.
enum class ReadOutcome { Complete, ClosedAtStart, ClosedInside, TimedOutAtStart, TimedOutInside, Error };

// Reads exactly `size` bytes into `out` from `fd` (waits up to `firstMs` for the first byte,
// `restMs` for each later one); `received` counts the bytes read. POSIX (poll/read).
ReadOutcome readExactly(int fd, std::uint8_t *out, std::size_t size, std::size_t &received, int firstMs, int restMs);
// Writes all `size` bytes; false when the other end is gone. POSIX (write).
bool writeAll(int fd, const std::uint8_t *data, std::size_t size);

// Reads one REQUEST_SIZE frame from `fd` (waits up to idleMs for its first byte, frameMs for the
// rest); `received` counts the bytes read. POSIX, used by serveFrames and the macOS daemon's
// socket server (socketserver_posix.cpp).
ReadOutcome readRequestFrame(int fd, protocol::RequestFrame &frame, std::size_t &received, const FrameTimeouts &timeouts);
// Writes a whole response frame; false when the other end is gone.
bool writeResponseFrame(int fd, const protocol::ResponseFrame &frame);

// Serves requests from `inFd` (one fixed-size frame each) until the input closes, answering
// each on `outFd` before reading the next: one request at a time. POSIX (poll/read/write).
int serveFrames(HelperService &service, int inFd, int outFd, const FrameTimeouts &timeouts);

} // namespace chronoscope::helper

// SPDX-License-Identifier: GPL-3.0-or-later
// A stand-in for `chronoscope-helper read-time-service` (HELPER.md §4.5) that misbehaves on
// purpose, for tst_helpercmdmontransport: it reads READ_CHRONYD frames from stdin and answers
// according to argv[1]:
//   count      ok, with an N_SOURCES reply whose count is the number of frames read so far
//              (two reads answered 1 and 2 prove one process served both)
//   refuse     not_permitted
//   truncated  the first 20 bytes of a response, then exit
//   oversize   a response header announcing a 2000-byte body (more than MAX_RESPONSE_BODY)
//   short      ok, with a 10-byte "cmdmon reply"
//   otherid    ok, but for another request id
//   exit127    exit 127 at once (what pkexec does when polkit says no)
#include <cstdint>
#include <string>
#include <vector>

#include <unistd.h>

#include "core/protocol/timeservicecodec.h"

namespace ts = chronoscope::protocol::timeservice;

namespace {

bool readExactly(std::uint8_t *buffer, std::size_t size)
{
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::read(0, buffer + done, size - done);
        if (n <= 0)
            return false;
        done += std::size_t(n);
    }
    return true;
}

void writeAll(const std::vector<std::uint8_t> &bytes, std::size_t size)
{
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::write(1, bytes.data() + done, size - done);
        if (n <= 0)
            return;
        done += std::size_t(n);
    }
}

// A cmdmon N_SOURCES reply (cmdmonprotocol.h): 28-byte header, then the count (big-endian).
std::vector<std::uint8_t> nSourcesReply(std::uint32_t count)
{
    std::vector<std::uint8_t> reply(32, 0);
    reply[0] = 6;    // protocol version
    reply[1] = 2;    // reply
    reply[5] = 14;   // REQ_N_SOURCES
    reply[7] = 2;    // RPY_N_SOURCES
    reply[28] = std::uint8_t(count >> 24);
    reply[29] = std::uint8_t(count >> 16);
    reply[30] = std::uint8_t(count >> 8);
    reply[31] = std::uint8_t(count);
    return reply;
}

} // namespace

int main(int argc, char **argv)
{
    const std::string mode = argc > 1 ? argv[1] : "count";
    if (mode == "exit127")
        return 127;
    std::uint32_t frames = 0;
    for (;;) {
        std::vector<std::uint8_t> frame(ts::REQUEST_HEADER_SIZE);
        if (!readExactly(frame.data(), frame.size()))
            return 0;
        const ts::FrameHeader header = ts::decodeRequestHeader(frame);
        if (header.error != chronoscope::protocol::DecodeError::None)
            return 3;
        frame.resize(ts::REQUEST_HEADER_SIZE + header.bodyLength);
        if (!readExactly(frame.data() + ts::REQUEST_HEADER_SIZE, header.bodyLength))
            return 4;
        const ts::DecodedRequest decoded = ts::decodeRequest(frame);
        ++frames;
        ts::Response response;
        response.requestId = decoded.request.requestId;
        response.op = ts::Op::ReadChronyd;
        if (mode == "refuse") {
            response.status = ts::Status::NotPermitted;
        } else if (mode == "short") {
            response.cmdmonReply.assign(10, 6);
        } else {
            response.cmdmonReply = nSourcesReply(frames);
            if (mode == "otherid")
                response.requestId += 1000;
        }
        std::vector<std::uint8_t> bytes = ts::encodeResponse(response);
        if (mode == "truncated") {
            writeAll(bytes, 20);
            return 4;
        }
        if (mode == "oversize") {
            const std::uint32_t length = 2000;   // body_length at 28, little-endian
            for (int i = 0; i < 4; ++i)
                bytes[std::size_t(28 + i)] = std::uint8_t(length >> (8 * i));
        }
        writeAll(bytes, bytes.size());
    }
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/timeservicecodec.h"

#include <algorithm>

#include "core/protocol/littleendian.h"
#include "core/sysservice/cmdmonprotocol.h"

namespace chronoscope::protocol::timeservice {

namespace cmdmon = sysservice::cmdmon;

int cmdmonRequestDataSize(std::uint16_t command)
{
    switch (command) {
    case cmdmon::REQ_N_SOURCES:
    case cmdmon::REQ_TRACKING: return 0;
    case cmdmon::REQ_SOURCE_DATA:
    case cmdmon::REQ_SOURCESTATS:
    case cmdmon::REQ_SELECT_DATA: return 4;   // index i32
    case cmdmon::REQ_NTP_SOURCE_NAME: return cmdmon::ADDRESS_SIZE;
    default: return -1;
    }
}

namespace {

// Appends little-endian fields to a byte vector.
class Appender
{
public:
    explicit Appender(std::vector<std::uint8_t> &out) : m_out(out) { }
    void u8(std::uint8_t v) { m_out.push_back(v); }
    void u16(std::uint16_t v) { appendLittleEndian(m_out, v, 2); }
    void u32(std::uint32_t v) { appendLittleEndian(m_out, v, 4); }
    void u64(std::uint64_t v) { appendLittleEndian(m_out, v, 8); }
    void bytes(std::span<const std::uint8_t> b) { m_out.insert(m_out.end(), b.begin(), b.end()); }

private:
    std::vector<std::uint8_t> &m_out;
};

// Reads the time-service protocol's little-endian fields at fixed offsets; the caller checks the
// size first.
class Fields : public LittleEndianReader
{
public:
    using LittleEndianReader::LittleEndianReader;
    bool magicOk() const { return startsWith(MAGIC); }
};

constexpr std::size_t H_VERSION = 4, H_OP = 6, H_ID = 8;
constexpr std::size_t RQ_BODY_LENGTH = 16, RQ_ZERO = 20;
constexpr std::size_t RS_STATUS = 6, RS_OP = 16, RS_FLAGS = 18, RS_ERRNO = 20, RS_REASON = 24,
                      RS_INDEX = 26, RS_BODY_LENGTH = 28;

bool knownOp(std::uint16_t op)
{
    return op >= std::uint16_t(Op::ApplySources) && op <= std::uint16_t(Op::ReadChronyd);
}

bool knownDaemon(std::uint8_t d)
{
    return d >= std::uint8_t(Daemon::Chronyd) && d <= std::uint8_t(Daemon::Ntpd);
}

FrameHeader readHeader(std::span<const std::uint8_t> header, std::size_t size, std::size_t lengthAt,
                       std::size_t maxBody)
{
    FrameHeader out;
    if (header.size() != size) {
        out.error = DecodeError::WrongSize;
        return out;
    }
    const Fields f(header);
    if (!f.magicOk()) {
        out.error = DecodeError::BadMagic;
        return out;
    }
    out.requestId = f.u64(H_ID);
    out.op = f.u16(size == REQUEST_HEADER_SIZE ? H_OP : RS_OP);
    if (f.u16(H_VERSION) != VERSION) {
        out.error = DecodeError::UnsupportedVersion;
        return out;
    }
    const std::uint32_t length = f.u32(lengthAt);
    if (length > maxBody) {
        out.error = DecodeError::WrongSize;
        return out;
    }
    out.bodyLength = length;
    return out;
}

// The ApplySources body: daemon, count, zero u16, then `count` entries of 12 bytes + host.
DecodeError decodeApply(std::span<const std::uint8_t> body, Request &q)
{
    if (body.size() < APPLY_BODY_HEADER_SIZE)
        return DecodeError::WrongSize;
    const Fields f(body);
    if (!knownDaemon(f.u8(0)))
        return DecodeError::BadArgument;
    const std::size_t count = f.u8(1);
    if (f.u16(2) != 0)
        return DecodeError::NonZeroReserved;
    if (count == 0 || count > MAX_SERVERS)
        return DecodeError::BadArgument;
    q.daemon = Daemon(f.u8(0));
    q.servers.reserve(count);
    std::size_t at = APPLY_BODY_HEADER_SIZE;
    for (std::size_t i = 0; i < count; ++i) {
        if (body.size() - at < SERVER_ENTRY_HEADER_SIZE)
            return DecodeError::WrongSize;
        ServerEntry s;
        const std::size_t hostLength = f.u8(at);
        s.flags = f.u8(at + 1);
        s.port = f.u16(at + 2);
        s.minPoll = static_cast<std::int8_t>(f.u8(at + 4));
        s.maxPoll = static_cast<std::int8_t>(f.u8(at + 5));
        const std::uint16_t zero = f.u16(at + 6);
        s.keyId = f.u32(at + 8);
        at += SERVER_ENTRY_HEADER_SIZE;
        if (hostLength == 0 || hostLength > MAX_HOST_LENGTH || body.size() - at < hostLength)
            return DecodeError::WrongSize;
        if ((s.flags & ~KNOWN_SERVER_FLAGS) != 0)
            return DecodeError::UnknownFlags;
        if (zero != 0)
            return DecodeError::NonZeroReserved;
        if ((s.flags & SERVER_POLL) == 0 && (s.minPoll != 0 || s.maxPoll != 0))
            return DecodeError::NonZeroReserved;
        s.host.assign(reinterpret_cast<const char *>(body.data() + at), hostLength);
        at += hostLength;
        q.servers.push_back(std::move(s));
    }
    return at == body.size() ? DecodeError::None : DecodeError::WrongSize;
}

} // namespace

std::vector<std::uint8_t> encodeRequest(const Request &request)
{
    std::vector<std::uint8_t> body;
    Appender b(body);
    switch (request.op) {
    case Op::ApplySources:
        if (request.servers.size() > MAX_SERVERS)
            return {};
        b.u8(std::uint8_t(request.daemon));
        b.u8(std::uint8_t(request.servers.size()));
        b.u16(0);
        for (const ServerEntry &s : request.servers) {
            if (s.host.empty() || s.host.size() > MAX_HOST_LENGTH)
                return {};
            b.u8(std::uint8_t(s.host.size()));
            b.u8(s.flags);
            b.u16(s.port);
            b.u8(static_cast<std::uint8_t>(s.minPoll));
            b.u8(static_cast<std::uint8_t>(s.maxPoll));
            b.u16(0);
            b.u32(s.keyId);
            b.bytes({reinterpret_cast<const std::uint8_t *>(s.host.data()), s.host.size()});
        }
        break;
    case Op::RevertSources:
        b.u8(std::uint8_t(request.daemon));
        b.u8(0);
        b.u16(0);
        break;
    case Op::ReadChronyd:
        if (request.cmdmonData.size() > MAX_CMDMON_REQUEST_DATA)
            return {};
        b.u16(request.cmdmonCommand);
        b.u16(std::uint16_t(request.cmdmonData.size()));
        b.bytes(request.cmdmonData);
        break;
    case Op::None:
        break;
    }
    std::vector<std::uint8_t> frame;
    frame.reserve(REQUEST_HEADER_SIZE + body.size());
    Appender h(frame);
    h.bytes(MAGIC);
    h.u16(request.version);
    h.u16(std::uint16_t(request.op));
    h.u64(request.requestId);
    h.u32(std::uint32_t(body.size()));
    h.u32(0);
    h.bytes(body);
    return frame;
}

FrameHeader decodeRequestHeader(std::span<const std::uint8_t> header)
{
    FrameHeader out = readHeader(header, REQUEST_HEADER_SIZE, RQ_BODY_LENGTH, MAX_REQUEST_BODY);
    if (out.error == DecodeError::None && Fields(header).u32(RQ_ZERO) != 0)
        out.error = DecodeError::NonZeroReserved;
    return out;
}

DecodedRequest decodeRequest(std::span<const std::uint8_t> frame)
{
    DecodedRequest out;
    Request &q = out.request;
    if (frame.size() < REQUEST_HEADER_SIZE) {
        out.error = DecodeError::WrongSize;
        return out;
    }
    const FrameHeader header = decodeRequestHeader(frame.first(REQUEST_HEADER_SIZE));
    q.requestId = header.requestId;
    out.error = header.error;
    if (out.error != DecodeError::None)
        return out;
    if (frame.size() != REQUEST_HEADER_SIZE + header.bodyLength) {
        out.error = DecodeError::WrongSize;
        return out;
    }
    if (!knownOp(header.op)) {
        out.error = DecodeError::UnknownOp;
        return out;
    }
    q.op = Op(header.op);
    const std::span<const std::uint8_t> body = frame.subspan(REQUEST_HEADER_SIZE);
    const Fields f(body);
    switch (q.op) {
    case Op::ApplySources:
        out.error = decodeApply(body, q);
        break;
    case Op::RevertSources:
        if (body.size() != REVERT_BODY_SIZE)
            out.error = DecodeError::WrongSize;
        else if (!knownDaemon(f.u8(0)))
            out.error = DecodeError::BadArgument;
        else if (f.u8(1) != 0 || f.u16(2) != 0)
            out.error = DecodeError::NonZeroReserved;
        else
            q.daemon = Daemon(f.u8(0));
        break;
    case Op::ReadChronyd: {
        if (body.size() < READ_CHRONYD_BODY_HEADER_SIZE) {
            out.error = DecodeError::WrongSize;
            break;
        }
        q.cmdmonCommand = f.u16(0);
        const int expected = cmdmonRequestDataSize(q.cmdmonCommand);
        const std::size_t length = f.u16(2);
        if (expected < 0)
            out.error = DecodeError::BadArgument;
        else if (length != std::size_t(expected) || body.size() != READ_CHRONYD_BODY_HEADER_SIZE + length)
            out.error = DecodeError::WrongSize;
        else
            q.cmdmonData.assign(body.begin() + READ_CHRONYD_BODY_HEADER_SIZE, body.end());
        break;
    }
    case Op::None:
        out.error = DecodeError::UnknownOp;
        break;
    }
    if (out.error != DecodeError::None) {
        const std::uint64_t id = q.requestId;
        q = Request{};
        q.requestId = id;
    }
    return out;
}

std::vector<std::uint8_t> encodeResponse(const Response &response)
{
    std::vector<std::uint8_t> body;
    Appender b(body);
    const bool readFrame = response.status != Status::Malformed && response.status != Status::UnsupportedVersion
        && response.status != Status::UnknownOp && response.status != Status::Truncated;
    if ((response.op == Op::ApplySources || response.op == Op::RevertSources) && readFrame) {
        b.u8(std::uint8_t(response.daemon));
        b.u8(std::uint8_t(response.backup));
        b.u16(0);
        b.u32(response.sourcesSeen);
        b.u32(response.reachable);
    } else if (response.op == Op::ReadChronyd && response.status == Status::Ok) {
        b.bytes(std::span(response.cmdmonReply).first(std::min(response.cmdmonReply.size(), MAX_RESPONSE_BODY)));
    }
    std::vector<std::uint8_t> frame;
    frame.reserve(RESPONSE_HEADER_SIZE + body.size());
    Appender h(frame);
    h.bytes(MAGIC);
    h.u16(response.version);
    h.u16(std::uint16_t(response.status));
    h.u64(response.requestId);
    h.u16(std::uint16_t(response.op));
    h.u16(response.flags);
    h.u32(static_cast<std::uint32_t>(response.sysErrno));
    h.u16(response.reason);
    h.u16(response.serverIndex);
    h.u32(std::uint32_t(body.size()));
    h.bytes(body);
    return frame;
}

FrameHeader decodeResponseHeader(std::span<const std::uint8_t> header)
{
    return readHeader(header, RESPONSE_HEADER_SIZE, RS_BODY_LENGTH, MAX_RESPONSE_BODY);
}

DecodedResponse decodeResponse(std::span<const std::uint8_t> frame)
{
    DecodedResponse out;
    Response &p = out.response;
    if (frame.size() < RESPONSE_HEADER_SIZE) {
        out.error = DecodeError::WrongSize;
        return out;
    }
    const FrameHeader header = decodeResponseHeader(frame.first(RESPONSE_HEADER_SIZE));
    p.requestId = header.requestId;
    out.error = header.error;
    if (out.error != DecodeError::None)
        return out;
    if (frame.size() != RESPONSE_HEADER_SIZE + header.bodyLength) {
        out.error = DecodeError::WrongSize;
        return out;
    }
    const Fields f(frame);
    if (header.op != 0 && !knownOp(header.op)) {
        out.error = DecodeError::UnknownOp;
        return out;
    }
    p.op = Op(header.op);
    const std::uint16_t status = f.u16(RS_STATUS);
    if (status >= STATUS_COUNT || (p.op == Op::None && status == std::uint16_t(Status::Ok))) {
        out.error = DecodeError::BadArgument;
        return out;
    }
    p.status = Status(status);
    p.flags = f.u16(RS_FLAGS);
    if ((p.flags & ~KNOWN_RESPONSE_FLAGS) != 0) {
        out.error = DecodeError::UnknownFlags;
        return out;
    }
    p.sysErrno = static_cast<std::int32_t>(f.u32(RS_ERRNO));
    p.reason = f.u16(RS_REASON);
    p.serverIndex = f.u16(RS_INDEX);
    const std::span<const std::uint8_t> body = frame.subspan(RESPONSE_HEADER_SIZE);
    const bool readFrame = p.status != Status::Malformed && p.status != Status::UnsupportedVersion
        && p.status != Status::UnknownOp && p.status != Status::Truncated;
    if ((p.op == Op::ApplySources || p.op == Op::RevertSources) && readFrame) {
        const Fields b(body);
        if (body.size() != SOURCES_RESULT_BODY_SIZE) {
            out.error = DecodeError::WrongSize;
        } else if (!knownDaemon(b.u8(0)) || b.u8(1) > std::uint8_t(BackupState::DidNotExist)) {
            out.error = DecodeError::BadArgument;
        } else if (b.u16(2) != 0) {
            out.error = DecodeError::NonZeroReserved;
        } else {
            p.daemon = Daemon(b.u8(0));
            p.backup = BackupState(b.u8(1));
            p.sourcesSeen = b.u32(4);
            p.reachable = b.u32(8);
        }
    } else if (p.op == Op::ReadChronyd && p.status == Status::Ok) {
        if (body.empty())
            out.error = DecodeError::WrongSize;
        else
            p.cmdmonReply.assign(body.begin(), body.end());
    } else if (!body.empty()) {
        out.error = DecodeError::WrongSize;
    }
    return out;
}

Status statusForDecodeError(DecodeError error)
{
    return statusForDecodeErrorIn<Status>(error);
}

} // namespace chronoscope::protocol::timeservice

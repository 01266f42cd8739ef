// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/codec.h"

#include <algorithm>
#include <limits>

#include "core/protocol/littleendian.h"

namespace chronoscope::protocol {
namespace {

// Writes little-endian fields at fixed offsets of a frame it first fills with zeros.
class Writer
{
public:
    explicit Writer(std::span<std::uint8_t> out) : m_out(out) { std::fill(m_out.begin(), m_out.end(), 0); }
    void u16(std::size_t at, std::uint16_t v) { storeLittleEndian(m_out, at, v, 2); }
    void u32(std::size_t at, std::uint32_t v) { storeLittleEndian(m_out, at, v, 4); }
    void u64(std::size_t at, std::uint64_t v) { storeLittleEndian(m_out, at, v, 8); }
    void i32(std::size_t at, std::int32_t v) { storeLittleEndian(m_out, at, static_cast<std::uint32_t>(v), 4); }
    void i64(std::size_t at, std::int64_t v) { storeLittleEndian(m_out, at, static_cast<std::uint64_t>(v), 8); }
    void magic() { std::copy(MAGIC.begin(), MAGIC.end(), m_out.begin()); }

private:
    std::span<std::uint8_t> m_out;
};

// Reads the clock protocol's little-endian fields; the caller checks the size first.
class Reader : public LittleEndianReader
{
public:
    using LittleEndianReader::LittleEndianReader;
    bool magicOk() const { return startsWith(MAGIC); }
};

// Request layout (48 bytes).
constexpr std::size_t RQ_VERSION = 4, RQ_OP = 6, RQ_ID = 8, RQ_OFFSET = 16, RQ_ERROR_BOUND = 24,
                      RQ_MONO = 32, RQ_MAX_AGE = 40, RQ_FLAGS = 44;
// Response layout (80 bytes); the payload from RS_PAYLOAD on depends on the op.
constexpr std::size_t RS_VERSION = 4, RS_STATUS = 6, RS_ID = 8, RS_OP = 16, RS_FLAGS = 18, RS_ERRNO = 20,
                      RS_BEFORE = 24, RS_AFTER = 32, RS_APPLIED = 40, RS_PAYLOAD = 48;

// Both frames begin alike: the magic, the version at 4, the request id at 8.
constexpr std::size_t FRAME_VERSION = 4, FRAME_ID = 8;
static_assert(RQ_VERSION == FRAME_VERSION && RS_VERSION == FRAME_VERSION && RQ_ID == FRAME_ID && RS_ID == FRAME_ID);

// The checks every frame starts with: its size, its magic and its version. The request id is
// read whenever the magic is right, so that a refusal can name the request it answers.
template <typename Message>
DecodeError readHeader(std::span<const std::uint8_t> bytes, std::size_t size, Message &message)
{
    if (bytes.size() != size)
        return DecodeError::WrongSize;
    const Reader r(bytes);
    if (!r.magicOk())
        return DecodeError::BadMagic;
    message.requestId = r.u64(FRAME_ID);
    message.version = r.u16(FRAME_VERSION);
    return message.version == VERSION ? DecodeError::None : DecodeError::UnsupportedVersion;
}

bool knownOp(std::uint16_t op)
{
    return op >= std::uint16_t(Op::Hello) && op <= std::uint16_t(Op::Slew);
}

DecodeError checkRequestFields(const Request &r)
{
    const bool changes = r.op == Op::Step || r.op == Op::Slew;
    if (!changes) {
        if (r.offsetNs != 0 || r.errorBoundNs != 0 || r.measuredMonoNs != 0 || r.maxAgeMs != 0 || r.flags != 0)
            return DecodeError::NonZeroReserved;
        return DecodeError::None;
    }
    // INT64_MIN has no absolute value; nothing near it is a sane offset anyway.
    if (r.offsetNs == std::numeric_limits<std::int64_t>::min() || r.errorBoundNs < 0)
        return DecodeError::BadArgument;
    if (r.measuredMonoNs == 0 || r.maxAgeMs == 0)
        return DecodeError::BadArgument;
    if (r.op == Op::Slew && r.flags != 0)
        return DecodeError::BadArgument; // confirmations are for steps only
    return DecodeError::None;
}

} // namespace

RequestFrame encodeRequest(const Request &request)
{
    RequestFrame frame{};
    Writer w(frame);
    w.magic();
    w.u16(RQ_VERSION, request.version);
    w.u16(RQ_OP, std::uint16_t(request.op));
    w.u64(RQ_ID, request.requestId);
    w.i64(RQ_OFFSET, request.offsetNs);
    w.i64(RQ_ERROR_BOUND, request.errorBoundNs);
    w.u64(RQ_MONO, request.measuredMonoNs);
    w.u32(RQ_MAX_AGE, request.maxAgeMs);
    w.u32(RQ_FLAGS, request.flags);
    return frame;
}

DecodedRequest decodeRequest(std::span<const std::uint8_t> bytes)
{
    DecodedRequest out;
    Request &q = out.request;
    out.error = readHeader(bytes, REQUEST_SIZE, q);
    if (out.error != DecodeError::None)
        return out;
    const Reader r(bytes);
    const std::uint16_t op = r.u16(RQ_OP);
    if (!knownOp(op)) {
        out.error = DecodeError::UnknownOp;
        return out;
    }
    q.op = Op(op);
    q.offsetNs = r.i64(RQ_OFFSET);
    q.errorBoundNs = r.i64(RQ_ERROR_BOUND);
    q.measuredMonoNs = r.u64(RQ_MONO);
    q.maxAgeMs = r.u32(RQ_MAX_AGE);
    q.flags = r.u32(RQ_FLAGS);
    if ((q.flags & ~KNOWN_REQUEST_FLAGS) != 0) {
        out.error = DecodeError::UnknownFlags;
        return out;
    }
    out.error = checkRequestFields(q);
    return out;
}

ResponseFrame encodeResponse(const Response &response)
{
    ResponseFrame frame{};
    Writer w(frame);
    w.magic();
    w.u16(RS_VERSION, response.version);
    w.u16(RS_STATUS, std::uint16_t(response.status));
    w.u64(RS_ID, response.requestId);
    w.u16(RS_OP, std::uint16_t(response.op));
    w.u16(RS_FLAGS, response.flags);
    w.i32(RS_ERRNO, response.sysErrno);
    w.i64(RS_BEFORE, response.realtimeBeforeNs);
    w.i64(RS_AFTER, response.realtimeAfterNs);
    w.i64(RS_APPLIED, response.appliedNs);
    switch (response.op) {
    case Op::ReadState:
        w.i64(RS_PAYLOAD, response.state.offsetNs);
        w.i64(RS_PAYLOAD + 8, response.state.freqScaledPpm);
        w.i32(RS_PAYLOAD + 16, response.state.maxErrorUs);
        w.i32(RS_PAYLOAD + 20, response.state.estErrorUs);
        w.u32(RS_PAYLOAD + 24, response.state.status);
        w.i32(RS_PAYLOAD + 28, response.state.clockState);
        break;
    case Op::Hello:
        w.u32(RS_PAYLOAD, response.info.capabilities);
        w.i64(RS_PAYLOAD + 8, response.info.confirmBoundNs);
        w.i64(RS_PAYLOAD + 16, response.info.veryLargeBoundNs);
        w.i64(RS_PAYLOAD + 24, response.info.earliestDateUnixS);
        break;
    case Op::Slew:
        w.i64(RS_PAYLOAD, response.previousSlewNs);
        break;
    case Op::Step:
    case Op::None:
        break;
    }
    return frame;
}

DecodedResponse decodeResponse(std::span<const std::uint8_t> bytes)
{
    DecodedResponse out;
    Response &p = out.response;
    out.error = readHeader(bytes, RESPONSE_SIZE, p);
    if (out.error != DecodeError::None)
        return out;
    const Reader r(bytes);
    const std::uint16_t op = r.u16(RS_OP);
    if (op != 0 && !knownOp(op)) {
        out.error = DecodeError::UnknownOp;
        return out;
    }
    p.op = Op(op);
    const std::uint16_t status = r.u16(RS_STATUS);
    if (status >= STATUS_COUNT || (p.op == Op::None && status == std::uint16_t(Status::Ok))) {
        out.error = DecodeError::BadArgument;
        return out;
    }
    p.status = Status(status);
    p.flags = r.u16(RS_FLAGS);
    if ((p.flags & ~KNOWN_RESPONSE_FLAGS) != 0) {
        out.error = DecodeError::UnknownFlags;
        return out;
    }
    p.sysErrno = r.i32(RS_ERRNO);
    p.realtimeBeforeNs = r.i64(RS_BEFORE);
    p.realtimeAfterNs = r.i64(RS_AFTER);
    p.appliedNs = r.i64(RS_APPLIED);
    std::size_t payloadEnd = RS_PAYLOAD; // bytes from here to the end must be zero
    switch (p.op) {
    case Op::ReadState:
        p.state.offsetNs = r.i64(RS_PAYLOAD);
        p.state.freqScaledPpm = r.i64(RS_PAYLOAD + 8);
        p.state.maxErrorUs = r.i32(RS_PAYLOAD + 16);
        p.state.estErrorUs = r.i32(RS_PAYLOAD + 20);
        p.state.status = r.u32(RS_PAYLOAD + 24);
        p.state.clockState = r.i32(RS_PAYLOAD + 28);
        payloadEnd = RESPONSE_SIZE;
        break;
    case Op::Hello:
        p.info.capabilities = r.u32(RS_PAYLOAD);
        if (!r.zero(RS_PAYLOAD + 4, RS_PAYLOAD + 8)) {
            out.error = DecodeError::NonZeroReserved;
            return out;
        }
        p.info.confirmBoundNs = r.i64(RS_PAYLOAD + 8);
        p.info.veryLargeBoundNs = r.i64(RS_PAYLOAD + 16);
        p.info.earliestDateUnixS = r.i64(RS_PAYLOAD + 24);
        payloadEnd = RESPONSE_SIZE;
        break;
    case Op::Slew:
        p.previousSlewNs = r.i64(RS_PAYLOAD);
        payloadEnd = RS_PAYLOAD + 8;
        break;
    case Op::Step:
    case Op::None:
        break;
    }
    if (!r.zero(payloadEnd, RESPONSE_SIZE))
        out.error = DecodeError::NonZeroReserved;
    return out;
}

Status statusForDecodeError(DecodeError error)
{
    return statusForDecodeErrorIn<Status>(error);
}

} // namespace chronoscope::protocol

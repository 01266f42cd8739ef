// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/helperservice.h"

#include <string>

#include "app/helper/requestvalidator.h"
#include "core/protocol/codec.h"
#include "core/protocol/names.h"

namespace chronoscope::helper {

using protocol::Op;
using protocol::Request;
using protocol::Response;
using protocol::Status;

HelperService::HelperService(protocol::Verb verb, ClockOps &clock, const HelperConfig &config,
                             RateLimiter &limiter, AuditSink &audit, CallerIdentity caller)
    : m_verb(verb)
    , m_clock(clock)
    , m_config(config)
    , m_limiter(limiter)
    , m_audit(audit)
    , m_caller(caller)
    , m_ownReplayGuard(std::int64_t(config.maxAgeMs) * 1'000'000)
    , m_replay(&m_ownReplayGuard)
{
}

bool HelperService::endsSession(const Response &response)
{
    switch (response.status) {
    case Status::Malformed:
    case Status::UnsupportedVersion:
    case Status::UnknownOp:
    case Status::Truncated:
        return true;
    default:
        return false;
    }
}

Response HelperService::baseResponse(const Request &request) const
{
    Response response;
    response.requestId = request.requestId;
    response.op = request.op;
    response.flags = m_clock.responseFlags();
    return response;
}

AuditRecord HelperService::baseRecord(const Request &request) const
{
    AuditRecord record;
    record.backend = m_clock.name();
    record.verb = protocol::verbName(m_verb);
    record.op = request.op;
    record.requestId = request.requestId;
    record.caller = m_caller;
    record.offsetNs = request.offsetNs;
    record.errorBoundNs = request.errorBoundNs;
    record.dryRun = (m_clock.responseFlags() & protocol::RESPONSE_DRY_RUN) != 0;
    return record;
}

Response HelperService::refuse(const Request &request, Status status, std::string detail)
{
    Response response = baseResponse(request);
    response.status = status;
    AuditRecord record = baseRecord(request);
    record.status = status;
    record.realtimeBeforeNs = m_clock.realtimeNs();
    record.detail = std::move(detail);
    m_audit.write(record);
    return response;
}

Response HelperService::handle(std::span<const std::uint8_t> frame)
{
    const protocol::DecodedRequest decoded = protocol::decodeRequest(frame);
    if (decoded.error != protocol::DecodeError::None) {
        Request partial;
        partial.op = Op::None;
        partial.requestId = decoded.request.requestId;
        std::string detail(protocol::decodeErrorName(decoded.error));
        if (decoded.error == protocol::DecodeError::UnknownOp && frame.size() >= 8)
            detail += " " + std::to_string(unsigned(frame[6]) | unsigned(frame[7]) << 8);
        return refuse(partial, protocol::statusForDecodeError(decoded.error), detail);
    }
    const Request &request = decoded.request;
    if (!protocol::verbAllows(m_verb, request.op))
        return refuse(request, Status::NotPermitted, "op not allowed for this verb");
    switch (request.op) {
    case Op::Hello: return hello(request);
    case Op::ReadState: return readState(request);
    case Op::Step:
    case Op::Slew: return change(request);
    case Op::None: break;
    }
    return refuse(request, Status::UnknownOp, {});
}

Response HelperService::handleTruncated(std::size_t received, bool inputClosed)
{
    Request partial;
    partial.op = Op::None;
    std::string detail = inputClosed ? "input closed after " : "frame stalled after ";
    detail += std::to_string(received) + " of " + std::to_string(protocol::REQUEST_SIZE) + " bytes";
    return refuse(partial, Status::Truncated, detail);
}

Response HelperService::hello(const Request &request)
{
    Response response = baseResponse(request);
    response.realtimeBeforeNs = m_clock.realtimeNs();
    response.info.capabilities = protocol::CAP_READ_STATE
        | (protocol::verbAllows(m_verb, Op::Step) ? protocol::CAP_STEP : 0)
        | (protocol::verbAllows(m_verb, Op::Slew) ? protocol::CAP_SLEW : 0);
    response.info.confirmBoundNs = m_config.confirmBoundNs;
    response.info.veryLargeBoundNs = m_config.veryLargeBoundNs;
    response.info.earliestDateUnixS = m_config.earliestDateUnixS;
    return response;
}

Response HelperService::readState(const Request &request)
{
    Response response = baseResponse(request);
    response.realtimeBeforeNs = m_clock.realtimeNs();
    const int error = m_clock.readState(response.state);
    if (error != 0) {
        response.state = {};
        response.status = Status::Failed;
        response.sysErrno = error;
    }
    return response;
}

Response HelperService::change(const Request &request)
{
    Response response = baseResponse(request);
    AuditRecord record = baseRecord(request);

    ValidationContext context;
    context.nowMonotonicNs = m_clock.monotonicNs();
    context.nowRealtimeNs = m_clock.realtimeNs();
    const Validation validation = validateChange(request, m_config, context);
    record.ageNs = validation.ageNs;
    record.realtimeBeforeNs = context.nowRealtimeNs;
    response.realtimeBeforeNs = context.nowRealtimeNs;
    Status status = validation.status;
    // Only a request that would otherwise be carried out is remembered; a replay of it is
    // refused as stale (its measurement was used up), whatever the rate limit says.
    if (status == Status::Ok) {
        switch (m_replay->checkAndRemember(request, context.nowMonotonicNs)) {
        case ReplayGuard::Outcome::Fresh:
            break;
        case ReplayGuard::Outcome::Replayed:
            status = Status::Stale;
            record.detail = "replayed: this request id and measurement were already accepted";
            break;
        case ReplayGuard::Outcome::Full:
            status = Status::RateLimited;
            record.detail = "too many recent requests to check this one for a replay";
            break;
        }
    }
    if (status == Status::Ok && !m_limiter.allows(context.nowMonotonicNs))
        status = Status::RateLimited;
    if (status != Status::Ok) {
        response.status = record.status = status;
        m_audit.write(record);
        return response;
    }

    // Count the attempt before making it, so that even failing calls cannot be hammered.
    if (!record.dryRun)
        m_limiter.record(context.nowMonotonicNs);
    int error = 0;
    response.realtimeBeforeNs = m_clock.realtimeNs();
    if (request.op == Op::Step) {
        error = m_clock.step(request.offsetNs);
    } else {
        error = m_clock.slew(request.offsetNs, response.previousSlewNs);
    }
    response.realtimeAfterNs = m_clock.realtimeNs();
    if (error != 0) {
        response.status = Status::Failed;
        response.sysErrno = error;
        response.previousSlewNs = 0;
    } else {
        response.appliedNs = request.offsetNs;
    }
    record.status = response.status;
    record.sysErrno = response.sysErrno;
    record.realtimeBeforeNs = response.realtimeBeforeNs;
    record.realtimeAfterNs = response.realtimeAfterNs;
    record.appliedNs = response.appliedNs;
    m_audit.write(record);
    return response;
}

} // namespace chronoscope::helper

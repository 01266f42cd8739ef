// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/callersession.h"

#include "app/helper/helperservice.h"
#include "core/protocol/codec.h"

namespace chronoscope::helper {

CallerSession::CallerSession(ClockOps &clock, const HelperConfig &config, RateLimiter &limiter, ReplayGuard &replays,
                             AuditSink &audit, const CallerDecision &decision, CallerIdentity caller)
    : m_clock(clock)
    , m_config(config)
    , m_limiter(limiter)
    , m_replays(replays)
    , m_audit(audit)
    , m_decision(decision)
    , m_caller(std::move(caller))
{
}

protocol::Response CallerSession::answer(std::span<const std::uint8_t> frame)
{
    if (frame.size() < protocol::REQUEST_SIZE)
        return answerTruncated(frame.size(), true);
    const protocol::DecodedRequest peek = protocol::decodeRequest(frame);
    const protocol::Op op = peek.error == protocol::DecodeError::None ? peek.request.op : protocol::Op::None;
    HelperService service(m_decision.verbForOp(op), m_clock, m_config, m_limiter, m_audit, m_caller);
    service.setReplayGuard(m_replays);
    protocol::Response response = service.handle(frame);
    if (response.status == protocol::Status::Ok && response.op == protocol::Op::Hello)
        response.info.capabilities = m_decision.capabilities(); // HELLO ran under one verb
    return response;
}

protocol::Response CallerSession::answerTruncated(std::size_t received, bool inputClosed)
{
    HelperService service(protocol::Verb::ReadState, m_clock, m_config, m_limiter, m_audit, m_caller);
    return service.handleTruncated(received, inputClosed);
}

} // namespace chronoscope::helper

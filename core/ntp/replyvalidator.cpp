// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ntp/replyvalidator.h"

#include <algorithm>

#include "core/ntp/clockmath.h"
#include "core/ntp/packetmac.h"

using namespace Qt::StringLiterals;

namespace chronoscope::ntp {
namespace {

ReplyVerdict reject(RejectReason reason, QString detail, std::optional<Packet> packet = {})
{
    ReplyVerdict v;
    v.outcome = ReplyVerdict::Outcome::Rejected;
    v.reason = reason;
    v.detail = std::move(detail);
    v.packet = std::move(packet);
    return v;
}

bool sameAddress(const QHostAddress &a, const QHostAddress &b)
{
    // An IPv4 server may be seen through an IPv4-mapped IPv6 address (::ffff:a.b.c.d) on
    // dual-stack sockets; apart from that the addresses must be identical (127.0.0.1 ≠ ::1).
    bool aIsV4 = false;
    bool bIsV4 = false;
    const quint32 a4 = a.toIPv4Address(&aIsV4);
    const quint32 b4 = b.toIPv4Address(&bIsV4);
    if (aIsV4 || bIsV4)
        return aIsV4 && bIsV4 && a4 == b4;
    return a.isEqual(b, QHostAddress::StrictConversion);
}

} // namespace

ReplyVerdict validateReply(QByteArrayView datagram, const QHostAddress &from, quint16 fromPort,
                           NtpTimestamp receiveTime, const ReplyContext &context)
{
    if (!sameAddress(from, context.serverAddress) || fromPort != context.serverPort)
        return reject(RejectReason::WrongSource,
                      u"reply from %1 port %2, request went to %3 port %4"_s.arg(
                          from.toString()).arg(fromPort).arg(context.serverAddress.toString()).arg(context.serverPort));

    Result<Packet> parsed = decode(datagram);
    if (!parsed)
        return reject(RejectReason::Malformed, parsed.errorMessage());
    const Packet &p = *parsed;

    if (p.mode != Mode::Server)
        return reject(RejectReason::WrongMode, u"mode %1, expected 4 (server)"_s.arg(int(p.mode)), p);
    if (!context.request)
        return reject(RejectReason::NotRequested, u"no request is waiting for an answer"_s, p);
    const std::optional<PreviousExchange> &previous = context.request->previous;
    const bool interleaved = previous && p.originTime != context.request->nonce && p.originTime == previous->t4;
    if (p.originTime != context.request->nonce && !interleaved)
        return reject(RejectReason::BogusOrigin,
                      u"origin %1, expected %2"_s.arg(p.originTime.raw(), 16, 16, QLatin1Char('0'))
                          .arg(context.request->nonce.raw(), 16, 16, QLatin1Char('0')), p);
    if (!p.transmitTime.isZero() && p.transmitTime == context.lastAcceptedTransmit)
        return reject(RejectReason::Duplicate, u"transmit time repeats the previous reply"_s, p);

    // Test 5 before the kiss-o'-death: a KoD to an authenticated request is acted on only when
    // it is authentic (chrony, ntpsec), and nothing unauthenticated ever becomes a sample.
    const bool authenticated = context.key != nullptr;
    if (authenticated) {
        if (const std::optional<AuthFailure> failure = checkReplyMac(datagram, p, *context.key))
            return reject(failure->reason, failure->detail, p);
    }

    // A kiss-o'-death passed the origin test, so it answers our request: act on it. Its
    // timestamps are undefined (RFC 5905 §7.4), so this test comes before the zero-time test.
    const KissCode kiss = kissCodeFromReferenceId(p.referenceId);
    if (p.stratum == 0 && kiss != KissCode::None) {
        ReplyVerdict v = reject(RejectReason::KissOfDeath, u"kiss code %1"_s.arg(kissCodeText(p.referenceId)), p);
        v.outcome = ReplyVerdict::Outcome::Kiss;
        v.kiss = kiss;
        v.kissText = kissCodeText(p.referenceId);
        v.authenticated = authenticated;
        return v;
    }
    if (p.receiveTime.isZero() || p.transmitTime.isZero())
        return reject(RejectReason::ZeroTimestamp,
                      p.receiveTime.isZero() ? u"receive time is zero"_s : u"transmit time is zero"_s, p);
    if (p.leap == LeapIndicator::Unsynchronized)
        return reject(RejectReason::Unsynchronized, u"leap indicator 3 (clock not synchronised)"_s, p);
    if (p.stratum == 0)
        return reject(RejectReason::StratumZero, u"stratum 0, reference id is not a kiss code"_s, p);
    if (p.stratum >= MAXSTRAT)
        return reject(RejectReason::StratumUnsynchronized, u"stratum %1"_s.arg(p.stratum), p);
    const double headerDistance = p.rootDelay.toSeconds() / 2.0 + p.rootDispersion.toSeconds();
    if (headerDistance >= MAXDISP)
        return reject(RejectReason::RootDistance, u"root distance %1 s"_s.arg(headerDistance, 0, 'f', 3), p);

    const ExchangeTimestamps ts = interleaved
        ? ExchangeTimestamps{previous->t1, previous->t2, p.transmitTime, previous->t4}
        : ExchangeTimestamps{context.request->sendTime, p.receiveTime, p.transmitTime, receiveTime};
    const double processing = serverProcessingTime(ts);
    if (processing < 0 || processing > MAX_SERVER_PROCESSING)
        return reject(RejectReason::ServerTimeReversed,
                      u"server processing time %1 s"_s.arg(processing, 0, 'g', 6), p);

    const double serverPrecision = log2ToSeconds(p.precision);
    const double rawDelay = roundTripDelay(ts);
    // Basic mode clamps a negative delay to the precisions below; in interleaved mode it means
    // the server's precise transmit time does not belong to the reply we received.
    if (interleaved && rawDelay < 0)
        return reject(RejectReason::ServerTimeReversed,
                      u"interleaved transmit time gives a negative delay of %1 s"_s.arg(rawDelay, 0, 'g', 6), p);
    if (rawDelay > context.maxDelay)
        return reject(RejectReason::ExcessiveDelay,
                      u"delay %1 s is above the %2 s limit"_s.arg(rawDelay, 0, 'f', 3).arg(context.maxDelay), p);

    ReplyVerdict v;
    v.outcome = ReplyVerdict::Outcome::Accepted;
    v.authenticated = authenticated;
    Measurement &m = v.measurement;
    m.timestamps = ts;
    m.interleaved = interleaved;
    m.offset = clockOffset(ts);
    m.delay = std::max(rawDelay, serverPrecision + context.localPrecision);
    m.dispersion = serverPrecision + context.localPrecision + PHI * ts.t4.secondsSince(ts.t1);
    m.rootDelay = p.rootDelay.toSeconds();
    m.rootDispersion = p.rootDispersion.toSeconds();
    m.stratum = p.stratum;
    m.leap = p.leap;
    m.referenceId = p.referenceId;
    m.serverPoll = p.poll;
    m.serverPrecision = p.precision;
    v.packet = p;
    return v;
}

Packet makeClientRequest(NtpTimestamp nonce, int pollLog2, const PreviousExchange *previous)
{
    Packet p;
    p.leap = LeapIndicator::NoWarning;
    p.version = 4;
    p.mode = Mode::Client;
    p.stratum = 0;
    p.poll = std::int8_t(std::clamp(pollLog2, -128, 127));
    p.precision = 0x20; // data minimisation: reveal nothing about our clock (chrony sends 32)
    p.transmitTime = nonce;
    if (previous) {
        p.originTime = previous->t2;
        p.receiveTime = previous->t4;
    }
    return p;
}

} // namespace chronoscope::ntp

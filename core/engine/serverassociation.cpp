// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/serverassociation.h"

#include <QLoggingCategory>
#include <QRandomGenerator>

#include "core/engine/datagramchannel.h"
#include "core/engine/localclock.h"
#include "core/ntp/clockmath.h"
#include "core/ntp/packetmac.h"
#include "core/nts/ntsfailure.h"
#include "core/stats/rootdistance.h"

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcAssociation, "chronoscope.core.association", QtWarningMsg)

namespace chronoscope::engine {
namespace {

constexpr int MISSES_BEFORE_DUMMY = 3; // RFC 5905 §10: shift in a dummy after 3 silent polls
constexpr double KE_RETRY_MIN = 16.0;    // seconds before retrying a failed NTS-KE, doubling
constexpr double KE_RETRY_MAX = 1024.0;  // up to this

bool isReachabilityFailure(nts::NtsFailureKind kind)
{
    return kind == nts::NtsFailureKind::Resolve || kind == nts::NtsFailureKind::Connect
        || kind == nts::NtsFailureKind::Timeout;
}

QString refidText(const ntp::Measurement &m)
{
    // Stratum 1 carries four ASCII characters ("GPS", "LOCL"); otherwise, or when the id is
    // not printable (chrony's local clock uses 127.127.1.1), show it as an IPv4 address.
    const QByteArray ascii = ntp::referenceIdAscii(m.referenceId);
    if (m.stratum <= 1 && !ascii.isEmpty())
        return QString::fromLatin1(ascii);
    return QHostAddress(m.referenceId).toString();
}

QString describeInterval(double seconds)
{
    return seconds >= 1.0 ? u"%1 s"_s.arg(seconds, 0, 'f', 0) : u"%1 s"_s.arg(seconds, 0, 'g', 3);
}

// What a plain timeout after `timeout` seconds says, made once per thread and shared by every
// association's lastFailure (issue 18: one set of strings each cost ~200 bytes in each of
// thousands of associations).
struct TimeoutText
{
    QString detail;
    StatusReason code;
};
const TimeoutText &timeoutText(double timeout)
{
    thread_local double madeFor = -1;
    thread_local TimeoutText text;
    if (timeout != madeFor) {
        text = {u"no reply within %1"_s.arg(describeInterval(timeout)),
                {u"reply_timeout"_s, {StatusReason::seconds(timeout)}}};
        madeFor = timeout;
    }
    return text;
}

} // namespace

ServerAssociation::ServerAssociation(int id, const ServerSpec &spec, const QString &name, const QHostAddress &address,
                                     const AssociationOptions &options, TimerQueue &timers, SocketPoller *poller,
                                     QObject *parent)
    : QObject(parent)
    , m_spec(spec)
    , m_address(address)
    , m_options(options)
    , m_policy(address, spec.minPollLog2, spec.maxPollLog2, spec.iburst, options.fixedInterval, options.allowFastPolling)
    , m_filter(LocalClock::precision(), options.maxRequests > 0 ? std::min(options.maxRequests, ntp::NSTAGE) : ntp::NSTAGE)
    , m_drift(options.driftMinSpan)
    , m_poller(poller)
    , m_pollTimer(timers, [this] { sendRequest(); })
    , m_timeoutTimer(timers, [this] { onTimeoutTimer(); })
{
    m_status.id = id;
    m_status.name = name;
    m_status.host = spec.host;
    m_status.address = address.toString();
    m_status.port = spec.port;
    m_status.keyId = spec.keyId;
    m_status.condition = ServerCondition::Waiting;
    m_status.conditionReason = u"waiting for the first reply"_s;
    m_status.conditionReasonCode = {u"waiting_first_reply"_s, {}};
    m_status.pollLog2 = m_policy.effectivePollLog2(std::max(0, m_status.requestsSent - 1));
    if (spec.nts) {
        m_nts = new NtsSessionKeeper(spec.host, spec.ntsPort, address, options.ntsTrust, options.ntsKeyExchangeTimeout,
                                     this);
        m_nts->setRefreshInterval(options.ntsRefreshSeconds);
        connect(m_nts, &NtsSessionKeeper::keysReady, this, &ServerAssociation::onKeysReady);
        connect(m_nts, &NtsSessionKeeper::keyExchangeFailed, this, &ServerAssociation::onKeyExchangeFailed);
        m_status.nts = m_nts->status();
    }
}

ServerAssociation::~ServerAssociation() = default;

void ServerAssociation::setKey(const auth::SymmetricKey &key)
{
    m_key = key;
    m_status.keyId = key.id;
    m_status.authType = key.type;
}

void ServerAssociation::start(double initialDelay)
{
    m_stopped = false;
    m_pollTimer.start(std::chrono::milliseconds(qint64(initialDelay * 1000.0)));
}

void ServerAssociation::stop()
{
    m_stopped = true;
    m_pollTimer.stop();
    m_timeoutTimer.stop();
    if (m_channel)
        m_channel->close();
    m_outstanding.reset();
    if (m_nts)
        m_nts->abort();
    reportRejections(true);
    m_status.finished = true;
    changed();
}

void ServerAssociation::restart(double initialDelay)
{
    m_pollTimer.stop();
    m_timeoutTimer.stop();
    if (m_channel)
        m_channel->close();
    m_outstanding.reset();
    m_previousExchange.reset();
    reportRejections(true);
    m_policy = PollPolicy(m_address, m_spec.minPollLog2, m_spec.maxPollLog2, m_spec.iburst, m_options.fixedInterval,
                          m_options.allowFastPolling);
    m_filter = stats::ClockFilter(LocalClock::precision(), m_options.maxRequests > 0
                                                               ? std::min(m_options.maxRequests, ntp::NSTAGE)
                                                               : ntp::NSTAGE);
    m_drift = stats::DriftEstimator(m_options.driftMinSpan);
    m_lastAcceptedTransmit = {};
    m_requestRejection.clear();
    m_requestRejectionCode = {};
    m_lastError.clear();
    m_refused = false;
    m_missedInRow = 0;
    m_denied = false;
    m_rateLimited = false;
    m_status.reach = 0;
    m_status.filter.reset();
    m_status.filterStages.reset();
    m_status.rootDistance.reset();
    m_status.drift.reset();
    m_status.lastMeasurement.reset();
    m_status.lastKiss.clear();
    m_status.finished = false;
    m_status.pollLog2 = m_policy.effectivePollLog2(0);
    setCondition(ServerCondition::Waiting, u"waiting for the first reply"_s, {u"waiting_first_reply"_s, {}});
    start(initialDelay);
    changed();
}

bool ServerAssociation::isSelectable() const
{
    return !m_denied && m_status.filter && m_status.reach != 0 && m_status.filter->validStages > 0;
}

void ServerAssociation::sendRequest()
{
    if (m_stopped || m_denied)
        return;
    if (m_spec.keyId != 0 && !m_key) {
        failWithoutSending(u"key %1 is not in the key store or key file; nothing is sent without it"_s.arg(
                               m_spec.keyId),
                           {u"key_not_found"_s, {QString::number(m_spec.keyId)}});
        return;
    }
    if (m_nts && !m_nts->ready()) {
        // No keys, no cookies, a NAK or keys due for renewal: NTS-KE first, never plain NTP. A
        // socket kept for this request is not held through the key exchange (which may fail and
        // back off for minutes).
        if (m_channel)
            m_channel->close();
        startKeyExchange();
        return;
    }
    // The request, MAC included, is ready before the socket opens: T1 is read at the send.
    QByteArray request;
    ntp::NtpTimestamp nonce;
    do {
        // A random 64-bit nonce, never equal to the previous one, stands in for the transmit time.
        nonce = ntp::NtpTimestamp(QRandomGenerator::system()->generate64());
    } while (nonce.isZero() || nonce == m_previousNonce);
    const std::optional<ntp::PreviousExchange> previous = std::exchange(m_previousExchange, std::nullopt);
    const ntp::Packet requestPacket =
        ntp::makeClientRequest(nonce, m_policy.pollLog2(), previous ? &*previous : nullptr);
    request = ntp::encode(requestPacket);
    if (m_nts) {
        nts::NtsFailure failure;
        const std::optional<QByteArray> authenticated = m_nts->prepareRequest(requestPacket, &failure);
        if (!authenticated) {
            if (m_channel)
                m_channel->close();
            startKeyExchange();
            return;
        }
        request = *authenticated;
    }
    if (m_key) {
        const Result<QByteArray> authenticated = ntp::appendMac(request, *m_key);
        if (!authenticated) {
            failWithoutSending(u"cannot compute the MAC with key %1: %2"_s.arg(m_key->id).arg(
                                   authenticated.errorMessage()),
                               {u"mac_failed"_s, {QString::number(m_key->id), authenticated.errorMessage()}});
            return;
        }
        request = *authenticated;
    }
    // One outstanding request: a new one replaces a stale one (open() closes its socket, so its
    // replies cannot arrive). The channel object is made once and reused.
    if (!m_channel) {
        // xleave (LAN precision): the socket gets a notifier of its own rather than the shared
        // epoll set. A socket kept in an epoll set runs the set's wake-up callback when its
        // transmit time stamp is queued, between the kernel's T1 and the datagram's way out
        // (kerneltimestampchannel_linux's startWatching); a notifier is polled only while the
        // thread waits, never while it sends.
        m_channel = DatagramChannel::create(m_options.timestamps, *this, m_spec.xleave ? nullptr : m_poller);
    }
    m_requestRejection.clear();
    m_requestRejectionCode = {};

    // The reach register shifts on every transmission (RFC 5905 §13).
    m_status.reach = quint8(m_status.reach << 1);
    ++m_status.requestsSent;
    // The next interval runs from this one's due time when the event loop came late (by less
    // than a second), so that a busy engine thread does not stretch every local server's
    // polls; a public server's interval runs from the actual transmission, so it never sees two
    // requests closer than the policy allows (RFC 8633, NTP-NOTES §1.3).
    const TimerQueue::Clock::time_point now = TimerQueue::Clock::now();
    const TimerQueue::Clock::time_point due = m_pollTimer.firedDeadline();
    const bool fixedCadence = m_policy.fastPollingAllowed() || isLocalNetworkAddress(m_address);
    m_lastTransmission = fixedCadence && due <= now && now - due < std::chrono::seconds(1) ? due : now;

    if (!m_channel->open(destinationAddress(), destinationPort())) {
        m_lastError = m_channel->errorString();
        m_channel->close();
        if (m_nts)
            m_nts->requestTimedOut();
        failRequest(true, u"socket_error"_s, m_lastError);
        endRequest();
        ++m_status.timeouts;
        updateReachabilityState();
        scheduleNextOrFinish();
        return;
    }
    m_status.kernelTimestamps = m_channel->hasKernelTimestamps();

    m_previousNonce = nonce;
    const ntp::NtpTimestamp sendTime = m_channel->send(request);
    if (sendTime.isZero()) {
        m_lastError = m_channel->errorString();
        qCDebug(lcAssociation) << m_status.name << "send failed:" << m_lastError;
    } else {
        m_outstanding = ntp::OutstandingRequest{nonce, sendTime, previous};
    }
    m_timeoutTimer.start(std::chrono::milliseconds(qint64(m_options.timeout * 1000.0)));
    changed();
}

void ServerAssociation::onDatagram(const QByteArray &datagram, const QHostAddress &from, quint16 fromPort,
                                   ntp::NtpTimestamp receiveTime)
{
    // Cheap checks first, before any parsing: a datagram that answers nothing we asked, or
    // comes from elsewhere, costs a counter increment and nothing more.
    if (!m_outstanding) {
        countRejection(ntp::rejectReasonId(ntp::RejectReason::NotRequested), QString());
        // On a socket kept for the next request: whoever sends unasked learnt the port, so it is
        // retired now (the kernel drops the rest) and the next request gets a fresh one.
        if (m_channel)
            m_channel->close();
        return;
    }
    if (fromPort != destinationPort() || !from.isEqual(destinationAddress(), QHostAddress::ConvertV4MappedToIPv4)) {
        countRejection(ntp::rejectReasonId(ntp::RejectReason::WrongSource), QString());
        return;
    }
    // NTS: the unique identifier and the authenticator before anything else in the reply.
    if (m_nts && !checkNtsReply(datagram))
        return;
    ntp::ReplyContext context;
    context.serverAddress = destinationAddress();
    context.serverPort = destinationPort();
    context.request = m_outstanding;
    bool kernelT1Used = false;
    if (context.request && m_channel) {
        // Prefer the kernel's transmit timestamp for T1 when it is sane (after our clock read,
        // by less than a second).
        if (const auto kernelT1 = m_channel->kernelTransmitTime()) {
            const double after = kernelT1->secondsSince(context.request->sendTime);
            kernelT1Used = after >= 0 && after < 1.0;
            if (kernelT1Used)
                context.request->sendTime = *kernelT1;
        }
    }
    context.lastAcceptedTransmit = m_lastAcceptedTransmit;
    context.localPrecision = LocalClock::precision();
    context.maxDelay = m_options.maxDelay;
    context.key = m_key ? &*m_key : nullptr;
    const ntp::ReplyVerdict verdict = ntp::validateReply(datagram, from, fromPort, receiveTime, context);

    if (verdict.accepted()) {
        m_status.kernelTransmitTimestamp = kernelT1Used;
        // This exchange completes the next one's interleaved measurement (its T3 comes later).
        if (m_spec.xleave && verdict.packet)
            m_previousExchange = ntp::PreviousExchange{context.request->sendTime, verdict.packet->receiveTime, receiveTime};
        handleAccepted(verdict);
        return;
    }
    if (verdict.outcome == ntp::ReplyVerdict::Outcome::Kiss) {
        if (verdict.reason)
            countRejection(ntp::rejectReasonId(*verdict.reason), verdict.detail);
        handleKiss(verdict);
        return;
    }
    countRejection(ntp::rejectReasonId(*verdict.reason), verdict.detail);
    switch (*verdict.reason) {
    case ntp::RejectReason::WrongSource:
    case ntp::RejectReason::Malformed:
    case ntp::RejectReason::WrongMode:
    case ntp::RejectReason::NotRequested:
    case ntp::RejectReason::BogusOrigin:
    case ntp::RejectReason::Duplicate:
    case ntp::RejectReason::ZeroTimestamp:
        // Not a valid answer (tests 1–3): keep waiting for the real reply until the timeout.
        // Only the first such datagram of a request is described (no string work per datagram).
        if (m_requestRejection.isEmpty()) {
            m_requestRejection = ntp::rejectReasonText(*verdict.reason) + u" ("_s + verdict.detail + u")"_s;
            m_requestRejectionCode = {u"reject"_s, {ntp::rejectReasonId(*verdict.reason), verdict.detail}};
        }
        return;
    case ntp::RejectReason::AuthMissing:
    case ntp::RejectReason::AuthKeyMismatch:
    case ntp::RejectReason::AuthBadMac:
    case ntp::RejectReason::CryptoNak:
        handleAuthFailure(verdict);
        return;
    default:
        break;
    }
    // A valid reply from a server that is not usable (tests 6–7, delay): reachable, no sample.
    m_status.reach |= 1;
    m_missedInRow = 0;
    if (verdict.packet) {
        m_status.stratum = verdict.packet->stratum;
        m_status.leap = verdict.packet->leap;
    }
    setCondition(ServerCondition::UnusableReplies, ntp::rejectReasonText(*verdict.reason) + u": "_s + verdict.detail,
                 {u"reply_unusable"_s, {ntp::rejectReasonId(*verdict.reason), verdict.detail}});
    endRequest();
    scheduleNextOrFinish();
    changed();
}

void ServerAssociation::handleAccepted(const ntp::ReplyVerdict &verdict)
{
    ntp::Measurement m = verdict.measurement;
    m.localTime = LocalClock::toUnixSeconds(m.timestamps.t4);
    m_lastAcceptedTransmit = m.timestamps.t3;
    m_status.reach |= 1;
    m_missedInRow = 0;
    m_rateLimited = false;
    ++m_status.repliesAccepted;
    if (verdict.authenticated || m_nts)   // NTS replies get here only when authentic
        ++m_status.authenticatedReplies;
    m_status.lastMeasurement = m;
    m_status.lastReplyTime = m.localTime;
    m_status.stratum = m.stratum;
    // The text only when the reference changed (it rarely does): no string per sample.
    const RefidKey refidKey{m.referenceId, m.stratum <= 1};
    if (m_refidKey != refidKey || m_status.refid.isEmpty()) {
        m_refidKey = refidKey;
        m_status.refid = refidText(m);
    }
    m_status.leap = m.leap;

    const double pollInterval = m_policy.intervalAfter(m_status.requestsSent - 1);
    const stats::FilterOutput out = m_filter.addSample(m.offset, m.delay, m.dispersion, m.localTime, pollInterval);
    m_status.filter = out;
    m_drift.add({m.localTime, m.offset, m.delay, m.dispersion});
    m_status.drift = m_drift.estimate();
    m_status.filterStages = m_filter.sharedStages();
    m_policy.onGoodSample();
    m_status.pollLog2 = m_policy.effectivePollLog2(std::max(0, m_status.requestsSent - 1));
    refreshRootDistance();
    // Selection decides between sys_peer, candidate, falseticker...
    setCondition(ServerCondition::Answering, QString(), {});
    AcceptedSample sample;
    sample.serverId = m_status.id;
    sample.serverName = m_status.name;
    sample.time = m.localTime;
    sample.offset = m.offset;
    sample.delay = m.delay;
    sample.dispersion = m.dispersion;
    sample.jitter = out.jitter;
    sample.popcornSpike = out.popcornSpike;
    sample.interleaved = m.interleaved;
    if (m_observer)
        m_observer->onSampleAccepted(sample);
    endRequest();
    scheduleNextOrFinish();
    changed();
}

void ServerAssociation::handleKiss(const ntp::ReplyVerdict &verdict)
{
    m_status.lastKiss = verdict.kissText;
    m_status.reach |= 1; // the server answered our request
    m_missedInRow = 0;
    switch (verdict.kiss) {
    case ntp::KissCode::Deny:
    case ntp::KissCode::Restrict:
        m_denied = true;
        setCondition(ServerCondition::Denied, verdict.kiss == ntp::KissCode::Deny
                                                  ? u"server denied access (kiss code DENY); no longer polling it"_s
                                                  : u"server restricts access (kiss code RSTR); no longer polling it"_s,
                     {verdict.kiss == ntp::KissCode::Deny ? u"kod_deny"_s : u"kod_rstr"_s, {}});
        failRequest(false, u"kiss_of_death"_s, verdict.detail);
        endRequest();
        m_pollTimer.stop();
        m_status.finished = true;
        changed();
        emit finished(m_status.id);
        return;
    case ntp::KissCode::Rate: {
        m_rateLimited = true;
        m_policy.onRateKiss(verdict.packet ? verdict.packet->poll : 0);
        m_status.pollLog2 = m_policy.effectivePollLog2(std::max(0, m_status.requestsSent - 1));
        setCondition(ServerCondition::RateLimited,
                     u"server asked us to poll less often (kiss code RATE); next poll in %1"_s.arg(
                         describeInterval(m_policy.intervalAfter(m_status.requestsSent))),
                     {u"kod_rate"_s, {StatusReason::seconds(m_policy.intervalAfter(m_status.requestsSent))}});
        failRequest(false, u"kiss_of_death"_s, verdict.detail);
        endRequest();
        if (m_options.maxRequests > 0) {
            // A one-shot check honours RATE by not sending the rest of its requests.
            m_pollTimer.stop();
            m_status.finished = true;
            changed();
            emit finished(m_status.id);
            return;
        }
        scheduleNextOrFinish();
        changed();
        return;
    }
    case ntp::KissCode::Other:
    case ntp::KissCode::None:
        break;
    }
    setCondition(ServerCondition::UnusableReplies, u"server sent kiss code %1"_s.arg(verdict.kissText),
                 {u"kod_other"_s, {verdict.kissText}});
    failRequest(false, u"kiss_of_death"_s, verdict.detail);
    endRequest();
    scheduleNextOrFinish();
    changed();
}

void ServerAssociation::handleAuthFailure(const ntp::ReplyVerdict &verdict)
{
    // Test 5 failed: never a sample, and the state keeps the server out of selection until an
    // authentic reply arrives.
    const QString reason = ntp::rejectReasonText(*verdict.reason) + u": "_s + verdict.detail;
    setCondition(ServerCondition::AuthFailed, reason, {u"auth_rejected"_s, {ntp::rejectReasonId(*verdict.reason), verdict.detail}});
    if (*verdict.reason == ntp::RejectReason::CryptoNak) {
        // The server answered our request (the origin test passed), but not with our key.
        m_status.reach |= 1;
        m_missedInRow = 0;
        endRequest();
        scheduleNextOrFinish();
    } else {
        // Possibly forged or damaged in transit: the genuine reply may still come.
        m_requestRejection = reason;
        m_requestRejectionCode = {u"reject"_s, {ntp::rejectReasonId(*verdict.reason), verdict.detail}};
    }
    changed();
}

bool ServerAssociation::checkNtsReply(const QByteArray &datagram)
{
    // The header is read only for a NAK, which checkReply accepts only with our unique
    // identifier and our nonce as its origin time.
    const Result<ntp::Packet> header = ntp::decode(datagram);
    const nts::NtsReplyCheck check = m_nts->checkReply(datagram, header ? *header : ntp::Packet{});
    m_status.nts = m_nts->status();   // now: a finished check publishes before changed()
    switch (check.outcome) {
    case nts::NtsReplyCheck::Outcome::Authentic:
        return true;
    case nts::NtsReplyCheck::Outcome::Rejected:
        // Possibly forged or damaged: counted, and the genuine reply may still come.
        countRejection(nts::ntsFailureId(check.failure.kind), check.failure.detail);
        if (m_requestRejection.isEmpty()) {
            m_requestRejection = nts::ntsFailureText(check.failure.kind) + u" ("_s + check.failure.detail + u")"_s;
            m_requestRejectionCode = {u"reject"_s, {nts::ntsFailureId(check.failure.kind), check.failure.detail}};
        }
        return false;
    case nts::NtsReplyCheck::Outcome::Nak:
        break;
    }
    // The server answered our request but cannot read our cookie (new server keys): re-key now.
    countRejection(nts::ntsFailureId(nts::NtsFailureKind::Nak), check.failure.detail);
    m_status.reach |= 1;
    m_missedInRow = 0;
    const QString reason = nts::ntsFailureText(nts::NtsFailureKind::Nak) + u"; negotiating new keys"_s;
    setCondition(ServerCondition::AuthFailed, reason, {u"nts_nak_rekey"_s, {}});
    failRequest(false, nts::ntsFailureId(nts::NtsFailureKind::Nak), reason, {u"nts_nak_rekey"_s, {}});
    endRequest();
    m_nts->ensureKeys();
    scheduleNextOrFinish();
    changed();
    return false;
}

void ServerAssociation::startKeyExchange()
{
    if (m_nts->isNegotiating())
        return;
    if (m_status.condition == ServerCondition::Waiting)
        setCondition(ServerCondition::Waiting, u"NTS key exchange with %1 port %2"_s.arg(m_spec.host).arg(m_spec.ntsPort),
                     {u"nts_ke_running"_s, {m_spec.host, QString::number(m_spec.ntsPort)}});
    m_nts->ensureKeys();
    changed();
}

void ServerAssociation::onKeysReady()
{
    m_keyExchangeFailuresInRow = 0;
    m_status.address = m_nts->ntpAddress().toString();
    m_status.port = m_nts->ntpPort();
    if (m_status.condition == ServerCondition::AuthFailed || m_status.condition == ServerCondition::Waiting)
        setCondition(ServerCondition::Waiting, u"NTS keys negotiated; waiting for the first authentic reply"_s,
                     {u"nts_keys_ready"_s, {}});
    // The first request (or one held back for the keys) goes now; otherwise the schedule stands.
    if (!m_stopped && !m_denied && !m_status.finished && !m_outstanding && !m_pollTimer.isActive())
        m_pollTimer.start(std::chrono::milliseconds(0));
    changed();
}

void ServerAssociation::onKeyExchangeFailed(const nts::NtsFailure &failure)
{
    ++m_keyExchangeFailuresInRow;
    const QString reason = u"NTS key exchange with %1 port %2 failed: %3%4"_s.arg(m_spec.host).arg(m_spec.ntsPort)
                               .arg(nts::ntsFailureText(failure.kind),
                                    failure.detail.isEmpty() ? QString() : u" ("_s + failure.detail + u")"_s);
    const StatusReason code{u"nts_ke_failed"_s, {m_spec.host, QString::number(m_spec.ntsPort),
                                                 nts::ntsFailureId(failure.kind), failure.detail}};
    setCondition(isReachabilityFailure(failure.kind) ? ServerCondition::Unreachable : ServerCondition::AuthFailed, reason,
                 code);
    failRequest(failure.kind == nts::NtsFailureKind::Timeout, nts::ntsFailureId(failure.kind), reason, code);
    if (m_stopped) {
        changed();
        return;
    }
    if (m_options.maxRequests > 0) {
        // A one-shot check does not wait for a retry: the reason is its result.
        m_pollTimer.stop();
        m_status.finished = true;
        reportRejections(true);
        changed();
        emit finished(m_status.id);
        return;
    }
    const double retry = std::min(KE_RETRY_MAX, KE_RETRY_MIN * double(1 << std::min(m_keyExchangeFailuresInRow - 1, 10)));
    m_pollTimer.start(std::chrono::milliseconds(qint64(retry * 1000.0)));
    changed();
}

void ServerAssociation::failWithoutSending(const QString &reason, const StatusReason &code)
{
    qCWarning(lcAssociation) << m_status.name << reason;
    m_stopped = true;
    m_pollTimer.stop();
    if (m_channel)
        m_channel->close(); // a socket kept for the request that is not sent
    setCondition(ServerCondition::AuthFailed, reason, code);
    m_status.finished = true;
    failRequest(false, u"auth_unavailable"_s, reason, code);
    changed();
    emit finished(m_status.id);
}

void ServerAssociation::onChannelError(const QString &message, bool connectionRefused)
{
    m_lastError = message;
    // Between requests (on a socket kept for the next one) an error only retires the port.
    m_refused = m_refused || (connectionRefused && m_outstanding);
    qCDebug(lcAssociation) << m_status.name << "socket error:" << message;
    if (connectionRefused && m_outstanding) {
        // Nothing listens there: no need to wait for the timeout.
        m_timeoutTimer.stop();
        onTimeout();
    }
}

void ServerAssociation::onTimeoutTimer()
{
    // After the engine thread had no CPU for a while, the event loop may come to this timer
    // before the socket: a reply already waiting (with the kernel's time of arrival) is read
    // before the request is given up.
    if (m_channel && m_outstanding) {
        m_channel->readPending();
        if (!m_outstanding || m_timeoutTimer.isActive())
            return; // answered (or ended otherwise) meanwhile
    }
    onTimeout();
}

void ServerAssociation::onTimeout()
{
    if (m_stopped)
        return;
    if (m_nts) {
        m_nts->requestTimedOut();   // the cookie sent is gone; the next request asks for one more
        m_status.nts = m_nts->status();
    }
    ++m_status.timeouts;
    m_policy.onMissedReply();
    m_status.pollLog2 = m_policy.effectivePollLog2(std::max(0, m_status.requestsSent - 1));
    const TimeoutText &plain = timeoutText(m_options.timeout);
    const QString detail = m_refused ? m_lastError
        : !m_requestRejection.isEmpty() ? u"only invalid replies: "_s + m_requestRejection
                                        : plain.detail;
    const StatusReason detailCode = m_refused ? StatusReason{u"network_error"_s, {m_lastError}}
        : !m_requestRejection.isEmpty()       ? StatusReason{u"only_invalid_replies"_s, m_requestRejectionCode.args}
                                              : plain.code;
    failRequest(true, m_refused ? u"refused"_s : u"timeout"_s, detail, detailCode);
    if (++m_missedInRow % MISSES_BEFORE_DUMMY == 0 && m_status.filter) {
        m_status.filter = m_filter.addDummy(LocalClock::nowUnixSeconds());
        m_status.filterStages = m_filter.sharedStages();
    }
    endRequest();
    updateReachabilityState();
    refreshRootDistance();
    scheduleNextOrFinish();
    changed();
}

void ServerAssociation::updateReachabilityState()
{
    if (m_denied)
        return;
    if (m_key && m_status.authenticatedReplies == 0 && !m_refused) {
        // Nothing authentic came back yet. chronyd and ntpd do not answer a request whose key
        // they do not know or whose MAC fails, so silence most likely means a wrong key.
        if (!m_requestRejection.isEmpty())
            setCondition(ServerCondition::AuthFailed, u"no authentic reply; rejected: "_s + m_requestRejection,
                         {u"no_authentic_reply"_s, m_requestRejectionCode.args});
        else if (m_status.rejections.value(ntp::rejectReasonId(ntp::RejectReason::CryptoNak)) == 0)
            setCondition(ServerCondition::AuthFailed,
                         u"no reply to requests authenticated with key %1 (%2): the key is likely wrong or "
                         u"unknown to the server (chrony and ntpd stay silent then), or the server is down"_s
                             .arg(m_key->id)
                             .arg(auth::chronyTypeName(m_key->type)),
                         {u"auth_silent"_s, {QString::number(m_key->id), auth::chronyTypeName(m_key->type)}});
        else
            setCondition(ServerCondition::AuthFailed, m_status.conditionReason, m_status.conditionReasonCode);
        return;
    }
    if (m_status.reach != 0)
        return;
    if (m_refused)
        setCondition(ServerCondition::Unreachable, u"connection refused: nothing answers NTP on port %1"_s.arg(destinationPort()),
                     {u"refused"_s, {QString::number(destinationPort())}});
    else if (!m_requestRejection.isEmpty())
        setCondition(ServerCondition::Unreachable, u"no valid reply; rejected: "_s + m_requestRejection,
                     {u"no_valid_reply"_s, m_requestRejectionCode.args});
    else if (!m_lastError.isEmpty())
        setCondition(ServerCondition::Unreachable, u"network error: "_s + m_lastError, {u"network_error"_s, {m_lastError}});
    else
        setCondition(ServerCondition::Unreachable, u"no reply to the last %1 request(s)"_s.arg(std::min(m_missedInRow, 8)),
                     {u"no_reply"_s, {QString::number(std::min(m_missedInRow, 8))}});
    m_refused = false;
}

void ServerAssociation::setCondition(ServerCondition condition, const QString &reason, const StatusReason &code)
{
    m_status.condition = condition;
    m_status.conditionReason = reason;
    m_status.conditionReasonCode = code;
}

void ServerAssociation::endRequest()
{
    m_timeoutTimer.stop();
    m_outstanding.reset();
    reportRejections(false);
    if (!m_channel)
        return;
    // After an answer, a request due soon goes out on the same socket (DatagramChannel::
    // keepOpenFor decides); otherwise the socket closes, so late duplicates cannot arrive. A
    // request that also met a rejected datagram (bogus origin, malformed, wrong mode) closes it
    // too: on a kept port that is a duplicate or someone who learnt the port.
    const bool answered = (m_status.reach & 1) != 0 && m_requestRejection.isEmpty();
    const bool moreToSend = !m_stopped && !m_denied
        && (m_options.maxRequests == 0 || m_status.requestsSent < m_options.maxRequests);
    const auto untilNext = std::chrono::milliseconds(qint64(m_policy.intervalAfter(m_status.requestsSent - 1) * 1000.0));
    if (!answered || !moreToSend || untilNext > m_options.reuseSocketWithin
        || !m_channel->keepOpenFor(untilNext, m_options.portLifetime))
        m_channel->close();
}

void ServerAssociation::scheduleNextOrFinish()
{
    if (m_stopped || m_denied)
        return;
    if (m_options.maxRequests > 0 && m_status.requestsSent >= m_options.maxRequests) {
        if (!m_status.finished) {
            // The check is over: report what is pending now rather than never.
            reportRejections(true);
            m_status.finished = true;
            emit finished(m_status.id);
        }
        return;
    }
    if (m_pollTimer.isActive())
        return;
    // The interval runs from the previous transmission (as chrony's), not from the reply or
    // timeout: the time spent waiting counts, and polls keep their rate.
    const double interval = m_policy.intervalAfter(m_status.requestsSent - 1);
    const auto intervalMs = std::chrono::milliseconds(qint64(interval * 1000.0));
    if (m_lastTransmission == TimerQueue::Clock::time_point{})
        m_pollTimer.start(intervalMs);
    else
        m_pollTimer.startAt(m_lastTransmission + intervalMs);
}

void ServerAssociation::refreshRootDistance()
{
    if (!m_status.filter || !m_status.lastMeasurement || m_status.filter->validStages == 0) {
        m_status.rootDistance.reset();
        return;
    }
    m_status.rootDistance = stats::rootDistance(*m_status.filter, m_status.lastMeasurement->rootDelay,
                                                m_status.lastMeasurement->rootDispersion,
                                                LocalClock::nowUnixSeconds());
}

bool ServerAssociation::applySelection(ServerState state, const QString &reason, const StatusReason &code)
{
    if (m_status.state == state && m_status.reason == reason && m_status.reasonCode == code)
        return false;
    m_status.state = state;
    m_status.reason = reason;
    m_status.reasonCode = code;
    ++m_status.revision;
    return true;
}

void ServerAssociation::countRejection(const QString &reasonId, const QString &detail)
{
    const double now = LocalClock::nowUnixSeconds();
    m_status.rejections[reasonId] += 1;
    ++m_status.datagramsRejected;
    m_status.lastRejectionId = reasonId;
    m_status.lastRejectionDetail = detail;
    m_status.lastRejectionTime = now;
    m_rejections.add(reasonId, detail, now);
    changed();
}

void ServerAssociation::reportRejections(bool force)
{
    const double now = LocalClock::nowUnixSeconds();
    // At most one summary per poll interval (and per second during fast bursts).
    const double interval = std::max(1.0, m_policy.intervalAfter(std::max(0, m_status.requestsSent - 1)));
    const std::optional<RejectionSummary> summary = force ? m_rejections.take(now) : m_rejections.takeIfDue(now, interval);
    if (!summary)
        return;
    RejectionSummary out = *summary;
    out.serverId = m_status.id;
    out.serverName = m_status.name;
    if (m_observer)
        m_observer->onRejectionsSummarised(out);
}

void ServerAssociation::failRequest(bool timedOut, const QString &reasonId, const QString &detail,
                                    const StatusReason &detailCode)
{
    RequestOutcome outcome;
    outcome.serverId = m_status.id;
    outcome.serverName = m_status.name;
    outcome.time = LocalClock::nowUnixSeconds();
    outcome.timedOut = timedOut;
    outcome.reasonId = reasonId;
    outcome.detail = detail;
    outcome.detailCode = detailCode;
    if (reasonId == u"kiss_of_death"_s)
        outcome.kissCode = m_status.lastKiss;
    m_status.lastFailure = outcome;
    if (m_observer)
        m_observer->onRequestFailed(outcome);
}

void ServerAssociation::changed()
{
    if (m_nts)
        m_status.nts = m_nts->status();
    ++m_status.revision;
    if (m_observer)
        m_observer->onAssociationChanged(m_status.id);
}

} // namespace chronoscope::engine

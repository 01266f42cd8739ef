// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <optional>
#include <utility>

#include <QHostAddress>
#include <QObject>
#include <QTimer>

#include "core/auth/symmetrickey.h"
#include "core/engine/acceptedsample.h"
#include "core/engine/associationobserver.h"
#include "core/engine/associationoptions.h"
#include "core/engine/datagramreceiver.h"
#include "core/engine/ntssessionkeeper.h"
#include "core/engine/pollpolicy.h"
#include "core/engine/rejectionaggregator.h"
#include "core/engine/serverspec.h"
#include "core/engine/serverstatus.h"
#include "core/engine/timerqueue.h"
#include "core/ntp/replyvalidator.h"
#include "core/stats/clockfilter.h"
#include "core/stats/driftestimator.h"

namespace chronoscope::engine {

class DatagramChannel;
class SocketPoller;

// The client side of one server association: sends requests on schedule (each from a fresh
// socket on a random port), validates replies, feeds the clock filter, keeps the reach register,
// rejection counters and kiss-o'-death state. It writes its ServerStatus except `state` and
// `reason`, which only the selection step sets (applySelection). Invalid datagrams cost a counter
// increment each and are reported as one RejectionSummary per poll interval at most. Works with
// or without a thread of its own.
// With spec.nts (RFC 8915) every request carries NTS fields and every reply must pass the NTS
// check (unique identifier, authenticator) before anything else in it is looked at; keys come
// from NTS-KE, run by NtsSessionKeeper in this thread's event loop without blocking it, and are
// renewed after a NAK, when the cookies run out, or on schedule. There is no plain-NTP fallback.
class ServerAssociation final : public QObject, private DatagramReceiver
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerAssociation)
public:
    // `timers` (the engine's shared timer queue) and `poller` (Linux: the engine's socket
    // poller; may be null) must outlive the association.
    ServerAssociation(int id, const ServerSpec &spec, const QString &name, const QHostAddress &address,
                      const AssociationOptions &options, TimerQueue &timers, SocketPoller *poller = nullptr,
                      QObject *parent = nullptr);
    ~ServerAssociation() override;

    // Authenticates every request with `key` (key id ‖ MAC); replies must then carry a valid MAC
    // with the same key (RFC 5905 test 5). Call before start(). A spec with a keyId but no key
    // sends nothing (state auth_failed): it never falls back to unauthenticated requests.
    void setKey(const auth::SymmetricKey &key);
    // `observer` (the owner; null: none) hears sampleAccepted, requestFailed,
    // rejectionsSummarised and statusChanged by direct call, before the signal; it must outlive
    // the association or be unset first.
    void setObserver(AssociationObserver *observer) { m_observer = observer; }

    // Starts polling after `initialDelay` seconds.
    void start(double initialDelay = 0.0);
    void stop();
    // Forgets every sample (filter, drift, reach, poll state) and starts polling again after
    // `initialDelay` seconds; keeps the id and the lifetime counters. Used after the clock was
    // changed, so that nothing measured against the old time is used again.
    void restart(double initialDelay = 0.0);

    const ServerStatus &status() const { return m_status; }
    const ServerSpec &spec() const { return m_spec; }
    // Re-evaluates λ at the current time (it grows with the age of the last sample).
    void refreshRootDistance();
    // The selection step's decision (ServerStateRule) on this server; the only writer of
    // status().state and status().reason. Returns whether anything changed.
    bool applySelection(ServerState state, const QString &reason, const StatusReason &code = {});
    // True when the association holds a sample selection may use.
    bool isSelectable() const;

signals:
    // Samples, failures, rejection summaries and status changes go to the observer only
    // (setObserver): the engine is their one receiver, and 10,000 associations emitting each
    // as a signal nobody else connects to cost a QMetaObject::activate per event.
    void finished(int id);

private:
    void sendRequest();
    // DatagramReceiver: what this association's channel reads.
    void onDatagram(const QByteArray &datagram, const QHostAddress &from, quint16 fromPort,
                    ntp::NtpTimestamp receiveTime) override;
    void onChannelError(const QString &message, bool connectionRefused) override;
    void onTimeoutTimer();
    void onTimeout();
    void handleAccepted(const ntp::ReplyVerdict &verdict);
    void handleKiss(const ntp::ReplyVerdict &verdict);
    void handleAuthFailure(const ntp::ReplyVerdict &verdict);
    // NTS: the reply's NTS fields; true when it is authentic and the plain checks may follow.
    bool checkNtsReply(const QByteArray &datagram);
    void startKeyExchange();
    void onKeysReady();
    void onKeyExchangeFailed(const chronoscope::nts::NtsFailure &failure);
    QHostAddress destinationAddress() const { return m_nts ? m_nts->ntpAddress() : m_address; }
    quint16 destinationPort() const { return m_nts ? m_nts->ntpPort() : m_spec.port; }
    // A keyId without its key, or a MAC that cannot be computed: stop, state auth_failed.
    void failWithoutSending(const QString &reason, const StatusReason &code);
    void endRequest();
    void scheduleNextOrFinish();
    void updateReachabilityState();
    void setCondition(ServerCondition condition, const QString &reason, const StatusReason &code);
    // Counts one datagram that was not used (exact counters; summarised per poll interval).
    void countRejection(const QString &reasonId, const QString &detail);
    void reportRejections(bool force);
    void failRequest(bool timedOut, const QString &reasonId, const QString &detail,
                     const StatusReason &detailCode = {});
    void changed();

    ServerSpec m_spec;
    QHostAddress m_address;
    AssociationOptions m_options;
    PollPolicy m_policy;
    stats::ClockFilter m_filter;
    stats::DriftEstimator m_drift;
    ServerStatus m_status;
    std::optional<auth::SymmetricKey> m_key;
    NtsSessionKeeper *m_nts = nullptr;   // child; set for NTS servers only
    int m_keyExchangeFailuresInRow = 0;

    RejectionAggregator m_rejections;
    AssociationObserver *m_observer = nullptr; // not owned
    SocketPoller *m_poller = nullptr;   // not owned
    std::unique_ptr<DatagramChannel> m_channel; // made at the first request, reused after
    TimerQueue::Clock::time_point m_lastTransmission; // of the latest request; {} before the first
    std::optional<ntp::OutstandingRequest> m_outstanding;
    // spec.xleave: the last accepted exchange, for the next request; taken by it, so a request
    // without an accepted reply (timeout, rejection, restart) leaves the next one basic.
    std::optional<ntp::PreviousExchange> m_previousExchange;
    ntp::NtpTimestamp m_lastAcceptedTransmit;
    using RefidKey = std::pair<std::uint32_t, bool>; // reference id, stratum <= 1
    std::optional<RefidKey> m_refidKey;  // what m_status.refid was made from
    ntp::NtpTimestamp m_previousNonce;
    QString m_requestRejection;       // why replies to the current request were dropped
    StatusReason m_requestRejectionCode; // the same: {reject id, detail}
    QString m_lastError;              // ICMP or socket error text, if any
    bool m_refused = false;
    int m_missedInRow = 0;
    bool m_stopped = false;
    bool m_denied = false;
    bool m_rateLimited = false;
    QueuedTimer m_pollTimer;
    QueuedTimer m_timeoutTimer;
};

} // namespace chronoscope::engine

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QMap>

#include "core/nts/cookiepool.h"
#include "core/nts/ntsfailure.h"
#include "core/nts/ntskesession.h"
#include "core/ntp/ntppacket.h"

namespace chronoscope::nts {

// What checkReply() made of a reply.
struct NtsReplyCheck
{
    enum class Outcome {
        Authentic,   // unique identifier and authenticator verified; new cookies harvested
        Nak,         // a matching NTS NAK (kiss code NTSN): run NTS-KE again
        Rejected,    // nothing in the reply may be trusted; `failure` says why
    };
    Outcome outcome = Outcome::Rejected;
    NtsFailure failure;
    int newCookies = 0;
};

// The NTS side of one server association (RFC 8915 §5): it turns a plain client request into an
// NTS request (Unique Identifier, one cookie used once, placeholders, Authenticator with the C2S
// key) and checks a reply's unique identifier and authenticator (S2C key) before anything else in
// it is trusted, keeping the cookies the reply brings. It never lets a request go out without NTS:
// when it has no session or no cookies, prepareRequest() fails and needsKeyExchange() is true.
// A NAK, an empty cookie pool or an old session (refresh interval) asks for a new NTS-KE; the
// association runs it (NtsKeClient) and install()s the result.
class NtsAssociationAuth
{
public:
    static constexpr qint64 DEFAULT_REFRESH_SECONDS = 2419200;   // 4 weeks, as chrony's ntsrefresh

    // Replaces keys and cookies with those of a fresh key exchange; clears any NAK.
    void install(const NtsKeSession &session);
    bool hasSession() const { return m_session.has_value(); }
    // Where to send NTP (negotiated server and port), the certificate, the negotiation time.
    // Keys and cookies inside are those of the exchange, not the current pool.
    const std::optional<NtsKeSession> &session() const { return m_session; }

    // The request datagram: `request` (a client header without extension fields; its transmit
    // time is the nonce) followed by the NTS fields. Empty when there is no session or no cookie
    // left (`failure` then says which).
    std::optional<QByteArray> prepareRequest(const ntp::Packet &request, NtsFailure *failure = nullptr);
    // Checks a reply to the last prepared request: the NTS fields of `datagram` and, for a NAK,
    // the header in `reply`. Every rejection is counted (rejections()).
    NtsReplyCheck checkReply(QByteArrayView datagram, const ntp::Packet &reply);
    // The outstanding request got no reply: its cookie is gone (the pool asks for more next time).
    void requestTimedOut() { m_outstanding = false; }

    // True when no request can be authenticated until a new key exchange: no session, a NAK, no
    // cookies, or a session older than the refresh interval at `now`.
    bool needsKeyExchange(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    // When the session is due for its scheduled renewal (invalid without a session).
    QDateTime rekeyDue() const;
    void setRefreshInterval(qint64 seconds) { m_refreshSeconds = seconds; }

    int cookiesHeld() const { return m_cookies.count(); }
    bool nakReceived() const { return m_nakReceived; }
    const QMap<NtsFailureKind, int> &rejections() const { return m_rejections; }

private:
    NtsReplyCheck reject(NtsFailureKind kind, const QString &detail);

    std::optional<NtsKeSession> m_session;
    CookiePool m_cookies;
    QByteArray m_uniqueId;
    ntp::NtpTimestamp m_nonce;
    bool m_outstanding = false;
    bool m_nakReceived = false;
    qint64 m_refreshSeconds = DEFAULT_REFRESH_SECONDS;
    QMap<NtsFailureKind, int> m_rejections;
};

} // namespace chronoscope::nts

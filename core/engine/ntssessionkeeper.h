// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QByteArray>
#include <QHostAddress>
#include <QObject>

#include "core/engine/ntsstatus.h"
#include "core/nts/ntsassociationauth.h"
#include "core/nts/ntsfailure.h"
#include "core/nts/ntskeclient.h"
#include "core/nts/ntstrust.h"

namespace chronoscope::engine {

// Keeps one association's NTS state (RFC 8915): runs NTS-KE (NtsKeClient, non-blocking in the
// event loop of the association's thread, bounded by its timeout), resolves the negotiated NTP
// server, and wraps NtsAssociationAuth for requests and replies. It never yields a request
// without NTS: when keys or cookies are missing, ready() is false and the association asks for
// a key exchange (ensureKeys) instead of sending.
class NtsSessionKeeper final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NtsSessionKeeper)
public:
    // `keHost` is the name the certificate must carry; `fallbackAddress` is the resolved KE host,
    // used for NTP when the server negotiates no other NTP server.
    NtsSessionKeeper(const QString &keHost, quint16 kePort, const QHostAddress &fallbackAddress,
                     const nts::NtsTrust &trust, double timeoutSeconds, QObject *parent = nullptr);

    // True when a request can be authenticated now (keys, cookies, NTP address, no NAK, not due).
    bool ready() const;
    bool isNegotiating() const { return m_status.keState == NtsStatus::KeState::Negotiating; }
    // Starts a key exchange unless one is running; keysReady() or keyExchangeFailed() follows.
    void ensureKeys();
    void abort();
    // Renew keys this long after each key exchange even without a NAK (seconds).
    void setRefreshInterval(qint64 seconds) { m_auth.setRefreshInterval(seconds); }

    QHostAddress ntpAddress() const { return m_ntpAddress; }
    quint16 ntpPort() const { return m_status.ntpPort; }

    std::optional<QByteArray> prepareRequest(const ntp::Packet &request, nts::NtsFailure *failure);
    nts::NtsReplyCheck checkReply(QByteArrayView datagram, const ntp::Packet &reply);
    void requestTimedOut();

    const NtsStatus &status() const { return m_status; }

signals:
    void keysReady();
    void keyExchangeFailed(const chronoscope::nts::NtsFailure &failure);

private:
    void onKeyExchangeFinished();
    void onNtpServerResolved(const QList<QHostAddress> &addresses, const QString &error);
    void fail(const nts::NtsFailure &failure);
    void refreshStatus();

    nts::NtsTrust m_trust;
    double m_timeout;
    QHostAddress m_keAddress;
    QHostAddress m_ntpAddress;
    nts::NtsKeClient m_client;
    nts::NtsAssociationAuth m_auth;
    NtsStatus m_status;
    int m_lookupId = -1;
};

} // namespace chronoscope::engine

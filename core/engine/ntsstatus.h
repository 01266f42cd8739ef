// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>

namespace chronoscope::engine {

// The NTS side of one server (RFC 8915) as the association sees it, inside ServerStatus: where
// the key exchange ran, what it negotiated, who vouched for the server, and why NTS failed.
// Never key material.
struct NtsStatus
{
    enum class KeState {
        Idle,          // no key exchange yet
        Negotiating,   // NTS-KE running
        Established,   // keys and cookies held
        Failed,        // the last key exchange failed (lastFailureId says why)
    };

    QString keHost;
    quint16 kePort = 4460;
    KeState keState = KeState::Idle;
    QString ntpServer;              // negotiated NTP server (or keHost)
    quint16 ntpPort = 0;            // negotiated NTP port (0: not yet known)
    int aead = 0;                   // IANA AEAD id (15: AEAD_AES_SIV_CMAC_256)
    int cookiesHeld = 0;
    QDateTime lastKeyExchange;      // UTC, when the current keys were negotiated
    QDateTime rekeyDue;             // UTC, scheduled renewal of the keys
    QString tlsVersion;
    QString certificateSubject;
    QString certificateIssuer;
    QDateTime certificateNotBefore; // UTC
    QDateTime certificateNotAfter;  // UTC
    QStringList certificateChain;   // subjects from the server's certificate up to the root
    int keyExchanges = 0;           // successful NTS-KE exchanges
    int keyExchangeFailures = 0;
    int naks = 0;                   // NTS NAKs received (each leads to a new key exchange)
    QString lastFailureId;          // ntsFailureId() of the last NTS failure ("" when none)
    QString lastFailureText;        // the same in words, with the offending value
    QString lastFailureDetail;      // the offending value alone (empty when there is none)
    QDateTime lastFailureTime;      // UTC
};

// "idle", "negotiating", "established", "failed".
QString ntsKeStateId(NtsStatus::KeState state);

} // namespace chronoscope::engine

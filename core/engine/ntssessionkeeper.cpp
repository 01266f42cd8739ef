// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/ntssessionkeeper.h"

#include <QHostInfo>

using namespace Qt::StringLiterals;

namespace chronoscope::engine {

QString ntsKeStateId(NtsStatus::KeState state)
{
    switch (state) {
    case NtsStatus::KeState::Idle: return u"idle"_s;
    case NtsStatus::KeState::Negotiating: return u"negotiating"_s;
    case NtsStatus::KeState::Established: return u"established"_s;
    case NtsStatus::KeState::Failed: return u"failed"_s;
    }
    return u"idle"_s;
}

NtsSessionKeeper::NtsSessionKeeper(const QString &keHost, quint16 kePort, const QHostAddress &fallbackAddress,
                                   const nts::NtsTrust &trust, double timeoutSeconds, QObject *parent)
    : QObject(parent), m_trust(trust), m_timeout(timeoutSeconds), m_keAddress(fallbackAddress), m_client(this)
{
    m_status.keHost = keHost;
    m_status.kePort = kePort;
    connect(&m_client, &nts::NtsKeClient::finished, this, &NtsSessionKeeper::onKeyExchangeFinished);
}

bool NtsSessionKeeper::ready() const
{
    return m_status.keState == NtsStatus::KeState::Established && !m_ntpAddress.isNull() && m_status.ntpPort != 0
        && !m_auth.needsKeyExchange();
}

void NtsSessionKeeper::ensureKeys()
{
    if (m_client.isRunning() || m_lookupId >= 0)
        return;
    m_status.keState = NtsStatus::KeState::Negotiating;
    m_client.start(m_status.keHost, m_status.kePort, m_trust, m_timeout);
}

void NtsSessionKeeper::abort()
{
    m_client.abort();
    if (m_lookupId >= 0)
        QHostInfo::abortHostLookup(m_lookupId);
    m_lookupId = -1;
    if (m_status.keState == NtsStatus::KeState::Negotiating)
        m_status.keState = m_auth.hasSession() ? NtsStatus::KeState::Established : NtsStatus::KeState::Idle;
}

void NtsSessionKeeper::onKeyExchangeFinished()
{
    const std::optional<nts::NtsKeSession> &session = m_client.session();
    if (!session) {
        fail(m_client.failure());
        return;
    }
    m_auth.install(*session);
    ++m_status.keyExchanges;
    m_status.ntpServer = session->ntpServer;
    m_status.ntpPort = session->ntpPort;
    m_status.aead = session->aead;
    m_status.lastKeyExchange = session->established;
    m_status.tlsVersion = session->tlsVersion;
    m_status.certificateSubject = session->certificate.subject;
    m_status.certificateIssuer = session->certificate.issuer;
    m_status.certificateNotBefore = session->certificate.notBefore;
    m_status.certificateNotAfter = session->certificate.notAfter;
    m_status.certificateChain = session->certificate.chain;
    refreshStatus();

    // NTP goes to the negotiated server: an address, the KE host itself, or a name to resolve.
    const QHostAddress literal(session->ntpServer);
    if (!literal.isNull() || session->ntpServer.isEmpty()
        || session->ntpServer.compare(m_status.keHost, Qt::CaseInsensitive) == 0) {
        m_ntpAddress = literal.isNull() ? m_keAddress : literal;
        m_status.keState = NtsStatus::KeState::Established;
        emit keysReady();
        return;
    }
    m_lookupId = QHostInfo::lookupHost(session->ntpServer, this, [this](const QHostInfo &info) {
        m_lookupId = -1;
        onNtpServerResolved(info.error() == QHostInfo::NoError ? info.addresses() : QList<QHostAddress>{},
                            info.errorString());
    });
}

void NtsSessionKeeper::onNtpServerResolved(const QList<QHostAddress> &addresses, const QString &error)
{
    if (addresses.isEmpty()) {
        fail(nts::NtsFailure{nts::NtsFailureKind::Resolve,
                             u"the negotiated NTP server '%1' does not resolve: %2"_s.arg(m_status.ntpServer, error)});
        return;
    }
    m_ntpAddress = addresses.first();
    m_status.keState = NtsStatus::KeState::Established;
    emit keysReady();
}

void NtsSessionKeeper::fail(const nts::NtsFailure &failure)
{
    m_status.keState = NtsStatus::KeState::Failed;
    ++m_status.keyExchangeFailures;
    m_status.lastFailureId = nts::ntsFailureId(failure.kind);
    m_status.lastFailureText = nts::ntsFailureText(failure.kind)
        + (failure.detail.isEmpty() ? QString() : u": "_s + failure.detail);
    m_status.lastFailureDetail = failure.detail;
    m_status.lastFailureTime = QDateTime::currentDateTimeUtc();
    emit keyExchangeFailed(failure);
}

std::optional<QByteArray> NtsSessionKeeper::prepareRequest(const ntp::Packet &request, nts::NtsFailure *failure)
{
    std::optional<QByteArray> datagram = m_auth.prepareRequest(request, failure);
    refreshStatus();
    return datagram;
}

nts::NtsReplyCheck NtsSessionKeeper::checkReply(QByteArrayView datagram, const ntp::Packet &reply)
{
    const nts::NtsReplyCheck check = m_auth.checkReply(datagram, reply);
    if (check.outcome != nts::NtsReplyCheck::Outcome::Authentic) {
        if (check.outcome == nts::NtsReplyCheck::Outcome::Nak)
            ++m_status.naks;
        m_status.lastFailureId = nts::ntsFailureId(check.failure.kind);
        m_status.lastFailureText = nts::ntsFailureText(check.failure.kind)
            + (check.failure.detail.isEmpty() ? QString() : u": "_s + check.failure.detail);
        m_status.lastFailureDetail = check.failure.detail;
        m_status.lastFailureTime = QDateTime::currentDateTimeUtc();
    }
    refreshStatus();
    return check;
}

void NtsSessionKeeper::requestTimedOut()
{
    m_auth.requestTimedOut();
    refreshStatus();
}

void NtsSessionKeeper::refreshStatus()
{
    m_status.cookiesHeld = m_auth.cookiesHeld();
    m_status.rekeyDue = m_auth.rekeyDue();
}

} // namespace chronoscope::engine

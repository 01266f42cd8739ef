// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/nts/ntsassociationauth.h"

#include <QRandomGenerator>

#include "core/auth/macalgorithm.h"
#include "core/nts/aessivcmac.h"
#include "core/nts/ntsextensionfields.h"

using namespace Qt::StringLiterals;

namespace chronoscope::nts {
namespace {

constexpr std::uint32_t KISS_NTSN = 0x4E54534E;   // "NTSN"

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes;
    bytes.reserve(size + 4);
    while (bytes.size() < size) {
        const quint32 word = QRandomGenerator::system()->generate();   // the OS's CSPRNG
        bytes.append(reinterpret_cast<const char *>(&word), sizeof word);
    }
    bytes.truncate(size);
    return bytes;
}

} // namespace

void NtsAssociationAuth::install(const NtsKeSession &session)
{
    m_session = session;
    m_cookies.clear();
    for (const QByteArray &cookie : session.cookies)
        m_cookies.add(cookie);
    m_outstanding = false;
    m_nakReceived = false;
}

std::optional<QByteArray> NtsAssociationAuth::prepareRequest(const ntp::Packet &request, NtsFailure *failure)
{
    auto refuse = [failure](NtsFailureKind kind, const QString &detail) -> std::optional<QByteArray> {
        if (failure)
            *failure = NtsFailure{kind, detail};
        return std::nullopt;
    };
    if (!m_session)
        return refuse(NtsFailureKind::NoCookies, u"no NTS key exchange has succeeded yet"_s);
    if (m_nakReceived)
        return refuse(NtsFailureKind::Nak, u"the server rejected our cookies; a new key exchange is needed"_s);
    if (m_cookies.isEmpty())
        return refuse(NtsFailureKind::NoCookies, u"all cookies used and none replaced"_s);
    if (!request.extensions.isEmpty() || request.mac || request.cryptoNak)
        return refuse(NtsFailureKind::MalformedFields, u"the request already carries extension fields or a MAC"_s);

    NtsRequestParts parts;
    parts.uniqueId = randomBytes(NTS_UNIQUE_ID_SIZE);
    parts.cookie = m_cookies.take();
    parts.placeholders = m_cookies.placeholdersFor(parts.cookie.size());
    parts.nonce = randomBytes(NTS_NONCE_SIZE);
    const std::optional<QByteArray> datagram = buildNtsRequest(ntp::encode(request), parts,
                                                               m_session->c2sKey.reveal());
    if (!datagram)
        return refuse(NtsFailureKind::BadAuthenticator, u"cannot compute the authenticator (key of %1 bytes)"_s.arg(
                                                            m_session->c2sKey.size()));
    m_uniqueId = parts.uniqueId;
    m_nonce = request.transmitTime;
    m_outstanding = true;
    return datagram;
}

NtsReplyCheck NtsAssociationAuth::reject(NtsFailureKind kind, const QString &detail)
{
    ++m_rejections[kind];
    return NtsReplyCheck{NtsReplyCheck::Outcome::Rejected, NtsFailure{kind, detail}, 0};
}

NtsReplyCheck NtsAssociationAuth::checkReply(QByteArrayView datagram, const ntp::Packet &reply)
{
    if (!m_session || !m_outstanding)
        return reject(NtsFailureKind::UniqueIdMismatch, u"no NTS request is waiting for a reply"_s);
    const NtsReplyLayoutCheck located = locateNtsReplyFields(datagram);
    if (!located.layout)
        return reject(located.failure.kind, located.failure.detail);
    const NtsReplyLayout &layout = *located.layout;
    if (layout.uniqueId.isEmpty())
        return reject(NtsFailureKind::UniqueIdMismatch, u"the reply has no Unique Identifier field"_s);
    if (!auth::constantTimeEquals(layout.uniqueId, m_uniqueId))
        return reject(NtsFailureKind::UniqueIdMismatch,
                      u"the reply's %1-byte Unique Identifier is not the one we sent"_s.arg(layout.uniqueId.size()));

    if (!layout.authOffset) {
        // Only an NTS NAK may come without an authenticator, and only for our request.
        if (reply.stratum == 0 && reply.referenceId == KISS_NTSN && reply.originTime == m_nonce) {
            m_outstanding = false;
            m_nakReceived = true;
            m_cookies.clear();
            ++m_rejections[NtsFailureKind::Nak];
            return NtsReplyCheck{NtsReplyCheck::Outcome::Nak,
                                 NtsFailure{NtsFailureKind::Nak, u"the server sent an NTS NAK (kiss code NTSN)"_s}, 0};
        }
        return reject(NtsFailureKind::MissingAuthenticator, u"the last extension field is not an NTS Authenticator"_s);
    }

    const QByteArrayView associated = datagram.first(*layout.authOffset);
    const std::optional<QByteArray> plaintext = AesSivCmac256::decrypt(m_session->s2cKey.reveal(), layout.nonce,
                                                                       associated, layout.ciphertext);
    if (!plaintext)
        return reject(NtsFailureKind::BadAuthenticator,
                      u"the authenticator does not verify with the server-to-client key"_s);
    QString error;
    const std::optional<EncryptedFields> inner = decodeEncryptedFields(*plaintext, &error);
    if (!inner)
        return reject(NtsFailureKind::MalformedFields, u"encrypted fields: "_s + error);

    m_outstanding = false;
    NtsReplyCheck check{NtsReplyCheck::Outcome::Authentic, {}, 0};
    for (const QByteArray &cookie : inner->cookies)
        if (m_cookies.add(cookie))
            ++check.newCookies;
    return check;
}

bool NtsAssociationAuth::needsKeyExchange(const QDateTime &now) const
{
    return !m_session || m_nakReceived || m_cookies.isEmpty() || now >= rekeyDue();
}

QDateTime NtsAssociationAuth::rekeyDue() const
{
    return m_session ? m_session->established.addSecs(m_refreshSeconds) : QDateTime();
}

} // namespace chronoscope::nts

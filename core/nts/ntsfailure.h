// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace chronoscope::nts {

// Why an NTS step failed: key establishment (NTS-KE over TLS) or an authenticated NTP exchange.
// The stable id (ntsFailureId) is what JSON output and counters use; the text is for people.
enum class NtsFailureKind {
    None,
    Resolve,               // the KE host name did not resolve
    Connect,               // TCP connection refused or reset
    Timeout,               // no complete KE exchange within the time limit
    TlsHandshake,          // TLS failed for another reason (alert, broken record, ...)
    TlsVersion,            // the server does not speak TLS 1.3
    CertificateUntrusted,  // the chain does not lead to a trusted CA (or is self-signed)
    CertificateExpired,    // a certificate in the chain has expired or is not yet valid
    CertificateName,       // the certificate does not name the KE host
    Alpn,                  // the server did not agree to "ntske/1"
    KeMalformed,           // bad record lengths, oversized message, missing End of Message
    KeServerError,         // the server sent an Error record (its code in the detail)
    KeServerWarning,       // the server sent a Warning record
    KeUnknownCritical,     // a critical record we do not know
    KeNegotiation,         // no NTPv4, no acceptable AEAD algorithm, or no cookies
    NoCookies,             // every cookie was used and no reply brought new ones
    Nak,                   // the NTP server could not decrypt our cookie (kiss code NTSN)
    UniqueIdMismatch,      // the reply's Unique Identifier is not the one we sent
    MissingAuthenticator,  // the reply has no NTS Authenticator as its last field
    BadAuthenticator,      // the authenticator does not verify with the server-to-client key
    MalformedFields,       // NTS extension fields with impossible lengths
};

struct NtsFailure
{
    NtsFailureKind kind = NtsFailureKind::None;
    QString detail;   // the offending value in words; never key material

    bool isFailure() const { return kind != NtsFailureKind::None; }
};

// Stable identifier, e.g. "nts_certificate_untrusted".
QString ntsFailureId(NtsFailureKind kind);
// Short phrase a user understands, e.g. "the server's certificate is not trusted".
QString ntsFailureText(NtsFailureKind kind);
// True for failures of the certificate check (untrusted, expired, name mismatch).
bool isCertificateFailure(NtsFailureKind kind);

} // namespace chronoscope::nts

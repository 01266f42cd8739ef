// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/nts/ntsfailure.h"

using namespace Qt::StringLiterals;

namespace chronoscope::nts {

QString ntsFailureId(NtsFailureKind kind)
{
    switch (kind) {
    case NtsFailureKind::None: return u"none"_s;
    case NtsFailureKind::Resolve: return u"nts_resolve"_s;
    case NtsFailureKind::Connect: return u"nts_connect"_s;
    case NtsFailureKind::Timeout: return u"nts_timeout"_s;
    case NtsFailureKind::TlsHandshake: return u"nts_tls_handshake"_s;
    case NtsFailureKind::TlsVersion: return u"nts_tls_version"_s;
    case NtsFailureKind::CertificateUntrusted: return u"nts_certificate_untrusted"_s;
    case NtsFailureKind::CertificateExpired: return u"nts_certificate_expired"_s;
    case NtsFailureKind::CertificateName: return u"nts_certificate_name"_s;
    case NtsFailureKind::Alpn: return u"nts_alpn"_s;
    case NtsFailureKind::KeMalformed: return u"nts_ke_malformed"_s;
    case NtsFailureKind::KeServerError: return u"nts_ke_error"_s;
    case NtsFailureKind::KeServerWarning: return u"nts_ke_warning"_s;
    case NtsFailureKind::KeUnknownCritical: return u"nts_ke_unknown_critical"_s;
    case NtsFailureKind::KeNegotiation: return u"nts_ke_negotiation"_s;
    case NtsFailureKind::NoCookies: return u"nts_no_cookies"_s;
    case NtsFailureKind::Nak: return u"nts_nak"_s;
    case NtsFailureKind::UniqueIdMismatch: return u"nts_unique_id_mismatch"_s;
    case NtsFailureKind::MissingAuthenticator: return u"nts_missing_authenticator"_s;
    case NtsFailureKind::BadAuthenticator: return u"nts_bad_authenticator"_s;
    case NtsFailureKind::MalformedFields: return u"nts_malformed_fields"_s;
    }
    return u"unknown"_s;
}

QString ntsFailureText(NtsFailureKind kind)
{
    switch (kind) {
    case NtsFailureKind::None: return u"no failure"_s;
    case NtsFailureKind::Resolve: return u"the key-exchange server name does not resolve"_s;
    case NtsFailureKind::Connect: return u"cannot connect to the key-exchange server"_s;
    case NtsFailureKind::Timeout: return u"the key exchange did not complete in time"_s;
    case NtsFailureKind::TlsHandshake: return u"the TLS handshake with the key-exchange server failed"_s;
    case NtsFailureKind::TlsVersion: return u"the key-exchange server does not offer TLS 1.3"_s;
    case NtsFailureKind::CertificateUntrusted: return u"the server's certificate is not trusted"_s;
    case NtsFailureKind::CertificateExpired: return u"the server's certificate has expired or is not yet valid"_s;
    case NtsFailureKind::CertificateName: return u"the server's certificate is for a different host name"_s;
    case NtsFailureKind::Alpn: return u"the server did not agree to the NTS-KE protocol (ALPN ntske/1)"_s;
    case NtsFailureKind::KeMalformed: return u"the key-exchange reply is malformed"_s;
    case NtsFailureKind::KeServerError: return u"the key-exchange server refused our request"_s;
    case NtsFailureKind::KeServerWarning: return u"the key-exchange server sent a warning"_s;
    case NtsFailureKind::KeUnknownCritical: return u"the key-exchange reply has a critical record we do not know"_s;
    case NtsFailureKind::KeNegotiation: return u"the key-exchange server offered nothing we can use"_s;
    case NtsFailureKind::NoCookies: return u"no NTS cookies left"_s;
    case NtsFailureKind::Nak: return u"the server no longer accepts our cookies (NTS NAK)"_s;
    case NtsFailureKind::UniqueIdMismatch: return u"the reply does not answer our request (unique identifier)"_s;
    case NtsFailureKind::MissingAuthenticator: return u"the reply is not authenticated"_s;
    case NtsFailureKind::BadAuthenticator: return u"the reply's NTS authenticator is wrong"_s;
    case NtsFailureKind::MalformedFields: return u"the reply's NTS extension fields are malformed"_s;
    }
    return u"unknown NTS failure"_s;
}

bool isCertificateFailure(NtsFailureKind kind)
{
    return kind == NtsFailureKind::CertificateUntrusted || kind == NtsFailureKind::CertificateExpired
        || kind == NtsFailureKind::CertificateName;
}

} // namespace chronoscope::nts

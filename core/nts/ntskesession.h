// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include "core/auth/secretbytes.h"

namespace chronoscope::nts {

// Who vouched for the key-exchange server: its certificate and the verified chain.
struct NtsCertificateInfo
{
    QString subject;        // RFC 2253 form, e.g. "CN=ntp.example"
    QString issuer;
    QDateTime notBefore;    // UTC
    QDateTime notAfter;     // UTC
    QStringList chain;      // subjects from the server's certificate up to the trusted root
};

// The result of one successful NTS-KE exchange: where to send NTP, the AEAD keys and cookies.
struct NtsKeSession
{
    QString keHost;
    quint16 kePort = 0;
    QString ntpServer;      // negotiated, or keHost
    quint16 ntpPort = 123;  // negotiated, or 123
    std::uint16_t aead = 0;
    auth::SecretBytes c2sKey;   // authenticates our requests
    auth::SecretBytes s2cKey;   // verifies replies
    QList<QByteArray> cookies;
    QDateTime established;      // UTC, when the exchange completed
    QString tlsVersion;         // e.g. "TLSv1.3"
    QString cipher;             // e.g. "TLS_AES_256_GCM_SHA384"
    NtsCertificateInfo certificate;
};

} // namespace chronoscope::nts

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QTemporaryDir>

namespace chronoscope::testing {

// A private certificate authority and a server certificate made at test time with the openssl
// command-line tool (`openssl req`, then `openssl x509 -req` to sign): the CA "Chronoscope Test
// CA" and a certificate for `serverName` (subjectAltName DNS:serverName only), both P-256, valid
// for two days. Files are in a temporary directory that lives as long as the object.
class NtsTestPki
{
public:
    explicit NtsTestPki(const QString &serverName = QStringLiteral("localhost"));

    // Creates the files; false with errorString() when openssl is missing or fails.
    bool create();
    QString errorString() const { return m_error; }

    QString caCertificate() const { return m_dir.filePath(QStringLiteral("ca.pem")); }
    QString serverCertificate() const { return m_dir.filePath(QStringLiteral("server.pem")); }
    QString serverKey() const { return m_dir.filePath(QStringLiteral("server.key")); }
    QString directory() const { return m_dir.path(); }

private:
    bool run(const QStringList &arguments);

    QString m_serverName;
    QTemporaryDir m_dir;
    QString m_error;
};

} // namespace chronoscope::testing

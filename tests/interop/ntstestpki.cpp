// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/interop/ntstestpki.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace chronoscope::testing {

NtsTestPki::NtsTestPki(const QString &serverName) : m_serverName(serverName) { }

bool NtsTestPki::run(const QStringList &arguments)
{
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    if (openssl.isEmpty()) {
        m_error = u"the openssl command-line tool is not installed (package openssl)"_s;
        return false;
    }
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(openssl, arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_error = u"openssl %1 failed: %2"_s.arg(arguments.join(u' '), QString::fromLocal8Bit(process.readAll()));
        return false;
    }
    return true;
}

bool NtsTestPki::create()
{
    if (!m_dir.isValid()) {
        m_error = u"cannot create a temporary directory"_s;
        return false;
    }
    const QStringList key{u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s};
    QFile extensions(m_dir.filePath(u"server.ext"_s));
    if (!extensions.open(QIODevice::WriteOnly)
        || extensions.write(u"subjectAltName=DNS:%1\nextendedKeyUsage=serverAuth\n"_s.arg(m_serverName).toUtf8()) < 0) {
        m_error = u"cannot write %1"_s.arg(extensions.fileName());
        return false;
    }
    extensions.close();
    return run(QStringList{u"req"_s, u"-x509"_s} + key
               + QStringList{u"-keyout"_s, u"ca.key"_s, u"-out"_s, u"ca.pem"_s, u"-days"_s, u"2"_s, u"-subj"_s,
                             u"/CN=Chronoscope Test CA"_s, u"-addext"_s, u"basicConstraints=critical,CA:TRUE"_s,
                             u"-addext"_s, u"keyUsage=critical,keyCertSign,cRLSign"_s})
        && run(QStringList{u"req"_s} + key
               + QStringList{u"-keyout"_s, u"server.key"_s, u"-out"_s, u"server.csr"_s, u"-subj"_s,
                             u"/CN="_s + m_serverName})
        && run({u"x509"_s, u"-req"_s, u"-in"_s, u"server.csr"_s, u"-CA"_s, u"ca.pem"_s, u"-CAkey"_s, u"ca.key"_s,
                u"-CAcreateserial"_s, u"-out"_s, u"server.pem"_s, u"-days"_s, u"2"_s, u"-extfile"_s, u"server.ext"_s});
}

} // namespace chronoscope::testing

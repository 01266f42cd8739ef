// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QString>

#include "tests/interop/chronydinstance.h"
#include "tests/interop/ntstestpki.h"

namespace chronoscope::testing {

// A real chronyd NTS server on loopback for tests and benchmarks (issue 14): a CA and a server
// certificate for "localhost" made at test time (NtsTestPki), NTS-KE on a free non-default TCP
// port, NTP on a free UDP port announced through Server/Port Negotiation (ntsntpserver
// 127.0.0.1), chronyd with -x and without CAP_SYS_TIME (ChronydInstance).
class NtsChronyd
{
public:
    // Makes the certificates and starts chronyd; false with errorString() on failure.
    bool start();
    // Stops chronyd and starts a new process on the same ports: new server keys, so cookies
    // issued before are refused with an NTS NAK.
    bool restartWithNewKeys();
    void stop();

    QString errorString() const { return m_error; }
    const NtsTestPki &pki() const { return m_pki; }
    QString caCertificate() const { return m_pki.caCertificate(); }
    quint16 kePort() const { return m_kePort; }
    quint16 ntpPort() const { return m_chronyd ? m_chronyd->port() : 0; }
    ChronydInstance &chronyd() { return *m_chronyd; }
    // "localhost:KEPORT", as `chronoscope-cli check --nts` takes it.
    QString keEndpoint() const;

    static quint16 freeTcpPort();

private:
    bool launch(quint16 ntpPort);

    NtsTestPki m_pki;
    std::unique_ptr<ChronydInstance> m_chronyd;
    quint16 m_kePort = 0;
    QString m_error;
};

} // namespace chronoscope::testing

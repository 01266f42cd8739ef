// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/interop/ntschronyd.h"

#include <QTcpServer>

using namespace Qt::StringLiterals;

namespace chronoscope::testing {

quint16 NtsChronyd::freeTcpPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

bool NtsChronyd::start()
{
    if (ChronydInstance::findChronyd().isEmpty()) {
        m_error = u"chronyd not found: install chrony or run ./dev.sh test (it unpacks one)"_s;
        return false;
    }
    if (!m_pki.create()) {
        m_error = m_pki.errorString();
        return false;
    }
    m_kePort = freeTcpPort();
    if (m_kePort == 0 || m_kePort == 4460) {
        m_error = u"no free TCP port for NTS-KE"_s;
        return false;
    }
    return launch(0);
}

bool NtsChronyd::restartWithNewKeys()
{
    const quint16 ntpPort = this->ntpPort();
    stop();
    return launch(ntpPort);
}

void NtsChronyd::stop()
{
    if (m_chronyd)
        m_chronyd->stop();
}

QString NtsChronyd::keEndpoint() const
{
    return u"localhost:%1"_s.arg(m_kePort);
}

bool NtsChronyd::launch(quint16 ntpPort)
{
    m_chronyd = std::make_unique<ChronydInstance>();
    m_chronyd->setFixedPort(ntpPort);
    m_chronyd->setExtraConfig(u"ntsserverkey %1\nntsservercert %2\nntsport %3\nntsprocesses 0\n"
                              "ntsntpserver 127.0.0.1\n"_s.arg(m_pki.serverKey(), m_pki.serverCertificate())
                                  .arg(m_kePort));
    if (!m_chronyd->start()) {
        m_error = m_chronyd->errorString();
        return false;
    }
    return true;
}

} // namespace chronoscope::testing

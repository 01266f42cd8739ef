// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/servertester.h"

#include <QTimer>

#include "core/config/ntstrustfile.h"
#include "core/engine/enginesession.h"

namespace chronoscope::ui {

ServerTester::ServerTester(QObject *parent) : QObject(parent) { }

ServerTester::~ServerTester() = default;

void ServerTester::start(const engine::ServerSpec &spec)
{
    cancel();
    m_session = std::make_unique<engine::EngineSession>();
    connect(m_session.get(), &engine::EngineSession::finished, this, [this](const engine::EngineSnapshot &snapshot) {
        // Tear the session down outside its own signal.
        QTimer::singleShot(0, this, [this, results = snapshot.servers] {
            m_session.reset();
            emit finished(results);
        });
    });
    engine::AssociationOptions options;
    options.maxRequests = REQUESTS;
    options.fixedInterval = 1.0; // the engine stretches this to 2 s for public servers
    options.timeout = 1.0;
    // NTS servers: the system store plus the CAs of Tools → NTS Certificate Authorities.
    if (const Result<QStringList> cas = config::NtsTrustFile().load())
        options.ntsTrust.caPaths = *cas;
    m_session->setOptions(options);
    m_session->setServers({spec});
    m_session->start();
}

void ServerTester::cancel()
{
    m_session.reset();
}

} // namespace chronoscope::ui

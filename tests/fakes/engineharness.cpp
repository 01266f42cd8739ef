// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/fakes/engineharness.h"

#include <QEventLoop>
#include <QTimer>

namespace chronoscope::testing {

EngineHarness::EngineHarness(const engine::AssociationOptions &options, QObject *parent) : QObject(parent)
{
    m_engine.setOptions(options);
    connect(&m_engine, &engine::SyncEngine::sampleAccepted, this, [this](const engine::AcceptedSample &sample) {
        m_samples.append(sample);
        emit progressed();
    });
    connect(&m_engine, &engine::SyncEngine::requestFailed, this, [this](const engine::RequestOutcome &outcome) {
        m_failures.append(outcome);
        emit progressed();
    });
    connect(&m_engine, &engine::SyncEngine::rejectionsSummarised, this,
            [this](const engine::RejectionSummary &summary) { m_summaries.append(summary); });
    connect(&m_engine, &engine::SyncEngine::snapshotReady, this, [this] {
        ++m_snapshots;
        emit progressed();
    });
    connect(&m_engine, &engine::SyncEngine::allFinished, this, [this] {
        m_finished = true;
        emit progressed();
    });
}

EngineHarness::~EngineHarness()
{
    m_engine.stop();
}

engine::ServerSpec EngineHarness::specFor(const QHostAddress &address, quint16 port)
{
    engine::ServerSpec spec;
    spec.host = address.toString();
    spec.port = port;
    return spec;
}

void EngineHarness::addServer(const QHostAddress &address, quint16 port)
{
    addServer(specFor(address, port));
}

void EngineHarness::addServer(const engine::ServerSpec &spec)
{
    m_finished = false;
    m_engine.addServer(spec);
}

bool EngineHarness::waitForFinished(double seconds)
{
    return waitFor([this] { return m_finished; }, seconds);
}

bool EngineHarness::waitFor(const std::function<bool()> &predicate, double seconds)
{
    if (predicate())
        return true;
    QEventLoop loop;
    const auto check = [&] {
        if (predicate())
            loop.quit();
    };
    const QMetaObject::Connection onProgress = connect(this, &EngineHarness::progressed, &loop, check);
    QTimer poll;
    connect(&poll, &QTimer::timeout, &loop, check);
    poll.start(20);
    QTimer deadline;
    deadline.setSingleShot(true);
    connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    deadline.start(std::chrono::milliseconds(qint64(seconds * 1000.0)));
    loop.exec();
    disconnect(onProgress);
    return predicate();
}

void EngineHarness::runFor(double seconds)
{
    QEventLoop loop;
    QTimer::singleShot(std::chrono::milliseconds(qint64(seconds * 1000.0)), Qt::PreciseTimer, &loop,
                       &QEventLoop::quit);
    loop.exec();
}

std::optional<engine::ServerStatus> EngineHarness::server(const QHostAddress &address, quint16 port) const
{
    for (const engine::ServerStatus &status : m_engine.servers()) {
        if (status.port == port && QHostAddress(status.address).isEqual(address, QHostAddress::TolerantConversion))
            return status;
    }
    return std::nullopt;
}

} // namespace chronoscope::testing

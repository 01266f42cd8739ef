// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/syncengine.h"

#include <cmath>

#include <QHostInfo>
#include <QRandomGenerator>

#include "core/engine/localclock.h"
#include "core/engine/serverassociation.h"
#include "core/ntp/ntpconstants.h"

using namespace Qt::StringLiterals;

namespace chronoscope::engine {
namespace {

QString endpointName(const QHostAddress &address, quint16 port)
{
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol ? u"["_s + address.toString() + u"]"_s
                                                                               : address.toString();
    return host + u":"_s + QString::number(port);
}

} // namespace

SyncEngine::SyncEngine(QObject *parent) : QObject(parent), m_refreshTimer(this)
{
    qRegisterMetaType<ServerStatus>();
    qRegisterMetaType<SampleEvent>();
    qRegisterMetaType<SystemStatus>();
    qRegisterMetaType<ServerSpec>();
    m_refreshTimer.setInterval(std::chrono::seconds(5));
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] { evaluateSystem(); });
}

SyncEngine::~SyncEngine()
{
    stop();
}

void SyncEngine::addServer(const ServerSpec &spec)
{
    m_stopped = false;
    m_finishedEmitted = false;
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
    const QHostAddress literal(spec.host);
    if (!literal.isNull()) {
        const int id = nextId();
        addAssociation(spec, spec.isPool ? endpointName(literal, spec.port) : spec.displayName(), literal, id);
        return;
    }
    // Show the server at once, as "resolving", so the user sees it while DNS works.
    const int placeholderId = nextId();
    ServerStatus placeholder;
    placeholder.id = placeholderId;
    placeholder.name = spec.displayName();
    placeholder.host = spec.host;
    placeholder.port = spec.port;
    placeholder.state = ServerState::Unusable;
    placeholder.reason = u"resolving %1"_s.arg(spec.host);
    m_unresolved[placeholderId] = placeholder;
    ++m_pendingLookups;
    emit serverChanged(placeholder);
    QHostInfo::lookupHost(spec.host, this, [this, spec, placeholderId](const QHostInfo &info) {
        onLookedUp(spec, placeholderId, info);
    });
}

void SyncEngine::onLookedUp(const ServerSpec &spec, int placeholderId, const QHostInfo &info)
{
    --m_pendingLookups;
    if (m_stopped)
        return;
    ServerStatus &placeholder = m_unresolved[placeholderId];
    const QList<QHostAddress> addresses = info.addresses();
    if (info.error() != QHostInfo::NoError || addresses.isEmpty()) {
        placeholder.state = ServerState::Unreachable;
        placeholder.reason = u"could not resolve '%1': %2"_s.arg(
            spec.host, info.errorString().isEmpty() ? u"no addresses"_s : info.errorString());
        placeholder.finished = true;
        emit serverChanged(placeholder);
        evaluateSystem();
        checkFinished();
        return;
    }
    if (!spec.isPool) {
        // A named server uses its first address; the placeholder becomes the association.
        m_unresolved.erase(placeholderId);
        addAssociation(spec, spec.displayName(), addresses.first(), placeholderId);
        return;
    }
    // A pool becomes up to MAX_POOL_ADDRESSES associations, one per address.
    m_unresolved.erase(placeholderId);
    int added = 0;
    for (const QHostAddress &address : addresses) {
        if (added == MAX_POOL_ADDRESSES)
            break;
        addAssociation(spec, endpointName(address, spec.port), address, added == 0 ? placeholderId : nextId());
        ++added;
    }
}

void SyncEngine::addAssociation(const ServerSpec &spec, const QString &name, const QHostAddress &address, int id)
{
    auto *association = new ServerAssociation(id, spec, name, address, m_options, this);
    m_associations[id] = association;
    connect(association, &ServerAssociation::sampleProcessed, this, &SyncEngine::sampleProcessed);
    connect(association, &ServerAssociation::statusChanged, this, &SyncEngine::onAssociationChanged);
    connect(association, &ServerAssociation::finished, this, &SyncEngine::checkFinished);
    // Spread first requests a little so several servers do not share one scheduling slot.
    const double stagger = m_options.maxRequests > 0 ? 0.0 : 0.2 * QRandomGenerator::global()->generateDouble();
    association->start(stagger);
    emit serverChanged(association->status());
}

void SyncEngine::onAssociationChanged(int id)
{
    evaluateSystem(id);
}

QList<ServerStatus> SyncEngine::servers() const
{
    QList<ServerStatus> list;
    for (const auto &[id, association] : m_associations)
        list.append(association->status());
    for (const auto &[id, status] : m_unresolved)
        list.append(status);
    std::sort(list.begin(), list.end(), [](const ServerStatus &a, const ServerStatus &b) { return a.id < b.id; });
    return list;
}

void SyncEngine::evaluateSystem(int changedId)
{
    std::map<int, std::pair<ServerState, QString>> before;
    for (const auto &[id, association] : m_associations)
        before[id] = {association->status().state, association->status().reason};

    // Interim choice until selection lands: the selectable server with the smallest root
    // distance λ is the system peer; other selectable servers are candidates.
    ServerAssociation *best = nullptr;
    for (const auto &[id, association] : m_associations) {
        association->refreshRootDistance();
        if (!association->isSelectable())
            continue;
        const ServerStatus &s = association->status();
        if (*s.rootDistance > ntp::MAXDIST) {
            association->setSelectionState(ServerState::Unusable,
                u"root distance %1 s is above the %2 s limit"_s.arg(*s.rootDistance, 0, 'f', 2).arg(ntp::MAXDIST));
            continue;
        }
        if (!best || *s.rootDistance < *best->status().rootDistance)
            best = association;
    }
    SystemStatus system;
    system.time = LocalClock::nowUnixSeconds();
    int survivors = 0;
    for (const auto &[id, association] : m_associations) {
        if (!association->isSelectable() || association->status().state == ServerState::Unusable)
            continue;
        ++survivors;
        association->setSelectionState(association == best ? ServerState::SysPeer : ServerState::Candidate, QString());
    }
    if (best) {
        const ServerStatus &s = best->status();
        system.synchronized = true;
        system.sysPeer = s.name;
        system.survivors = 1;
        system.offset = s.filter->offset;
        system.jitter = s.filter->jitter;
        system.rootDelay = s.lastMeasurement->rootDelay + s.filter->delay;
        // Root dispersion for the error bound uses the chosen sample's own dispersion, aged
        // (chrony's view), not the filter's εp: εp counts a young filter's empty stages at 16 s
        // each, which is right as a selection weight but would overstate the error ~1000-fold.
        const int chosen = s.filter->chosenStage;
        const double sampleDispersion = chosen >= 0 ? s.filterStages[size_t(chosen)].dispersion : s.filter->dispersion;
        system.rootDispersion = s.lastMeasurement->rootDispersion + sampleDispersion + s.filter->jitter
            + ntp::PHI * std::max(0.0, system.time - s.filter->time);
        system.errorBound = std::abs(*system.offset) + *system.rootDispersion + *system.rootDelay / 2.0;
    }
    Q_UNUSED(survivors);
    // Row-level updates: only the server that changed and those whose verdict moved.
    for (const auto &[id, association] : m_associations) {
        const ServerStatus &s = association->status();
        if (id == changedId || before[id] != std::make_pair(s.state, s.reason))
            emit serverChanged(s);
    }
    m_system = system;
    emit systemChanged(system);
}

bool SyncEngine::isFinished() const
{
    if (m_pendingLookups > 0)
        return false;
    for (const auto &[id, association] : m_associations)
        if (!association->status().finished)
            return false;
    return true;
}

void SyncEngine::checkFinished()
{
    if (m_finishedEmitted || !isFinished())
        return;
    m_finishedEmitted = true;
    evaluateSystem();
    emit allFinished();
}

void SyncEngine::stop()
{
    m_stopped = true;
    m_refreshTimer.stop();
    for (const auto &[id, association] : m_associations)
        association->stop();
}

} // namespace chronoscope::engine

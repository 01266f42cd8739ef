// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/syncengine.h"

#include <cmath>

#include <QHostInfo>
#include <QRandomGenerator>

#include "core/engine/localclock.h"
#include "core/engine/serverassociation.h"
#include "core/ntp/ntpconstants.h"
#include "core/stats/sourceselector.h"

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

SyncEngine::SyncEngine(QObject *parent) : QObject(parent), m_timers(this), m_refreshTimer(this), m_selectionTimer(this)
{
    qRegisterMetaType<ServerStatus>();
    qRegisterMetaType<SampleEvent>();
    qRegisterMetaType<SystemStatus>();
    qRegisterMetaType<ServerSpec>();
    m_refreshTimer.setInterval(std::chrono::seconds(5));
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] { evaluateSystem(); });
    m_selectionTimer.setSingleShot(true);
    m_selectionTimer.setInterval(SELECTION_COALESCE_MS);
    connect(&m_selectionTimer, &QTimer::timeout, this, [this] { evaluateSystem(); });
}

SyncEngine::~SyncEngine()
{
    stop();
    // Associations hold timers on m_timers: delete them before the members go.
    for (const auto &[id, association] : m_associations)
        delete association;
    m_associations.clear();
}

void SyncEngine::setKeys(const QList<auth::SymmetricKey> &keys)
{
    m_keys.clear();
    for (const auth::SymmetricKey &key : keys)
        m_keys[key.id] = key;
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
    placeholder.keyId = spec.keyId;
    if (const auto key = m_keys.find(spec.keyId); spec.keyId != 0 && key != m_keys.end())
        placeholder.authType = key->second.type;
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
    auto *association = new ServerAssociation(id, spec, name, address, m_options, m_timers, this);
    if (spec.keyId != 0) {
        if (const auto key = m_keys.find(spec.keyId); key != m_keys.end())
            association->setKey(key->second);
    }
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
    // Row-level update for this server now; selection over all servers at most every
    // SELECTION_COALESCE_MS, so a thousand associations do not cost a thousand selections.
    if (const auto it = m_associations.find(id); it != m_associations.end())
        emit serverChanged(it->second->status());
    if (!m_selectionTimer.isActive()) {
        // 50 ms for a desktop's handful of servers; with hundreds, half a millisecond per
        // server (1000 servers: twice a second) keeps selection a small share of one core.
        m_selectionTimer.start(std::max(SELECTION_COALESCE_MS, int(m_associations.size() / 2)));
    }
}

void SyncEngine::removeServer(int id)
{
    if (const auto it = m_associations.find(id); it != m_associations.end()) {
        it->second->stop();
        it->second->deleteLater();
        m_associations.erase(it);
    }
    m_unresolved.erase(id);
    emit serverRemoved(id);
    evaluateSystem();
}

void SyncEngine::removeAllServers()
{
    QList<int> ids;
    for (const auto &[id, association] : m_associations)
        ids.append(id);
    for (const auto &[id, status] : m_unresolved)
        ids.append(id);
    for (int id : ids)
        removeServer(id);
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
    QList<stats::SelectionCandidate> candidates;
    QList<ServerAssociation *> candidateAssociations;
    const double now = LocalClock::nowUnixSeconds();
    for (const auto &[id, association] : m_associations) {
        association->refreshRootDistance();
        const ServerStatus &s = association->status();
        before[id] = {s.state, s.reason};
        // Kiss-o'-Death and authentication verdicts stand; the rest is for selection to judge.
        if (!association->isSelectable() || s.state == ServerState::KodDeny || s.state == ServerState::KodRate
            || s.state == ServerState::AuthFailed)
            continue;
        candidates.append(toCandidate(*association, now));
        candidateAssociations.append(association);
    }
    const stats::SelectionResult selection = stats::selectSources(candidates, m_selectionOptions);
    for (qsizetype i = 0; i < candidateAssociations.size(); ++i) {
        const stats::CandidateVerdict &v = selection.verdicts[i];
        candidateAssociations[i]->setSelectionState(stateFor(v.verdict), v.reason);
    }

    SystemStatus system;
    system.time = now;
    system.synchronized = selection.synchronised;
    system.offset = selection.offset;
    system.jitter = selection.jitter;
    system.rootDelay = selection.rootDelay;
    system.rootDispersion = selection.rootDispersion;
    system.errorBound = selection.errorBound;
    system.survivors = selection.survivors;
    system.intersectionLow = selection.intersectionLow;
    system.intersectionHigh = selection.intersectionHigh;
    system.summary = selection.summary;
    if (selection.sysPeerId >= 0)
        system.sysPeer = m_associations.at(selection.sysPeerId)->status().name;

    // Drift: the survivors' frequencies combined by 1/skew².
    QList<stats::DriftEstimate> survivorDrift;
    for (qsizetype i = 0; i < candidateAssociations.size(); ++i) {
        const stats::Verdict v = selection.verdicts[i].verdict;
        const ServerStatus &s = candidateAssociations[i]->status();
        if ((v == stats::Verdict::SysPeer || v == stats::Verdict::Candidate) && s.drift)
            survivorDrift.append(*s.drift);
    }
    const stats::CombinedDrift drift = stats::combineDrift(survivorDrift.constData(), int(survivorDrift.size()));
    system.driftMeaningful = drift.meaningful;
    if (drift.meaningful) {
        system.freqPpm = drift.freqPpm;
        system.skewPpm = drift.skewPpm;
    }

    // Row-level updates: only the servers whose verdict moved (and the one that asked).
    for (const auto &[id, association] : m_associations) {
        const ServerStatus &s = association->status();
        if (id == changedId || before[id] != std::make_pair(s.state, s.reason))
            emit serverChanged(s);
    }
    m_selectionTimer.stop();
    m_system = system;
    emit systemChanged(system);
}

stats::SelectionCandidate SyncEngine::toCandidate(const ServerAssociation &association, double now)
{
    const ServerStatus &s = association.status();
    const ServerSpec &spec = association.spec();
    stats::SelectionCandidate c;
    c.id = s.id;
    c.name = s.name;
    c.reachable = s.reach != 0;
    c.hasSample = s.filter && s.filter->validStages > 0;
    c.synchronised = s.leap != ntp::LeapIndicator::Unsynchronized;
    c.stratum = s.stratum;
    c.pollLog2 = s.pollLog2;
    c.prefer = spec.prefer;
    c.noselect = spec.noselect;
    c.trust = spec.trust;
    c.require = spec.require;
    if (c.hasSample && s.lastMeasurement) {
        c.offset = s.filter->offset;
        c.jitter = s.filter->jitter;
        c.rootDistance = s.rootDistance.value_or(1e9);
        c.rootDelay = s.lastMeasurement->rootDelay + s.filter->delay;
        // The error bound uses the chosen sample's own dispersion, aged (chrony's view), not
        // the filter's εp: εp counts a young filter's empty stages at 16 s each, right as a
        // selection weight but an overstatement of the error by orders of magnitude.
        const int chosen = s.filter->chosenStage;
        const double sampleDispersion = chosen >= 0 ? s.filterStages[size_t(chosen)].dispersion : s.filter->dispersion;
        c.rootDispersion = s.lastMeasurement->rootDispersion + sampleDispersion + s.filter->jitter
            + ntp::PHI * std::max(0.0, now - s.filter->time);
    }
    return c;
}

ServerState SyncEngine::stateFor(stats::Verdict verdict)
{
    switch (verdict) {
    case stats::Verdict::SysPeer: return ServerState::SysPeer;
    case stats::Verdict::Candidate: return ServerState::Candidate;
    case stats::Verdict::Outlier: return ServerState::Outlier;
    case stats::Verdict::Falseticker: return ServerState::Falseticker;
    case stats::Verdict::Jittery: return ServerState::Jittery;
    case stats::Verdict::Unusable: return ServerState::Unusable;
    }
    return ServerState::Unusable;
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

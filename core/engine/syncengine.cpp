// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/syncengine.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include <QHostInfo>
#include <QMetaMethod>
#include <QRandomGenerator>

#include "core/engine/localclock.h"
#include "core/engine/serverassociation.h"
#include "core/engine/serverstaterule.h"
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

SyncEngine::SyncEngine(QObject *parent)
    : QObject(parent)
    , m_timers(this)
#ifdef Q_OS_LINUX
    , m_poller(this)
#endif
    , m_sampleBatchTimer(this)
    , m_refreshTimer(this)
    , m_publishTimer(this)
{
    qRegisterMetaType<ServerStatus>();
    qRegisterMetaType<SystemStatus>();
    qRegisterMetaType<EngineSnapshot>();
    qRegisterMetaType<AcceptedSample>();
    qRegisterMetaType<QList<AcceptedSample>>();
    qRegisterMetaType<RequestOutcome>();
    qRegisterMetaType<RejectionSummary>();
    qRegisterMetaType<ServerSpec>();
    qRegisterMetaType<QList<ServerSpec>>();
    m_refreshTimer.setInterval(std::chrono::seconds(5));
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        m_dirty = true;
        publish();
    });
    m_publishTimer.setSingleShot(true);
    connect(&m_publishTimer, &QTimer::timeout, this, &SyncEngine::publish);
    m_sampleBatchTimer.setSingleShot(true);
    connect(&m_sampleBatchTimer, &QTimer::timeout, this, &SyncEngine::flushSamples);
    m_sincePublish.start();
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
    std::map<quint32, auth::SymmetricKey> next;
    for (const auth::SymmetricKey &key : keys)
        next[key.id] = key;
    const auto changedKey = [&](quint32 id) {
        const auto before = m_keys.find(id);
        const auto after = next.find(id);
        if ((before == m_keys.end()) != (after == next.end()))
            return true;
        return before != m_keys.end() && !(before->second == after->second);
    };
    m_keys = std::move(next);
    // Re-create the associations whose key changed, under the same id (rows and history stay).
    QList<int> affected;
    for (const auto &[id, association] : m_associations)
        if (association->spec().keyId != 0 && changedKey(association->spec().keyId))
            affected.append(id);
    for (int id : affected) {
        ServerAssociation *old = m_associations.at(id);
        const ServerSpec spec = old->spec();
        const QString name = old->status().name;
        const QHostAddress address(old->status().address);
        const int entry = m_entryOf.at(id);
        old->stop();
        old->setObserver(nullptr); // what stop() reported has arrived; it is gone for the engine now
        old->deleteLater();
        m_associations.erase(id);
        addAssociation(spec, name, address, id, entry);
    }
}

void SyncEngine::addServer(const ServerSpec &spec)
{
    m_stopped = false;
    m_finishedEmitted = false;
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
    const int entry = m_nextEntry++;
    m_entries[entry] = spec;
    const QHostAddress literal(spec.host);
    if (!literal.isNull()) {
        const int id = nextId();
        addAssociation(spec, spec.isPool ? endpointName(literal, spec.port) : spec.displayName(), literal, id, entry);
        return;
    }
    // Show the server at once, as "resolving", so the user sees it while DNS works.
    const int placeholderId = nextId();
    Placeholder placeholder;
    placeholder.entry = entry;
    ServerStatus &status = placeholder.status;
    status.id = placeholderId;
    status.name = spec.displayName();
    status.host = spec.host;
    status.port = spec.port;
    status.keyId = spec.keyId;
    if (const auto key = m_keys.find(spec.keyId); spec.keyId != 0 && key != m_keys.end())
        status.authType = key->second.type;
    if (spec.nts) {
        status.nts = NtsStatus{};
        status.nts->keHost = spec.host;
        status.nts->kePort = spec.ntsPort;
    }
    status.condition = ServerCondition::Waiting;
    status.conditionReason = u"resolving %1"_s.arg(spec.host);
    status.conditionReasonCode = {u"resolving"_s, {spec.host}};
    m_unresolved[placeholderId] = placeholder;
    m_entryOf[placeholderId] = entry;
    ++m_pendingLookups;
    schedulePublish();
    QHostInfo::lookupHost(spec.host, this, [this, spec, placeholderId](const QHostInfo &info) {
        onLookedUp(spec, placeholderId, info);
    });
}

void SyncEngine::onLookedUp(const ServerSpec &spec, int placeholderId, const QHostInfo &info)
{
    --m_pendingLookups;
    const auto found = m_unresolved.find(placeholderId);
    if (m_stopped || found == m_unresolved.end()) {
        checkFinished();
        return; // removed while the name was resolving
    }
    Placeholder &placeholder = found->second;
    const int entry = placeholder.entry;
    const QList<QHostAddress> addresses = info.addresses();
    if (info.error() != QHostInfo::NoError || addresses.isEmpty()) {
        placeholder.status.condition = ServerCondition::Unreachable;
        const QString error = info.errorString().isEmpty() ? u"no addresses"_s : info.errorString();
        placeholder.status.conditionReason = u"could not resolve '%1': %2"_s.arg(spec.host, error);
        placeholder.status.conditionReasonCode = {u"resolve_failed"_s, {spec.host, error}};
        placeholder.status.finished = true;
        ++placeholder.status.revision;
        schedulePublish();
        checkFinished();
        return;
    }
    m_unresolved.erase(found);
    if (!spec.isPool) {
        // A named server uses its first address; the placeholder becomes the association.
        addAssociation(spec, spec.displayName(), addresses.first(), placeholderId, entry);
        return;
    }
    // A pool becomes up to MAX_POOL_ADDRESSES associations, one per address.
    int added = 0;
    for (const QHostAddress &address : addresses) {
        if (added == MAX_POOL_ADDRESSES)
            break;
        addAssociation(spec, endpointName(address, spec.port), address, added == 0 ? placeholderId : nextId(), entry);
        ++added;
    }
}

void SyncEngine::addAssociation(const ServerSpec &spec, const QString &name, const QHostAddress &address, int id,
                                int entry)
{
    auto *association = new ServerAssociation(id, spec, name, address, m_options, m_timers, poller(), this);
    if (spec.keyId != 0) {
        if (const auto key = m_keys.find(spec.keyId); key != m_keys.end())
            association->setKey(key->second);
    }
    m_associations[id] = association;
    m_entryOf[id] = entry;
    association->setObserver(this); // samples, failures, rejections, changes: no connections
    connect(association, &ServerAssociation::finished, this, &SyncEngine::checkFinished);
    const ServerStatus &s = association->status();
    const ServerStateRule::Decision d =
        ServerStateRule::decide(s.condition, s.conditionReason, false, std::nullopt, {}, s.conditionReasonCode);
    association->applySelection(d.state, d.reason, d.code);
    association->start(firstRequestDelay());
    schedulePublish();
}

double SyncEngine::firstRequestDelay()
{
    // Spread first requests a little (up to 0.2 s) so several servers do not share one
    // scheduling slot, and pace them at FIRST_REQUESTS_PER_SECOND so that a long list does not
    // go out as one burst that overflows a server's or the kernel's receive buffer.
    const auto now = std::chrono::steady_clock::now();
    m_nextFirstRequest = std::max(m_nextFirstRequest, now) + std::chrono::microseconds(1000000 / FIRST_REQUESTS_PER_SECOND);
    const double paced = std::chrono::duration<double>(m_nextFirstRequest - now).count(); // seconds
    const double spread = m_options.maxRequests > 0 ? 0.0 : 0.2 * QRandomGenerator::global()->generateDouble();
    return std::max(paced, spread);
}

SocketPoller *SyncEngine::poller()
{
#ifdef Q_OS_LINUX
    return &m_poller;
#else
    return nullptr;
#endif
}

void SyncEngine::onSampleAccepted(const AcceptedSample &sample)
{
    emit sampleAccepted(sample);
    if (!isSignalConnected(QMetaMethod::fromSignal(&SyncEngine::samplesAccepted)))
        return;
    m_sampleBatch.append(sample);
    if (!m_sampleBatchTimer.isActive())
        m_sampleBatchTimer.start(SAMPLE_BATCH_MS);
}

void SyncEngine::flushSamples()
{
    m_sampleBatchTimer.stop();
    if (m_sampleBatch.isEmpty())
        return;
    const QList<AcceptedSample> batch = std::exchange(m_sampleBatch, {});
    emit samplesAccepted(batch);
}

void SyncEngine::onRequestFailed(const RequestOutcome &outcome)
{
    flushSamples();
    emit requestFailed(outcome);
}

void SyncEngine::onRejectionsSummarised(const RejectionSummary &summary)
{
    flushSamples();
    emit rejectionsSummarised(summary);
}

void SyncEngine::onAssociationChanged(int)
{
    // A flag and, at most once per interval, a timer start: a flood of datagrams costs no
    // selection and no snapshot of its own.
    schedulePublish();
}

int SyncEngine::publishIntervalMs() const
{
    return publishIntervalFor(int(m_associations.size()), m_lastPublishCostNs);
}

int SyncEngine::publishIntervalFor(int servers, qint64 lastPublishCostNs)
{
    // 100 ms for a desktop's handful of servers; with hundreds, a millisecond per server (500
    // servers: 2 snapshots a second), one a second from 1,000 servers on: selection and the
    // snapshot copy cost O(servers) each time (selection alone ~1.8 ms at 1,000 servers,
    // bench_selection), more than anyone can read off a table of that size more often.
    const int byCount = std::clamp(servers, PUBLISH_INTERVAL_MS, MAX_PUBLISH_INTERVAL_MS);
    // Past that, the last publish's cost sets the pace: selection and the status copy took
    // about 2 ms at 1,000 servers and tens of ms at 10,000, which once a second was a tenth of
    // the engine's CPU (bench_monitor1000); at a thousandth of a core they come every 2 s and
    // every 5 s (the cap). Below 1,000 servers the count alone decides, so a slow machine
    // (or a sanitizer build) never makes a desktop's table lag.
    if (byCount < MAX_PUBLISH_INTERVAL_MS)
        return byCount;
    const double byCostMs = double(std::max<qint64>(0, lastPublishCostNs)) * 1e-6 / PUBLISH_CPU_SHARE;
    return std::max(byCount, int(std::lround(std::min(byCostMs, double(MAX_LOADED_PUBLISH_INTERVAL_MS)))));
}

void SyncEngine::schedulePublish()
{
    m_dirty = true;
    if (m_publishTimer.isActive())
        return;
    const qint64 wait = std::max<qint64>(0, publishIntervalMs() - m_sincePublish.elapsed());
    m_publishTimer.start(int(wait));
}

void SyncEngine::publish()
{
    m_publishTimer.stop();
    if (!m_dirty)
        return;
    flushSamples();
    QElapsedTimer cost;
    cost.start();
    const EngineSnapshot snapshot = snapshotNow();
    m_lastPublishCostNs = cost.nsecsElapsed();
    emit snapshotReady(snapshot);
}

EngineSnapshot SyncEngine::snapshotNow()
{
    evaluateSystem();
    m_dirty = false;
    m_sincePublish.restart();
    EngineSnapshot snapshot;
    snapshot.sequence = ++m_sequence;
    snapshot.time = m_system.time;
    snapshot.servers = servers();
    snapshot.system = m_system;
    snapshot.finished = isFinished();
    return snapshot;
}

void SyncEngine::removeEntry(int entry)
{
    QList<int> ids;
    for (const auto &[id, owner] : m_entryOf)
        if (owner == entry)
            ids.append(id);
    for (int id : ids)
        removeServer(id);
    m_entries.erase(entry);
}

void SyncEngine::setServers(const QList<ServerSpec> &specs)
{
    QList<bool> kept(specs.size(), false);
    QList<int> dropped;
    for (const auto &[entry, spec] : m_entries) {
        bool matched = false;
        for (qsizetype i = 0; i < specs.size() && !matched; ++i) {
            if (!kept[i] && specs[i] == spec) {
                kept[i] = true;
                matched = true;
            }
        }
        if (!matched)
            dropped.append(entry);
    }
    for (int entry : dropped)
        removeEntry(entry);
    for (qsizetype i = 0; i < specs.size(); ++i)
        if (!kept[i])
            addServer(specs[i]);
    schedulePublish();
}

void SyncEngine::restartAll()
{
    m_stopped = false;
    m_finishedEmitted = false;
    m_system = SystemStatus{};
    for (const auto &[id, association] : m_associations) {
        association->restart(firstRequestDelay());
    }
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
    schedulePublish();
}

void SyncEngine::removeServer(int id)
{
    if (const auto it = m_associations.find(id); it != m_associations.end()) {
        it->second->stop();
        it->second->setObserver(nullptr); // what stop() reported has arrived; it is gone for the engine now
        it->second->deleteLater();
        m_associations.erase(it);
    }
    m_unresolved.erase(id);
    const auto owner = m_entryOf.find(id);
    if (owner != m_entryOf.end()) {
        const int entry = owner->second;
        m_entryOf.erase(owner);
        const bool entryEmpty = std::none_of(m_entryOf.begin(), m_entryOf.end(),
                                             [entry](const auto &pair) { return pair.second == entry; });
        if (entryEmpty)
            m_entries.erase(entry);
    }
    flushSamples();
    emit serverRemoved(id);
    schedulePublish();
}

void SyncEngine::removeAllServers()
{
    QList<int> ids;
    for (const auto &[id, association] : m_associations)
        ids.append(id);
    for (const auto &[id, placeholder] : m_unresolved)
        ids.append(id);
    for (int id : ids)
        removeServer(id);
    m_entries.clear();
}

QList<ServerStatus> SyncEngine::servers() const
{
    const auto placeholderStatus = [](const Placeholder &placeholder) {
        ServerStatus status = placeholder.status;
        const ServerStateRule::Decision d =
            ServerStateRule::decide(status.condition, status.conditionReason, false, std::nullopt, {},
                                    status.conditionReasonCode);
        status.state = d.state;
        status.reason = d.reason;
        status.reasonCode = d.code;
        return status;
    };
    // Both maps are sorted by id (and never share one): merging them gives the list sorted by
    // id without a sort, which moved every entry even when nothing was out of order.
    QList<ServerStatus> list;
    list.reserve(qsizetype(m_associations.size() + m_unresolved.size()));
    auto unresolved = m_unresolved.begin();
    for (const auto &[id, association] : m_associations) {
        for (; unresolved != m_unresolved.end() && unresolved->first < id; ++unresolved)
            list.append(placeholderStatus(unresolved->second));
        list.append(association->status());
    }
    for (; unresolved != m_unresolved.end(); ++unresolved)
        list.append(placeholderStatus(unresolved->second));
    return list;
}

void SyncEngine::evaluateSystem()
{
    QList<stats::SelectionCandidate> candidates;
    QList<ServerAssociation *> candidateAssociations;
    candidates.reserve(qsizetype(m_associations.size()));
    candidateAssociations.reserve(qsizetype(m_associations.size()));
    const double now = LocalClock::nowUnixSeconds();
    for (const auto &[id, association] : m_associations) {
        association->refreshRootDistance();
        const ServerStatus &s = association->status();
        if (!ServerStateRule::takesPartInSelection(s.condition, association->isSelectable()))
            continue;
        candidates.append(toCandidate(*association, now));
        candidateAssociations.append(association);
    }
    const stats::SelectionResult selection = stats::selectSources(candidates, m_selectionOptions);

    // Every server's state, from its condition and selection's verdict (ServerStateRule). The
    // candidates were taken in the same (id) order, so the next candidate is the only one this
    // association can be: no lookup map of 10,000 nodes per evaluation.
    qsizetype next = 0;
    for (const auto &[id, association] : m_associations) {
        const ServerStatus &s = association->status();
        const stats::CandidateVerdict *v = next < candidateAssociations.size() && candidateAssociations[next] == association
            ? &selection.verdicts[next++]
            : nullptr;
        const ServerStateRule::Decision d = ServerStateRule::decide(
            s.condition, s.conditionReason, association->isSelectable(),
            v ? std::optional(v->verdict) : std::nullopt, v ? v->reason : QString(), s.conditionReasonCode,
            v ? v->code : StatusReason());
        association->applySelection(d.state, d.reason, d.code);
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
    system.summaryCode = selection.summaryCode;
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
    m_system = system;
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
    m_dirty = true;
    flushSamples();
    publish();
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

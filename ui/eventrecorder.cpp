// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/eventrecorder.h"

#include <cmath>

#include "core/engine/localclock.h"
#include "core/eventlog/eventlog.h"
#include "core/report/humanformat.h"
#include "core/texts/reasontexts.h"
#include "ui/statecolors.h"

using namespace Qt::StringLiterals;

namespace chronoscope::ui {

using eventlog::EventKind;
using eventlog::EventLevel;

EventRecorder::EventRecorder(eventlog::EventLog *log, QObject *parent) : QObject(parent), m_log(log) { }

void EventRecorder::add(EventKind kind, EventLevel level, int serverId, const QString &server, const QString &message,
                        double time)
{
    eventlog::EventLogEntry entry;
    entry.time = time > 0 ? time : engine::LocalClock::nowUnixSeconds();
    entry.kind = kind;
    entry.level = level;
    entry.serverId = serverId;
    entry.server = server;
    entry.message = message;
    m_log->record(entry);
}

const engine::ServerStatus *EventRecorder::previousServer(int id) const
{
    const qsizetype index = m_previousIndex.value(id, -1);
    return index >= 0 ? &m_previous.servers.at(index) : nullptr;
}

void EventRecorder::onSnapshot(const engine::EngineSnapshot &snapshot)
{
    for (const engine::ServerStatus &s : snapshot.servers) {
        const engine::ServerStatus *before = previousServer(s.id);
        if (!before || before->revision != s.revision || before->state != s.state)
            recordServerChange(s, before);
    }
    m_previous = snapshot;
    m_previousIndex.clear();
    for (qsizetype i = 0; i < snapshot.servers.size(); ++i)
        m_previousIndex.insert(snapshot.servers.at(i).id, i);
    if (snapshot.system.time > 0)
        onSystemChanged(snapshot.system);
}

void EventRecorder::recordServerChange(const engine::ServerStatus &s, const engine::ServerStatus *before)
{
    if (!before)
        add(EventKind::Configuration, EventLevel::Info, s.id, s.name,
            s.address.isEmpty() ? tr("server added (%1)").arg(texts::ReasonTexts::text(s.reasonCode, s.reason)) : tr("server added, address %1").arg(s.address));
    // Requests sent since the previous snapshot (at most one per poll; the newest is named).
    if (s.requestsSent > (before ? before->requestsSent : 0))
        add(EventKind::RequestSent, EventLevel::Detail, s.id, s.name,
            tr("request sent (#%1, poll %2)").arg(s.requestsSent).arg(report::formatAge(std::ldexp(1.0, s.pollLog2))));
    if (before && s.state != before->state) {
        const report::Severity severity = stateSeverity(s.state);
        const EventLevel level = severity == report::Severity::Bad ? EventLevel::Warning : EventLevel::Info;
        //: %1 old state, %2 new state, e.g. "candidate → falseticker"
        QString message = tr("%1 → %2").arg(stateName(before->state), stateName(s.state));
        if (!s.reason.isEmpty())
            message += u": "_s + texts::ReasonTexts::text(s.reasonCode, s.reason);
        add(EventKind::StateChanged, level, s.id, s.name, message);
    }
}

void EventRecorder::onSampleAccepted(const engine::AcceptedSample &sample)
{
    QString message = tr("reply accepted: offset %1, delay %2")
                          .arg(report::formatSeconds(sample.offset, true), report::formatSeconds(sample.delay));
    if (sample.popcornSpike)
        message += u"; "_s + texts::ReasonTexts::rejectText(u"popcorn_spike"_s);
    add(EventKind::ReplyAccepted, EventLevel::Detail, sample.serverId, sample.serverName, message, sample.time);
}

void EventRecorder::onRequestFailed(const engine::RequestOutcome &event)
{
    const QString reason = texts::ReasonTexts::rejectText(event.reasonId);
    const QString detailText = texts::ReasonTexts::text(event.detailCode, event.detail);
    const QString detail = detailText.isEmpty() ? QString() : u" ("_s + detailText + u")"_s;
    if (event.timedOut) {
        add(EventKind::Timeout, EventLevel::Warning, event.serverId, event.serverName,
            tr("no reply: %1").arg(detailText.isEmpty() ? reason : detailText), event.time);
        return;
    }
    if (event.reasonId == u"kiss_of_death"_s) {
        add(EventKind::KissOfDeath, EventLevel::Warning, event.serverId, event.serverName,
            tr("kiss-o'-death received%1").arg(detail), event.time);
        return;
    }
    add(EventKind::ReplyRejected, EventLevel::Warning, event.serverId, event.serverName,
        tr("request failed: %1%2").arg(reason, detail), event.time);
}

void EventRecorder::onRejections(const engine::RejectionSummary &summary)
{
    QStringList parts;
    for (auto it = summary.counts.cbegin(); it != summary.counts.cend(); ++it)
        parts << tr("%1 %2").arg(texts::ReasonTexts::rejectText(it.key())).arg(it.value());
    QString message;
    if (summary.total == 1) {
        const QString example = summary.examples.value(summary.counts.firstKey());
        message = tr("reply rejected: %1").arg(texts::ReasonTexts::rejectText(summary.counts.firstKey()))
            + (example.isEmpty() ? QString() : u" ("_s + example + u")"_s);
    } else {
        //: %1 count, %2 duration ("64 s"), %3 list of reasons with counts
        message = tr("%1 replies rejected in the last %2: %3")
                      .arg(summary.total)
                      .arg(report::formatAge(summary.windowSeconds), parts.join(u", "_s));
    }
    add(EventKind::ReplyRejected, EventLevel::Warning, summary.serverId, summary.serverName, message, summary.time);
}

void EventRecorder::onSystemChanged(const engine::SystemStatus &system)
{
    const bool first = !m_haveSystem;
    m_haveSystem = true;
    if (system.sysPeer != m_sysPeer) {
        if (system.sysPeer.isEmpty())
            add(EventKind::SelectionChanged, EventLevel::Warning, -1, QString(), tr("no system peer any more"));
        else
            add(EventKind::SelectionChanged, EventLevel::Info, -1, QString(), tr("system peer is now %1").arg(system.sysPeer));
        m_sysPeer = system.sysPeer;
    }
    if (system.synchronized != m_synchronized) {
        if (system.synchronized)
            add(EventKind::SelectionChanged, EventLevel::Info, -1, QString(),
                tr("synchronised: offset %1, %2 survivor(s)").arg(report::formatSeconds(system.offset, true)).arg(system.survivors));
        else if (!first)
            add(EventKind::SelectionChanged, EventLevel::Warning, -1, QString(),
                tr("lost synchronisation: %1").arg(texts::ReasonTexts::text(system.summaryCode, system.summary)));
        m_synchronized = system.synchronized;
    }
}

void EventRecorder::onServerRemoved(int serverId)
{
    const engine::ServerStatus *before = previousServer(serverId);
    if (!before)
        return;
    add(EventKind::Configuration, EventLevel::Info, serverId, before->name, tr("server removed"));
    // Forget it, so a second removal notice cannot report it twice.
    m_previousIndex.remove(serverId);
}

void EventRecorder::recordConfiguration(const QString &message, EventLevel level)
{
    add(EventKind::Configuration, level, -1, QString(), message);
}

void EventRecorder::recordStepRequested(double offset, const QString &detail)
{
    add(EventKind::StepRequested, EventLevel::Warning, -1, QString(),
        tr("clock correction of %1 requested%2").arg(report::formatSeconds(offset, true), detail.isEmpty() ? QString() : u": "_s + detail));
}

} // namespace chronoscope::ui

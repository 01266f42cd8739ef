// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/eventlog/eventlogentry.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace chronoscope::eventlog {

QString eventLevelId(EventLevel level)
{
    switch (level) {
    case EventLevel::Detail: return u"detail"_s;
    case EventLevel::Info: return u"info"_s;
    case EventLevel::Warning: return u"warning"_s;
    case EventLevel::Error: return u"error"_s;
    }
    return u"info"_s;
}

QString eventKindId(EventKind kind)
{
    switch (kind) {
    case EventKind::RequestSent: return u"request_sent"_s;
    case EventKind::ReplyAccepted: return u"reply_accepted"_s;
    case EventKind::ReplyRejected: return u"reply_rejected"_s;
    case EventKind::Timeout: return u"timeout"_s;
    case EventKind::KissOfDeath: return u"kiss_of_death"_s;
    case EventKind::StateChanged: return u"state_changed"_s;
    case EventKind::SelectionChanged: return u"selection_changed"_s;
    case EventKind::StepRequested: return u"step_requested"_s;
    case EventKind::Configuration: return u"configuration"_s;
    }
    return u"configuration"_s;
}

QString formatEntryLine(const EventLogEntry &entry)
{
    const QString when = QDateTime::fromMSecsSinceEpoch(qint64(entry.time * 1000.0)).toOffsetFromUtc(
        QDateTime::currentDateTime().offsetFromUtc()).toString(Qt::ISODateWithMs);
    QString line = when + u' ' + eventLevelId(entry.level) + u' ' + eventKindId(entry.kind);
    if (!entry.server.isEmpty())
        line += u' ' + entry.server + u':';
    return line + u' ' + QString(entry.message).replace(u'\n', u' ');
}

} // namespace chronoscope::eventlog

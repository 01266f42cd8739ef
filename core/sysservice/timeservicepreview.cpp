// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sysservice/timeservicepreview.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace chronoscope::sysservice {

namespace ts = protocol::timeservice;

namespace {

// The comment the helper puts at the top of the drop-ins it writes.
const QString HEADER = u"# Written by chronoscope-helper from the server list applied in Chronoscope.\n"
                       u"# Chronoscope's Revert restores the previous configuration; edits here are overwritten.\n"_s;

QString serverLine(const ts::ServerEntry &entry, bool ntpd)
{
    QStringList words{u"server"_s, QString::fromStdString(entry.host)};
    if (!ntpd && entry.port != 0)
        words << u"port"_s << QString::number(entry.port);
    if (entry.flags & ts::SERVER_IBURST)
        words << u"iburst"_s;
    if (entry.flags & ts::SERVER_PREFER)
        words << u"prefer"_s;
    if (entry.flags & ts::SERVER_NTS)
        words << u"nts"_s;
    if (entry.flags & ts::SERVER_POLL)
        words << u"minpoll"_s << QString::number(entry.minPoll) << u"maxpoll"_s << QString::number(entry.maxPoll);
    if (entry.keyId != 0)
        words << u"key"_s << QString::number(entry.keyId);
    return words.join(u' ');
}

} // namespace

QString timeServicePreview(const TimeServicePlan &plan)
{
    QString text;
    switch (plan.daemon) {
    case ts::Daemon::Chronyd:
        text = HEADER;
        for (const ts::ServerEntry &entry : plan.servers)
            text += serverLine(entry, false) + u'\n';
        break;
    case ts::Daemon::Timesyncd: {
        QStringList hosts;
        for (const ts::ServerEntry &entry : plan.servers)
            hosts << QString::fromStdString(entry.host);
        text = HEADER + u"[Time]\nNTP="_s + hosts.join(u' ') + u'\n';
        break;
    }
    case ts::Daemon::Ntpd:
        text = u"# BEGIN chronoscope (written by chronoscope-helper; Revert in Chronoscope restores the previous file)\n"_s;
        for (const ts::ServerEntry &entry : plan.servers)
            text += serverLine(entry, true) + u'\n';
        text += u"# END chronoscope\n"_s;
        break;
    }
    return text;
}

} // namespace chronoscope::sysservice

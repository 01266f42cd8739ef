// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/syslogauditsink.h"

#include <syslog.h>

namespace chronoscope::helper {

SyslogAuditSink::SyslogAuditSink()
{
    openlog("chronoscope-helper", LOG_PID | LOG_PERROR | LOG_NDELAY, LOG_AUTHPRIV);
}

SyslogAuditSink::~SyslogAuditSink()
{
    closelog();
}

void SyslogAuditSink::write(const AuditRecord &record)
{
    const int priority = record.status == protocol::Status::Ok ? LOG_NOTICE : LOG_WARNING;
    syslog(priority, "%s", formatAuditLine(record).c_str());
}

void SyslogAuditSink::writeTimeService(bool problem, const std::string &line)
{
    syslog(problem ? LOG_WARNING : LOG_NOTICE, "%s", line.c_str());
}

} // namespace chronoscope::helper

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/helper/auditsink.h"
#include "app/helper/timeserviceaudit.h"

namespace chronoscope::helper {

// Audit lines to syslog (facility authpriv, which journald stores too) and, for the client
// that started the helper, to stderr. Changes log at LOG_NOTICE, refusals and failures at
// LOG_WARNING.
class SyslogAuditSink final : public AuditSink, public TimeServiceAuditSink
{
public:
    SyslogAuditSink();
    ~SyslogAuditSink() override;
    void write(const AuditRecord &record) override;
    void writeTimeService(bool problem, const std::string &line) override;
};

} // namespace chronoscope::helper

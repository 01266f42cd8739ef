// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/helper/auditrecord.h"

namespace chronoscope::helper {

// Where audit records go: syslog in the helper (SyslogAuditSink), a list in tests.
class AuditSink
{
public:
    virtual ~AuditSink() = default;
    virtual void write(const AuditRecord &record) = 0;
};

} // namespace chronoscope::helper

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace chronoscope::helper {

// Where the time-service operations' audit lines go (HELPER.md §4.6): syslog authpriv and
// stderr in the helper (SyslogAuditSink implements both sinks), a list in tests. `problem`:
// a refusal, a rollback or a failure (logged at warning), else notice.
class TimeServiceAuditSink
{
public:
    virtual ~TimeServiceAuditSink() = default;
    virtual void writeTimeService(bool problem, const std::string &line) = 0;
};

// A value for a key=value audit field: printable ASCII only (anything else as '?'), quotes and
// backslashes escaped, at most 200 characters, so that nothing from a file or the caller can
// forge a second line or field.
std::string auditQuoted(const std::string &text);

} // namespace chronoscope::helper

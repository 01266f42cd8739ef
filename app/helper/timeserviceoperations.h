// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "app/helper/auditrecord.h"
#include "app/helper/daemontarget.h"
#include "app/helper/timeserviceaudit.h"
#include "app/helper/timeservicehost.h"
#include "core/protocol/timeservicecodec.h"

namespace chronoscope::helper {

struct TimeServiceSettings
{
    int graceMs = 20'000;   // how long an applied configuration is watched (HELPER.md §4.6)
    int pollMs = 250;       // how often the daemon is asked while watching
    bool dryRun = false;    // render and check, write nothing
    bool readOnly = false;  // read-time-service: READ_CHRONYD only
};

// The `configure-time-service` verb's logic without its I/O (HELPER.md §4.5, §4.6): one frame in,
// one response out. Validates whatever the app already validated, writes only the fixed files
// under the host's root, backs up, applies, watches, rolls back, and writes an audit line for
// every step and every refusal. Single-threaded; one request at a time.
class TimeServiceOperations
{
public:
    TimeServiceOperations(TimeServiceHost &host, TimeServiceAuditSink &audit, CallerIdentity caller,
                          TimeServiceSettings settings);

    // A header that failed decodeRequestHeader (or a clock frame): the refusal to send.
    protocol::timeservice::Response refuseHeader(std::span<const std::uint8_t> header,
                                                 const protocol::timeservice::FrameHeader &decoded);
    // A whole frame (header and body).
    protocol::timeservice::Response handle(std::span<const std::uint8_t> frame);
    protocol::timeservice::Response handleTruncated(std::size_t received, bool inputClosed);
    static bool endsSession(const protocol::timeservice::Response &response);

private:
    using Request = protocol::timeservice::Request;
    using Response = protocol::timeservice::Response;
    using Status = protocol::timeservice::Status;
    using RollbackReason = protocol::timeservice::RollbackReason;

    Response apply(const Request &request);
    Response revert(const Request &request);
    Response readChronyd(const Request &request);

    Response base(const Request &request) const;
    Response refuse(const Request &request, Status status, int sysErrno, const std::string &detail,
                    std::uint16_t reason = 0, std::uint16_t serverIndex = 0xFFFF);
    void audit(const Request &request, std::string_view step, Status status, const std::string &fields,
               bool problem);

    TimeServiceHost &m_host;
    TimeServiceAuditSink &m_audit;
    CallerIdentity m_caller;
    TimeServiceSettings m_settings;
};

} // namespace chronoscope::helper

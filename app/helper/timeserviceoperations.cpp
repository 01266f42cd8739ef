// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/timeserviceoperations.h"

#include <algorithm>
#include <cerrno>
#include <cinttypes>
#include <cstdio>

#include "app/helper/backupstore.h"
#include "app/helper/daemonwatch.h"
#include "app/helper/cmdmonsocket.h"
#include "app/helper/configdirectory.h"
#include "app/helper/sourcesformat.h"
#include "core/protocol/names.h"
#include "core/protocol/sourcevalidation.h"
#include "core/protocol/timeservicenames.h"
#include "core/sysservice/cmdmonprotocol.h"

namespace chronoscope::helper {

using namespace protocol::timeservice;
namespace cmdmon = sysservice::cmdmon;

namespace {

int cmdmonReplyDataSize(std::uint16_t command)
{
    switch (command) {
    case cmdmon::REQ_N_SOURCES: return cmdmon::N_SOURCES_SIZE;
    case cmdmon::REQ_SOURCE_DATA: return cmdmon::SOURCE_DATA_SIZE;
    case cmdmon::REQ_TRACKING: return cmdmon::TRACKING_SIZE;
    case cmdmon::REQ_SOURCESTATS: return cmdmon::SOURCESTATS_SIZE;
    case cmdmon::REQ_SELECT_DATA: return cmdmon::SELECT_DATA_SIZE;
    case cmdmon::REQ_NTP_SOURCE_NAME: return cmdmon::SOURCE_NAME_SIZE;
    default: return -1;
    }
}

// The file content for `target`: rendered from the servers (ntpd: spliced into the old file).
std::optional<std::string> render(const DaemonTarget &target, const std::vector<ServerEntry> &servers,
                                  const std::string &old, std::string &error)
{
    switch (target.daemon) {
    case Daemon::Chronyd: return sourcesformat::renderChrony(servers);
    case Daemon::Timesyncd: return sourcesformat::renderTimesyncd(servers);
    case Daemon::Ntpd: {
        sourcesformat::Spliced spliced = sourcesformat::spliceNtpBlock(old, sourcesformat::renderNtpBlock(servers));
        error = spliced.error;
        return spliced.text;
    }
    }
    return std::nullopt;
}

// What the daemon will read back from `text`, in the protocol's terms.
std::optional<std::vector<ServerEntry>> parseBack(const DaemonTarget &target, const std::string &text)
{
    switch (target.daemon) {
    case Daemon::Chronyd: return sourcesformat::parseChrony(text);
    case Daemon::Timesyncd: return sourcesformat::parseTimesyncd(text);
    case Daemon::Ntpd: return sourcesformat::parseNtpBlock(text);
    }
    return std::nullopt;
}

std::string hostList(const std::vector<ServerEntry> &servers)
{
    std::string out;
    for (const ServerEntry &s : servers)
        out += (out.empty() ? "" : ",") + s.host;
    return out;
}

} // namespace

TimeServiceOperations::TimeServiceOperations(TimeServiceHost &host, TimeServiceAuditSink &audit, CallerIdentity caller,
                                             TimeServiceSettings settings)
    : m_host(host)
    , m_audit(audit)
    , m_caller(caller)
    , m_settings(settings)
{
}

bool TimeServiceOperations::endsSession(const Response &response)
{
    switch (response.status) {
    case Status::Malformed:
    case Status::UnsupportedVersion:
    case Status::UnknownOp:
    case Status::NotPermitted:
    case Status::Truncated:
        return true;
    default:
        return false;
    }
}

Response TimeServiceOperations::base(const Request &request) const
{
    Response response;
    response.requestId = request.requestId;
    response.op = request.op;
    response.daemon = request.daemon;
    response.flags = std::uint16_t((m_settings.dryRun ? RESPONSE_DRY_RUN : 0) | (m_host.isTest() ? RESPONSE_TEST_ROOT : 0));
    return response;
}

void TimeServiceOperations::audit(const Request &request, std::string_view step, Status status,
                                  const std::string &fields, bool problem)
{
    char id[24];
    std::snprintf(id, sizeof id, "%016" PRIx64, request.requestId);
    std::string line = "time-service op=" + std::string(opName(request.op));
    if (request.op == Op::ApplySources || request.op == Op::RevertSources)
        line += " daemon=" + std::string(daemonName(request.daemon));
    line += " step=" + std::string(step) + " status=" + std::string(statusName(status)) + " request=" + id
        + " uid=" + std::to_string(m_caller.uid) + " pid=" + std::to_string(m_caller.pid)
        + " backend=" + std::string(m_host.name()) + (m_settings.dryRun ? " dry_run=1" : "") + fields;
    m_audit.writeTimeService(problem, line);
}

Response TimeServiceOperations::refuse(const Request &request, Status status, int sysErrno, const std::string &detail,
                                       std::uint16_t reason, std::uint16_t serverIndex)
{
    Response response = base(request);
    response.status = status;
    response.sysErrno = sysErrno;
    response.reason = reason;
    response.serverIndex = serverIndex;
    std::string fields = " errno=" + std::to_string(sysErrno);
    if (!detail.empty())
        fields += " detail=" + auditQuoted(detail);
    audit(request, "refused", status, fields, true);
    return response;
}

Response TimeServiceOperations::refuseHeader(std::span<const std::uint8_t> header, const FrameHeader &decoded)
{
    Request partial;
    partial.op = Op::None;
    partial.requestId = decoded.requestId;
    // A clock frame (HELPER.md §4.2) sent to this verb: not for this helper.
    static constexpr std::uint8_t CLOCK_MAGIC[4] = {'N', 'T', 'P', 'H'};
    if (header.size() >= 4 && std::equal(header.begin(), header.begin() + 4, CLOCK_MAGIC))
        return refuse(partial, Status::NotPermitted, 0, "a clock frame sent to configure-time-service");
    return refuse(partial, protocol::timeservice::statusForDecodeError(decoded.error), 0,
                  std::string("header: ") + std::string(protocol::decodeErrorName(decoded.error)));
}

Response TimeServiceOperations::handleTruncated(std::size_t received, bool inputClosed)
{
    Request partial;
    partial.op = Op::None;
    return refuse(partial, Status::Truncated, 0,
                  std::string(inputClosed ? "input closed" : "frame stalled") + " after " + std::to_string(received) + " bytes");
}

Response TimeServiceOperations::handle(std::span<const std::uint8_t> frame)
{
    const DecodedRequest decoded = decodeRequest(frame);
    if (decoded.error != protocol::DecodeError::None) {
        Request partial;
        partial.op = Op::None;
        partial.requestId = decoded.request.requestId;
        return refuse(partial, protocol::timeservice::statusForDecodeError(decoded.error), 0, std::string(protocol::decodeErrorName(decoded.error)));
    }
    if (m_settings.readOnly && decoded.request.op != Op::ReadChronyd)
        return refuse(decoded.request, Status::NotPermitted, 0, "read-time-service answers read_chronyd only");
    switch (decoded.request.op) {
    case Op::ApplySources: return apply(decoded.request);
    case Op::RevertSources: return revert(decoded.request);
    case Op::ReadChronyd: return readChronyd(decoded.request);
    case Op::None: break;
    }
    return refuse(decoded.request, Status::UnknownOp, 0, {});
}

Response TimeServiceOperations::apply(const Request &request)
{
    const SourcesCheck check = validateSources(request.daemon, request.servers);
    if (!check.ok())
        return refuse(request, Status::InvalidSource, 0,
                      "server " + std::to_string(check.index) + ": " + std::string(sourceErrorName(check.error)),
                      std::uint16_t(check.error), std::uint16_t(check.index));
    DaemonTarget target;
    ConfigDirectory::Result r = resolveDaemonTarget(m_host, request.daemon, target);
    if (!r.ok())
        return refuse(request, r.status, r.sysErrno, r.detail);
    if (request.daemon == Daemon::Ntpd && !target.ntpsec) {
        for (std::size_t i = 0; i < request.servers.size(); ++i)
            if (request.servers[i].flags & SERVER_NTS)
                return refuse(request, Status::InvalidSource, 0, "nts needs ntpsec's /etc/ntpsec/ntp.conf",
                              std::uint16_t(SourceError::NotSupportedByDaemon), std::uint16_t(i));
    }
    if (request.daemon == Daemon::Chronyd) {
        r = checkChronySourcedir(m_host);
        if (!r.ok())
            return refuse(request, r.status, r.sysErrno, r.detail);
    }
    ConfigDirectory directory;
    // A dry run creates nothing, not even timesyncd.conf.d: a missing directory that would be
    // created counts as an empty one.
    const bool wouldCreate = m_settings.dryRun && target.createDirectory && ConfigDirectory::creatable(target.directory);
    r = wouldCreate ? ConfigDirectory::Result{} : directory.open(target.directory, target.createDirectory);
    if (!r.ok())
        return refuse(request, r.status, r.sysErrno, r.detail);
    // From here to the answer no other helper applies or reverts (the state directory's lock).
    BackupStore backups;
    if (!m_settings.dryRun) {
        r = backups.open(m_host.stateDirectory());
        if (r.ok())
            r = backups.lock();
        if (!r.ok())
            return refuse(request, r.status, r.sysErrno, r.detail);
    }
    std::string old;
    bool existed = false;
    if (!wouldCreate)
        r = directory.read(target.fileName, old, existed);
    if (!r.ok())
        return refuse(request, r.status, r.sysErrno, r.detail);
    int sysErrno = 0;
    std::string detail;
    DaemonWatch watch(m_host, m_settings.graceMs, m_settings.pollMs);
    const Status running = watch.checkRunning(target, sysErrno, detail);
    if (running != Status::Ok)
        return refuse(request, running, sysErrno, detail);

    std::string renderError;
    const std::optional<std::string> content = render(target, request.servers, old, renderError);
    if (!content)
        return refuse(request, Status::Failed, EINVAL, target.path() + ": " + renderError);
    const std::optional<std::vector<ServerEntry>> back = parseBack(target, *content);
    if (!back || *back != sourcesformat::keptBy(target.daemon, request.servers))
        return refuse(request, Status::Failed, EINVAL, "the rendered file does not read back as the requested servers");

    Response response = base(request);
    response.backup = existed ? BackupState::PreviousFile : BackupState::DidNotExist;
    const std::string file = " file=" + auditQuoted(target.path());
    const std::string servers = " servers=" + std::to_string(request.servers.size()) + " hosts=" + auditQuoted(hostList(request.servers));
    if (m_settings.dryRun) {
        audit(request, "checked", Status::Ok, file + servers, false);
        return response;
    }

    bool backupTaken = false;
    std::optional<std::string> saved;
    bool haveBackup = false;
    r = backups.load(request.daemon, saved, haveBackup);
    if (!r.ok())
        return refuse(request, r.status, r.sysErrno, r.detail);
    if (!haveBackup) {
        r = backups.save(request.daemon, existed ? std::optional<std::string>(old) : std::nullopt);
        if (!r.ok())
            return refuse(request, r.status, r.sysErrno, r.detail);
        backupTaken = true;
        audit(request, "backup", Status::Ok,
              file + " backup=" + std::string(backupStateName(response.backup)), false);
    }
    r = directory.replace(target.fileName, *content);
    if (!r.ok()) {
        if (backupTaken)
            backups.discard(request.daemon);
        return refuse(request, r.status, r.sysErrno, r.detail);
    }
    audit(request, "write", Status::Ok, file + servers, false);

    DaemonWatch::Seen seen;
    const RollbackReason reason = watch.applyAndWatch(target, &request.servers, seen);
    response.sourcesSeen = seen.sourcesSeen;
    response.reachable = seen.reachable;
    if (reason == RollbackReason::None) {
        audit(request, "applied", Status::Ok,
              file + servers + " sources_seen=" + std::to_string(response.sourcesSeen)
                  + " reachable=" + std::to_string(response.reachable),
              false);
        return response;
    }

    // Roll back to exactly what was there before this request, and apply that again.
    response.reason = std::uint16_t(reason);
    r = existed ? directory.replace(target.fileName, old) : directory.remove(target.fileName);
    RollbackReason reapplied = RollbackReason::None;
    if (r.ok()) {
        DaemonWatch::Seen ignored;
        reapplied = watch.applyAndWatch(target, nullptr, ignored);
        if (backupTaken)
            backups.discard(request.daemon);
        response.status = Status::RolledBack;
    } else {
        response.status = Status::RollbackFailed;
        response.sysErrno = r.sysErrno;
    }
    audit(request, "rollback", response.status,
          file + servers + " reason=" + std::string(rollbackReasonName(reason)) + " sources_seen="
              + std::to_string(response.sourcesSeen) + " reachable=" + std::to_string(response.reachable)
              + " reapplied=" + std::string(rollbackReasonName(reapplied)) + " errno=" + std::to_string(response.sysErrno)
              + (r.ok() ? "" : " detail=" + auditQuoted(r.detail)),
          true);
    return response;
}

Response TimeServiceOperations::revert(const Request &request)
{
    DaemonTarget target;
    ConfigDirectory::Result r = resolveDaemonTarget(m_host, request.daemon, target);
    if (!r.ok())
        return refuse(request, r.status, r.sysErrno, r.detail);
    ConfigDirectory directory;
    r = directory.open(target.directory, false);
    if (!r.ok())
        return refuse(request, r.status, r.sysErrno, r.detail);
    BackupStore backups;
    r = backups.open(m_host.stateDirectory());
    if (r.ok())
        r = backups.lock();
    if (!r.ok())
        return refuse(request, r.status, r.sysErrno, r.detail);
    std::string current;
    bool exists = false;
    r = directory.read(target.fileName, current, exists);
    if (!r.ok())
        return refuse(request, r.status, r.sysErrno, r.detail);
    std::optional<std::string> previous;
    bool found = false;
    r = backups.load(request.daemon, previous, found);
    if (!r.ok())
        return refuse(request, r.status, r.sysErrno, r.detail);
    if (!found)
        return refuse(request, Status::NothingToRevert, 0, "no backup from an earlier apply");

    Response response = base(request);
    response.backup = previous ? BackupState::PreviousFile : BackupState::DidNotExist;
    const std::string file = " file=" + auditQuoted(target.path());
    // ntpd: only our block changes; whatever else was edited in ntp.conf since is kept.
    std::optional<std::string> restored = previous;
    if (target.wholeFile) {
        const std::optional<std::string> block = sourcesformat::ntpBlockOf(previous.value_or(std::string()));
        const sourcesformat::Spliced spliced = sourcesformat::spliceNtpBlock(current, block.value_or(std::string()));
        if (!block || !spliced.text)
            return refuse(request, Status::Failed, EINVAL, target.path() + ": " + spliced.error);
        restored = spliced.text;
    }
    if (m_settings.dryRun) {
        audit(request, "checked", Status::Ok, file, false);
        return response;
    }
    r = restored ? directory.replace(target.fileName, *restored) : directory.remove(target.fileName);
    if (!r.ok())
        return refuse(request, r.status, r.sysErrno, r.detail);
    backups.discard(request.daemon);
    audit(request, "restore", Status::Ok, file + " backup=" + std::string(backupStateName(response.backup)), false);
    DaemonWatch::Seen seen;
    const RollbackReason reason = DaemonWatch(m_host, m_settings.graceMs, m_settings.pollMs).applyAndWatch(target, nullptr, seen);
    if (reason != RollbackReason::None) {
        response.status = target.daemon == Daemon::Chronyd && reason == RollbackReason::DaemonStopped
            ? Status::DaemonNotRunning
            : Status::DaemonRefused;
        response.reason = std::uint16_t(reason);
    }
    audit(request, "reverted", response.status, file + " reason=" + std::string(rollbackReasonName(reason)),
          response.status != Status::Ok);
    return response;
}

Response TimeServiceOperations::readChronyd(const Request &request)
{
    CmdmonSocket socket;
    const CmdmonSocket::Opened opened = socket.open(m_host.chronydSocket(), m_host.runtimeDirectory());
    if (opened.error != CmdmonSocket::OpenError::None)
        return refuse(request, opened.error == CmdmonSocket::OpenError::UnsafePath ? Status::UnsafePath
                               : opened.error == CmdmonSocket::OpenError::Failed   ? Status::Failed
                                                                                   : Status::DaemonNotRunning,
                      opened.sysErrno, opened.detail);
    const std::optional<std::vector<std::uint8_t>> reply =
            socket.exchange(request.cmdmonCommand, request.cmdmonData, cmdmonReplyDataSize(request.cmdmonCommand));
    if (!reply)
        return refuse(request, Status::DaemonNotRunning, 0, "chronyd did not answer on " + m_host.chronydSocket());
    Response response = base(request);
    response.cmdmonReply = *reply;
    return response;
}

} // namespace chronoscope::helper

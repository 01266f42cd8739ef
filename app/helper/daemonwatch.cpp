// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/daemonwatch.h"

#include <chrono>
#include <thread>

#include "app/helper/chronydprobe.h"
#include "app/helper/cmdmonsocket.h"
#include "core/sysservice/cmdmonprotocol.h"

namespace chronoscope::helper {

using namespace protocol::timeservice;
namespace cmdmon = sysservice::cmdmon;

namespace {

using Clock = std::chrono::steady_clock;

std::string lowered(std::string s)
{
    for (char &c : s)
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    return s;
}

Status statusOf(CmdmonSocket::OpenError error)
{
    switch (error) {
    case CmdmonSocket::OpenError::None: return Status::Ok;
    case CmdmonSocket::OpenError::Missing:
    case CmdmonSocket::OpenError::Dead: return Status::DaemonNotRunning;
    case CmdmonSocket::OpenError::UnsafePath: return Status::UnsafePath;
    case CmdmonSocket::OpenError::Failed: return Status::Failed;
    }
    return Status::Failed;
}

// Where chronyd stands with the applied servers.
RollbackReason judge(const std::vector<ChronydSource> &sources, const std::vector<ServerEntry> &servers,
                     DaemonWatch::Seen &seen)
{
    seen.sourcesSeen = std::uint32_t(sources.size());
    std::uint32_t present = 0, reachable = 0;
    for (const ServerEntry &s : servers) {
        for (const ChronydSource &source : sources) {
            if (lowered(source.name) == lowered(s.host)) {
                ++present;
                reachable += source.reachability != 0 ? 1 : 0;
                break;
            }
        }
    }
    seen.reachable = reachable;
    if (sources.empty())
        return RollbackReason::NoSources;
    if (present < servers.size())
        return RollbackReason::SourcesMissing;
    return reachable == 0 ? RollbackReason::NoneReachable : RollbackReason::None;
}

} // namespace

DaemonWatch::DaemonWatch(TimeServiceHost &host, int graceMs, int pollMs)
    : m_host(host)
    , m_graceMs(graceMs)
    , m_pollMs(pollMs)
{
}

Status DaemonWatch::checkRunning(const DaemonTarget &target, int &sysErrno, std::string &detail)
{
    if (target.daemon != Daemon::Chronyd) {
        if (m_host.unitActive(target.unit))
            return Status::Ok;
        detail = target.unit + " is not active";
        return Status::DaemonNotRunning;
    }
    CmdmonSocket socket;
    const CmdmonSocket::Opened opened = socket.open(m_host.chronydSocket(), m_host.runtimeDirectory());
    if (opened.error != CmdmonSocket::OpenError::None) {
        sysErrno = opened.sysErrno;
        detail = opened.detail;
        return statusOf(opened.error);
    }
    if (!readChronydSources(socket)) {
        detail = "chronyd does not answer on " + m_host.chronydSocket();
        return Status::DaemonNotRunning;
    }
    return Status::Ok;
}

RollbackReason DaemonWatch::applyAndWatch(const DaemonTarget &target, const std::vector<ServerEntry> *servers, Seen &seen)
{
    const Clock::time_point deadline = Clock::now() + std::chrono::milliseconds(m_graceMs);
    const auto pause = [this] { std::this_thread::sleep_for(std::chrono::milliseconds(m_pollMs)); };
    if (target.daemon != Daemon::Chronyd) {
        if (m_host.restartUnit(target.unit) != 0)
            return RollbackReason::RestartFailed;
        if (!servers)
            return m_host.unitActive(target.unit) ? RollbackReason::None : RollbackReason::DaemonStopped;
        for (;;) {
            if (!m_host.unitActive(target.unit))
                return RollbackReason::DaemonStopped;
            if (Clock::now() >= deadline)
                return RollbackReason::None;
            pause();
        }
    }
    CmdmonSocket socket;
    if (socket.open(m_host.chronydSocket(), m_host.runtimeDirectory()).error != CmdmonSocket::OpenError::None)
        return RollbackReason::DaemonStopped;
    const std::optional<std::uint16_t> reloaded = reloadChronydSources(socket);
    if (!reloaded || *reloaded != cmdmon::STT_SUCCESS)
        return RollbackReason::ReloadFailed;
    if (!servers)
        return RollbackReason::None;
    for (;;) {
        const std::optional<std::vector<ChronydSource>> sources = readChronydSources(socket);
        const RollbackReason reason = sources ? judge(*sources, *servers, seen) : RollbackReason::DaemonStopped;
        if (reason == RollbackReason::None || Clock::now() >= deadline)
            return reason;
        pause();
    }
}

} // namespace chronoscope::helper

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/timeservicenames.h"

namespace chronoscope::protocol::timeservice {

std::string_view statusName(Status status)
{
    switch (status) {
    case Status::Ok: return "ok";
    case Status::Malformed: return "malformed";
    case Status::UnsupportedVersion: return "unsupported_version";
    case Status::UnknownOp: return "unknown_op";
    case Status::NotPermitted: return "not_permitted";
    case Status::Truncated: return "truncated";
    case Status::InvalidSource: return "invalid_source";
    case Status::ConfigMissing: return "config_missing";
    case Status::NotIncluded: return "not_included";
    case Status::NotWritable: return "not_writable";
    case Status::UnsafePath: return "unsafe_path";
    case Status::DaemonNotRunning: return "daemon_not_running";
    case Status::DaemonRefused: return "daemon_refused";
    case Status::RolledBack: return "rolled_back";
    case Status::RollbackFailed: return "rollback_failed";
    case Status::NothingToRevert: return "nothing_to_revert";
    case Status::Failed: return "failed";
    }
    return "unknown";
}

std::string_view opName(Op op)
{
    switch (op) {
    case Op::None: return "none";
    case Op::ApplySources: return "apply_sources";
    case Op::RevertSources: return "revert_sources";
    case Op::ReadChronyd: return "read_chronyd";
    }
    return "unknown";
}

std::string_view daemonName(Daemon daemon)
{
    switch (daemon) {
    case Daemon::Chronyd: return "chronyd";
    case Daemon::Timesyncd: return "timesyncd";
    case Daemon::Ntpd: return "ntpd";
    }
    return "unknown";
}

std::string_view sourceErrorName(SourceError error)
{
    switch (error) {
    case SourceError::None: return "none";
    case SourceError::NoServers: return "no_servers";
    case SourceError::TooManyServers: return "too_many_servers";
    case SourceError::EmptyHost: return "empty_host";
    case SourceError::HostTooLong: return "host_too_long";
    case SourceError::BadHostCharacter: return "bad_host_character";
    case SourceError::BadHostLabel: return "bad_host_label";
    case SourceError::BadAddress: return "bad_address";
    case SourceError::PollOutOfRange: return "poll_out_of_range";
    case SourceError::PollOrder: return "poll_order";
    case SourceError::PollTooFrequent: return "poll_too_frequent";
    case SourceError::PollWithoutFlag: return "poll_without_flag";
    case SourceError::NtsWithKey: return "nts_with_key";
    case SourceError::KeyOutOfRange: return "key_out_of_range";
    case SourceError::NotSupportedByDaemon: return "not_supported_by_daemon";
    case SourceError::DuplicateHost: return "duplicate_host";
    }
    return "unknown";
}

std::string_view rollbackReasonName(RollbackReason reason)
{
    switch (reason) {
    case RollbackReason::None: return "none";
    case RollbackReason::DaemonStopped: return "daemon_stopped";
    case RollbackReason::NoSources: return "no_sources";
    case RollbackReason::SourcesMissing: return "sources_missing";
    case RollbackReason::NoneReachable: return "none_reachable";
    case RollbackReason::RestartFailed: return "restart_failed";
    case RollbackReason::ReloadFailed: return "reload_failed";
    }
    return "unknown";
}

std::string_view backupStateName(BackupState state)
{
    switch (state) {
    case BackupState::None: return "none";
    case BackupState::PreviousFile: return "previous_file";
    case BackupState::DidNotExist: return "did_not_exist";
    }
    return "unknown";
}

} // namespace chronoscope::protocol::timeservice

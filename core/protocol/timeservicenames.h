// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

#include "core/protocol/timeservice.h"

// Stable lower-case identifiers of the time-service protocol for audit lines, logs and JSON
// ("rolled_back", "poll_too_frequent", "chronyd").
namespace chronoscope::protocol::timeservice {

std::string_view statusName(Status status);
std::string_view opName(Op op);
std::string_view daemonName(Daemon daemon);
std::string_view sourceErrorName(SourceError error);
std::string_view rollbackReasonName(RollbackReason reason);
std::string_view backupStateName(BackupState state);

} // namespace chronoscope::protocol::timeservice

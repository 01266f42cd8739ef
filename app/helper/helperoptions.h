// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>

#include "core/protocol/verb.h"

namespace chronoscope::helper {

// chronoscope-helper VERB [--dry-run]
//   VERB is argv[1] (pkexec selects the polkit action by it): step, slew, read-state,
//   configure-time-service or read-time-service.
// Hidden, for tests only: --test-fake-clock selects the in-memory clock. It changes only the
// backend, never the validation, and cannot be combined with --dry-run.
struct HelperOptions
{
    enum class Action { Serve, Help, Version };
    Action action = Action::Serve;
    protocol::Verb verb = protocol::Verb::ReadState;
    bool dryRun = false;
    bool fakeClock = false;
    // `configure-time-service` (HELPER.md §4.5): time-service frames instead of clock frames.
    bool timeService = false;
    // `read-time-service`: the same frames, READ_CHRONYD only.
    bool timeServiceReadOnly = false;
    // Hidden, tests only, time-service verb only (HELPER.md §5.5): main() accepts them only when
    // CHRONOSCOPE_FORBID_CLOCK_CHANGES is set, which pkexec clears.
    std::string testRoot;
    std::string testChronydSocket;
    int testGraceMs = -1;
    bool hasTestOptions() const { return !testRoot.empty() || !testChronydSocket.empty() || testGraceMs >= 0; }
};

struct ParsedHelperOptions
{
    std::optional<HelperOptions> options;
    std::string error;                // set when options is empty
};

ParsedHelperOptions parseHelperOptions(int argc, const char *const *argv);
const char *helperUsage();

} // namespace chronoscope::helper

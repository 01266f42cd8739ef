// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/clioptions.h"

namespace chronoscope::engine {
class EngineSession;
}

namespace chronoscope::cli {

// The one engine start-up of the CLI (check, monitor, step): options, keys, selection options
// and servers from the command line into `session`, then start it.
void startSession(engine::EngineSession &session, const CliOptions &options);

} // namespace chronoscope::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/sessionsetup.h"

#include "core/engine/enginesession.h"

namespace chronoscope::cli {

void startSession(engine::EngineSession &session, const CliOptions &options)
{
    stats::SelectionOptions selectionOptions;
    selectionOptions.minSources = options.minSources;
    session.setOptions(options.associationOptions());
    session.setKeys(options.keyMaterial);
    session.setSelectionOptions(selectionOptions);
    session.setServers(options.servers);
    session.start();
}

} // namespace chronoscope::cli

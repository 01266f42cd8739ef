// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QList>

#include "app/cli/commandspec.h"

namespace chronoscope::cli {

// The commands that measure servers (ARCHITECTURE.md §3.1, §3.2), one builder each.
CommandSpec checkCommandSpec();
CommandSpec monitorCommandSpec();
CommandSpec stepCommandSpec();
CommandSpec diagnoseCommandSpec();

// Every command of chronoscope-cli: check, monitor, step, diagnose, keys ACTION, system,
// system apply, system revert.
QList<CommandSpec> allCommandSpecs();

// The command named `name` ("check", "keys generate"); nullopt for an unknown name.
std::optional<CommandSpec> commandSpec(const QString &name);

} // namespace chronoscope::cli

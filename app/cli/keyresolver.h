// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QStringList>

#include "app/cli/clioptions.h"
#include "core/auth/symmetrickey.h"
#include "core/result.h"

namespace chronoscope::cli {

// The keys that check/monitor need: one for every distinct keyId among the servers, from
// --keys FILE when given (refused when others can read it), otherwise from Chronoscope's key
// store. The error names the missing key and where we looked (the caller exits with status 2).
// Invalid lines of FILE that do not hold a needed key are reported as `warnings`.
Result<QList<auth::SymmetricKey>> resolveServerKeys(const CliOptions &options, QStringList *warnings);

} // namespace chronoscope::cli

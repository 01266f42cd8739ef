// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/keysoptions.h"

namespace chronoscope::cli {

// `keys generate|list|import|export|delete`: manages Chronoscope's key store. Returns the exit
// status (0 done, 1 failed with a message on stderr). Secrets reach standard output only when
// asked for (--show-secrets, export -), never JSON and never stderr.
int runKeys(const KeysOptions &options);

} // namespace chronoscope::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include "core/result.h"

namespace chronoscope::config {

// Keeps a damaged file aside before anything repairs or replaces it: copies `path` to
// "<path>.corrupt-<yyyyMMdd-HHmmss>" ("-2", "-3"... when that name is taken) with the original's
// permissions (a key store's copy stays 0600). An earlier copy with the same bytes is reused, so
// the same damage seen at every start leaves one copy. Returns the copy's path, or why no copy
// was made.
Result<QString> keepCorruptCopy(const QString &path);

} // namespace chronoscope::config

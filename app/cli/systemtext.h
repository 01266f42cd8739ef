// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include "core/sysservice/chronydsnapshot.h"

namespace chronoscope::cli {

// `system` as text for chronyd: a summary (selected source, offset, frequency, stratum, leap)
// and one line per source with its state in words. Offsets in Chronoscope's sign.
QString chronydSnapshotText(const sysservice::ChronydSnapshot &snapshot);

} // namespace chronoscope::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include "core/sysservice/chronydsnapshot.h"
#include "core/sysservice/ntpdsnapshot.h"
#ifdef CHRONOSCOPE_HAVE_TIMESYNCD
#include "core/sysservice/timesyncd/timesyncdsnapshot.h"
#endif

namespace chronoscope::cli {

// `system` as text for chronyd: a summary (selected source, offset, frequency, stratum, leap)
// and one line per source with its state in words. Offsets in Chronoscope's sign.
QString chronydSnapshotText(const sysservice::ChronydSnapshot &snapshot);
// The same for ntpd / ntpsec (one line per association, its state in the same words).
QString ntpdSnapshotText(const sysservice::NtpdSnapshot &snapshot);
#ifdef CHRONOSCOPE_HAVE_TIMESYNCD
// systemd-timesyncd: the server it uses, its last reply, and the configured server lists.
QString timesyncdSnapshotText(const sysservice::TimesyncdSnapshot &snapshot);
#endif

} // namespace chronoscope::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QtGlobal>

namespace chronoscope::testing {

// Resident set size of a process (0: this one), in MiB; -1 when it cannot be read.
double rssMegabytes(qint64 pid = 0);
// utime + stime of a process (0: this one), in seconds; -1 when it cannot be read.
double cpuSeconds(qint64 pid = 0);
// CPU time of every thread of a process (0: this one) from the scheduler's own accounting
// (/proc/<pid>/task/*/schedstat, ns; finer than the clock ticks of /proc/<pid>/stat), in
// seconds; -1 when it cannot be read.
double scheduledSeconds(qint64 pid = 0);
// The p-quantile (0..1, nearest rank) of `values`; 0 for none.
double percentile(QList<double> values, double p);

} // namespace chronoscope::testing

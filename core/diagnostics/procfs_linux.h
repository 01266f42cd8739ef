// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include "core/diagnostics/udpsocketentry.h"

// Linux only: reading processes from /proc. Everything here is read-only and copes with
// processes that exit while they are being read, and with those this user may not inspect.
namespace chronoscope::diagnostics::procfs {

// Every process id under /proc.
QList<qint64> processIds();
// Name, executable path (or argv[0] when the link is not readable) of `pid`; pid 0 when gone.
ProcessRef process(qint64 pid);
// For each socket inode in `inodes`, the processes holding it (among those this user may see).
QHash<quint64, QList<qint64>> socketOwners(const QSet<quint64> &inodes);

} // namespace chronoscope::diagnostics::procfs

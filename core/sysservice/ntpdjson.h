// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>

#include "core/sysservice/ntpdsnapshot.h"

namespace chronoscope::sysservice {

// `system --json` for ntpd: the same top-level shape as chronydSnapshotJson (daemon, endpoint,
// selectedSource, sources[] with address/state/stateSymbol/stateWords/offset), with ntpd's own
// fields named after ntpd's variables.
QJsonObject ntpdPeerJson(const NtpdPeerView &peer);
QJsonObject ntpdSnapshotJson(const NtpdSnapshot &snapshot);
// The address of the peer ntpd selected ("sys.peer" or "pps.peer"); empty when none.
QString ntpdSelectedAddress(const NtpdSnapshot &snapshot);

} // namespace chronoscope::sysservice

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>

#include "core/sysservice/chronydsnapshot.h"

namespace chronoscope::sysservice {

// `chronoscope-cli system --json` for chronyd. Offsets here use Chronoscope's sign (RFC 5905:
// positive = the source is ahead of the local clock), the opposite of chronyc's; the
// "chrony…" fields keep chronyd's own values. Seconds unless a name says otherwise.
QJsonObject chronydSnapshotJson(const ChronydSnapshot &snapshot);
QJsonObject chronydSourceJson(const ChronydSourceView &view);

} // namespace chronoscope::sysservice

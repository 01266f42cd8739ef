// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace chronoscope::metrics {

// The `code` label of a kiss-o'-death counter. The code comes from the network, so only the
// codes RFC 5905 §7.4 lists (plus NTSN, RFC 8915) keep their name; anything else is "other":
// a hostile server cannot create new time series.
QString kissCodeLabel(const QString &kissText);

} // namespace chronoscope::metrics

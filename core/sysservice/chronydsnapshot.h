// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QList>
#include <QString>
#include <QStringList>

#include "core/sysservice/chronydreplies.h"

namespace chronoscope::sysservice {

// Everything chronyd says about one source (what `chronyc sources`, `sourcestats`, `selectdata`,
// `ntpdata` and `authdata` show for it). The optional parts are absent when chronyd has none
// (a reference clock has no ntpdata) or does not support the command (selectdata before 4.2).
struct ChronydSourceView
{
    ChronydSource source;
    QString name;                                  // as configured ("ntp.example.org"), may be empty
    std::optional<ChronydSourceStats> stats;
    std::optional<ChronydSelectData> selection;
    std::optional<ChronydNtpData> ntp;
    std::optional<ChronydAuthData> auth;
};

// One reading of a running chronyd.
struct ChronydSnapshot
{
    QString endpoint;                              // socket path or host:port it was read from
    ChronydTracking tracking;
    QList<ChronydSourceView> sources;
    bool selectDataSupported = false;
    QStringList warnings;                          // parts that could not be read, in words
    int ignoredReplies = 0;                        // stale or foreign datagrams skipped
};

} // namespace chronoscope::sysservice

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace chronoscope::engine {

// A reason, verdict or summary as a stable id with its parameters, next to the English sentence
// core keeps for JSON. The GUI and the CLI's text output turn it into the user's language
// (core/texts/reasontexts).
// Ids are lower_snake_case and never change meaning. Arguments, by kind:
//   durations    seconds as a C-locale number ("0.0123"); the GUI formats them with QLocale
//   counts, ids  decimal integers ("3", key ids, ports, stratum)
//   reject ids   a reject reason id (ntp::rejectReasonId) or an NTS reason id (ntsFailureId)
//   text         names, kiss codes and OS/protocol details as core has them (not translated)
// The ids and their arguments are listed in statusReasonIds().
struct StatusReason
{
    QString id;        // empty: no reason (sys_peer, candidate, answering, synchronised)
    QStringList args;

    bool isEmpty() const { return id.isEmpty(); }
    bool operator==(const StatusReason &other) const = default;

    // A duration argument (seconds) in the documented format.
    static QString seconds(double value);
};

// Every id core can put into ServerStatus::reasonCode / conditionReasonCode,
// SystemStatus::summaryCode and RequestOutcome::detailCode, for tests that check the GUI has a
// sentence for each.
const QStringList &statusReasonIds();

} // namespace chronoscope::engine

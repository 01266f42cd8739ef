// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

#include "core/engine/statusreason.h"

namespace chronoscope::texts {

// The one table that turns core's reason ids into sentences in the user's language: server
// state and condition reasons, selection verdicts, system summaries and request outcomes
// (engine::StatusReason, ids in engine::statusReasonIds()), and the reject reason ids of
// datagrams, request failures and NTS (core/ntp/rejectreason.h, core/nts/ntsfailure.h).
// Durations are formatted with QLocale. The GUI and chronoscope-cli's text output both use it
// (ARCHITECTURE.md §4); JSON keeps core's ids and English words instead.
class ReasonTexts
{
    Q_DECLARE_TR_FUNCTIONS(ReasonTexts)
public:
    // The sentence for `code`; `english` (core's own words) when the code is empty or unknown,
    // so a raw id is never shown.
    static QString text(const engine::StatusReason &code, const QString &english);
    // Whether `text` knows `id` (tests check every id core can emit).
    static bool knows(const QString &id);
    // Phrase for a reject, request-failure or NTS reason id ("bogus_origin" → "origin timestamp
    // does not match our request"); the id itself only when no table has it.
    static QString rejectText(const QString &id);
    // Whether rejectText has a phrase for `id`.
    static bool knowsReject(const QString &id);
    // A duration argument (seconds, C-locale number) as "12.3 ms" in the user's locale.
    static QString seconds(const QString &argument);
};

} // namespace chronoscope::texts

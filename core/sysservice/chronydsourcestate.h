// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include "core/sysservice/chronydreplies.h"
#include "core/sysservice/chronydsnapshot.h"

// chronyd's source states in chronyc's symbols and in words.
namespace chronoscope::sysservice {

// chronyc's state column: '*', '+', '-', 'x', '~', '?'.
char chronydStateSymbol(ChronydSourceState state);
// "selected", "combined", "not combined", "falseticker", "too variable", "not selectable".
QString chronydStateName(ChronydSourceState state);
// The state in words for a person, refined with what else chronyd says: "unreachable" for a
// non-selectable source that answered none of the last 8 polls, the selectdata reason
// ("has too few samples", "is not synchronised", ...) where there is one.
QString chronydStateWords(const ChronydSourceView &view);
// selectdata's state letter in words; empty for a letter chrony does not document.
QString chronydSelectCodeWords(char code);
// "normal", "insert second", "delete second", "not synchronised".
QString chronydLeapWords(int leap);

} // namespace chronoscope::sysservice

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sysservice/chronydsourcestate.h"

using namespace Qt::StringLiterals;

namespace chronoscope::sysservice {

char chronydStateSymbol(ChronydSourceState state)
{
    switch (state) {
    case ChronydSourceState::Selected: return '*';
    case ChronydSourceState::NonSelectable: return '?';
    case ChronydSourceState::Falseticker: return 'x';
    case ChronydSourceState::Jittery: return '~';
    case ChronydSourceState::Combined: return '+';
    case ChronydSourceState::NotCombined: return '-';
    }
    return ' ';
}

QString chronydStateName(ChronydSourceState state)
{
    switch (state) {
    case ChronydSourceState::Selected: return u"selected"_s;
    case ChronydSourceState::NonSelectable: return u"not selectable"_s;
    case ChronydSourceState::Falseticker: return u"falseticker"_s;
    case ChronydSourceState::Jittery: return u"too variable"_s;
    case ChronydSourceState::Combined: return u"combined"_s;
    case ChronydSourceState::NotCombined: return u"not combined"_s;
    }
    return u"unknown"_s;
}

QString chronydSelectCodeWords(char code)
{
    switch (code) {
    case 'N': return u"is marked noselect"_s;
    case 's': return u"is not synchronised"_s;
    case 'M': return u"has too few samples yet"_s;
    case 'd': return u"is too far away (root distance above maxdistance)"_s;
    case 'D': return u"has a large distance and is not selected"_s;
    case '~': return u"varies too much (jitter)"_s;
    case 'w': return u"is waiting for other sources"_s;
    case 'W': return u"is waiting for the selected source to update"_s;
    case 'S': return u"has stale samples"_s;
    case 'O': return u"is an orphan of lower priority"_s;
    case 'T': return u"does not agree with the trusted sources"_s;
    case 'x': return u"is a falseticker (disagrees with the majority)"_s;
    case 'P': return u"is not preferred"_s;
    case 'U': return u"is waiting for an update"_s;
    case '+': return u"is combined with the selected source"_s;
    case '-': return u"is not combined"_s;
    case '*': return u"is the selected source"_s;
    default: return {};
    }
}

QString chronydStateWords(const ChronydSourceView &view)
{
    const ChronydSourceState state = view.source.state;
    if (state == ChronydSourceState::NonSelectable && view.source.reachability == 0)
        return u"unreachable"_s;
    QString words = chronydStateName(state);
    if (state == ChronydSourceState::NonSelectable && view.selection) {
        const QString reason = chronydSelectCodeWords(view.selection->stateCode);
        if (!reason.isEmpty())
            words += u" ("_s + reason + u")"_s;
    }
    return words;
}

QString chronydLeapWords(int leap)
{
    switch (leap) {
    case 0: return u"normal"_s;
    case 1: return u"insert second"_s;
    case 2: return u"delete second"_s;
    default: return u"not synchronised"_s;
    }
}

} // namespace chronoscope::sysservice

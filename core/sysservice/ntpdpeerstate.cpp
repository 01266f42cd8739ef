// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sysservice/ntpdpeerstate.h"

#include "core/sysservice/chronydsourcestate.h"

using namespace Qt::StringLiterals;

namespace chronoscope::sysservice {

NtpdSelection ntpdSelection(std::uint16_t statusWord)
{
    return NtpdSelection((statusWord >> 8) & 0x7);
}

bool ntpdPeerConfigured(std::uint16_t statusWord)
{
    return (statusWord & 0x8000) != 0;
}

bool ntpdPeerAuthentic(std::uint16_t statusWord)
{
    return (statusWord & 0x2000) != 0;
}

bool ntpdPeerReachable(std::uint16_t statusWord)
{
    return (statusWord & 0x1000) != 0;
}

char ntpdTallyCode(NtpdSelection selection)
{
    static constexpr char codes[] = {' ', 'x', '.', '-', '+', '#', '*', 'o'};
    return codes[int(selection) & 0x7];
}

QString ntpdSelectionName(NtpdSelection selection)
{
    switch (selection) {
    case NtpdSelection::Reject: return u"reject"_s;
    case NtpdSelection::Falsetick: return u"falsetick"_s;
    case NtpdSelection::Excess: return u"excess"_s;
    case NtpdSelection::Outlier: return u"outlier"_s;
    case NtpdSelection::Candidate: return u"candidate"_s;
    case NtpdSelection::Backup: return u"backup"_s;
    case NtpdSelection::SystemPeer: return u"sys.peer"_s;
    case NtpdSelection::PpsPeer: return u"pps.peer"_s;
    }
    return u"unknown"_s;
}

QString ntpdStateName(NtpdSelection selection, std::uint32_t reach)
{
    switch (selection) {
    case NtpdSelection::SystemPeer:
    case NtpdSelection::PpsPeer: return chronydStateName(ChronydSourceState::Selected);
    case NtpdSelection::Candidate: return chronydStateName(ChronydSourceState::Combined);
    case NtpdSelection::Backup:
    case NtpdSelection::Outlier:
    case NtpdSelection::Excess: return chronydStateName(ChronydSourceState::NotCombined);
    case NtpdSelection::Falsetick: return chronydStateName(ChronydSourceState::Falseticker);
    case NtpdSelection::Reject: break;
    }
    return (reach & 0xff) == 0 ? u"unreachable"_s : chronydStateName(ChronydSourceState::NonSelectable);
}

QString ntpdStateWords(NtpdSelection selection, std::uint32_t reach)
{
    const QString name = ntpdStateName(selection, reach);
    switch (selection) {
    case NtpdSelection::PpsPeer: return name + u" (with PPS)"_s;
    case NtpdSelection::Backup: return name + u" (backup)"_s;
    case NtpdSelection::Outlier: return name + u" (cluster outlier)"_s;
    case NtpdSelection::Excess: return name + u" (excess: more sources than ntpd keeps)"_s;
    default: return name;
    }
}

QString ntpdLeapWords(int leap)
{
    return chronydLeapWords(leap);
}

} // namespace chronoscope::sysservice

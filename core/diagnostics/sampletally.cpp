// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnostics/sampletally.h"

#include "core/ntp/rejectreason.h"

using namespace Qt::StringLiterals;

namespace chronoscope::diagnostics {
namespace {

// Reject reasons for datagrams that are not a valid reply to our request (RFC 5905 tests 1–3
// and the source/format checks); the engine keeps waiting for the real reply after these.
bool isInvalidReplyReason(const QString &reasonId)
{
    using ntp::RejectReason;
    for (RejectReason reason : {RejectReason::WrongSource, RejectReason::Malformed, RejectReason::WrongMode,
                                RejectReason::NotRequested, RejectReason::BogusOrigin, RejectReason::Duplicate,
                                RejectReason::ZeroTimestamp}) {
        if (reasonId == ntp::rejectReasonId(reason))
            return true;
    }
    return false;
}

} // namespace

void SampleTally::add(const engine::RequestOutcome &outcome)
{
    if (outcome.reasonId == u"timeout"_s)
        ++timeouts;
    else if (outcome.reasonId == u"refused"_s)
        ++refused;
    else if (outcome.reasonId == u"socket_error"_s)
        ++socketErrors;
    else if (outcome.reasonId == u"kiss_of_death"_s)
        ++kisses;
}

void SampleTally::addRejections(const QMap<QString, int> &rejections)
{
    for (auto it = rejections.cbegin(); it != rejections.cend(); ++it) {
        if (it.key() == ntp::rejectReasonId(ntp::RejectReason::KissOfDeath))
            continue; // counted as a kiss-o'-death outcome
        if (isInvalidReplyReason(it.key()))
            invalid += it.value();
        else
            unusable += it.value();
    }
}

} // namespace chronoscope::diagnostics

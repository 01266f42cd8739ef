// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnostics/replyanalysis.h"

#include <map>

#include "core/diagnostics/controlmessage.h"
#include "core/diagnostics/privatemessage.h"

using namespace Qt::StringLiterals;

namespace chronoscope::diagnostics {
namespace {

void resetReplyFields(const QList<QByteArray> &datagrams, ProbeOutcome &outcome)
{
    outcome.datagrams = int(datagrams.size());
    outcome.replyBytes = 0;
    for (const QByteArray &datagram : datagrams)
        outcome.replyBytes += datagram.size();
    outcome.validReplies = 0;
    outcome.rejected.clear();
    outcome.errorCode.reset();
    outcome.errorText.clear();
    outcome.dataBytes = 0;
    outcome.complete = false;
    outcome.monlistEntries = 0;
    outcome.serverVersion.clear();
}

} // namespace

void analyseControlReplies(const QList<QByteArray> &datagrams, std::uint16_t sequence, ProbeOutcome &outcome)
{
    resetReplyFields(datagrams, outcome);
    std::map<int, QByteArray> fragments; // offset → data
    std::optional<int> finalEnd;         // where the data ends, from the fragment without M bit
    for (const QByteArray &datagram : datagrams) {
        const Result<ControlReply> reply = decodeControlReply(datagram);
        if (!reply) {
            ++outcome.rejected[reply.errorMessage()];
            continue;
        }
        if (reply->opcode != CONTROL_OP_READVAR) {
            ++outcome.rejected[u"opcode %1 where READVAR (%2) was asked"_s.arg(reply->opcode).arg(CONTROL_OP_READVAR)];
            continue;
        }
        if (reply->sequence != sequence) {
            ++outcome.rejected[u"sequence %1 where %2 was sent"_s.arg(reply->sequence).arg(sequence)];
            continue;
        }
        if (reply->error) {
            ++outcome.validReplies;
            outcome.errorCode = reply->errorCode();
            outcome.errorText = controlErrorText(reply->errorCode());
            outcome.complete = true;
            continue;
        }
        if (fragments.count(reply->offset) != 0) {
            ++outcome.rejected[u"duplicate fragment at offset %1"_s.arg(reply->offset)];
            continue;
        }
        if (!reply->more) {
            if (finalEnd) {
                ++outcome.rejected[u"second final fragment (offset %1)"_s.arg(reply->offset)];
                continue;
            }
            finalEnd = reply->offset + int(reply->data.size());
        }
        fragments.emplace(reply->offset, reply->data);
        ++outcome.validReplies;
        outcome.dataBytes += reply->data.size();
    }
    if (outcome.errorCode || fragments.empty())
        return;
    // Complete when the fragments tile [0, end of the final fragment) without gaps or overlaps.
    QByteArray text;
    int expected = 0;
    bool contiguous = true;
    for (const auto &[offset, data] : fragments) {
        if (offset != expected)
            contiguous = false;
        text.append(data);
        expected = offset + int(data.size());
    }
    outcome.complete = contiguous && finalEnd && *finalEnd == expected;
    outcome.serverVersion = controlVariable(text, "version");
}

void analysePrivateReplies(const QList<QByteArray> &datagrams, ProbeOutcome &outcome)
{
    resetReplyFields(datagrams, outcome);
    std::map<int, int> items;            // sequence → item count
    std::optional<int> finalSequence;    // the datagram without M bit
    for (const QByteArray &datagram : datagrams) {
        const Result<PrivateReply> reply = decodePrivateReply(datagram);
        if (!reply) {
            ++outcome.rejected[reply.errorMessage()];
            continue;
        }
        if (reply->implementation != PRIVATE_IMPL_XNTPD || reply->requestCode != PRIVATE_REQ_MON_GETLIST_1) {
            ++outcome.rejected[u"implementation %1, request %2 where %3, %4 (MON_GETLIST_1) was asked"_s
                                       .arg(reply->implementation)
                                       .arg(reply->requestCode)
                                       .arg(PRIVATE_IMPL_XNTPD)
                                       .arg(PRIVATE_REQ_MON_GETLIST_1)];
            continue;
        }
        if (reply->errorCode != 0) {
            ++outcome.validReplies;
            outcome.errorCode = reply->errorCode;
            outcome.errorText = privateErrorText(reply->errorCode);
            outcome.complete = true;
            continue;
        }
        if (items.count(reply->sequence) != 0) {
            ++outcome.rejected[u"duplicate datagram with sequence %1"_s.arg(reply->sequence)];
            continue;
        }
        if (!reply->more) {
            if (finalSequence) {
                ++outcome.rejected[u"second final datagram (sequence %1)"_s.arg(reply->sequence)];
                continue;
            }
            finalSequence = reply->sequence;
        }
        items.emplace(reply->sequence, reply->itemCount);
        ++outcome.validReplies;
        outcome.dataBytes += reply->data.size();
        outcome.monlistEntries += reply->itemCount;
    }
    if (outcome.errorCode || items.empty())
        return;
    // Complete when sequences 0 … final all arrived (std::map keeps them sorted and unique).
    outcome.complete = finalSequence && int(items.size()) == *finalSequence + 1 && items.rbegin()->first == *finalSequence;
}

} // namespace chronoscope::diagnostics

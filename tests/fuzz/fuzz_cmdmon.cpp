// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for chronyd's command protocol (core/sysservice). Besides "no crash, no
// sanitizer report", each input checks:
//   - the reply header decoder accounts for every byte (28-byte header + data) and accepts only
//     version 6 replies of at most MAX_DATAGRAM_SIZE bytes;
//   - every report decoder either fails with a message or returns values within their ranges
//     (states 0..5, stratum ≤ 16, reachability ≤ 255, non-negative deviations, ...);
//   - the client, fed the input as a stream of replies (2-byte length + datagram; the request's
//     sequence number is written into each so that it is matched), finishes a whole snapshot
//     with a bounded number of requests, and its JSON can be built.
// Build: the `fuzz` preset (clang), or runfuzz_target.cmake with clang++-14; the ctest
// `fuzz_cmdmon` runs it for a few seconds, `fuzz-long` for 10 million executions.
#include <cstddef>
#include <cstdint>
#include <deque>

#include <QByteArray>
#include <QtEndian>

#include "core/sysservice/chronydclient.h"
#include "core/sysservice/chronydjson.h"
#include "core/sysservice/cmdmonmessage.h"
#include "core/sysservice/cmdmonprotocol.h"
#include "core/sysservice/cmdmondecoders.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::sysservice;

namespace {

void check(bool condition)
{
    if (!condition)
        __builtin_trap();
}

class ReplayTransport final : public CmdmonTransport
{
public:
    std::deque<QByteArray> replies;
    int requests = 0;
    std::uint32_t sequence = 0;

    chronoscope::Result<bool> send(QByteArrayView request) override
    {
        ++requests;
        check(request.size() >= cmdmon::REQUEST_HEADER_SIZE && request.size() <= cmdmon::MAX_DATAGRAM_SIZE);
        sequence = qFromBigEndian<std::uint32_t>(request.data() + 8);
        return true;
    }
    chronoscope::Result<QByteArray> receive(int) override
    {
        if (replies.empty())
            return chronoscope::Error{u"no reply from replay"_s};
        QByteArray reply = replies.front();
        replies.pop_front();
        if (reply.size() >= 20)
            qToBigEndian(sequence, reply.data() + 16);
        return reply;
    }
    QString endpoint() const override { return u"replay"_s; }
};

void checkDecoders(QByteArrayView data)
{
    if (const auto count = decodeSourceCount(data))
        check(*count <= cmdmon::MAX_SOURCES);
    if (const auto s = decodeSourceData(data)) {
        check(int(s->state) <= 5 && int(s->mode) <= 2);
        check(s->stratum >= 0 && s->stratum <= 16 && s->reachability >= 0 && s->reachability <= 255);
        check(s->latestOffsetError >= 0);
    }
    if (const auto t = decodeTracking(data)) {
        check(t->leapStatus >= 0 && t->leapStatus <= 3 && t->stratum <= 16);
        check(t->rmsOffset >= 0 && t->skewPpm >= 0 && t->rootDelay >= 0 && t->rootDispersion >= 0);
    }
    if (const auto st = decodeSourceStats(data))
        check(st->runs <= st->samples && st->samples <= 64 && st->standardDeviation >= 0);
    if (const auto sel = decodeSelectData(data))
        check(sel->stateCode > 0x20 && sel->stateCode < 0x7f && sel->lowLimit <= sel->highLimit);
    if (const auto n = decodeNtpData(data))
        check(n->totalGood <= n->totalValid && n->totalValid <= n->totalReceived && n->leap <= 3);
    if (const auto a = decodeAuthData(data))
        check(int(a->mode) <= 2 && a->cookies <= 64);
    if (const auto name = decodeSourceName(data))
        check(name->size() < cmdmon::SOURCE_NAME_SIZE);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *bytes, std::size_t size)
{
    const QByteArrayView whole(reinterpret_cast<const char *>(bytes), qsizetype(size));
    const chronoscope::Result<CmdmonReply> reply = decodeCmdmonReply(whole);
    if (reply) {
        check(reply->data.size() + cmdmon::REPLY_HEADER_SIZE == whole.size());
        check(whole.size() <= cmdmon::MAX_DATAGRAM_SIZE && std::uint8_t(whole[0]) == cmdmon::PROTOCOL_VERSION);
        checkDecoders(reply->data);
    } else {
        check(!reply.errorMessage().isEmpty());
    }
    checkDecoders(whole);

    ReplayTransport transport;
    qsizetype pos = 0;
    while (pos + 2 <= whole.size()) {
        const qsizetype length = qFromBigEndian<std::uint16_t>(whole.data() + pos) % 1100;
        pos += 2;
        const qsizetype take = qMin(length, whole.size() - pos);
        transport.replies.push_back(whole.sliced(pos, take).toByteArray());
        pos += take;
    }
    const std::size_t available = transport.replies.size();
    ChronydClient client(transport, 10, 2);
    const chronoscope::Result<ChronydSnapshot> snapshot = client.snapshot();
    if (snapshot) {
        check(snapshot->sources.size() <= qsizetype(cmdmon::MAX_SOURCES));
        check(!chronydSnapshotJson(*snapshot).isEmpty());
    }
    // Every request consumed at least one datagram or timed out (twice): bounded by the input.
    check(std::size_t(transport.requests) <= 2 * available + 2 + 2 * 6 * cmdmon::MAX_SOURCES);
    return 0;
}

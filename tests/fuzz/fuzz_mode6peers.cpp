// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the ntpd reader (core/sysservice, issue 15): mode 6 fragment reassembly,
// the READVAR variable list and the client. Besides "no crash, no sanitizer report", each input
// checks:
//   - the variable parser keeps at most MAX_VARIABLES variables of printable ASCII;
//   - reassembly never holds more than MAX_FRAGMENTS fragments or MAX_RESPONSE_BYTES bytes, and
//     a complete response is exactly the bytes from 0 to its end;
//   - the client, fed the input as a stream of datagrams (2-byte length + datagram; the first
//     input byte says whether the request's sequence, opcode and association are written into
//     each so that it is matched), finishes a snapshot with a bounded number of requests, with
//     at most MAX_ASSOCIATIONS peers whose values are in range, and its JSON can be built.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>

#include <QByteArray>
#include <QtEndian>

#include "core/diagnostics/controlmessage.h"
#include "core/sysservice/mode6reassembly.h"
#include "core/sysservice/mode6variables.h"
#include "core/sysservice/ntpdclient.h"
#include "core/sysservice/ntpdjson.h"
#include "tests/fuzz/fuzzcheck.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::sysservice;

namespace {

class ReplayNtpd final : public CmdmonTransport
{
public:
    std::deque<QByteArray> datagrams;
    bool matchSequence = false;
    bool matchRequest = false;
    int requests = 0;
    QByteArray lastRequest;

    chronoscope::Result<bool> send(QByteArrayView request) override
    {
        ++requests;
        fuzzCheck(request.size() == chronoscope::diagnostics::CONTROL_HEADER_SIZE);
        lastRequest = request.toByteArray();
        return true;
    }
    chronoscope::Result<QByteArray> receive(int) override
    {
        if (datagrams.empty())
            return chronoscope::Error{u"no reply from replay"_s};
        QByteArray next = datagrams.front();
        datagrams.pop_front();
        if (next.size() >= 8) {
            if (matchSequence)
                std::memcpy(next.data() + 2, lastRequest.constData() + 2, 2);
            if (matchRequest) {
                next[1] = char((next[1] & 0xe0) | (lastRequest[1] & 0x1f));
                std::memcpy(next.data() + 6, lastRequest.constData() + 6, 2);
            }
        }
        return next;
    }
    QString endpoint() const override { return u"replay"_s; }
};

void checkVariables(const QByteArray &text)
{
    const auto variables = Mode6Variables::parse(text);
    if (variables) {
        fuzzCheck(variables->size() <= Mode6Variables::MAX_VARIABLES);
        fuzzCheck(variables->size() + variables->skipped() <= text.size());
    } else {
        fuzzCheck(!variables.errorMessage().isEmpty());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *bytes, std::size_t size)
{
    const QByteArrayView whole(reinterpret_cast<const char *>(bytes), qsizetype(size));
    checkVariables(whole.toByteArray());

    ReplayNtpd transport;
    if (!whole.isEmpty()) {
        transport.matchSequence = (bytes[0] & 1) != 0;
        transport.matchRequest = (bytes[0] & 2) != 0;
    }
    Mode6Reassembly reassembly;
    qsizetype pos = 1;
    while (pos + 2 <= whole.size()) {
        const qsizetype length = qFromBigEndian<std::uint16_t>(whole.data() + pos) % 600;
        pos += 2;
        const qsizetype take = qMin(length, whole.size() - pos);
        const QByteArray datagram = whole.sliced(pos, take).toByteArray();
        transport.datagrams.push_back(datagram);
        pos += take;
        // The reassembly on its own, fed every decodable fragment in input order.
        const auto fragment = chronoscope::diagnostics::decodeControlReply(datagram);
        if (fragment && !reassembly.isComplete()) {
            const auto added = reassembly.add(*fragment);
            fuzzCheck(reassembly.fragmentCount() <= Mode6Reassembly::MAX_FRAGMENTS);
            if (added && *added) {
                fuzzCheck(reassembly.data().size() <= Mode6Reassembly::MAX_RESPONSE_BYTES);
                checkVariables(reassembly.data());
            }
        }
    }
    const std::size_t available = transport.datagrams.size();
    NtpdClient client(transport, 10, 2);
    const chronoscope::Result<NtpdSnapshot> snapshot = client.snapshot();
    if (snapshot) {
        fuzzCheck(snapshot->peers.size() <= NtpdClient::MAX_ASSOCIATIONS);
        fuzzCheck(snapshot->stratum >= 0 && snapshot->stratum <= 16 && snapshot->leap >= 0 && snapshot->leap <= 3);
        for (const NtpdPeerView &peer : snapshot->peers)
            fuzzCheck(peer.reach <= 255 && peer.stratum >= 0 && peer.stratum <= 16 && peer.leap >= 0 && peer.leap <= 3);
        fuzzCheck(!ntpdSnapshotJson(*snapshot).isEmpty());
    }
    // Every request consumed at least one datagram or timed out (twice): bounded by the input.
    fuzzCheck(std::size_t(transport.requests) <= 2 * available + 2 * (2 + NtpdClient::MAX_ASSOCIATIONS));
    return 0;
}

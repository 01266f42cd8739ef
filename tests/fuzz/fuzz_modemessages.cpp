// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the NTP mode 6 / mode 7 reply decoders and the reply analysis of the
// exposure probe (core/diagnostics). Properties checked on every input, besides "no crash, no
// sanitizer report":
//   - a decoded reply accounts for every byte of the datagram (header + data + trailer) and
//     stays within the protocol limits (468 data bytes per mode 6 fragment, 500 per mode 7 reply);
//   - the analysis of a set of datagrams counts each one exactly once, valid or rejected, and
//     the bytes and amplification factor it reports add up.
// The input is read twice: whole, as one datagram for both decoders, then split into datagrams
// (each preceded by a 2-byte length) as one probe's replies.
// Build: the `fuzz` preset (clang), or runfuzz_target.cmake with clang++-14; the ctest
// `fuzz_modemessages` runs it for a few seconds, `fuzz-long` for 10 million executions.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <algorithm>

#include <QByteArray>
#include <QList>

#include "core/diagnostics/controlmessage.h"
#include "core/diagnostics/privatemessage.h"
#include "core/diagnostics/replyanalysis.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::diagnostics;

namespace {

void check(bool condition)
{
    if (!condition)
        __builtin_trap();
}

void checkSingleDatagram(QByteArrayView bytes)
{
    const chronoscope::Result<ControlReply> control = decodeControlReply(bytes);
    if (control) {
        check(control->version >= 1 && control->version <= 4);
        check(control->data.size() <= CONTROL_MAX_DATA);
        check(CONTROL_HEADER_SIZE + control->data.size() + control->trailingBytes == bytes.size());
        check(control->trailingBytes >= 0 && control->trailingBytes <= CONTROL_MAX_TRAILER);
        check(control->offset + control->data.size() <= 0xffff);
        check(!control->more || !control->data.isEmpty());
    } else {
        check(!control.errorMessage().isEmpty());
    }
    const chronoscope::Result<PrivateReply> priv = decodePrivateReply(bytes);
    if (priv) {
        check(priv->version >= 1 && priv->version <= 4);
        check(priv->data.size() == qsizetype(priv->itemCount) * priv->itemSize);
        check(priv->data.size() <= PRIVATE_MAX_DATA);
        check(PRIVATE_HEADER_SIZE + priv->data.size() + priv->trailingBytes == bytes.size());
        check(priv->trailingBytes >= 0 && priv->trailingBytes <= PRIVATE_MAX_TRAILER);
        check(priv->errorCode >= 0 && priv->errorCode <= 15);
    } else {
        check(!priv.errorMessage().isEmpty());
    }
}

void checkOutcome(const ProbeOutcome &o, const QList<QByteArray> &datagrams)
{
    int rejected = 0;
    for (const int count : o.rejected) {
        check(count > 0);
        rejected += count;
    }
    check(o.validReplies + rejected == datagrams.size());
    check(o.datagrams == datagrams.size());
    qint64 bytes = 0;
    for (const QByteArray &d : datagrams)
        bytes += d.size();
    check(o.replyBytes == bytes);
    check(o.dataBytes >= 0 && o.dataBytes <= o.replyBytes);
    const double factor = o.amplificationFactor();
    check(std::isfinite(factor) && factor >= 0);
    check(o.answered() == (o.validReplies > 0));
    check(!o.complete || o.answered());
    check(o.monlistEntries >= 0);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    checkSingleDatagram(bytes);

    // As a probe's replies: [sequence: 2 bytes] then datagrams, each [length: 2 bytes][bytes].
    if (size < 2)
        return 0;
    const std::uint16_t sequence = std::uint16_t((data[0] << 8) | data[1]);
    QList<QByteArray> datagrams;
    std::size_t at = 2;
    while (at + 2 <= size) {
        const std::size_t length = std::size_t((data[at] << 8) | data[at + 1]) % 2048;
        at += 2;
        const std::size_t take = std::min(length, size - at);
        datagrams.append(QByteArray(reinterpret_cast<const char *>(data + at), qsizetype(take)));
        at += take;
    }
    ProbeOutcome control;
    control.request = u"readvar"_s;
    control.requestBytes = CONTROL_HEADER_SIZE;
    analyseControlReplies(datagrams, sequence, control);
    checkOutcome(control, datagrams);
    ProbeOutcome monlist;
    monlist.request = u"monlist"_s;
    monlist.requestBytes = PRIVATE_HEADER_SIZE;
    analysePrivateReplies(datagrams, monlist);
    checkOutcome(monlist, datagrams);
    return 0;
}

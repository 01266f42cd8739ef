// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the client-side reply checks (core/ntp/replyvalidator) against a recorded
// request. Input layout: the request's transmit nonce (8 bytes), its send time T1 (8), the
// reply's receive time T4 (8), one control byte, then the reply datagram. Control byte:
//   bits 0-2  key the request was sent with: 0 none, 1-5 the test keys of ntp-mac-vectors.json
//   bit 3     the previous accepted reply had this reply's transmit time (duplicate test)
//   bits 4-5  the reply's source: 127.0.0.1:123, ::ffff:127.0.0.1:123, ::1:123, 127.0.0.1:124
//   bit 6     no request is outstanding
//   bit 7     the request asked for interleaved mode; its previous exchange is T1 − 1 s,
//             T1 − 0.5 s (the server's receive time) and T4 − 1 s (our receive time)
// Properties, besides "no crash, no sanitizer report": an accepted reply answers our request
// (mode 4, our nonce as origin or, in interleaved mode, our previous receive time, whose
// measurement then has the previous exchange's T1, T2 and T4; stratum 1-15, source and port
// right, a delay that is not negative), is authenticated when a
// key was used, and gives finite offset and delay; every other verdict names a reason in words.
#include <cmath>
#include <cstddef>
#include <cstdint>

#include <QByteArray>
#include <QtEndian>

#include "core/ntp/clockmath.h"
#include "core/ntp/replyvalidator.h"
#include "tests/fuzz/fuzzcheck.h"
#include "tests/fuzz/fuzzmackeys.h"

using namespace chronoscope;

namespace {

constexpr std::size_t PREFIX = 25;
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const QList<auth::SymmetricKey> keys = fuzzMacTestKeys();
    static const QHostAddress server(QHostAddress::LocalHost);
    static const QHostAddress sources[] = {QHostAddress(QHostAddress::LocalHost),
                                           QHostAddress(u"::ffff:127.0.0.1"_qs), QHostAddress(QHostAddress::LocalHostIPv6),
                                           QHostAddress(QHostAddress::LocalHost)};
    if (size < PREFIX)
        return 0;
    const ntp::NtpTimestamp nonce(qFromBigEndian<std::uint64_t>(data));
    const ntp::NtpTimestamp t1(qFromBigEndian<std::uint64_t>(data + 8));
    const ntp::NtpTimestamp t4(qFromBigEndian<std::uint64_t>(data + 16));
    const std::uint8_t control = data[24];
    const QByteArrayView reply(reinterpret_cast<const char *>(data + PREFIX), qsizetype(size - PREFIX));

    ntp::ReplyContext context;
    context.serverAddress = server;
    context.serverPort = 123;
    constexpr std::uint64_t SECOND = std::uint64_t(1) << 32;
    if (!(control & 0x40))
        context.request = ntp::OutstandingRequest{nonce, t1, std::nullopt};
    if (context.request && (control & 0x80))
        context.request->previous = ntp::PreviousExchange{ntp::NtpTimestamp(t1.raw() - SECOND),
                                                          ntp::NtpTimestamp(t1.raw() - SECOND / 2),
                                                          ntp::NtpTimestamp(t4.raw() - SECOND)};
    const int keyIndex = control & 0x7;
    if (keyIndex >= 1 && keyIndex <= 5)
        context.key = &keys.at(keyIndex - 1);
    if ((control & 0x8) && reply.size() >= 48)
        context.lastAcceptedTransmit = ntp::NtpTimestamp(qFromBigEndian<std::uint64_t>(reply.data() + 40));
    const int source = (control >> 4) & 0x3;
    const quint16 fromPort = source == 3 ? 124 : 123;

    const ntp::ReplyVerdict verdict = ntp::validateReply(reply, sources[source], fromPort, t4, context);
    if (verdict.accepted()) {
        fuzzCheck(!verdict.reason.has_value());
        fuzzCheck(source == 0 || source == 1);
        fuzzCheck(context.request.has_value() && verdict.packet.has_value());
        const ntp::Packet &p = *verdict.packet;
        const std::optional<ntp::PreviousExchange> &previous = context.request->previous;
        const bool interleaved = verdict.measurement.interleaved;
        fuzzCheck(p.mode == ntp::Mode::Server);
        fuzzCheck(interleaved ? previous && p.originTime == previous->t4 && p.originTime != nonce
                              : p.originTime == nonce);
        if (interleaved) {
            fuzzCheck(verdict.measurement.timestamps.t1 == previous->t1);
            fuzzCheck(verdict.measurement.timestamps.t2 == previous->t2);
            fuzzCheck(verdict.measurement.timestamps.t4 == previous->t4);
            fuzzCheck(ntp::roundTripDelay(verdict.measurement.timestamps) >= 0);
        }
        fuzzCheck(p.stratum >= 1 && p.stratum < ntp::MAXSTRAT);
        fuzzCheck(verdict.authenticated == (context.key != nullptr));
        fuzzCheck(std::isfinite(verdict.measurement.offset) && std::isfinite(verdict.measurement.delay));
        fuzzCheck(verdict.measurement.delay > 0);
    } else {
        fuzzCheck(verdict.reason.has_value() && !verdict.detail.isEmpty());
        if (verdict.outcome == ntp::ReplyVerdict::Outcome::Kiss) {
            fuzzCheck(verdict.kiss != ntp::KissCode::None && verdict.packet && verdict.packet->stratum == 0);
            fuzzCheck(verdict.packet->originTime == nonce
                      || (context.request->previous && verdict.packet->originTime == context.request->previous->t4));
        }
    }
    if (!context.key)
        fuzzCheck(!verdict.authenticated);
    return 0;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/fakes/junkdatagram.h"

#include <chrono>

#include "core/ntp/ntptimestamp.h"

namespace chronoscope::testing {
namespace {

QByteArray randomBytes(int size, QRandomGenerator &random)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = char(random.bounded(256));
    return bytes;
}

ntp::Packet wrongOriginReply(const ntp::Packet &request, QRandomGenerator &random)
{
    ntp::Packet reply;
    reply.version = request.version;
    reply.mode = ntp::Mode::Server;
    reply.stratum = 1;
    reply.poll = 6;
    reply.precision = -20;
    // Never the nonce: every bit of it flipped, plus a random low word.
    reply.originTime = ntp::NtpTimestamp((~request.transmitTime.raw()) ^ random.bounded(1u << 30));
    const ntp::NtpTimestamp now = ntp::NtpTimestamp::fromSystemTime(std::chrono::system_clock::now());
    reply.referenceTime = now;
    reply.receiveTime = now;
    reply.transmitTime = now;
    return reply;
}

} // namespace

QByteArray junkDatagram(JunkKind kind, const ntp::Packet &request, QRandomGenerator &random)
{
    switch (kind) {
    case JunkKind::ShortRandom:
        return randomBytes(1 + int(random.bounded(47)), random);
    case JunkKind::WrongOriginReply:
        return ntp::encode(wrongOriginReply(request, random));
    case JunkKind::WrongOriginKissRate: {
        ntp::Packet kiss = wrongOriginReply(request, random);
        kiss.leap = ntp::LeapIndicator::Unsynchronized;
        kiss.stratum = 0;
        kiss.referenceId = 0x52415445; // "RATE"
        return ntp::encode(kiss);
    }
    case JunkKind::Oversize:
        return randomBytes(3000, random);
    }
    return {};
}

} // namespace chronoscope::testing

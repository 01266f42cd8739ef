// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the /proc/net/udp and /proc/net/udp6 parser (core/diagnostics/procnetudp)
// of the port-123 diagnostics. The first byte picks the table (even: udp, odd: udp6); the rest
// is the file's text. Properties, besides "no crash, no sanitizer report": a parsed table has
// at most one socket per line, each with an address of the table's family (a remote address
// only with a remote port); a refused one names the line.
#include <cstddef>
#include <cstdint>

#include "core/diagnostics/procnetudp.h"
#include "tests/fuzz/fuzzcheck.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::diagnostics;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    const bool ipv6 = data[0] & 1;
    const QByteArray content(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const chronoscope::Result<QList<UdpSocketEntry>> parsed = parseProcNetUdp(content, ipv6);
    if (!parsed) {
        fuzzCheck(parsed.errorMessage().startsWith(u"line "_s) || parsed.errorMessage().contains(u"/proc/net/udp"_s));
        return 0;
    }
    fuzzCheck(parsed->size() <= content.count('\n'));
    const auto family = ipv6 ? QAbstractSocket::IPv6Protocol : QAbstractSocket::IPv4Protocol;
    for (const UdpSocketEntry &entry : *parsed) {
        fuzzCheck(entry.localAddress.protocol() == family);
        fuzzCheck(entry.remotePort != 0 || entry.remoteAddress.isNull());
        fuzzCheck(entry.remotePort == 0 || entry.remoteAddress.protocol() == family);
    }
    return 0;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

#include "core/diagnostics/udpsocketentry.h"
#include "core/result.h"

namespace chronoscope::diagnostics {

// Parses the text of Linux's /proc/net/udp (`ipv6` false) or /proc/net/udp6 (`ipv6` true): one
// socket per line after the header, addresses as hexadecimal words in host byte order, the
// port in hex, uid and inode in decimal. Processes are not filled in. Portable code, so the
// parser is tested on every platform; only udpportinspector_linux.cpp feeds it real files.
// A malformed line is an Error naming its number and text.
Result<QList<UdpSocketEntry>> parseProcNetUdp(const QByteArray &content, bool ipv6);

} // namespace chronoscope::diagnostics

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include "core/result.h"

namespace chronoscope::sysservice {

// Carries cmdmon datagrams to chronyd and back: the Unix socket (UnixCmdmonTransport), UDP port
// 323 on loopback (LoopbackUdpTransport), or an in-process fake in tests. Blocking, one request
// at a time.
class CmdmonTransport
{
public:
    virtual ~CmdmonTransport() = default;

    // Sends `request`.
    virtual Result<bool> send(QByteArrayView request) = 0;
    // The next datagram that arrives within `timeoutMs` (at most MAX_DATAGRAM_SIZE + 1 bytes
    // of it, so that an oversized one is seen as such), or an Error on timeout or failure.
    virtual Result<QByteArray> receive(int timeoutMs) = 0;
    // Where the datagrams go, for messages: "/run/chrony/chronyd.sock", "127.0.0.1:323".
    virtual QString endpoint() const = 0;
    // Whether this transport can carry the cmdmon request `command` (REQ_*). The helper's
    // (HelperCmdmonTransport) carries only its read-only whitelist; ChronydClient::snapshot()
    // skips the rest and says so once.
    virtual bool supportsCommand(std::uint16_t command) const { (void)command; return true; }
};

} // namespace chronoscope::sysservice

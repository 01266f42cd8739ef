// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <initializer_list>

#include <QByteArrayView>
#include <QHostAddress>

#include "core/result.h"
#include "core/sysservice/chronydreplies.h"
#include "core/sysservice/chronydsnapshot.h"
#include "core/sysservice/cmdmonmessage.h"
#include "core/sysservice/cmdmontransport.h"

namespace chronoscope::sysservice {

// Read-only chronyd client over a CmdmonTransport: one request, one reply, matched by a random
// sequence number. A datagram with another sequence number (a late answer to an earlier
// attempt) is skipped and counted; a malformed reply, a reply of another protocol version or
// to another command, or an error status ends the request with an Error saying so.
class ChronydClient
{
public:
    // `timeoutMs` per attempt; `attempts` > 1 resends (UDP).
    explicit ChronydClient(CmdmonTransport &transport, int timeoutMs = 1000, int attempts = 1);

    Result<ChronydTracking> tracking();
    Result<std::uint32_t> sourceCount();
    Result<ChronydSource> source(std::uint32_t index);
    Result<ChronydSourceStats> sourceStats(std::uint32_t index);
    Result<ChronydSelectData> selectData(std::uint32_t index);
    Result<ChronydNtpData> ntpData(const QHostAddress &address);
    Result<ChronydAuthData> authData(const QHostAddress &address);
    Result<QString> sourceName(const QHostAddress &address);
    // `chronyc reload sources`: re-reads sourcedir files. Needs the Unix socket as root.
    Result<bool> reloadSources();

    // Tracking, then every source with its stats, selection data (where supported), ntpdata,
    // authdata and name. Fails only when tracking or the source list cannot be read; a part of a
    // source that cannot be read becomes a warning.
    Result<ChronydSnapshot> snapshot();

    int ignoredReplies() const { return m_ignoredReplies; }
    // Status of the last reply that carried one (for callers that treat "not supported" apart).
    std::uint16_t lastStatus() const { return m_lastStatus; }

private:
    Result<CmdmonReply> exchange(std::uint16_t command, QByteArrayView data, int replyDataSize,
                                 std::initializer_list<std::uint16_t> replyCodes);

    CmdmonTransport &m_transport;
    int m_timeoutMs;
    int m_attempts;
    int m_ignoredReplies = 0;
    std::uint16_t m_lastStatus = 0;
};

} // namespace chronoscope::sysservice

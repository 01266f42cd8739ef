// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QList>
#include <QPair>

#include "core/result.h"
#include "core/sysservice/cmdmontransport.h"
#include "core/sysservice/mode6variables.h"
#include "core/sysservice/ntpdsnapshot.h"

namespace chronoscope::sysservice {

// Read-only ntpd / ntpsec client over mode 6 (what `ntpq -p` and `ntpq -c rv` ask): READSTAT for
// the association list, READVAR for the system and per-peer variables. Each response may come
// in fragments, put together by Mode6Reassembly with its bounds. A datagram with another
// sequence number, opcode or association (a late answer) is skipped and counted; a malformed
// one, an error response or an incomplete response at the timeout ends the request with an
// Error saying so. Blocking: run it off the GUI thread.
class NtpdClient
{
public:
    static constexpr int MAX_ASSOCIATIONS = 256;

    explicit NtpdClient(CmdmonTransport &transport, int timeoutMs = 1000, int attempts = 1);

    // (association id, peer status word) pairs, at most MAX_ASSOCIATIONS.
    Result<QList<QPair<std::uint16_t, std::uint16_t>>> associations();
    // READVAR for `associationId` (0: the system variables).
    Result<Mode6Variables> variables(std::uint16_t associationId);

    // System variables, then every association with its variables. Fails only when the system
    // variables or the association list cannot be read; a peer whose variables cannot be read
    // keeps its status word and becomes a warning.
    Result<NtpdSnapshot> snapshot();

    int ignoredReplies() const { return m_ignoredReplies; }

private:
    Result<QByteArray> request(std::uint8_t opcode, std::uint16_t associationId);

    CmdmonTransport &m_transport;
    int m_timeoutMs;
    int m_attempts;
    int m_ignoredReplies = 0;
};

// Fills a peer from its READVAR variables (ntpd's milliseconds become seconds).
void applyNtpdPeerVariables(const Mode6Variables &variables, NtpdPeerView &peer);
// Fills the system part of a snapshot from the association-0 variables.
void applyNtpdSystemVariables(const Mode6Variables &variables, NtpdSnapshot &snapshot);

} // namespace chronoscope::sysservice

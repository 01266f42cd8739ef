// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>

#include <QByteArray>
#include <QProcess>

#include "core/correction/helperlaunch.h"
#include "core/sysservice/cmdmontransport.h"

namespace chronoscope::sysservice {

// chronyd's root-only command socket read through the helper (issue 15 item 1; HELPER.md §4.5):
// each cmdmon request ChronydClient sends becomes one READ_CHRONYD frame to a helper started as
// `read-time-service` (its own polkit action: it can read, never change anything), and the
// datagram chronyd answered is handed back unchanged except for the sequence number (the helper
// chooses its own and has matched chronyd's reply to it; this transport puts the client's back so
// that ChronydClient's matching works as over the socket).
//
// One helper process serves the whole read: it answers frame after frame until its input closes
// (HELPER.md §4.1), so a read costs one password prompt. The helper is started by the first
// send() (timeServiceHelperLaunch(), CHRONOSCOPE_HELPER for tests) and ended by the destructor.
// Blocking (QProcess's waitFor* functions): use it in a worker thread, like the other transports.
// Only the requests on the helper's whitelist can be sent (supportsCommand()); others are an
// Error without starting anything. Every reply is bounded by the frame reader (MAX_CMDMON_REPLY).
class HelperCmdmonTransport final : public CmdmonTransport
{
public:
    HelperCmdmonTransport();
    ~HelperCmdmonTransport() override;
    Q_DISABLE_COPY_MOVE(HelperCmdmonTransport)

    // The first reply waits for the password prompt; later ones for chronyd (the helper tries
    // each exchange up to 3 × 1 s).
    static constexpr int FIRST_REPLY_TIMEOUT_MS = 5 * 60 * 1000;
    static constexpr int REPLY_TIMEOUT_MS = 15 * 1000;

    Result<bool> send(QByteArrayView request) override;
    Result<QByteArray> receive(int timeoutMs) override;
    QString endpoint() const override;
    bool supportsCommand(std::uint16_t command) const override;

    // Run this command instead of timeServiceHelperLaunch(false, true)'s (tests).
    void setLaunchOverride(const correction::HelperLaunch &launch) { m_override = launch; }
    // What the helper wrote on standard error (bounded), for error details.
    QString diagnostics() const { return QString::fromUtf8(m_stderr); }

private:
    Result<bool> start();
    Result<QByteArray> exchange(std::uint16_t command, QByteArrayView data);
    QString endedText();
    void collectStderr();

    std::optional<correction::HelperLaunch> m_override;
    QProcess m_process;
    QByteArray m_stderr;
    std::optional<QByteArray> m_pending;   // the reply to the last send(), until receive()
    std::uint64_t m_nextRequestId = 1;
    bool m_started = false;
    bool m_elevated = false;
    bool m_broken = false;                  // a failure ended the session
};

} // namespace chronoscope::sysservice

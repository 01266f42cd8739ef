// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QByteArray>
#include <QProcess>
#include <QTimer>

#include "core/correction/helperlaunch.h"
#include "core/sysservice/timeserviceframereader.h"
#include "core/sysservice/timeservicehelper.h"

namespace chronoscope::sysservice {

// How to start the helper for `configure-time-service` (HELPER.md §1.5, §4.5): like the clock
// verbs, `pkexec <installed helper> configure-time-service [--dry-run]`, or for tests and
// development CHRONOSCOPE_HELPER=<path> without pkexec (and so without privileges);
// CHRONOSCOPE_HELPER_TEST_ROOT=<dir>, CHRONOSCOPE_HELPER_TEST_CHRONYD_SOCKET=<path> and
// CHRONOSCOPE_HELPER_TEST_GRACE_MS=<ms> then add the helper's hidden test options (HELPER.md
// §5.5). None grants anything: an unprivileged helper cannot write /etc, and the helper takes
// the test options only while CHRONOSCOPE_FORBID_CLOCK_CHANGES is set. `readOnly` starts it as
// `read-time-service` instead (READ_CHRONYD only, its own polkit action).
Result<correction::HelperLaunch> timeServiceHelperLaunch(bool dryRun, bool readOnly = false);

// Runs chronoscope-helper for `configure-time-service` as a child process and speaks the
// time-service frames over its stdin/stdout. pkexec's exit statuses tell a dismissed prompt
// (126) from a refusal (127). Lives in the caller's thread.
class ProcessTimeServiceHelper final : public TimeServiceHelper
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProcessTimeServiceHelper)
public:
    explicit ProcessTimeServiceHelper(QObject *parent = nullptr);
    ~ProcessTimeServiceHelper() override;

    void open(bool dryRun) override;
    void send(const protocol::timeservice::Request &request) override;
    void close() override;
    QString diagnostics() const override { return QString::fromUtf8(m_stderr); }

    // The reply comes after the password prompt and the helper's grace period (HELPER.md §4.5).
    static constexpr int REPLY_TIMEOUT_MS = 8 * 60 * 1000;
    // Run this command instead of timeServiceHelperLaunch()'s (tests).
    void setLaunchOverride(const correction::HelperLaunch &launch) { m_override = launch; }

private:
    void onReadyRead();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onErrorOccurred(QProcess::ProcessError error);
    void onTimeout();
    void fail(correction::HelperError error, QString detail);

    std::optional<correction::HelperLaunch> m_override;
    QProcess m_process;
    QTimer m_timer;
    TimeServiceFrameReader m_reader;
    QByteArray m_stderr;
    bool m_elevated = false;
    bool m_failed = false;
};

} // namespace chronoscope::sysservice

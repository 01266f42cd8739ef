// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QByteArray>
#include <QProcess>
#include <QTimer>

#include "core/correction/clockhelper.h"
#include "core/correction/helperlaunch.h"
#include "core/correction/responseframereader.h"

namespace chronoscope::correction {

// Runs chronoscope-helper as a child process (through pkexec unless helperLaunch() says
// otherwise) and speaks the binary protocol over its stdin/stdout. pkexec's exit statuses tell
// a dismissed prompt (126) from a refusal (127). Lives in the caller's thread.
class ProcessClockHelper final : public ClockHelper
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProcessClockHelper)
public:
    explicit ProcessClockHelper(QObject *parent = nullptr);
    ~ProcessClockHelper() override;

    void open(protocol::Verb verb, bool dryRun) override;
    void send(const protocol::Request &request) override;
    void close() override;
    QString diagnostics() const override { return QString::fromUtf8(m_stderr); }

    // The first reply may wait for the user to type a password; later ones should be quick.
    static constexpr int FIRST_REPLY_TIMEOUT_MS = 5 * 60 * 1000;
    static constexpr int REPLY_TIMEOUT_MS = 15 * 1000;
    // Run this command instead of helperLaunch()'s (tests: a stand-in for pkexec).
    void setLaunchOverride(const HelperLaunch &launch) { m_override = launch; }

private:
    void onReadyRead();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onErrorOccurred(QProcess::ProcessError error);
    void onTimeout();
    void fail(HelperError error, QString detail); // by value: it may be the reader's error, which fail() clears

    std::optional<HelperLaunch> m_override;
    QProcess m_process;
    QTimer m_timer;
    ResponseFrameReader m_reader;
    QByteArray m_stderr;
    bool m_answeredOnce = false;
    bool m_elevated = false;
    bool m_failed = false;
};

} // namespace chronoscope::correction

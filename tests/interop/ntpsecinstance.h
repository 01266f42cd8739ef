// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace chronoscope::testing {

// ntpsec's ntpd serving on 127.0.0.1 and ::1, port 123 (it has no port option, so this needs
// root and a free port 123), to show what the exposure probe finds on a real mode 6 server.
// ntpsec is never installed: dev.sh unpacks Debian's package into build/tools/ntpsec. The daemon
// runs in the foreground (-n) with a configuration in a temporary directory that disables the
// clock discipline (`disable ntp`, `disable kernel`), under
// `setpriv --bounding-set -sys_time --inh-caps -sys_time`; start() verifies that CAP_SYS_TIME is
// absent from its permitted, effective and bounding sets, so it can never change the clock.
class NtpsecInstance
{
    Q_DISABLE_COPY_MOVE(NtpsecInstance)
public:
    // `answerQueries`: false adds `noquery` to every restriction, the fix the probe advises.
    explicit NtpsecInstance(bool answerQueries);
    ~NtpsecInstance();

    // Extra ntp.conf lines (e.g. `server` lines and `interface listen ::1`), appended.
    void setExtraConfig(const QString &lines) { m_extraConfig = lines; }

    // $CHRONOSCOPE_NTPSEC_NTPD, else build/tools/ntpsec/usr/sbin/ntpd in the source tree; empty
    // when neither exists.
    static QString findNtpd();

    // Starts ntpd and waits until it answers an NTP client request (at most `readySeconds`).
    bool start(double readySeconds = 5.0);
    void stop();
    QString errorString() const { return m_errorString; }
    qint64 pid() const { return m_process.processId(); }
    QString log() const;

private:
    bool writeConfig();
    bool waitUntilAnswering(double seconds);
    bool verifyNoClockCapability();

    bool m_answerQueries;
    QString m_extraConfig;
    QString m_errorString;
    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess m_process;
};

} // namespace chronoscope::testing

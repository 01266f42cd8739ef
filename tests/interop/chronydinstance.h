// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QHostAddress>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include "core/engine/serverspec.h"

namespace chronoscope::testing {

// A real chronyd serving NTP on one loopback address and a free port, for interoperability
// tests. It runs in the foreground (-d) with clock control disabled (-x), a configuration in a
// temporary directory (local stratum 1, no drift file, no command port) and, as root, without
// CAP_SYS_TIME in its capability bounding set: it can never change this machine's clock.
// Optionally it runs under libfaketime so that its clock is off by a known amount.
//
// The destructor stops it (SIGTERM, then SIGKILL); it also dies with the test process.
class ChronydInstance
{
    Q_DISABLE_COPY_MOVE(ChronydInstance)
public:
    // `address` must be a loopback address (127.0.0.0/8 or ::1).
    explicit ChronydInstance(const QHostAddress &address = QHostAddress(QHostAddress::LocalHost));
    ~ChronydInstance();

    // Runs chronyd under libfaketime with FAKETIME=`offset` (e.g. "+2.5s", "-1.8s"): its clock is
    // then ahead (+) or behind (−) of the real one, which a client measures as that offset.
    void setFakeTime(const QString &offset) { m_fakeTime = offset; }
    // Extra chrony.conf directives appended to the generated configuration (e.g. `keyfile`,
    // or `server` lines for a client instance).
    void setExtraConfig(const QString &directives) { m_extraConfig = directives; }
    // Client mode: serve no NTP (port 0, no `local`), open a command socket in the private 0700
    // directory (commandSocketPath()) and do not wait for NTP answers on start.
    void setClientMode(bool client) { m_clientMode = client; }
    // Server mode: also open the command socket (commandSocketPath()), e.g. for `serverstats`.
    void setCommandSocket(bool enabled) { m_commandSocket = enabled; }
    QString commandSocketPath() const;
    // Listen on every address instead of binding `address` (benchmarks with many server
    // addresses). Refused unless this process runs in a private network namespace whose only
    // interface is loopback (e.g. under `unshare -n`).
    void setListenOnAllAddresses(bool all) { m_listenOnAll = all; }
    static bool inPrivateLoopbackNamespace();
    // Serve NTP on `port` instead of a free port the kernel picks (e.g. 123, the real NTP port,
    // which needs root). 0: a free port.
    void setFixedPort(quint16 port) { m_fixedPort = port; }

    // Starts chronyd and waits until it answers an NTP request (at most `readySeconds`).
    // On failure returns false; errorString() says why, including chronyd's own log.
    bool start(double readySeconds = 5.0);
    void stop();
    bool isRunning() const;

    QString errorString() const { return m_errorString; }
    QHostAddress address() const { return m_address; }
    quint16 port() const { return m_port; }
    qint64 pid() const;
    // "127.0.0.1:12345" or "[::1]:12345", as the CLI takes it.
    QString endpoint() const;
    engine::ServerSpec serverSpec() const;
    // chronyd's output so far (foreground mode logs to it).
    QString log() const;

    // chronyd from $CHRONOSCOPE_CHRONYD, PATH, /usr/sbin or /sbin; empty when not installed.
    static QString findChronyd();
    // chronyc next to chronyd (same package), or from PATH.
    static QString findChronyc();
    // libfaketime.so.1 in the usual (multiarch) library directories; empty when not installed.
    static QString findLibFaketime();
    // A UDP port that is free on `address` right now (bind to port 0, read it, close).
    static quint16 freeUdpPort(const QHostAddress &address);

private:
    bool launch(double readySeconds);
    bool writeConfig();
    // Sends real NTP requests until a valid server reply arrives or `seconds` pass.
    bool waitUntilAnswering(double seconds);
    // Linux: true when the running chronyd cannot set the clock (no CAP_SYS_TIME).
    bool verifyNoClockCapability();

    QHostAddress m_address;
    quint16 m_port = 0;
    QString m_fakeTime;
    QString m_extraConfig;
    bool m_clientMode = false;
    bool m_listenOnAll = false;
    bool m_commandSocket = false;
    quint16 m_fixedPort = 0;
    QString m_errorString;
    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess m_process;
};

} // namespace chronoscope::testing

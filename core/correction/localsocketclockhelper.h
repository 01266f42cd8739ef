// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <functional>
#include <optional>

#include <QLocalSocket>
#include <QStringList>
#include <QTimer>

#include "core/correction/clockhelper.h"
#include "core/correction/responseframereader.h"

namespace chronoscope::correction {

// Talks to a long-running helper over QLocalSocket (HELPER.md §4.1): the Windows service's named
// pipe or the macOS launchd daemon's Unix socket. The same frames as ProcessClockHelper, one
// request answered at a time. The service judges the caller by its token or peer credentials,
// not by a password prompt, and tells it in the HELLO reply what it may do: a session opened
// for a change the caller may not make fails at HELLO (NotAuthorised), and so does a dry run
// asked of a service that would change the clock. An idle connection the service closed is
// opened again for the next request. With a service starter (Windows: the demand-start service,
// windowsservicestart.h), a missing endpoint makes it start the service once and try again until
// the connect timeout. Lives in the caller's thread.
class LocalSocketClockHelper final : public ClockHelper
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalSocketClockHelper)
public:
    // `serverName`: a Unix socket path, or a pipe name (Qt adds the \\.\pipe\ prefix).
    explicit LocalSocketClockHelper(const QString &serverName, QObject *parent = nullptr);
    ~LocalSocketClockHelper() override;

    void open(protocol::Verb verb, bool dryRun) override;
    void send(const protocol::Request &request) override;
    void close() override;
    // What happened on the connection (endpoint, what the service allows, errors).
    QString diagnostics() const override { return m_diagnostics.join(u'\n'); }
    QString serverName() const { return m_serverName; }

    // Why a service could not be started.
    struct StartRefusal
    {
        HelperError error;
        QString detail;
    };
    // Asks for the service to be started; nullopt when it runs or is starting.
    using ServiceStarter = std::function<std::optional<StartRefusal>()>;
    void setServiceStarter(ServiceStarter starter) { m_startService = std::move(starter); }

    static constexpr int CONNECT_TIMEOUT_MS = 5'000;
    static constexpr int CONNECT_RETRY_MS = 100; // while a started service creates its endpoint
    // The service serves one client at a time and lets an idle one keep it for 10 s.
    static constexpr int REPLY_TIMEOUT_MS = 15'000;
    void setTimeouts(int connectMs, int replyMs);

private:
    void connectToService();
    bool startServiceAndRetry();
    void writePending();
    void onConnected();
    void onReadyRead();
    void onErrorOccurred(QLocalSocket::LocalSocketError error);
    void onTimeout();
    bool acceptHello(const protocol::Response &response);
    void note(const QString &line);
    void fail(HelperError error, QString detail); // by value: it may be the reader's error, which fail() clears

    QString m_serverName;
    QLocalSocket m_socket;
    QTimer m_timer;
    ResponseFrameReader m_reader;
    std::optional<protocol::Request> m_pending; // written once connected
    protocol::Op m_sentOp = protocol::Op::None;
    protocol::Verb m_verb = protocol::Verb::ReadState;
    bool m_dryRun = false;
    bool m_open = false;
    bool m_failed = false;
    bool m_connecting = false;
    bool m_startRequested = false; // this session asked for the service to be started
    ServiceStarter m_startService;
    int m_connectTimeoutMs = CONNECT_TIMEOUT_MS;
    int m_replyTimeoutMs = REPLY_TIMEOUT_MS;
    std::uint64_t m_session = 0; // failures queued for an older session are dropped
    QStringList m_diagnostics;
};

} // namespace chronoscope::correction

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QTimer>

#include "core/diagnostics/exposurefindings.h"
#include "core/diagnostics/probesocket.h"
#include "core/engine/serverspec.h"
#include "core/result.h"

class QHostInfo;

namespace chronoscope::diagnostics {

// Checks whether one server the user named answers NTP control queries, and how much it sends
// back: exactly one mode 6 READVAR request (12 bytes) and one mode 7 MON_GETLIST_1 request
// (8 bytes), each from its own random port on a connected socket, to the first address the name
// resolves to and nowhere else; nothing is ever retried. Replies are collected for a fixed
// window, then judged (replyanalysis.h, exposurefindings.h). Lives in the caller's thread.
class ExposureProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExposureProbe)
public:
    static constexpr double DEFAULT_WINDOW = 2.0; // seconds to collect replies after sending

    explicit ExposureProbe(QObject *parent = nullptr);
    ~ExposureProbe() override;

    // Parses HOST[:PORT], host:port, [ipv6]:port (default port 123), as server arguments are.
    static Result<engine::ServerSpec> parseTarget(const QString &text);

    // Starts probing `target` (`typed` is what the user wrote, for the findings). Emits finished()
    // once, after `windowSeconds` (earlier when both requests were refused or could not be sent).
    // Returns false, doing nothing, while a probe is running.
    bool start(const QString &typed, const engine::ServerSpec &target, double windowSeconds = DEFAULT_WINDOW);
    bool isRunning() const { return m_running; }

signals:
    void finished(const chronoscope::diagnostics::ExposureFindings &findings);

private:
    // One request and everything that came back for it.
    struct Exchange
    {
        ProbeSocket *socket = nullptr;
        QList<QByteArray> datagrams;
        ProbeOutcome outcome;
    };

    void onResolved(const QHostInfo &info);
    void sendRequests(const QHostAddress &address);
    void send(Exchange &exchange, const QHostAddress &address, const QByteArray &request);
    void finishIfSettled();
    void finish();

    ExposureFindings m_findings;
    std::array<Exchange, 2> m_exchanges;  // [0]: mode 6, [1]: mode 7
    quint16 m_sequence = 0;               // the READVAR request's sequence number
    int m_lookupId = -1;
    bool m_running = false;
    int m_generation = 0;                 // bumped per finished probe: stale queued calls ignore themselves
    QTimer m_window;
};

} // namespace chronoscope::diagnostics

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include "core/sysservice/timeserviceoutcome.h"
#include "core/sysservice/timeserviceplan.h"

namespace chronoscope::sysservice {

class TimeServiceHelper;

// Applies Chronoscope's server list to the system's time service, or reverts it, through the
// helper (HELPER.md §4.5): one ApplySources or RevertSources request, answered once the helper
// has written the file, made the daemon read it and watched it for the grace period (rolling
// back by itself when the daemon stops or loses its sources). A plan that the helper would
// refuse is refused here, before any password prompt. Asynchronous: progress() every second
// while the helper works, then finished() once. Caller's (GUI) thread; never blocks it.
class TimeServiceConfigurator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimeServiceConfigurator)
public:
    explicit TimeServiceConfigurator(TimeServiceHelper *helper, QObject *parent = nullptr);
    ~TimeServiceConfigurator() override;

    void apply(const TimeServicePlan &plan, bool dryRun = false);
    void revert(TimeServiceDaemon daemon, bool dryRun = false);
    bool isRunning() const { return m_running; }

signals:
    // Seconds since the request started (password prompt and grace period included).
    void progress(int elapsedSeconds);
    void finished(const chronoscope::sysservice::TimeServiceOutcome &outcome);

private:
    void start(const protocol::timeservice::Request &request, bool dryRun);
    void onReplied(const protocol::timeservice::Response &response);
    void onFailed(correction::HelperError error, const QString &detail);
    void finish(TimeServiceOutcome outcome);
    TimeServiceOutcome blankOutcome() const;

    TimeServiceHelper *m_helper;
    QTimer m_ticker;
    QElapsedTimer m_elapsed;
    bool m_running = false;
    protocol::timeservice::Op m_op = protocol::timeservice::Op::ApplySources;
    TimeServiceDaemon m_daemon = TimeServiceDaemon::Chronyd;
    QStringList m_serverNames;
    std::uint64_t m_requestId = 0;
};

} // namespace chronoscope::sysservice

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QList>
#include <QObject>

#include "core/engine/serverspec.h"
#include "core/engine/serverstatus.h"

namespace chronoscope::engine {
class EngineSession;
}

namespace chronoscope::ui {

// "Test this server": a one-off check of a server (four requests, like `chronoscope-cli check`)
// in an engine session of its own, without adding it to the monitored list.
class ServerTester final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerTester)
public:
    static constexpr int REQUESTS = 4;

    explicit ServerTester(QObject *parent = nullptr);
    ~ServerTester() override;

    void start(const engine::ServerSpec &spec);
    void cancel();
    bool isRunning() const { return m_session != nullptr; }

signals:
    // The check ended: one status per address tested (a pool gives several).
    void finished(const QList<chronoscope::engine::ServerStatus> &results);

private:
    std::unique_ptr<engine::EngineSession> m_session;
};

} // namespace chronoscope::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QObject>
#include <QPointer>
#include <QString>

#include "core/result.h"

namespace chronoscope::engine {
class EngineSession;
}
namespace chronoscope::metrics {
class MetricsExporter;
}

namespace chronoscope::ui {

// The GUI's metrics setting (AppSettings::metricsEnabled, metricsAddress): while enabled it
// serves /metrics from the engine session's snapshots with the exporter `chronoscope-cli
// monitor --metrics` uses (core/metrics/metricsexporter.h), so both say the same.
class MetricsEndpoint final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsEndpoint)
public:
    explicit MetricsEndpoint(QObject *parent = nullptr);
    ~MetricsEndpoint() override;

    void setSession(engine::EngineSession *session);
    // Serves at `address` ("ADDR:PORT", core/metrics/listenaddress.h) when `enabled` and there
    // is a session (already serving there: nothing changes); stops otherwise. The error names
    // the address and why, e.g. "address already in use".
    Result<bool> apply(bool enabled, const QString &address);
    bool isServing() const { return m_exporter != nullptr; }
    // "http://127.0.0.1:9123/metrics" (the real port when 0 was asked for); empty when stopped.
    QString url() const;

private:
    QPointer<engine::EngineSession> m_session;
    std::unique_ptr<metrics::MetricsExporter> m_exporter;
    QString m_address; // the setting it serves, as written
};

} // namespace chronoscope::ui

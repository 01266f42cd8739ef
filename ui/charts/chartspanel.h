// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <optional>

#include <QList>
#include <QPointF>
#include <QTimer>
#include <QWidget>

#include "core/result.h"
#include "ui/charts/samplehistory.h"
#include "ui/charts/servertrack.h"
#include "ui/unitscale.h"

class QButtonGroup;
class QCheckBox;
class QToolButton;

namespace chronoscope::ui {

class DriftChart;
class MetricChart;

// The live charts: offset, jitter and delay per server, plus the drift panel's data. Owns the
// ring-buffered history of every server and re-plots at most once a second (batched), only
// while visible. Other widgets see only this class's API, never Qt Charts types, so that the
// charts can move to another library in this one directory.
class ChartsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartsPanel)
public:
    static constexpr int REFRESH_MS = 1000;
    static constexpr int AXIS_HEADROOM_PIXELS = 8; // see plotWindow()

    explicit ChartsPanel(QWidget *parent = nullptr);
    ~ChartsPanel() override;

    // One accepted sample of a server (time in Unix seconds; offset, delay, jitter in seconds).
    void addMeasurement(int serverId, const QString &name, double time, double offset, double delay, double jitter);
    void removeServer(int serverId);
    void clear();
    // Capacity of each server's ring buffer (applies to servers added afterwards).
    void setHistoryCapacity(int samples) { m_capacity = samples; }

    // Visible time range in seconds (0: everything kept).
    void setRange(int seconds);
    int range() const { return m_range; }
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    // Shows [from, to] (Unix seconds) in every chart until resetZoom().
    void zoomTo(double from, double to);
    void resetZoom();
    bool isZoomed() const { return m_zoom.has_value(); }
    void setLogDelay(bool enabled);
    void setServerHidden(int serverId, bool hidden);
    bool isServerHidden(int serverId) const;

    // Re-plots now, even when hidden or paused (tests, benchmark, export).
    void refreshNow();
    // What the chart of `metric` plots for a server (x: ms since the epoch, y: in unit(metric)).
    QList<QPointF> seriesPoints(SampleHistory::Metric metric, int serverId) const;
    UnitScale unit(SampleHistory::Metric metric) const;
    const SampleHistory *history(int serverId) const;
    QList<int> serverIds() const;
    QString serverName(int serverId) const;
    // Saves the three charts as one PNG (atomically); returns the path.
    Result<QString> exportPng(const QString &path);

signals:
    void rangeChanged(int seconds);

protected:
    void showEvent(QShowEvent *event) override;

private:
    MetricChart *chartFor(SampleHistory::Metric metric) const;
    void onTimer();
    std::pair<double, double> window() const;
    // The time range the charts plot for `window`: while following live data, the right edge
    // runs a few pixels ahead of the newest sample and moves only when a sample reaches it, so
    // a new sample does not re-map every series of every chart.
    std::pair<double, double> plotWindow(std::pair<double, double> window);

    std::map<int, ServerTrack> m_tracks;
    MetricChart *m_offset;
    MetricChart *m_jitter;
    MetricChart *m_delay;
    QButtonGroup *m_rangeButtons;
    QToolButton *m_pause;
    QToolButton *m_resetZoom;
    QCheckBox *m_logDelay;
    QTimer m_timer;
    int m_capacity = SampleHistory::DEFAULT_CAPACITY;
    int m_range = 3600;
    bool m_paused = false;
    double m_frozenNow = 0;
    double m_lastRefresh = 0;   // Unix seconds
    std::optional<std::pair<double, double>> m_plotted; // the range last plotted, Unix seconds
    double m_plottedSpan = 0; // seconds: the width of window() when m_plotted was chosen
    std::optional<std::pair<double, double>> m_zoom;
    bool m_dirty = true;
};

} // namespace chronoscope::ui

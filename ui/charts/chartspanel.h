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
class QMenu;
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
    // While a range is still filling, the charts fit the data: the plotted span starts at
    // FIT_MIN_SPAN_S seconds and grows by FIT_GROWTH at a time (so the axis rarely moves) until it
    // reaches the chosen range; from then on the charts scroll.
    static constexpr double FIT_MIN_SPAN_S = 60.0;
    static constexpr double FIT_GROWTH = 1.5;
    // Keyboard zoom (Ctrl++ / Ctrl+-): the span shrinks or grows by this factor, never below
    // MIN_ZOOM_SPAN_S seconds.
    static constexpr double ZOOM_STEP = 2.0;
    static constexpr double MIN_ZOOM_SPAN_S = 2.0;

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
    // Keyboard equivalents of dragging across a chart: halve / double the shown span around its
    // centre (zooming out to the whole range resets the zoom).
    void zoomIn();
    void zoomOut();
    bool isZoomed() const { return m_zoom.has_value(); }
    void setLogDelay(bool enabled);
    void setServerHidden(int serverId, bool hidden);
    bool isServerHidden(int serverId) const;

    // Re-plots now, even when hidden or paused (tests, benchmark, export).
    void refreshNow();
    // The time range (Unix seconds) the charts showed at the last re-plot.
    std::pair<double, double> plottedRange() const { return m_plotted.value_or(std::make_pair(0.0, 0.0)); }
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
    // window() without the zoom: the chosen range, or the data fitted while the range fills.
    std::pair<double, double> liveWindow() const;
    void createKeyboardActions();
    void fillServerMenu();
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
    QToolButton *m_serversButton;
    QMenu *m_serverMenu;
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

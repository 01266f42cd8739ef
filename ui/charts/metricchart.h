// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <optional>
#include <utility>

#include <QList>
#include <QPointF>
#include <QWidget>

#include "ui/charts/samplehistory.h"
#include "ui/charts/servertrack.h"
#include "ui/unitscale.h"

class QAbstractAxis;
class QChart;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QLogValueAxis;
class QValueAxis;

namespace chronoscope::ui {

class ChartView;

// One live chart (offset, delay or jitter) with a line per server in the server's colour.
// It plots what ChartsPanel hands it, decimated to about two points per pixel column, and
// replaces each series' points in one call (QXYSeries::replace), never point by point.
class MetricChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricChart)
public:
    MetricChart(SampleHistory::Metric metric, const QString &title, QWidget *parent = nullptr);
    ~MetricChart() override;

    SampleHistory::Metric metric() const { return m_metric; }
    // Re-plots the window [from, to] (Unix seconds). Series whose data and window did not
    // change are left alone.
    void refresh(const std::map<int, ServerTrack> &tracks, double from, double to);
    void removeServer(int serverId);
    void setLogScale(bool enabled);
    // The legend (click to hide a server); the small charts share the big one's.
    void setLegendVisible(bool visible);
    bool logScale() const { return m_log; }

    // What is plotted (x: ms since the epoch, y: value in unit()) for one server.
    QList<QPointF> seriesPoints(int serverId) const;
    UnitScale unit() const { return m_unit; }
    int seriesCount() const { return int(m_series.size()); }
    QChart *chart() const { return m_chart; }

signals:
    void zoomRequested(double fromSeconds, double toSeconds);
    void resetZoomRequested();
    // The user clicked a legend entry.
    void serverToggled(int serverId);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct SeriesState
    {
        QLineSeries *series = nullptr;
        quint64 revision = ~quint64(0);
        double from = 0;
        double to = 0;
        QList<QPointF> raw;     // decimated values in seconds (y unscaled)
    };

    SeriesState &seriesFor(int serverId, const ServerTrack &track);
    void applyPalette();
    // Sets the time axis to [from, to] and the value axis to fit `range` (seconds; nullopt:
    // no data) in the current unit.
    void updateAxes(double from, double to, std::optional<std::pair<double, double>> range, double minPositive,
                    bool unitChanged);
    void onHovered(int serverId, const QPointF &point, bool state);
    int maxPointsPerSeries(int visibleSeries) const;
    static bool platformSupportsOpenGl();

    SampleHistory::Metric m_metric;
    QString m_title;
    QChart *m_chart;
    ChartView *m_view;
    QDateTimeAxis *m_axisX;
    QValueAxis *m_axisY;
    QLogValueAxis *m_axisLog;
    QLabel *m_readout;
    std::map<int, SeriesState> m_series;
    UnitScale m_unit;
    bool m_log = false;
    bool m_openGl = false;
};

} // namespace chronoscope::ui

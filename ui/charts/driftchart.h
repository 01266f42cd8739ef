// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPointF>
#include <QWidget>

class QAreaSeries;
class QChart;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QValueAxis;

namespace chronoscope::ui {

class ChartView;

// The drift panel: the local clock's frequency estimate over time (ppm and s/day, positive:
// the clock gains) with its ± skew uncertainty band.
class DriftChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DriftChart)
public:
    static constexpr int MAX_ESTIMATES = 20000;

    explicit DriftChart(QWidget *parent = nullptr);
    ~DriftChart() override;

    // A meaningful estimate at `time` (Unix seconds): frequency and its standard error, ppm.
    void addEstimate(double time, double freqPpm, double skewPpm);
    void clear();
    void refresh(double from, double to);
    // Shows the last `rangeSeconds` up to now (0: every estimate kept).
    void refreshRange(int rangeSeconds);
    int estimateCount() const { return int(m_estimates.size()); }
    // Plotted centre line (x: ms since the epoch, y: ppm).
    QList<QPointF> centerPoints() const;
    QString summaryText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Estimate
    {
        double time;
        double freqPpm;
        double skewPpm;
    };
    void applyPalette();

    QList<Estimate> m_estimates;
    QLabel *m_summary;
    QChart *m_chart;
    ChartView *m_view;
    QDateTimeAxis *m_axisX;
    QValueAxis *m_axisY;
    QLineSeries *m_center;
    QLineSeries *m_upper;
    QLineSeries *m_lower;
    QAreaSeries *m_band;
    bool m_dirty = true;
};

} // namespace chronoscope::ui

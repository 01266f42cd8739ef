// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QChartView>

namespace chronoscope::ui {

// A QChartView whose rubber-band zoom is reported as a time window (so that every chart can
// follow it) and whose right click asks to reset the zoom instead of zooming out one step.
class ChartView final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartView)
public:
    explicit ChartView(QChart *chart, QWidget *parent = nullptr);

signals:
    // The user dragged over [fromMs, toMs] (ms since the epoch).
    void zoomRequested(double fromMs, double toMs);
    void resetZoomRequested();

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    QPointF m_pressPos;
    bool m_dragging = false;
};

} // namespace chronoscope::ui

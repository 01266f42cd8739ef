// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/chartview.h"

#include <QMouseEvent>

namespace chronoscope::ui {

ChartView::ChartView(QChart *chart, QWidget *parent) : QChartView(chart, parent)
{
    setRubberBand(QChartView::HorizontalRubberBand);
    setMouseTracking(true);
}

void ChartView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::RightButton) {
        event->accept();
        return;
    }
    m_pressPos = event->position();
    m_dragging = event->button() == Qt::LeftButton;
    QChartView::mousePressEvent(event);
}

void ChartView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::RightButton) {
        emit resetZoomRequested();
        event->accept();
        return;
    }
    const bool wasDragging = m_dragging;
    m_dragging = false;
    // Zoom ourselves (all charts together) instead of letting QChartView zoom this one.
    QChartView::RubberBands band = rubberBand();
    setRubberBand(QChartView::NoRubberBand);
    QChartView::mouseReleaseEvent(event);
    setRubberBand(band);
    if (!wasDragging || std::abs(event->position().x() - m_pressPos.x()) < 8)
        return;
    const QPointF a = chart()->mapToValue(chart()->mapFromScene(mapToScene(m_pressPos.toPoint())));
    const QPointF b = chart()->mapToValue(chart()->mapFromScene(mapToScene(event->position().toPoint())));
    emit zoomRequested(std::min(a.x(), b.x()), std::max(a.x(), b.x()));
}

} // namespace chronoscope::ui

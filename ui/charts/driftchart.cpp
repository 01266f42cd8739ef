// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/driftchart.h"

#include <algorithm>
#include <cmath>

#include <QAreaSeries>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include "core/report/humanformat.h"
#include "ui/charts/chartview.h"
#include "ui/charts/niceaxis.h"

using namespace Qt::StringLiterals;

namespace chronoscope::ui {
namespace {

// ppm with the digits the estimate supports: "12.3", "1.24", "0.0027".
QString ppmText(double ppm)
{
    const double magnitude = std::abs(ppm);
    if (magnitude >= 10)
        return QString::number(ppm, 'f', 1);
    if (magnitude >= 0.1)
        return QString::number(ppm, 'f', 2);
    return QString::number(ppm, 'g', 2);
}

} // namespace

DriftChart::DriftChart(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_chart(new QChart)
    , m_view(new ChartView(m_chart, this))
    , m_axisX(new QDateTimeAxis(m_chart))
    , m_axisY(new QValueAxis(m_chart))
    , m_center(new QLineSeries(m_chart))
    , m_upper(new QLineSeries(m_chart))
    , m_lower(new QLineSeries(m_chart))
    , m_band(new QAreaSeries(m_upper, m_lower))
{
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    QFont font = m_summary->font();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    m_summary->setFont(font);
    m_summary->setText(tr("The frequency of your clock is not known yet: it needs a minute or more of replies."));
    m_view->setRubberBand(QChartView::NoRubberBand);
    m_view->setRenderHint(QPainter::Antialiasing, true);
    m_view->setAccessibleName(tr("Drift chart"));

    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setBackgroundRoundness(0);
    m_band->setName(tr("± uncertainty"));
    m_center->setName(tr("Frequency"));
    m_chart->addSeries(m_band);
    m_chart->addSeries(m_center);
    m_chart->addAxis(m_axisX, Qt::AlignBottom);
    m_chart->addAxis(m_axisY, Qt::AlignLeft);
    for (QAbstractSeries *series : {static_cast<QAbstractSeries *>(m_band), static_cast<QAbstractSeries *>(m_center)}) {
        series->attachAxis(m_axisX);
        series->attachAxis(m_axisY);
    }
    m_axisX->setTickCount(6);
    m_axisY->setLabelFormat(u"%.3g"_s);
    //: Axis title; ppm = parts per million, positive = the clock gains
    m_axisY->setTitleText(tr("Frequency (ppm, + gains)"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    applyPalette();
}

DriftChart::~DriftChart() = default;

void DriftChart::applyPalette()
{
    const QPalette pal = palette();
    m_chart->setBackgroundBrush(pal.base());
    m_chart->legend()->setLabelColor(pal.color(QPalette::Text));
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(m_axisX), static_cast<QAbstractAxis *>(m_axisY)}) {
        axis->setLabelsBrush(pal.text());
        axis->setTitleBrush(pal.text());
        axis->setGridLineColor(pal.color(QPalette::Mid));
        axis->setLinePenColor(pal.color(QPalette::Mid));
    }
    const QColor accent = pal.color(QPalette::Highlight);
    QPen centerPen(accent);
    centerPen.setWidthF(2.0);
    m_center->setPen(centerPen);
    QColor band = accent;
    band.setAlphaF(0.22f);
    m_band->setBrush(band);
    m_band->setPen(Qt::NoPen);
}

void DriftChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QWidget::changeEvent(event);
}

void DriftChart::addEstimate(double time, double freqPpm, double skewPpm)
{
    if (m_estimates.size() >= MAX_ESTIMATES)
        m_estimates.removeFirst();
    m_estimates.append({time, freqPpm, std::abs(skewPpm)});
    m_dirty = true;
    const double perDay = freqPpm * 1e-6 * 86400.0; // seconds gained per day
    //: %1 frequency in ppm, %2 its uncertainty in ppm, %3 seconds per day
    m_summary->setText(perDay >= 0 ? tr("Your clock runs fast by %1 ppm (± %2 ppm): it gains about %3 per day.")
                                         .arg(ppmText(freqPpm), ppmText(std::abs(skewPpm)),
                                              report::formatSeconds(std::abs(perDay)))
                                   : tr("Your clock runs slow by %1 ppm (± %2 ppm): it loses about %3 per day.")
                                         .arg(ppmText(-freqPpm), ppmText(std::abs(skewPpm)),
                                              report::formatSeconds(std::abs(perDay))));
}

void DriftChart::clear()
{
    m_estimates.clear();
    m_dirty = true;
}

QString DriftChart::summaryText() const
{
    return m_summary->text();
}

void DriftChart::refreshRange(int rangeSeconds)
{
    const double now = QDateTime::currentMSecsSinceEpoch() / 1000.0;
    const double first = m_estimates.isEmpty() ? now - 60 : std::min(m_estimates.first().time, now - 60);
    refresh(rangeSeconds > 0 ? now - rangeSeconds : first, now);
}

void DriftChart::refresh(double from, double to)
{
    m_axisX->setRange(QDateTime::fromMSecsSinceEpoch(qint64(from * 1000.0)),
                      QDateTime::fromMSecsSinceEpoch(qint64(to * 1000.0)));
    m_axisX->setFormat(to - from <= 15 * 60 ? u"HH:mm:ss"_s : u"HH:mm"_s);
    if (!m_dirty)
        return;
    m_dirty = false;
    QList<QPointF> center;
    QList<QPointF> upper;
    QList<QPointF> lower;
    center.reserve(m_estimates.size());
    double low = 0;
    double high = 0;
    bool first = true;
    for (const Estimate &e : std::as_const(m_estimates)) {
        const double x = e.time * 1000.0;
        center.append({x, e.freqPpm});
        upper.append({x, e.freqPpm + e.skewPpm});
        lower.append({x, e.freqPpm - e.skewPpm});
        low = first ? e.freqPpm - e.skewPpm : std::min(low, e.freqPpm - e.skewPpm);
        high = first ? e.freqPpm + e.skewPpm : std::max(high, e.freqPpm + e.skewPpm);
        first = false;
    }
    m_center->replace(center);
    m_upper->replace(upper);
    m_lower->replace(lower);
    if (first) {
        m_axisY->setRange(-10, 10);
        return;
    }
    const double pad = std::max((high - low) * 0.15, 0.02); // ppm: keep a tight band visible
    const NiceAxis nice = niceAxis(low - pad, high + pad);
    m_axisY->setLabelFormat(nice.labelFormat);
    m_axisY->setTickCount(nice.tickCount);
    m_axisY->setRange(nice.low, nice.high);
}

QList<QPointF> DriftChart::centerPoints() const
{
    return m_center->points();
}

} // namespace chronoscope::ui

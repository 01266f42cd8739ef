// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/metricchart.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGuiApplication>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QValueAxis>
#include <QVBoxLayout>

#include "core/report/humanformat.h"
#include "ui/charts/chartview.h"
#include "ui/charts/niceaxis.h"
#include "ui/serverpalette.h"

using namespace Qt::StringLiterals;

namespace chronoscope::ui {
namespace {

// Above this many plotted points in one chart, draw with OpenGL where the platform allows it.
constexpr int OPENGL_POINT_THRESHOLD = 20000;
// Points one chart plots at most, shared by its visible series: keeps a repaint cheap whether
// it shows 4 servers or 50 (each series still gets at least MIN_POINTS_PER_SERIES).
constexpr int POINT_BUDGET = 24000;
constexpr int MIN_POINTS_PER_SERIES = 240;
// Above this many points antialiasing costs more than it shows.
constexpr int ANTIALIAS_POINT_LIMIT = 6000;

// The pen of a server's line. Fine (few points): a smooth 1.6 px line, antialiased. Dense: an
// aliased one-pixel cosmetic line, which the raster engine draws without stroking (several
// times faster).
QPen seriesPen(const QColor &color, bool fine)
{
    QPen pen(color);
    pen.setWidthF(fine ? 1.6 : 1.0);
    pen.setCosmetic(!fine);
    return pen;
}

QString timeFormatFor(double spanSeconds)
{
    if (spanSeconds <= 15 * 60)
        return u"HH:mm:ss"_s;
    if (spanSeconds <= 36 * 3600)
        return u"HH:mm"_s;
    return u"dd MMM HH:mm"_s;
}

} // namespace

MetricChart::MetricChart(SampleHistory::Metric metric, const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_metric(metric)
    , m_title(title)
    , m_chart(new QChart)
    , m_view(new ChartView(m_chart, this))
    , m_axisX(new QDateTimeAxis(m_chart))
    , m_axisY(new QValueAxis(m_chart))
    , m_axisLog(new QLogValueAxis(m_chart))
    , m_readout(new QLabel(m_view))
    , m_unit(unitFor(0))
    , m_openGl(platformSupportsOpenGl())
{
    m_chart->setTitle(QString());
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->legend()->setShowToolTips(true);
    m_chart->legend()->setToolTip(tr("Click a server to hide or show it in every chart"));
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setBackgroundRoundness(0);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_axisX->setTickCount(6);
    m_axisX->setFormat(u"HH:mm"_s);
    m_axisY->setLabelFormat(u"%.4g"_s);
    m_axisY->setTickCount(5);
    m_axisLog->setLabelFormat(u"%.3g"_s);
    m_axisLog->setBase(10);
    m_chart->addAxis(m_axisX, Qt::AlignBottom);
    m_chart->addAxis(m_axisY, Qt::AlignLeft);
    m_axisY->setTitleText(m_title);

    m_view->setRenderHint(QPainter::Antialiasing, true);
    m_view->setAccessibleName(title);
    m_view->setMinimumHeight(140);
    m_readout->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_readout->move(56, 6);
    m_readout->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    connect(m_view, &ChartView::zoomRequested, this,
            [this](double fromMs, double toMs) { emit zoomRequested(fromMs / 1000.0, toMs / 1000.0); });
    connect(m_view, &ChartView::resetZoomRequested, this, &MetricChart::resetZoomRequested);
    applyPalette();
}

MetricChart::~MetricChart() = default;

bool MetricChart::platformSupportsOpenGl()
{
    // QXYSeries::setUseOpenGL crashes under the offscreen platform (BUILD-FACTS.md).
    const QString platform = QGuiApplication::platformName();
    return platform == u"xcb"_s || platform == u"wayland"_s || platform == u"windows"_s || platform == u"cocoa"_s;
}

void MetricChart::applyPalette()
{
    const QPalette pal = palette();
    m_chart->setBackgroundBrush(pal.base());
    m_chart->setPlotAreaBackgroundVisible(false);
    m_chart->legend()->setLabelColor(pal.color(QPalette::Text));
    const QColor grid = pal.color(QPalette::Mid);
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(m_axisX), static_cast<QAbstractAxis *>(m_axisY),
                                static_cast<QAbstractAxis *>(m_axisLog)}) {
        axis->setLabelsBrush(pal.text());
        axis->setTitleBrush(pal.text());
        axis->setGridLineColor(grid);
        axis->setLinePenColor(grid);
        axis->setMinorGridLineColor(grid.lighter(pal.base().color().lightness() < 128 ? 70 : 130));
    }
    m_readout->setStyleSheet(u"QLabel { background: %1; color: %2; border: 1px solid %3; border-radius: 3px; padding: 2px 6px; }"_s
                                 .arg(pal.color(QPalette::ToolTipBase).name(), pal.color(QPalette::ToolTipText).name(),
                                      grid.name()));
}

void MetricChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QWidget::changeEvent(event);
}

MetricChart::SeriesState &MetricChart::seriesFor(int serverId, const ServerTrack &track)
{
    auto it = m_series.find(serverId);
    if (it != m_series.end()) {
        if (it->second.series->name() != track.name)
            it->second.series->setName(track.name);
        return it->second;
    }
    auto *series = new QLineSeries(m_chart);
    series->setName(track.name);
    series->setPen(seriesPen(serverColor(serverId), m_view->renderHints().testFlag(QPainter::Antialiasing)));
    m_chart->addSeries(series);
    series->attachAxis(m_axisX);
    series->attachAxis(m_log ? static_cast<QAbstractAxis *>(m_axisLog) : m_axisY);
    connect(series, &QLineSeries::hovered, this,
            [this, serverId](const QPointF &point, bool state) { onHovered(serverId, point, state); });
    const QList<QLegendMarker *> markers = m_chart->legend()->markers(series);
    for (QLegendMarker *marker : markers)
        connect(marker, &QLegendMarker::clicked, this, [this, serverId] { emit serverToggled(serverId); });
    SeriesState state;
    state.series = series;
    return m_series.emplace(serverId, state).first->second;
}

void MetricChart::removeServer(int serverId)
{
    const auto it = m_series.find(serverId);
    if (it == m_series.end())
        return;
    m_chart->removeSeries(it->second.series);
    delete it->second.series;
    m_series.erase(it);
}

int MetricChart::maxPointsPerSeries(int visibleSeries) const
{
    const int width = std::max(200, int(m_chart->plotArea().width()));
    return std::clamp(POINT_BUDGET / std::max(1, visibleSeries), MIN_POINTS_PER_SERIES, 2 * width);
}

void MetricChart::refresh(const std::map<int, ServerTrack> &tracks, double from, double to)
{
    int visible = 0;
    for (const auto &[id, track] : tracks)
        visible += track.hidden ? 0 : 1;
    const int maxPoints = maxPointsPerSeries(visible);
    const double bucket = (to - from) / double(maxPoints);
    double low = std::numeric_limits<double>::infinity();
    double high = -std::numeric_limits<double>::infinity();
    double minPositive = std::numeric_limits<double>::infinity();
    std::map<int, bool> changed;
    int totalPoints = 0;
    for (const auto &[id, track] : tracks) {
        SeriesState &state = seriesFor(id, track);
        const bool stale = state.revision != track.revision || std::abs(state.from - from) > bucket
            || std::abs(state.to - to) > bucket;
        bool pointsChanged = false;
        if (stale) {
            QList<QPointF> raw = track.history.points(m_metric, from, to, maxPoints, 1.0);
            // A new sample inside the newest bucket's minimum and maximum leaves the decimated
            // picture as it was: then the series (and its geometry) is left alone.
            pointsChanged = raw != state.raw;
            if (pointsChanged)
                state.raw = std::move(raw);
            state.revision = track.revision;
            state.from = from;
            state.to = to;
        }
        changed[id] = pointsChanged;
        totalPoints += int(state.raw.size());
        if (state.series->isVisible() == track.hidden) {
            state.series->setVisible(!track.hidden);
            // Keep the legend entry so the user can switch the server back on; dim it instead.
            for (QLegendMarker *marker : m_chart->legend()->markers(state.series)) {
                marker->setVisible(true);
                QColor label = palette().color(QPalette::Text);
                label.setAlphaF(track.hidden ? 0.4f : 1.0f);
                marker->setLabelBrush(label);
            }
        }
        if (track.hidden)
            continue;
        for (const QPointF &p : std::as_const(state.raw)) {
            low = std::min(low, p.y());
            high = std::max(high, p.y());
            if (p.y() > 0)
                minPositive = std::min(minPositive, p.y());
        }
    }
    const bool empty = !std::isfinite(low);
    const UnitScale unit = unitFor(empty ? 0.0 : std::max(std::abs(low), std::abs(high)));
    const bool unitChanged = unit.factor != m_unit.factor;
    m_unit = unit;
    const bool useGl = m_openGl && totalPoints > OPENGL_POINT_THRESHOLD;
    // Many points: aliased one-pixel cosmetic lines; few points: smooth 1.6 px lines (seriesPen).
    const bool fine = totalPoints <= ANTIALIAS_POINT_LIMIT;
    if (m_view->renderHints().testFlag(QPainter::Antialiasing) != fine || m_series.empty()) {
        m_view->setRenderHint(QPainter::Antialiasing, fine);
        for (auto &[id, state] : m_series)
            state.series->setPen(seriesPen(state.series->pen().color(), fine));
    }
    // Axes first, then the points: every axis change re-maps every series, so this order maps
    // each series once per refresh (and an unchanged axis costs nothing).
    updateAxes(from, to, empty ? std::nullopt : std::optional(std::make_pair(low, high)), minPositive, unitChanged);
    for (auto &[id, state] : m_series) {
        if (state.series->useOpenGL() != useGl)
            state.series->setUseOpenGL(useGl);
        if (!unitChanged && !changed[id])
            continue;
        QList<QPointF> scaled = state.raw;
        for (QPointF &p : scaled)
            p.setY(p.y() * m_unit.factor);
        state.series->replace(scaled);
    }
}

void MetricChart::updateAxes(double from, double to, std::optional<std::pair<double, double>> range, double minPositive,
                             bool unitChanged)
{
    const QString format = timeFormatFor(to - from);
    if (m_axisX->format() != format)
        m_axisX->setFormat(format);
    m_axisX->setRange(QDateTime::fromMSecsSinceEpoch(qint64(from * 1000.0)),
                      QDateTime::fromMSecsSinceEpoch(qint64(to * 1000.0)));
    //: Axis title: the metric and its unit, e.g. "Offset (ms)"
    const QString title = tr("%1 (%2)").arg(m_title, m_unit.symbol);
    QAbstractAxis *axisY = m_log ? static_cast<QAbstractAxis *>(m_axisLog) : m_axisY;
    if (axisY->titleText() != title)
        axisY->setTitleText(title);
    if (m_log) {
        const double lo = !range || !std::isfinite(minPositive) ? 1e-6 : minPositive;
        const double hi = !range ? 1e-3 : std::max(range->second, lo * 10);
        m_axisLog->setRange(lo * m_unit.factor / 1.5, hi * m_unit.factor * 1.5);
        return;
    }
    if (!range) {
        m_axisY->setRange(m_metric == SampleHistory::Metric::Offset ? -1 : 0, 1);
        return;
    }
    double yLow = range->first * m_unit.factor;
    const double yHigh = range->second * m_unit.factor;
    if (m_metric != SampleHistory::Metric::Offset)
        yLow = 0; // delay and jitter are magnitudes: start the axis at zero
    // Keep the current axis while the data fits it and fills a fair part of it: a steady axis
    // is easier to read, and cheaper.
    const double currentLow = m_axisY->min();
    const double currentHigh = m_axisY->max();
    if (!unitChanged && currentLow <= yLow && currentHigh >= yHigh
        && (yHigh - yLow) >= 0.4 * (currentHigh - currentLow))
        return;
    const double pad = std::max((yHigh - yLow) * 0.1, std::max(std::abs(yHigh), 1e-3) * 0.05);
    const NiceAxis nice = niceAxis(m_metric == SampleHistory::Metric::Offset ? yLow - pad : yLow, yHigh + pad);
    m_axisY->setLabelFormat(nice.labelFormat);
    m_axisY->setTickCount(nice.tickCount);
    m_axisY->setRange(nice.low, nice.high);
}

void MetricChart::setLegendVisible(bool visible)
{
    m_chart->legend()->setVisible(visible);
}

void MetricChart::setLogScale(bool enabled)
{
    if (enabled == m_log)
        return;
    m_log = enabled;
    QAbstractAxis *from = enabled ? static_cast<QAbstractAxis *>(m_axisY) : m_axisLog;
    QAbstractAxis *to = enabled ? static_cast<QAbstractAxis *>(m_axisLog) : m_axisY;
    for (auto &[id, state] : m_series)
        state.series->detachAxis(from);
    m_chart->removeAxis(from);
    m_chart->addAxis(to, Qt::AlignLeft);
    for (auto &[id, state] : m_series) {
        state.series->attachAxis(to);
        state.revision = ~quint64(0); // force a re-plot
    }
}

QList<QPointF> MetricChart::seriesPoints(int serverId) const
{
    const auto it = m_series.find(serverId);
    return it == m_series.end() ? QList<QPointF>() : it->second.series->points();
}

void MetricChart::onHovered(int serverId, const QPointF &point, bool state)
{
    const auto it = m_series.find(serverId);
    if (!state || it == m_series.end()) {
        m_readout->hide();
        return;
    }
    const double seconds = point.y() / m_unit.factor;
    const QString when = QDateTime::fromMSecsSinceEpoch(qint64(point.x())).toString(u"HH:mm:ss"_s);
    //: Chart read-out: server name, value (with unit), time of day
    m_readout->setText(tr("%1: %2 at %3")
                           .arg(it->second.series->name(),
                                report::formatSeconds(seconds, m_metric == SampleHistory::Metric::Offset), when));
    m_readout->adjustSize();
    m_readout->show();
    m_readout->raise();
}

} // namespace chronoscope::ui

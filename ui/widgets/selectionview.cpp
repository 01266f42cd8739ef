// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/selectionview.h"

#include <algorithm>
#include <cmath>

#include <QPainter>
#include <QPainterPath>

#include "core/report/humanformat.h"
#include "ui/statecolors.h"

using namespace Qt::StringLiterals;

namespace chronoscope::ui {
namespace {

constexpr double MIN_ROW_HEIGHT = 30;
constexpr double MAX_ROW_HEIGHT = 52;
constexpr double BAR_HEIGHT = 12;
constexpr double TOP = 58;       // room for the legend and the band's label
constexpr double BOTTOM = 44;    // axis and its labels
constexpr double RIGHT = 28;
constexpr double MIN_BAR_WIDTH = 8;
constexpr double LOG_RATIO = 50;  // switch to a symmetric-log axis beyond this span/λ ratio

double symlog(double x, double c)
{
    return std::copysign(std::log10(1.0 + std::abs(x) / c), x);
}

} // namespace

SelectionView::SelectionView(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("Selection picture"));
    setAccessibleDescription(tr("Correctness intervals of the servers and the intersection the selection found"));
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
}

QSize SelectionView::sizeHint() const
{
    return {720, int(TOP + BOTTOM + MIN_ROW_HEIGHT * std::max<qsizetype>(3, m_rows.size()))};
}

QSize SelectionView::minimumSizeHint() const
{
    return {360, int(TOP + BOTTOM + MIN_ROW_HEIGHT * 2)};
}

void SelectionView::setData(const QList<engine::ServerStatus> &servers, const engine::SystemStatus &system)
{
    m_rows.clear();
    for (const engine::ServerStatus &s : servers) {
        Row row;
        row.id = s.id;
        row.name = s.name;
        row.state = s.state;
        if (s.filter && s.filter->validStages > 0 && s.rootDistance) {
            row.offset = s.filter->offset;
            row.lambda = *s.rootDistance;
        }
        m_rows.append(row);
    }
    // Servers with an interval first, in offset order, so the picture reads like an axis.
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const Row &a, const Row &b) {
        if (a.offset.has_value() != b.offset.has_value())
            return a.offset.has_value();
        return a.offset && b.offset ? *a.offset < *b.offset : a.name < b.name;
    });
    m_low = system.intersectionLow;
    m_high = system.intersectionHigh;
    m_systemOffset = system.synchronized ? system.offset : std::nullopt;
    computeScale();
    updateGeometry();
    update();
}

int SelectionView::intervalCount() const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(), [](const Row &r) { return r.offset.has_value(); }));
}

void SelectionView::computeScale()
{
    double low = 0;
    double high = 0;
    double smallest = 0;
    for (const Row &row : std::as_const(m_rows)) {
        if (!row.offset)
            continue;
        low = std::min(low, *row.offset - *row.lambda);
        high = std::max(high, *row.offset + *row.lambda);
        smallest = smallest == 0 ? *row.lambda : std::min(smallest, *row.lambda);
    }
    if (m_low && m_high) {
        low = std::min(low, *m_low);
        high = std::max(high, *m_high);
    }
    if (high - low <= 0) {
        low = -1e-3;
        high = 1e-3;
    }
    const double pad = (high - low) * 0.06;
    m_min = low - pad;
    m_max = high + pad;
    m_log = smallest > 0 && (m_max - m_min) / smallest > LOG_RATIO;
    m_linear = smallest > 0 ? smallest : (m_max - m_min) / 10;
}

double SelectionView::toX(double seconds) const
{
    double lo = m_min;
    double hi = m_max;
    double v = seconds;
    if (m_log) {
        lo = symlog(m_min, m_linear);
        hi = symlog(m_max, m_linear);
        v = symlog(seconds, m_linear);
    }
    return m_left + (v - lo) / (hi - lo) * (m_right - m_left);
}

QList<double> SelectionView::ticks() const
{
    QList<double> values;
    if (m_log) {
        values << 0.0;
        const double start = std::pow(10.0, std::ceil(std::log10(m_linear)));
        for (double t = start; t <= std::max(std::abs(m_min), std::abs(m_max)); t *= 10) {
            if (t <= m_max)
                values << t;
            if (-t >= m_min)
                values << -t;
        }
        return values;
    }
    const double span = m_max - m_min;
    const double raw = span / 6;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude;
    for (double factor : {1.0, 2.0, 5.0, 10.0}) {
        step = magnitude * factor;
        if (span / step <= 7)
            break;
    }
    for (double t = std::ceil(m_min / step) * step; t <= m_max; t += step)
        values << (std::abs(t) < step * 1e-6 ? 0.0 : t);
    return values;
}

QRectF SelectionView::barRect(int serverId) const
{
    for (const Row &row : m_rows)
        if (row.id == serverId)
            return row.bar;
    return {};
}

QRectF SelectionView::intersectionRect() const
{
    return m_band;
}

void SelectionView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::Text);
    QColor faint = text;
    faint.setAlphaF(0.55f);
    const QFontMetricsF fm(font());

    double nameWidth = fm.horizontalAdvance(tr("Server"));
    for (const Row &row : std::as_const(m_rows))
        nameWidth = std::max(nameWidth, fm.horizontalAdvance(row.name) + 18);
    m_left = std::min(nameWidth + 24, width() * 0.4);
    m_right = width() - RIGHT;
    // Rows share the height there is, within limits, so few servers do not leave a void below.
    const double rowHeight = std::clamp((height() - TOP - BOTTOM - 8) / std::max<double>(1.0, double(m_rows.size())),
                                        MIN_ROW_HEIGHT, MAX_ROW_HEIGHT);
    const double plotBottom = TOP + rowHeight * double(m_rows.size());

    // Legend.
    double lx = 8;
    const double ly = 10;
    auto legendItem = [&](const QColor &color, const QString &label, bool band) {
        QColor fill = color;
        fill.setAlphaF(band ? 0.22f : 0.6f);
        p.setPen(band ? QPen(color, 1, Qt::DashLine) : QPen(color, 1.2));
        p.setBrush(fill);
        p.drawRoundedRect(QRectF(lx, ly + 3, 22, 10), 3, 3);
        p.setPen(text);
        p.drawText(QPointF(lx + 28, ly + 12), label);
        lx += 28 + fm.horizontalAdvance(label) + 18;
    };
    legendItem(severityColor(report::Severity::Good, pal), tr("truechimer"), false);
    legendItem(severityColor(report::Severity::Warning, pal), tr("outlier / jittery"), false);
    legendItem(severityColor(report::Severity::Bad, pal), tr("falseticker"), false);
    legendItem(pal.color(QPalette::Highlight), tr("intersection (the majority agrees)"), true);

    if (intervalCount() == 0) {
        m_band = {};
        for (Row &row : m_rows)
            row.bar = {};
        p.setPen(faint);
        p.drawText(rect().adjusted(0, int(TOP), 0, 0), Qt::AlignCenter,
                   tr("No server has a correctness interval yet: waiting for replies."));
        return;
    }

    // Intersection band behind everything.
    m_band = {};
    if (m_low && m_high) {
        const QColor hl = pal.color(QPalette::Highlight);
        QColor fill = hl;
        fill.setAlphaF(0.16f);
        m_band = QRectF(QPointF(toX(*m_low), TOP - 6), QPointF(toX(*m_high), plotBottom + 4));
        if (m_band.width() < 2)
            m_band.adjust(-1, 0, 1, 0);
        p.setPen(QPen(hl, 1, Qt::DashLine));
        p.setBrush(fill);
        p.drawRect(m_band);
        p.setPen(hl);
        const QString label = tr("intersection %1 … %2")
                                  .arg(report::formatSeconds(*m_low, true), report::formatSeconds(*m_high, true));
        const double w = fm.horizontalAdvance(label);
        const double x = std::clamp(m_band.center().x() - w / 2, m_left, m_right - w);
        p.drawText(QPointF(x, TOP - 12), label);
    }

    // Axis with ticks.
    p.setPen(QPen(faint, 1));
    p.drawLine(QPointF(m_left, plotBottom + 8), QPointF(m_right, plotBottom + 8));
    double lastLabelRight = -1e9;
    QList<double> tickValues = ticks();
    std::sort(tickValues.begin(), tickValues.end());
    for (double t : std::as_const(tickValues)) {
        const double x = toX(t);
        QColor grid = faint;
        grid.setAlphaF(t == 0.0 ? 0.5f : 0.18f);
        p.setPen(QPen(grid, 1, t == 0.0 ? Qt::SolidLine : Qt::DotLine));
        p.drawLine(QPointF(x, TOP - 4), QPointF(x, plotBottom + 8));
        const QString label = t == 0.0 ? u"0"_s : report::formatSeconds(t, true);
        const double w = fm.horizontalAdvance(label);
        if (x - w / 2 > lastLabelRight + 6) {
            p.setPen(faint);
            p.drawText(QPointF(x - w / 2, plotBottom + 8 + fm.ascent() + 4), label);
            lastLabelRight = x + w / 2;
        }
    }
    p.setPen(faint);
    const QString axisTitle = m_log ? tr("offset (symmetric log scale; positive: your clock is behind)")
                                    : tr("offset (positive: your clock is behind)");
    p.drawText(QRectF(m_left, plotBottom + 24, m_right - m_left, fm.height() + 4), Qt::AlignRight, axisTitle);

    // System offset.
    if (m_systemOffset) {
        const double x = toX(*m_systemOffset);
        p.setPen(QPen(text, 1.4, Qt::DashLine));
        p.drawLine(QPointF(x, TOP - 6), QPointF(x, plotBottom + 8));
    }

    // One row per server.
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        Row &row = m_rows[i];
        const double y = TOP + rowHeight * double(i) + rowHeight / 2;
        const QColor color = stateColor(row.state, pal);
        QFont rowFont = font();
        rowFont.setBold(row.state == engine::ServerState::SysPeer);
        p.setFont(rowFont);
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawEllipse(QPointF(12, y), 4.5, 4.5);
        p.setPen(text);
        p.drawText(QRectF(22, y - rowHeight / 2, m_left - 28, rowHeight), Qt::AlignVCenter | Qt::AlignLeft,
                   fm.elidedText(row.name, Qt::ElideMiddle, m_left - 28));
        p.setFont(font());
        if (!row.offset) {
            row.bar = {};
            p.setPen(faint);
            p.drawText(QRectF(m_left + 6, y - rowHeight / 2, m_right - m_left, rowHeight), Qt::AlignVCenter,
                       tr("no interval (%1)").arg(stateName(row.state)));
            continue;
        }
        const double x1 = toX(*row.offset - *row.lambda);
        const double x2 = toX(*row.offset + *row.lambda);
        row.bar = QRectF(QPointF(x1, y - BAR_HEIGHT / 2), QPointF(x2, y + BAR_HEIGHT / 2));
        if (row.bar.width() < MIN_BAR_WIDTH) // far out on a log axis an interval is thin: keep it visible
            row.bar.adjust(-(MIN_BAR_WIDTH - row.bar.width()) / 2, 0, (MIN_BAR_WIDTH - row.bar.width()) / 2, 0);
        QColor fill = color;
        fill.setAlphaF(0.45f);
        p.setPen(QPen(color, 1.3));
        p.setBrush(fill);
        p.drawRoundedRect(row.bar, 4, 4);
        // Midpoint θ.
        p.setPen(QPen(pal.color(QPalette::Base), 1.5));
        p.setBrush(color);
        p.drawEllipse(QPointF(toX(*row.offset), y), 5, 5);
        // θ ± λ in words beside the bar, where there is room.
        const QString label = u"%1 ± %2"_s.arg(report::formatSeconds(*row.offset, true), report::formatSeconds(*row.lambda));
        const double w = fm.horizontalAdvance(label);
        p.setPen(faint);
        if (row.bar.right() + 8 + w < m_right)
            p.drawText(QPointF(row.bar.right() + 8, y + fm.ascent() / 2 - 1), label);
        else if (row.bar.left() - 8 - w > m_left)
            p.drawText(QPointF(row.bar.left() - 8 - w, y + fm.ascent() / 2 - 1), label);
    }
}

} // namespace chronoscope::ui

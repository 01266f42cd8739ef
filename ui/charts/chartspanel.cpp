// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/chartspanel.h"

#include <QAction>
#include <QButtonGroup>
#include <QCheckBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QPixmap>
#include <QSaveFile>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/charts/metricchart.h"

using namespace Qt::StringLiterals;

namespace chronoscope::ui {

ChartsPanel::ChartsPanel(QWidget *parent)
    : QWidget(parent)
    , m_offset(new MetricChart(SampleHistory::Metric::Offset, tr("Offset"), this))
    , m_jitter(new MetricChart(SampleHistory::Metric::Jitter, tr("Jitter"), this))
    , m_delay(new MetricChart(SampleHistory::Metric::Delay, tr("Delay"), this))
    , m_rangeButtons(new QButtonGroup(this))
    , m_pause(new QToolButton(this))
    , m_resetZoom(new QToolButton(this))
    , m_serversButton(new QToolButton(this))
    , m_serverMenu(new QMenu(this))
    , m_logDelay(new QCheckBox(tr("&Log scale for delay"), this))
    , m_timer(this)
{
    auto *controls = new QHBoxLayout;
    auto *rangeLabel = new QLabel(tr("Range:"), this);
    controls->addWidget(rangeLabel);
    const std::pair<int, QString> ranges[] = {
        {300, tr("5 min")}, {3600, tr("1 h")}, {86400, tr("24 h")}, {0, tr("All")}};
    for (const auto &[seconds, label] : ranges) {
        auto *button = new QToolButton(this);
        button->setText(label);
        button->setCheckable(true);
        button->setAutoRaise(false);
        button->setAccessibleName(tr("Show %1").arg(label));
        m_rangeButtons->addButton(button, seconds);
        controls->addWidget(button);
    }
    m_rangeButtons->setExclusive(true);
    m_rangeButtons->button(m_range)->setChecked(true);
    connect(m_rangeButtons, &QButtonGroup::idClicked, this, &ChartsPanel::setRange);
    controls->addSpacing(12);
    m_pause->setText(tr("&Pause"));
    m_pause->setCheckable(true);
    m_pause->setIcon(QIcon::fromTheme(u"media-playback-pause"_s));
    m_pause->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_pause->setToolTip(tr("Freeze the charts; measuring goes on"));
    connect(m_pause, &QToolButton::toggled, this, &ChartsPanel::setPaused);
    controls->addWidget(m_pause);
    m_resetZoom->setText(tr("&Reset zoom"));
    m_resetZoom->setIcon(QIcon::fromTheme(u"zoom-original"_s));
    m_resetZoom->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_resetZoom->setToolTip(tr("Drag across a chart or press Ctrl++ to zoom; right-click, Ctrl+0 or this button to reset"));
    m_resetZoom->setEnabled(false);
    connect(m_resetZoom, &QToolButton::clicked, this, &ChartsPanel::resetZoom);
    controls->addWidget(m_resetZoom);
    m_serversButton->setText(tr("Ser&vers"));
    m_serversButton->setToolTip(tr("Show or hide servers in the charts (also: click a legend entry)"));
    m_serversButton->setPopupMode(QToolButton::InstantPopup);
    m_serversButton->setMenu(m_serverMenu);
    m_serversButton->setObjectName(u"chartServersButton"_s);
    m_serverMenu->setObjectName(u"chartServerMenu"_s);
    connect(m_serverMenu, &QMenu::aboutToShow, this, &ChartsPanel::fillServerMenu);
    controls->addWidget(m_serversButton);
    controls->addSpacing(12);
    controls->addWidget(m_logDelay);
    connect(m_logDelay, &QCheckBox::toggled, this, &ChartsPanel::setLogDelay);
    controls->addStretch(1);
    auto *hint = new QLabel(tr("Offset > 0: your clock is behind"), this);
    hint->setEnabled(false);
    hint->setWordWrap(true); // may wrap rather than widen the panel
    controls->addWidget(hint);

    m_jitter->setLegendVisible(false);
    m_delay->setLegendVisible(false);
    auto *lower = new QSplitter(Qt::Horizontal, this);
    lower->addWidget(m_jitter);
    lower->addWidget(m_delay);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_offset);
    split->addWidget(lower);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(controls);
    layout->addWidget(split, 1);

    for (MetricChart *chart : {m_offset, m_jitter, m_delay}) {
        connect(chart, &MetricChart::zoomRequested, this, &ChartsPanel::zoomTo);
        connect(chart, &MetricChart::resetZoomRequested, this, &ChartsPanel::resetZoom);
        connect(chart, &MetricChart::serverToggled, this,
                [this](int id) { setServerHidden(id, !isServerHidden(id)); });
    }
    m_timer.setInterval(REFRESH_MS);
    connect(&m_timer, &QTimer::timeout, this, &ChartsPanel::onTimer);
    m_timer.start();
    createKeyboardActions();
}

// Every chart action has a key: Ctrl++ / Ctrl+- zoom, Ctrl+0 resets, Alt+1..4 choose the range;
// the range buttons, Pause, Reset zoom, Servers (a menu of check boxes, the keyboard's way to
// hide a server) and the log-scale box are in the tab order.
void ChartsPanel::createKeyboardActions()
{
    setFocusPolicy(Qt::StrongFocus);
    const auto addShortcut = [this](const QString &name, const QKeySequence &keys, auto slot) {
        auto *action = new QAction(name, this);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    addShortcut(tr("Zoom in"), QKeySequence::ZoomIn, &ChartsPanel::zoomIn);
    addShortcut(tr("Zoom in"), QKeySequence(Qt::CTRL | Qt::Key_Equal), &ChartsPanel::zoomIn);
    addShortcut(tr("Zoom out"), QKeySequence::ZoomOut, &ChartsPanel::zoomOut);
    addShortcut(tr("Reset zoom"), QKeySequence(Qt::CTRL | Qt::Key_0), &ChartsPanel::resetZoom);
    const QList<QAbstractButton *> buttons = m_rangeButtons->buttons();
    for (int i = 0; i < buttons.size(); ++i) {
        QAbstractButton *button = buttons.at(i);
        const QKeySequence keys(Qt::ALT | Qt::Key(Qt::Key_1 + i));
        button->setToolTip(tr("%1 (%2)").arg(button->accessibleName(), keys.toString(QKeySequence::NativeText)));
        addShortcut(button->accessibleName(), keys, [this, button] { setRange(m_rangeButtons->id(button)); });
    }
}

void ChartsPanel::fillServerMenu()
{
    m_serverMenu->clear();
    if (m_tracks.empty()) {
        m_serverMenu->addAction(tr("No measurements yet"))->setEnabled(false);
        return;
    }
    for (const auto &[id, track] : m_tracks) {
        QAction *action = m_serverMenu->addAction(track.name);
        action->setCheckable(true);
        action->setChecked(!track.hidden);
        action->setData(id);
        connect(action, &QAction::toggled, this, [this, id = id](bool shown) { setServerHidden(id, !shown); });
    }
}

ChartsPanel::~ChartsPanel() = default;

void ChartsPanel::addMeasurement(int serverId, const QString &name, double time, double offset, double delay, double jitter)
{
    auto it = m_tracks.find(serverId);
    if (it == m_tracks.end())
        it = m_tracks.emplace(serverId, ServerTrack{name, SampleHistory(m_capacity), false, 0}).first;
    ServerTrack &track = it->second;
    track.name = name;
    track.history.append(time, offset, delay, jitter);
    ++track.revision;
    m_dirty = true;
}

void ChartsPanel::removeServer(int serverId)
{
    m_tracks.erase(serverId);
    for (MetricChart *chart : {m_offset, m_jitter, m_delay})
        chart->removeServer(serverId);
    m_dirty = true;
}

void ChartsPanel::clear()
{
    const QList<int> ids = serverIds();
    for (int id : ids)
        removeServer(id);
}

void ChartsPanel::setRange(int seconds)
{
    m_range = std::max(0, seconds);
    if (QAbstractButton *button = m_rangeButtons->button(m_range))
        button->setChecked(true);
    m_zoom.reset();
    m_resetZoom->setEnabled(false);
    m_dirty = true;
    refreshNow();
    emit rangeChanged(m_range);
}

void ChartsPanel::setPaused(bool paused)
{
    m_paused = paused;
    m_frozenNow = QDateTime::currentMSecsSinceEpoch() / 1000.0;
    if (m_pause->isChecked() != paused)
        m_pause->setChecked(paused);
    if (!paused)
        refreshNow();
}

void ChartsPanel::zoomTo(double from, double to)
{
    if (!(to > from))
        return;
    m_zoom = std::make_pair(from, to);
    m_resetZoom->setEnabled(true);
    refreshNow();
}

void ChartsPanel::resetZoom()
{
    m_zoom.reset();
    m_resetZoom->setEnabled(false);
    refreshNow();
}

void ChartsPanel::zoomIn()
{
    const auto [from, to] = window();
    const double half = std::max(MIN_ZOOM_SPAN_S, (to - from) / ZOOM_STEP) / 2;
    const double centre = (from + to) / 2;
    zoomTo(centre - half, centre + half);
}

void ChartsPanel::zoomOut()
{
    if (!m_zoom)
        return;
    const auto [from, to] = *m_zoom;
    const auto [liveFrom, liveTo] = liveWindow();
    const double span = (to - from) * ZOOM_STEP;
    if (span >= liveTo - liveFrom) {
        resetZoom();
        return;
    }
    const double centre = (from + to) / 2;
    zoomTo(centre - span / 2, centre + span / 2);
}

void ChartsPanel::setLogDelay(bool enabled)
{
    if (m_logDelay->isChecked() != enabled)
        m_logDelay->setChecked(enabled);
    m_delay->setLogScale(enabled);
    refreshNow();
}

void ChartsPanel::setServerHidden(int serverId, bool hidden)
{
    const auto it = m_tracks.find(serverId);
    if (it == m_tracks.end())
        return;
    it->second.hidden = hidden;
    ++it->second.revision;
    refreshNow();
}

bool ChartsPanel::isServerHidden(int serverId) const
{
    const auto it = m_tracks.find(serverId);
    return it != m_tracks.end() && it->second.hidden;
}

std::pair<double, double> ChartsPanel::window() const
{
    return m_zoom ? *m_zoom : liveWindow();
}

std::pair<double, double> ChartsPanel::liveWindow() const
{
    const double now = m_paused ? m_frozenNow : QDateTime::currentMSecsSinceEpoch() / 1000.0;
    double latest = now;
    double earliest = now;
    for (const auto &[id, track] : m_tracks) {
        if (track.history.size() == 0)
            continue;
        latest = std::max(latest, track.history.timeAt(track.history.size() - 1));
        earliest = std::min(earliest, track.history.timeAt(0));
    }
    if (m_range == 0)
        return {std::min(earliest, latest - FIT_MIN_SPAN_S), latest};
    // Still filling the range: fit the data, left-aligned, in a span that grows in steps.
    double span = FIT_MIN_SPAN_S;
    while (span < latest - earliest && span < m_range)
        span *= FIT_GROWTH;
    if (span < m_range)
        return {earliest, earliest + span};
    return {latest - m_range, latest};
}

void ChartsPanel::onTimer()
{
    // Hidden or paused charts wait. Without new samples a live chart only needs redrawing once
    // the time axis has moved by about a pixel (every 3 s on the 1 h range, 72 s on 24 h).
    if (!isVisible() || m_paused || m_zoom)
        return;
    const double now = QDateTime::currentMSecsSinceEpoch() / 1000.0;
    const auto [from, to] = window();
    const double span = std::max(FIT_MIN_SPAN_S, to - from);
    const double pixelSeconds = span / std::max(200, width());
    if (!m_dirty && now - m_lastRefresh < pixelSeconds)
        return;
    refreshNow();
}

std::pair<double, double> ChartsPanel::plotWindow(std::pair<double, double> exact)
{
    const auto [from, to] = exact;
    const double span = to - from;
    if (m_zoom || !(span > 0))
        return exact;
    // Headroom: AXIS_HEADROOM_PIXELS of time (24 s on the 1 h range, 10 min on 24 h).
    const double headroom = span / double(std::max(200, width())) * AXIS_HEADROOM_PIXELS;
    if (m_plotted && std::abs(m_plottedSpan - span) <= 1e-9 * span) {
        const auto [plottedFrom, plottedTo] = *m_plotted;
        if (to <= plottedTo && plottedTo - to <= headroom && from >= plottedFrom)
            return *m_plotted;
    }
    m_plottedSpan = span;
    return {from, to + headroom};
}

void ChartsPanel::refreshNow()
{
    const auto [from, to] = plotWindow(window());
    m_plotted = std::make_pair(from, to);
    for (MetricChart *chart : {m_offset, m_jitter, m_delay})
        chart->refresh(m_tracks, from, to);
    m_dirty = false;
    m_lastRefresh = QDateTime::currentMSecsSinceEpoch() / 1000.0;
}

void ChartsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        refreshNow();
}

MetricChart *ChartsPanel::chartFor(SampleHistory::Metric metric) const
{
    switch (metric) {
    case SampleHistory::Metric::Offset: return m_offset;
    case SampleHistory::Metric::Jitter: return m_jitter;
    case SampleHistory::Metric::Delay: return m_delay;
    }
    return m_offset;
}

QList<QPointF> ChartsPanel::seriesPoints(SampleHistory::Metric metric, int serverId) const
{
    return chartFor(metric)->seriesPoints(serverId);
}

UnitScale ChartsPanel::unit(SampleHistory::Metric metric) const
{
    return chartFor(metric)->unit();
}

const SampleHistory *ChartsPanel::history(int serverId) const
{
    const auto it = m_tracks.find(serverId);
    return it == m_tracks.end() ? nullptr : &it->second.history;
}

QList<int> ChartsPanel::serverIds() const
{
    QList<int> ids;
    for (const auto &[id, track] : m_tracks)
        ids.append(id);
    return ids;
}

QString ChartsPanel::serverName(int serverId) const
{
    const auto it = m_tracks.find(serverId);
    return it == m_tracks.end() ? QString() : it->second.name;
}

Result<QString> ChartsPanel::exportPng(const QString &path)
{
    refreshNow();
    const QPixmap pixmap = grab();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{tr("cannot write %1: %2").arg(path, file.errorString())};
    if (!pixmap.save(&file, "PNG") || !file.commit())
        return Error{tr("cannot write %1: %2").arg(path, file.errorString())};
    return path;
}

} // namespace chronoscope::ui

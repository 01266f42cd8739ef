// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/headlinebanner.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QScopedValueRollback>
#include <QVBoxLayout>

#include "ui/statecolors.h"
#include "ui/tray/traycontroller.h"

using namespace Qt::StringLiterals;

namespace chronoscope::ui {

HeadlineBanner::HeadlineBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_headline(new QLabel(this))
    , m_subline(new QLabel(this))
{
    setObjectName(u"headlineBanner"_s);
    QFont font = m_headline->font();
    font.setPointSizeF(font.pointSizeF() * 1.55);
    font.setBold(true);
    m_headline->setFont(font);
    m_headline->setWordWrap(true);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_headline->setAccessibleName(tr("Clock status"));
    m_subline->setAccessibleName(tr("Last update"));
    m_icon->setFixedSize(44, 44);
    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(m_headline);
    text->addWidget(m_subline);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(14, 10, 14, 10);
    layout->setSpacing(14);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addLayout(text, 1);
    applyStyle();
}

void HeadlineBanner::setHeadline(const QString &text, report::Severity severity)
{
    m_headline->setText(text);
    if (severity != m_severity) {
        m_severity = severity;
        applyStyle();
    }
}

void HeadlineBanner::setSubline(const QString &text)
{
    m_subline->setText(text);
}

QString HeadlineBanner::headline() const
{
    return m_headline->text();
}

QString HeadlineBanner::subline() const
{
    return m_subline->text();
}

void HeadlineBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    // Applying the style sheet changes the palette itself: do not recurse.
    if ((event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange) && !m_applying)
        applyStyle();
}

void HeadlineBanner::applyStyle()
{
    const QScopedValueRollback<bool> guard(m_applying, true);
    // The application's palette: our own is the one the style sheet below derives.
    const QPalette pal = QApplication::palette();
    const QColor accent = m_severity == report::Severity::Unknown ? pal.color(QPalette::Mid)
                                                                   : severityColor(m_severity, pal);
    QColor tint = accent;
    tint.setAlphaF(isDark(pal) ? 0.18f : 0.12f);
    const QColor base = pal.color(QPalette::Base);
    // Blend by hand: style sheets take no alpha for the frame's own background on every style.
    const auto mix = [](int a, int b, double t) { return int(a + (b - a) * t); };
    const QColor background(mix(base.red(), accent.red(), tint.alphaF()), mix(base.green(), accent.green(), tint.alphaF()),
                            mix(base.blue(), accent.blue(), tint.alphaF()));
    setStyleSheet(u"#headlineBanner { background: %1; border-left: 6px solid %2; border-radius: 4px; }"_s.arg(
        background.name(), accent.name()));
    QPalette text = m_headline->palette();
    text.setColor(QPalette::WindowText,
                  m_severity == report::Severity::Unknown ? pal.color(QPalette::WindowText) : accent);
    m_headline->setPalette(text);
    QPalette sub = m_subline->palette();
    QColor faint = pal.color(QPalette::WindowText);
    faint.setAlphaF(0.7f);
    sub.setColor(QPalette::WindowText, faint);
    m_subline->setPalette(sub);
    m_icon->setPixmap(TrayController::iconFor(m_severity).pixmap(QSize(44, 44), devicePixelRatioF()));
}

} // namespace chronoscope::ui

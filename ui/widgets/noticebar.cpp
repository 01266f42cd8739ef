// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/noticebar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

#include "ui/statecolors.h"

using namespace Qt::StringLiterals;

namespace chronoscope::ui {

NoticeBar::NoticeBar(QWidget *parent) : QFrame(parent), m_text(new QLabel(this)), m_close(new QToolButton(this))
{
    setObjectName(u"noticeBar"_s);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setAccessibleName(tr("Notice"));
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss notice"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void NoticeBar::showNotice(const QString &text, bool warning)
{
    const QColor accent = severityColor(warning ? report::Severity::Warning : report::Severity::Good, palette());
    setStyleSheet(u"#noticeBar { border: 1px solid %1; border-left: 5px solid %1; border-radius: 4px; }"_s.arg(accent.name()));
    m_text->setText(text);
    show();
}

QString NoticeBar::text() const
{
    return isVisible() || !m_text->text().isEmpty() ? m_text->text() : QString();
}

} // namespace chronoscope::ui

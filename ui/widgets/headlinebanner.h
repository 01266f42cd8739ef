// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

#include "core/report/headline.h"

class QLabel;

namespace chronoscope::ui {

// The plain-language status at the top of the window: a large sentence coloured by severity,
// an icon, and a smaller line with the time of the last update.
class HeadlineBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeadlineBanner)
public:
    explicit HeadlineBanner(QWidget *parent = nullptr);

    void setHeadline(const QString &text, report::Severity severity);
    void setSubline(const QString &text);
    QString headline() const;
    QString subline() const;
    report::Severity severity() const { return m_severity; }
    // Re-derives the colours from the application palette (after a theme change).
    void refreshStyle() { applyStyle(); }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyStyle();

    QLabel *m_icon;
    QLabel *m_headline;
    QLabel *m_subline;
    report::Severity m_severity = report::Severity::Unknown;
    bool m_applying = false;
};

} // namespace chronoscope::ui

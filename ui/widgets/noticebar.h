// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace chronoscope::ui {

// An inline message under the headline (settings damaged, import report, ...), closable.
// Less intrusive than a modal box, and the window stays usable.
class NoticeBar final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoticeBar)
public:
    explicit NoticeBar(QWidget *parent = nullptr);

    // Shows `text` (plain text; several lines allowed); `warning` picks the colour.
    void showNotice(const QString &text, bool warning);
    QString text() const;

private:
    QLabel *m_text;
    QToolButton *m_close;
};

} // namespace chronoscope::ui

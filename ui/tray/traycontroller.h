// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QObject>

#include "core/report/headline.h"
#include "ui/tray/notificationpolicy.h"

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace chronoscope::ui {

// The tray icon: its colour follows the status, its tooltip is the headline, its menu shows
// or hides the window and quits; it shows the notifications. Where the desktop has no tray
// (or under the offscreen platform) it still tracks state, and notifications are only emitted
// as a signal.
class TrayController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayController)
public:
    explicit TrayController(QObject *parent = nullptr);
    ~TrayController() override;

    bool isAvailable() const { return m_tray != nullptr; }
    void setStatus(report::Severity severity, const QString &headline);
    report::Severity severity() const { return m_severity; }
    QString toolTip() const { return m_toolTip; }
    void notify(const Notification &notification);
    // The icon for a severity (":/icons/tray-*.svg").
    static QIcon iconFor(report::Severity severity);

signals:
    void showWindowRequested();
    void quitRequested();
    void notified(const chronoscope::ui::Notification &notification);

private:
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    report::Severity m_severity = report::Severity::Unknown;
    QString m_toolTip;
};

} // namespace chronoscope::ui

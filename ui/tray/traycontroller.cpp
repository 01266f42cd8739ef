// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/tray/traycontroller.h"

#include <QMenu>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;

namespace chronoscope::ui {

TrayController::TrayController(QObject *parent) : QObject(parent)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(iconFor(m_severity), this);
    m_menu = new QMenu;
    m_menu->addAction(tr("&Show Chronoscope"), this, &TrayController::showWindowRequested);
    m_menu->addSeparator();
    m_menu->addAction(tr("&Quit"), this, &TrayController::quitRequested);
    m_tray->setContextMenu(m_menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            emit showWindowRequested();
    });
    m_tray->setToolTip(tr("Chronoscope"));
    m_tray->show();
}

TrayController::~TrayController()
{
    delete m_menu;
}

QIcon TrayController::iconFor(report::Severity severity)
{
    switch (severity) {
    case report::Severity::Good: return QIcon(u":/icons/tray-good.svg"_s);
    case report::Severity::Warning: return QIcon(u":/icons/tray-warning.svg"_s);
    case report::Severity::Bad: return QIcon(u":/icons/tray-bad.svg"_s);
    case report::Severity::Unknown: break;
    }
    return QIcon(u":/icons/tray-unknown.svg"_s);
}

void TrayController::setStatus(report::Severity severity, const QString &headline)
{
    m_toolTip = tr("Chronoscope: %1").arg(headline);
    if (m_tray) {
        if (severity != m_severity)
            m_tray->setIcon(iconFor(severity));
        m_tray->setToolTip(m_toolTip);
    }
    m_severity = severity;
}

void TrayController::notify(const Notification &notification)
{
    if (m_tray)
        m_tray->showMessage(notification.title, notification.message,
                            notification.critical ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information, 10000);
    emit notified(notification);
}

} // namespace chronoscope::ui

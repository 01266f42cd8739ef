// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

#include "core/engine/serverstatus.h"

namespace chronoscope::ui {

// A desktop notification to show.
struct Notification
{
    QString title;
    QString message;
    bool critical = false;
};

// Decides when to notify: when |offset| crosses the threshold (and when it is back below
// 80 % of it, so that noise at the threshold does not flood the desktop), and when every
// server becomes unreachable (and reachable again). Pure logic; TrayController shows them.
class NotificationPolicy
{
    Q_DECLARE_TR_FUNCTIONS(NotificationPolicy)
public:
    static constexpr double HYSTERESIS = 0.8;

    void setOffsetThreshold(double seconds) { m_threshold = seconds; }
    double offsetThreshold() const { return m_threshold; }
    void setNotifyOffset(bool enabled) { m_notifyOffset = enabled; }
    void setNotifyUnreachable(bool enabled) { m_notifyUnreachable = enabled; }

    // Call after every system update. `serverCount` servers are configured, `anyReachable`
    // tells whether one of them answered lately, `measuring` whether it is too early to tell.
    std::optional<Notification> update(const engine::SystemStatus &system, int serverCount, bool anyReachable,
                                       bool measuring);

private:
    double m_threshold = 0.1;
    bool m_notifyOffset = true;
    bool m_notifyUnreachable = true;
    bool m_aboveThreshold = false;
    bool m_allUnreachable = false;
};

} // namespace chronoscope::ui

Q_DECLARE_METATYPE(chronoscope::ui::Notification)

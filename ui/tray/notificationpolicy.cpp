// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/tray/notificationpolicy.h"

#include <cmath>

#include "core/report/humanformat.h"

namespace chronoscope::ui {

std::optional<Notification> NotificationPolicy::update(const engine::SystemStatus &system, int serverCount,
                                                       bool anyReachable, bool measuring)
{
    const bool unreachable = serverCount > 0 && !anyReachable && !measuring;
    if (unreachable != m_allUnreachable) {
        m_allUnreachable = unreachable;
        if (m_notifyUnreachable) {
            if (unreachable)
                return Notification{tr("No time server answers"),
                                    tr("None of the %n server(s) replies: check the network or the server list.", nullptr, serverCount),
                                    true};
            return Notification{tr("Time servers answer again"), tr("Chronoscope is measuring your clock again."), false};
        }
    }
    if (!system.synchronized || !system.offset)
        return std::nullopt;
    const double magnitude = std::abs(*system.offset);
    if (!m_aboveThreshold && magnitude > m_threshold) {
        m_aboveThreshold = true;
        if (m_notifyOffset)
            return Notification{tr("Your clock is off by %1").arg(report::formatSeconds(magnitude)),
                                *system.offset > 0 ? tr("It is %1 behind the time servers (limit %2).")
                                                         .arg(report::formatSeconds(magnitude), report::formatSeconds(m_threshold))
                                                   : tr("It is %1 ahead of the time servers (limit %2).")
                                                         .arg(report::formatSeconds(magnitude), report::formatSeconds(m_threshold)),
                                true};
    } else if (m_aboveThreshold && magnitude < m_threshold * HYSTERESIS) {
        m_aboveThreshold = false;
        if (m_notifyOffset)
            return Notification{tr("Your clock is back on time"),
                                tr("The offset is %1, within the limit of %2.")
                                    .arg(report::formatSeconds(*system.offset, true), report::formatSeconds(m_threshold)),
                                false};
    }
    return std::nullopt;
}

} // namespace chronoscope::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/statecolors.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace chronoscope::ui {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor severityColor(report::Severity severity, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (severity) {
    case report::Severity::Good: return dark ? QColor(0x5c, 0xd6, 0x7d) : QColor(0x1b, 0x7f, 0x3a);
    case report::Severity::Warning: return dark ? QColor(0xff, 0xc1, 0x4d) : QColor(0xa6, 0x6a, 0x00);
    case report::Severity::Bad: return dark ? QColor(0xff, 0x6b, 0x5e) : QColor(0xb0, 0x24, 0x1b);
    case report::Severity::Unknown: break;
    }
    return palette.color(QPalette::WindowText);
}

report::Severity stateSeverity(engine::ServerState state)
{
    switch (state) {
    case engine::ServerState::SysPeer:
    case engine::ServerState::Candidate: return report::Severity::Good;
    case engine::ServerState::Outlier:
    case engine::ServerState::Jittery:
    case engine::ServerState::KodRate: return report::Severity::Warning;
    case engine::ServerState::Unusable: return report::Severity::Unknown;
    case engine::ServerState::Falseticker:
    case engine::ServerState::Unreachable:
    case engine::ServerState::KodDeny:
    case engine::ServerState::AuthFailed: return report::Severity::Bad;
    }
    return report::Severity::Unknown;
}

QColor stateColor(engine::ServerState state, const QPalette &palette)
{
    return severityColor(stateSeverity(state), palette);
}

QIcon stateIcon(engine::ServerState state)
{
    switch (state) {
    case engine::ServerState::SysPeer: return QIcon(u":/icons/state-syspeer.svg"_s);
    case engine::ServerState::Candidate: return QIcon(u":/icons/state-good.svg"_s);
    case engine::ServerState::Outlier:
    case engine::ServerState::Jittery:
    case engine::ServerState::KodRate: return QIcon(u":/icons/state-warning.svg"_s);
    case engine::ServerState::Unusable: return QIcon(u":/icons/state-waiting.svg"_s);
    case engine::ServerState::Falseticker:
    case engine::ServerState::Unreachable:
    case engine::ServerState::KodDeny:
    case engine::ServerState::AuthFailed: return QIcon(u":/icons/state-bad.svg"_s);
    }
    return {};
}

QString stateName(engine::ServerState state)
{
    switch (state) {
    case engine::ServerState::SysPeer: return QCoreApplication::translate("ServerState", "system peer");
    case engine::ServerState::Candidate: return QCoreApplication::translate("ServerState", "candidate");
    case engine::ServerState::Outlier: return QCoreApplication::translate("ServerState", "outlier");
    case engine::ServerState::Falseticker: return QCoreApplication::translate("ServerState", "falseticker");
    case engine::ServerState::Jittery: return QCoreApplication::translate("ServerState", "jittery");
    case engine::ServerState::Unusable: return QCoreApplication::translate("ServerState", "unusable");
    case engine::ServerState::Unreachable: return QCoreApplication::translate("ServerState", "unreachable");
    case engine::ServerState::KodRate: return QCoreApplication::translate("ServerState", "rate-limited");
    case engine::ServerState::KodDeny: return QCoreApplication::translate("ServerState", "access denied");
    case engine::ServerState::AuthFailed: return QCoreApplication::translate("ServerState", "authentication failed");
    }
    return {};
}

} // namespace chronoscope::ui

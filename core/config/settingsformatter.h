// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

#include "core/config/appsettings.h"
#include "core/config/configuredserver.h"

namespace chronoscope::config {

// The settings file's text as SettingsStore saves it: QSettings' INI syntax and order
// (IniWriter), [servers] entries numbered from 1 with all their fields. parseSettings() reads it
// back to the same values (fuzz_settings checks this for every input it accepts).
QByteArray formatSettings(const QList<ConfiguredServer> &servers, const AppSettings &app);

} // namespace chronoscope::config

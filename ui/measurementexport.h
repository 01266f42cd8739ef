// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include "core/result.h"

namespace chronoscope::ui {

class ChartsPanel;

// Writes every charted measurement (all servers, oldest first) atomically (QSaveFile).
// CSV columns: server, time (Unix s), time (ISO 8601, UTC), offset, delay, jitter (seconds;
// offset positive when the local clock is behind). JSON: {"version":1,"servers":[{"name":...,
// "samples":[{"t":...,"offset":...,"delay":...,"jitter":...}]}]}. Returns the path written.
Result<QString> exportMeasurementsCsv(const ChartsPanel &charts, const QString &path);
Result<QString> exportMeasurementsJson(const ChartsPanel &charts, const QString &path);

} // namespace chronoscope::ui

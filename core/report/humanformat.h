// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QLocale>
#include <QString>

namespace chronoscope::report {

// "+12.3 ms", "−450 µs", "+1.204 s": seconds shown in the unit that keeps 3–4 significant
// digits. `signedValue` adds an explicit + for positive values (offsets).
QString formatSeconds(double seconds, bool signedValue = false);
// The same with `locale`'s digits ("183 ms", "1,500 s" in German and French: core/texts).
QString formatSeconds(double seconds, bool signedValue, const QLocale &locale);
QString formatSeconds(const std::optional<double> &seconds, bool signedValue = false);

// "17 s", "3 min", "2.5 h": an age or interval in words.
QString formatAge(double seconds);

// The reach register as octal like chronyc/ntpq ("377").
QString formatReach(quint8 reach);

} // namespace chronoscope::report

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace chronoscope::texts {

// report::formatSeconds in the user's locale: the same units and digits ("183 ms", "1.500 s",
// "−2.31 µs"), the number written by QLocale (decimal comma in German and French).
QString localSeconds(double seconds, bool signedValue = false);

} // namespace chronoscope::texts

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace chronoscope::ui {

// A display unit for seconds: values are multiplied by `factor` and labelled with `symbol`.
struct UnitScale
{
    double factor = 1.0;
    QString symbol;       // "µs", "ms", "s"
};

// The unit that shows `magnitude` seconds with at most three digits before the point.
UnitScale unitFor(double magnitude);

} // namespace chronoscope::ui

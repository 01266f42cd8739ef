// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/unitscale.h"

using namespace Qt::StringLiterals;

namespace chronoscope::ui {

UnitScale unitFor(double magnitude)
{
    if (magnitude < 1e-3)
        return {1e6, u"µs"_s};
    if (magnitude < 1.0)
        return {1e3, u"ms"_s};
    return {1.0, u"s"_s};
}

} // namespace chronoscope::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/texts/localformat.h"

#include <cmath>

#include <QLocale>

using namespace Qt::StringLiterals;

namespace chronoscope::texts {

QString localSeconds(double seconds, bool signedValue)
{
    if (!std::isfinite(seconds))
        return u"–"_s;
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    const double magnitude = std::abs(seconds);
    QString sign;
    if (seconds < 0)
        sign = u"−"_s;
    else if (signedValue && seconds > 0)
        sign = u"+"_s;
    auto fixed = [&locale](double value) {
        // Three significant digits at least, never scientific notation (as report::formatSeconds).
        const int decimals = value >= 100 ? 0 : value >= 10 ? 1 : 2;
        return locale.toString(value, 'f', decimals);
    };
    if (magnitude == 0)
        return u"0 s"_s;
    if (magnitude < 1e-6)
        return sign + fixed(magnitude * 1e9) + u" ns"_s;
    if (magnitude < 1e-3)
        return sign + fixed(magnitude * 1e6) + u" µs"_s;
    if (magnitude < 1.0)
        return sign + fixed(magnitude * 1e3) + u" ms"_s;
    return sign + locale.toString(magnitude, 'f', magnitude >= 100 ? 1 : 3) + u" s"_s;
}

} // namespace chronoscope::texts

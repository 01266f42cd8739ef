// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/report/humanformat.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace chronoscope::report {

QString formatSeconds(double seconds, bool signedValue)
{
    return formatSeconds(seconds, signedValue, QLocale::c());
}

QString formatSeconds(double seconds, bool signedValue, const QLocale &locale)
{
    if (!std::isfinite(seconds))
        return u"–"_s;
    QLocale numbers = locale;
    numbers.setNumberOptions(QLocale::OmitGroupSeparator);
    const double magnitude = std::abs(seconds);
    QString sign;
    if (seconds < 0)
        sign = u"−"_s;
    else if (signedValue && seconds > 0)
        sign = u"+"_s;
    auto fixed = [&numbers](double value) {
        // Three significant digits at least, never scientific notation.
        const int decimals = value >= 100 ? 0 : value >= 10 ? 1 : 2;
        return numbers.toString(value, 'f', decimals);
    };
    if (magnitude == 0)
        return u"0 s"_s;
    if (magnitude < 1e-6)
        return sign + fixed(magnitude * 1e9) + u" ns"_s;
    if (magnitude < 1e-3)
        return sign + fixed(magnitude * 1e6) + u" µs"_s;
    if (magnitude < 1.0)
        return sign + fixed(magnitude * 1e3) + u" ms"_s;
    return sign + numbers.toString(magnitude, 'f', magnitude >= 100 ? 1 : 3) + u" s"_s;
}

QString formatSeconds(const std::optional<double> &seconds, bool signedValue)
{
    return seconds ? formatSeconds(*seconds, signedValue) : u"–"_s;
}

QString formatAge(double seconds)
{
    if (seconds < 0)
        seconds = 0;
    if (seconds < 10)
        return QString::number(seconds, 'f', 1) + u" s"_s;
    if (seconds < 120)
        return QString::number(seconds, 'f', 0) + u" s"_s;
    if (seconds < 7200)
        return QString::number(seconds / 60.0, 'f', 0) + u" min"_s;
    if (seconds < 172800)
        return QString::number(seconds / 3600.0, 'f', 1) + u" h"_s;
    return QString::number(seconds / 86400.0, 'f', 1) + u" d"_s;
}

QString formatReach(quint8 reach)
{
    return QString::number(reach, 8);
}

} // namespace chronoscope::report

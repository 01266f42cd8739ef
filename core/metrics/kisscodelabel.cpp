// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/metrics/kisscodelabel.h"

#include <array>

using namespace Qt::StringLiterals;

namespace chronoscope::metrics {

QString kissCodeLabel(const QString &kissText)
{
    static const std::array known{u"ACST"_s, u"AUTH"_s, u"AUTO"_s, u"BCST"_s, u"CRYP"_s, u"DENY"_s,
                                  u"DROP"_s, u"RSTR"_s, u"INIT"_s, u"MCST"_s, u"NKEY"_s, u"NTSN"_s,
                                  u"RATE"_s, u"RMOT"_s, u"STEP"_s};
    for (const QString &code : known)
        if (kissText == code)
            return code;
    return u"other"_s;
}

} // namespace chronoscope::metrics

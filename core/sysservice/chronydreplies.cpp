// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sysservice/chronydreplies.h"

using namespace Qt::StringLiterals;

namespace chronoscope::sysservice {

QString ChronydAddress::toString() const
{
    if (isId)
        return u"ID#%1"_s.arg(id, 10, 10, QChar(u'0'));
    return ip.isNull() ? QString() : ip.toString();
}

} // namespace chronoscope::sysservice

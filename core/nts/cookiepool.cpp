// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/nts/cookiepool.h"

#include <algorithm>

namespace chronoscope::nts {

bool CookiePool::add(const QByteArray &cookie)
{
    if (cookie.isEmpty() || m_cookies.size() >= CAPACITY)
        return false;
    m_cookies.append(cookie);
    return true;
}

QByteArray CookiePool::take()
{
    if (m_cookies.isEmpty())
        return {};
    return m_cookies.takeFirst();
}

int CookiePool::placeholdersFor(qsizetype cookieSize) const
{
    const int missing = CAPACITY - count();   // includes the cookie being sent
    const qsizetype fieldSize = 4 + ((cookieSize + 3) & ~qsizetype(3));
    const int fitting = int(std::min<qsizetype>(MAX_COOKIE_BYTES_PER_REQUEST / fieldSize, CAPACITY));
    return std::max(0, std::min(missing, fitting) - 1);
}

} // namespace chronoscope::nts

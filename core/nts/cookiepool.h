// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

namespace chronoscope::nts {

// The NTS cookies we hold for one server (RFC 8915 §4.1.6, §5.7): at most 8, oldest first. Each
// cookie is handed out exactly once (reusing one would let observers link our requests), and
// every request asks for enough new ones, through placeholders, to fill the pool again — so a
// lost reply costs one cookie and the next request asks for one more.
class CookiePool
{
public:
    static constexpr int CAPACITY = 8;
    // chrony's cap on the cookie plus placeholders in one request, so that requests stay
    // below the IPv4 fragmentation threshold: 8 × 108 bytes.
    static constexpr qsizetype MAX_COOKIE_BYTES_PER_REQUEST = 864;

    // Adds a cookie received from NTS-KE or in a reply; false (and nothing stored) when the
    // pool is full or the cookie is empty.
    bool add(const QByteArray &cookie);
    // Removes and returns the oldest cookie; empty when there is none.
    QByteArray take();
    void clear() { m_cookies.clear(); }

    int count() const { return int(m_cookies.size()); }
    bool isEmpty() const { return m_cookies.isEmpty(); }

    // Placeholders to send with a cookie of `cookieSize` bytes taken just now, so that the reply
    // (one new cookie per cookie or placeholder sent) refills the pool: CAPACITY − count() − 1,
    // bounded by MAX_COOKIE_BYTES_PER_REQUEST. Never negative.
    int placeholdersFor(qsizetype cookieSize) const;

private:
    QList<QByteArray> m_cookies;
};

} // namespace chronoscope::nts

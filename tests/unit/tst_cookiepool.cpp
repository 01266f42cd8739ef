// SPDX-License-Identifier: GPL-3.0-or-later
// The NTS cookie pool: at most 8 cookies, oldest handed out first, each exactly once, and the
// number of placeholders that refills the pool (more after lost replies, capped by size).
#include <QTest>

#include "core/nts/cookiepool.h"

using namespace chronoscope::nts;

class TestCookiePool : public QObject
{
    Q_OBJECT
private slots:
    void holdsEightAtMost()
    {
        CookiePool pool;
        for (int i = 0; i < 10; ++i)
            QCOMPARE(pool.add(QByteArray(100, char('a' + i))), i < CookiePool::CAPACITY);
        QCOMPARE(pool.count(), 8);
        QVERIFY(!pool.add({}));
    }

    void eachCookieOnceOldestFirst()
    {
        CookiePool pool;
        for (int i = 0; i < 8; ++i)
            pool.add(QByteArray(4, char('a' + i)));
        QSet<QByteArray> seen;
        for (int i = 0; i < 8; ++i) {
            const QByteArray cookie = pool.take();
            QCOMPARE(cookie, QByteArray(4, char('a' + i)));
            QVERIFY(!seen.contains(cookie));
            seen.insert(cookie);
        }
        QVERIFY(pool.isEmpty());
        QVERIFY(pool.take().isEmpty());
    }

    void placeholdersRefillThePool()
    {
        CookiePool pool;
        for (int i = 0; i < 8; ++i)
            pool.add(QByteArray(100, 'c'));
        // Full pool: take one, the reply's cookie replaces it, no placeholder needed.
        pool.take();
        QCOMPARE(pool.placeholdersFor(100), 0);
        // Three replies lost: 4 cookies left after taking one, 3 placeholders + the reply's own.
        pool.take();
        pool.take();
        pool.take();
        pool.take();
        QCOMPARE(pool.count(), 3);
        QCOMPARE(pool.placeholdersFor(100), 4);
        // Last cookie gone: ask for 7 more, as far as 864 bytes allow (104-byte fields: 8 fit).
        while (!pool.isEmpty())
            pool.take();
        QCOMPARE(pool.placeholdersFor(100), 7);
        // Big cookies: 864 / (4 + 256) = 3 fields, so the cookie and 2 placeholders.
        QCOMPARE(pool.placeholdersFor(256), 2);
        // Absurdly big: never negative.
        QCOMPARE(pool.placeholdersFor(5000), 0);
    }
};

QTEST_GUILESS_MAIN(TestCookiePool)
#include "tst_cookiepool.moc"

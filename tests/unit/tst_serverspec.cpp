// SPDX-License-Identifier: GPL-3.0-or-later
// SERVER argument parsing (ARCHITECTURE.md §3: host, host:port, ipv4:port, [ipv6]:port).
#include <QTest>

#include "core/engine/serverspec.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::engine;

class TstServerSpec : public QObject
{
    Q_OBJECT

private slots:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void defaults();
    void displayName_data();
    void displayName();
};

void TstServerSpec::valid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");

    QTest::newRow("host") << u"ntp.example.org"_s << u"ntp.example.org"_s << 123;
    QTest::newRow("single label") << u"localhost"_s << u"localhost"_s << 123;
    QTest::newRow("fqdn with trailing dot") << u"ntp.example.org."_s << u"ntp.example.org."_s << 123;
    QTest::newRow("hyphens and digits") << u"0.debian-pool.ntp.org"_s << u"0.debian-pool.ntp.org"_s << 123;
    QTest::newRow("host:port") << u"ntp.example.org:1123"_s << u"ntp.example.org"_s << 1123;
    QTest::newRow("host:1") << u"time.example:1"_s << u"time.example"_s << 1;
    QTest::newRow("host:65535") << u"time.example:65535"_s << u"time.example"_s << 65535;
    QTest::newRow("ipv4") << u"192.0.2.1"_s << u"192.0.2.1"_s << 123;
    QTest::newRow("ipv4:port") << u"127.0.0.1:11123"_s << u"127.0.0.1"_s << 11123;
    QTest::newRow("[ipv6]:port") << u"[2001:db8::1]:11123"_s << u"2001:db8::1"_s << 11123;
    QTest::newRow("[ipv6] without port") << u"[::1]"_s << u"::1"_s << 123;
    QTest::newRow("[ipv6]:123") << u"[fe80::1]:123"_s << u"fe80::1"_s << 123;
    QTest::newRow("bare ipv6") << u"2001:db8::1"_s << u"2001:db8::1"_s << 123;
    QTest::newRow("bare ipv6 loopback") << u"::1"_s << u"::1"_s << 123;
    QTest::newRow("bare ipv6 full form") << u"2001:0db8:0000:0000:0000:0000:0000:0001"_s
                                         << u"2001:0db8:0000:0000:0000:0000:0000:0001"_s << 123;
    QTest::newRow("surrounding blanks") << u"  pool.ntp.org\t"_s << u"pool.ntp.org"_s << 123;
}

void TstServerSpec::valid()
{
    QFETCH(QString, text);
    QFETCH(QString, host);
    QFETCH(int, port);
    const chronoscope::Result<ServerSpec> r = parseServerSpec(text);
    QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
    QCOMPARE(r->host, host);
    QCOMPARE(int(r->port), port);
    QVERIFY(!r->isPool);
}

void TstServerSpec::invalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("mentions");

    QTest::newRow("port 0") << u"ntp.example.org:0"_s << QStringList{u"'0'"_s, u"ntp.example.org:0"_s};
    QTest::newRow("port 65536") << u"ntp.example.org:65536"_s << QStringList{u"'65536'"_s};
    QTest::newRow("port 99999") << u"192.0.2.1:99999"_s << QStringList{u"'99999'"_s};
    QTest::newRow("port abc") << u"ntp.example.org:abc"_s << QStringList{u"'abc'"_s};
    QTest::newRow("negative port") << u"ntp.example.org:-5"_s << QStringList{u"'-5'"_s};
    QTest::newRow("empty port") << u"ntp.example.org:"_s << QStringList{u"''"_s};
    QTest::newRow("[ipv6]:port 0") << u"[::1]:0"_s << QStringList{u"'0'"_s};
    QTest::newRow("[ipv6]:port abc") << u"[::1]:abc"_s << QStringList{u"'abc'"_s};
    QTest::newRow("missing ]") << u"[2001:db8::1"_s << QStringList{u"']'"_s, u"[2001:db8::1"_s};
    QTest::newRow("missing ] with port") << u"[2001:db8::1:123"_s << QStringList{u"[2001:db8::1:123"_s};
    QTest::newRow("ipv4 in brackets") << u"[1.2.3.4]:5"_s << QStringList{u"'1.2.3.4'"_s, u"IPv6"_s};
    QTest::newRow("name in brackets") << u"[ntp.example.org]"_s << QStringList{u"ntp.example.org"_s};
    QTest::newRow("junk after ]") << u"[::1]x"_s << QStringList{u"'x'"_s};
    QTest::newRow("empty") << QString() << QStringList{u"empty"_s};
    QTest::newRow("blank") << u"   "_s << QStringList{u"empty"_s};
    QTest::newRow("port only") << u":123"_s << QStringList{u"':123'"_s};
    QTest::newRow("underscore") << u"bad_host.example"_s << QStringList{u"'bad_host.example'"_s};
    QTest::newRow("exclamation") << u"ntp!.example"_s << QStringList{u"'ntp!.example'"_s};
    QTest::newRow("space inside") << u"ntp example"_s << QStringList{u"'ntp example'"_s};
    QTest::newRow("leading hyphen") << u"-ntp.example"_s << QStringList{u"'-ntp.example'"_s};
    QTest::newRow("empty label") << u"ntp..example"_s << QStringList{u"'ntp..example'"_s};
    QTest::newRow("label over 63") << QString(64, u'a') + u".example"_s << QStringList{QString(64, u'a')};
    QTest::newRow("bad bare ipv6") << u"1:2:3"_s << QStringList{u"'1:2:3'"_s, u"[address]:port"_s};
    QTest::newRow("bare ipv6 with port") << u"2001:db8::1:99999"_s << QStringList{u"2001:db8::1:99999"_s};
    QTest::newRow("slash") << u"192.0.2.0/24"_s << QStringList{u"'192.0.2.0/24'"_s};
}

void TstServerSpec::invalid()
{
    QFETCH(QString, text);
    QFETCH(QStringList, mentions);
    const chronoscope::Result<ServerSpec> r = parseServerSpec(text);
    QVERIFY2(!r.ok(), qPrintable(u"accepted '%1' as host '%2'"_s.arg(text, r.ok() ? r->host : QString())));
    for (const QString &m : mentions)
        QVERIFY2(r.errorMessage().contains(m),
                 qPrintable(u"message '%1' does not mention '%2'"_s.arg(r.errorMessage(), m)));
}

void TstServerSpec::defaults()
{
    const chronoscope::Result<ServerSpec> r = parseServerSpec(u"ntp.example.org"_s);
    QVERIFY(r.ok());
    QCOMPARE(r->port, quint16(123));
    QVERIFY(r->iburst);
    QCOMPARE(r->minPollLog2, 6);
    QCOMPARE(r->maxPollLog2, 10);
    QVERIFY(!r->prefer);
    QVERIFY(!r->noselect);
    QVERIFY(!r->trust);
    QVERIFY(!r->require);
    QCOMPARE(chronoscope::engine::MAX_POOL_ADDRESSES, 4);
}

void TstServerSpec::displayName_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("name");

    QTest::newRow("host, default port") << u"ntp.example.org"_s << 123 << u"ntp.example.org"_s;
    QTest::newRow("host:port") << u"ntp.example.org"_s << 1123 << u"ntp.example.org:1123"_s;
    QTest::newRow("ipv4:port") << u"127.0.0.1"_s << 11123 << u"127.0.0.1:11123"_s;
    QTest::newRow("ipv6, default port") << u"2001:db8::1"_s << 123 << u"2001:db8::1"_s;
    QTest::newRow("ipv6:port") << u"2001:db8::1"_s << 11123 << u"[2001:db8::1]:11123"_s;
    QTest::newRow("loopback ipv6:port") << u"::1"_s << 1 << u"[::1]:1"_s;
}

void TstServerSpec::displayName()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, name);
    ServerSpec spec;
    spec.host = host;
    spec.port = quint16(port);
    QCOMPARE(spec.displayName(), name);
    // The display name is itself a valid SERVER argument naming the same host and port.
    const chronoscope::Result<ServerSpec> back = parseServerSpec(name);
    QVERIFY2(back.ok(), qPrintable(back.errorMessage()));
    QCOMPARE(back.value(), spec);
}

QTEST_APPLESS_MAIN(TstServerSpec)

#include "tst_serverspec.moc"

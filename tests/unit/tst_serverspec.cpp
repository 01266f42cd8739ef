// SPDX-License-Identifier: GPL-3.0-or-later
// SERVER argument parsing (ARCHITECTURE.md §3: host, host:port, ipv4:port, [ipv6]:port).
#include <QTest>

#include "core/engine/serverspec.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::engine;
using chronoscope::Result;

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
    void options();
    void ntsOptions();
    void invalidOptions_data();
    void invalidOptions();
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

void TstServerSpec::options()
{
    const Result<ServerSpec> spec = parseServerSpec(u"ntp1.example:1123,prefer,trust,noiburst,xleave,minpoll=4,maxpoll=8,key=7"_s);
    QVERIFY2(spec, qPrintable(spec.errorMessage()));
    QVERIFY(spec->xleave);
    QCOMPARE(spec->host, u"ntp1.example"_s);
    QCOMPARE(spec->port, quint16(1123));
    QVERIFY(spec->prefer && spec->trust && !spec->noselect && !spec->require && !spec->iburst);
    QCOMPARE(spec->minPollLog2, 4);
    QCOMPARE(spec->maxPollLog2, 8);
    QCOMPARE(spec->keyId, quint32(7));
    QCOMPARE(serverOptionsText(*spec), u"prefer,trust,noiburst,xleave,minpoll=4,maxpoll=8,key=7"_s);
    // Round trip through the text form.
    const Result<ServerSpec> again = parseServerSpec(spec->displayName() + u","_s + serverOptionsText(*spec));
    QVERIFY(again);
    QCOMPARE(*again, *spec);
    const Result<ServerSpec> v6 = parseServerSpec(u"[::1]:123,noselect,require"_s);
    QVERIFY(v6 && v6->noselect && v6->require && v6->host == u"::1"_s && !v6->xleave);
    const Result<ServerSpec> valued = parseServerSpec(u"ntp1.example,xleave=1"_s);
    QVERIFY(!valued);
    QVERIFY2(valued.errorMessage().contains(u"'xleave=1'"_s), qPrintable(valued.errorMessage()));
    QCOMPARE(serverOptionsText(ServerSpec{}), QString());
}

void TstServerSpec::ntsOptions()
{
    const Result<ServerSpec> plain = parseServerSpec(u"time.example,nts"_s);
    QVERIFY2(plain, qPrintable(plain.errorMessage()));
    QVERIFY(plain->nts);
    QCOMPARE(plain->ntsPort, quint16(4460));
    QCOMPARE(serverOptionsText(*plain), u"nts"_s);
    // ntsport implies nts and round-trips.
    const Result<ServerSpec> port = parseServerSpec(u"time.example,ntsport=4461,prefer"_s);
    QVERIFY2(port, qPrintable(port.errorMessage()));
    QVERIFY(port->nts && port->prefer);
    QCOMPARE(port->ntsPort, quint16(4461));
    QCOMPARE(serverOptionsText(*port), u"prefer,nts,ntsport=4461"_s);
    const Result<ServerSpec> again = parseServerSpec(port->displayName() + u","_s + serverOptionsText(*port));
    QVERIFY(again);
    QCOMPARE(*again, *port);
    QVERIFY(!ServerSpec{}.nts);
}

void TstServerSpec::invalidOptions_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mention");
    QTest::newRow("unknown") << u"a.example,fast"_s << u"'fast'"_s;
    QTest::newRow("minpoll range") << u"a.example,minpoll=30"_s << u"'30'"_s;
    QTest::newRow("maxpoll text") << u"a.example,maxpoll=x"_s << u"'x'"_s;
    QTest::newRow("key 0") << u"a.example,key=0"_s << u"'0'"_s;
    QTest::newRow("key too big") << u"a.example,key=65535"_s << u"'65535'"_s;
    QTest::newRow("flag with value") << u"a.example,prefer=1"_s << u"'prefer=1'"_s;
    QTest::newRow("min above max") << u"a.example,minpoll=9,maxpoll=7"_s << u"minpoll 9 is above maxpoll 7"_s;
    QTest::newRow("empty option") << u"a.example,"_s << u"''"_s;
    QTest::newRow("ntsport 0") << u"a.example,ntsport=0"_s << u"'0'"_s;
    QTest::newRow("ntsport text") << u"a.example,ntsport=x"_s << u"'x'"_s;
    QTest::newRow("nts with value") << u"a.example,nts=1"_s << u"'nts=1'"_s;
    QTest::newRow("nts and key") << u"a.example,nts,key=5"_s << u"exclude each other"_s;
}

void TstServerSpec::invalidOptions()
{
    QFETCH(QString, text);
    QFETCH(QString, mention);
    const Result<ServerSpec> spec = parseServerSpec(text);
    QVERIFY(!spec);
    QVERIFY2(spec.errorMessage().contains(mention), qPrintable(spec.errorMessage()));
}

QTEST_APPLESS_MAIN(TstServerSpec)

#include "tst_serverspec.moc"

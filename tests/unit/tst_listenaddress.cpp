// SPDX-License-Identifier: GPL-3.0-or-later
// `--metrics ADDR:PORT`: accepted forms (loopback when no address is given) and clear errors.
#include <QTest>

#include "core/metrics/listenaddress.h"

using namespace Qt::StringLiterals;
using chronoscope::metrics::parseListenAddress;

class TstListenAddress : public QObject
{
    Q_OBJECT
private slots:
    void parses_data();
    void parses();
    void rejects_data();
    void rejects();
};

void TstListenAddress::parses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("printed");
    QTest::newRow("ipv4") << u"127.0.0.1:9123"_s << u"127.0.0.1"_s << 9123 << u"127.0.0.1:9123"_s;
    QTest::newRow("port only") << u"9123"_s << u"127.0.0.1"_s << 9123 << u"127.0.0.1:9123"_s;
    QTest::newRow(":port") << u":9123"_s << u"127.0.0.1"_s << 9123 << u"127.0.0.1:9123"_s;
    QTest::newRow("localhost") << u"localhost:80"_s << u"127.0.0.1"_s << 80 << u"127.0.0.1:80"_s;
    QTest::newRow("ipv6") << u"[::1]:9123"_s << u"::1"_s << 9123 << u"[::1]:9123"_s;
    QTest::newRow("any (chosen by the user)") << u"0.0.0.0:9123"_s << u"0.0.0.0"_s << 9123 << u"0.0.0.0:9123"_s;
    // Regression (fuzz_metricsinput): a scope id that looks like a placeholder is printed as is.
    QTest::newRow("ipv6 scope id %1") << u"[::%1]:91"_s << u"::%1"_s << 91 << u"[::%1]:91"_s;
    QTest::newRow("free port") << u"127.0.0.1:0"_s << u"127.0.0.1"_s << 0 << u"127.0.0.1:0"_s;
}

void TstListenAddress::parses()
{
    QFETCH(QString, text);
    QFETCH(QString, address);
    QFETCH(int, port);
    QFETCH(QString, printed);
    const auto parsed = parseListenAddress(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage()));
    QCOMPARE(parsed->address, QHostAddress(address));
    QCOMPARE(int(parsed->port), port);
    QCOMPARE(parsed->toString(), printed);
}

void TstListenAddress::rejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("empty") << QString() << u"empty"_s;
    QTest::newRow("name") << u"metrics.example:9123"_s << u"'metrics.example' is not a numeric address"_s;
    QTest::newRow("bare ipv6") << u"::1:9123"_s << u"brackets"_s;
    QTest::newRow("unclosed ipv6") << u"[::1:9123"_s << u"[ADDR]:PORT"_s;
    QTest::newRow("port too big") << u"127.0.0.1:65536"_s << u"port '65536'"_s;
    QTest::newRow("port text") << u"127.0.0.1:http"_s << u"port 'http'"_s;
    QTest::newRow("no port") << u"127.0.0.1:"_s << u"port ''"_s;
    QTest::newRow("too long") << QString(100, u'1') << u"too long"_s;
}

void TstListenAddress::rejects()
{
    QFETCH(QString, text);
    QFETCH(QString, mentions);
    const auto parsed = parseListenAddress(text);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.errorMessage().contains(mentions), qPrintable(parsed.errorMessage()));
    QVERIFY2(parsed.errorMessage().contains(u"invalid metrics address '%1'"_s.arg(text)), qPrintable(parsed.errorMessage()));
}

QTEST_GUILESS_MAIN(TstListenAddress)
#include "tst_listenaddress.moc"

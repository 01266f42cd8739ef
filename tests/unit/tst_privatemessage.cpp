// SPDX-License-Identifier: GPL-3.0-or-later
// NTP mode 7 (ntpdc "private" message) codec: the 8-byte MON_GETLIST_1 request of the exposure
// probe, monlist replies as the reference ntpd sends them, and malformed replies rejected.
#include <QTest>
#include <QtEndian>

#include "core/diagnostics/privatemessage.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::diagnostics;
using chronoscope::Result;

namespace {

QByteArray reply(int items, int itemSize, qsizetype dataBytes = -1, quint8 first = 0x97, int error = 0,
                 int mbz = 0, quint8 request = 42)
{
    QByteArray d(8, '\0');
    d[0] = char(first);        // response, version 2, mode 7
    d[1] = char(3);            // sequence 3
    d[2] = char(3);            // IMPL_XNTPD
    d[3] = char(request);
    qToBigEndian(quint16((error << 12) | items), d.data() + 4);
    qToBigEndian(quint16((mbz << 12) | itemSize), d.data() + 6);
    return d + QByteArray(dataBytes < 0 ? items * itemSize : dataBytes, 'i');
}

} // namespace

class TstPrivateMessage : public QObject
{
    Q_OBJECT

private slots:
    void encodesEightByteMonListRequest();
    void decodesMonListDatagram();
    void decodesErrorResponse();
    void rejectsMalformedReplies_data();
    void rejectsMalformedReplies();
};

void TstPrivateMessage::encodesEightByteMonListRequest()
{
    const QByteArray request = encodeMonListRequest();
    // The classic monlist probe: version 2, mode 7, IMPL_XNTPD (3), REQ_MON_GETLIST_1 (42).
    QCOMPARE(request, QByteArray::fromHex("17 00 03 2a 00 00 00 00"));
}

void TstPrivateMessage::decodesMonListDatagram()
{
    const Result<PrivateReply> r = decodePrivateReply(reply(6, 72, -1, 0xD7)); // response + more
    QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
    QCOMPARE(r->version, 2);
    QVERIFY(r->more);
    QVERIFY(!r->authenticated);
    QCOMPARE(r->sequence, 3);
    QCOMPARE(r->implementation, PRIVATE_IMPL_XNTPD);
    QCOMPARE(r->requestCode, PRIVATE_REQ_MON_GETLIST_1);
    QCOMPARE(r->errorCode, 0);
    QCOMPARE(r->itemCount, 6);
    QCOMPARE(r->itemSize, 72);
    QCOMPARE(r->data.size(), 432);
    QCOMPARE(r->trailingBytes, 0);
}

void TstPrivateMessage::decodesErrorResponse()
{
    const Result<PrivateReply> r = decodePrivateReply(reply(0, 0, 0, 0x97, 4));
    QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
    QCOMPARE(r->errorCode, 4);
    QCOMPARE(privateErrorText(4), u"no data available"_s);
    QCOMPARE(privateErrorText(9), u"error code 9"_s);
}

void TstPrivateMessage::rejectsMalformedReplies_data()
{
    QTest::addColumn<QByteArray>("datagram");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << QByteArray() << u"0 bytes is shorter than the 8-byte header"_s;
    QTest::newRow("seven bytes") << QByteArray(7, '\x97') << u"7 bytes"_s;
    QTest::newRow("mode 6") << reply(1, 4, -1, 0x96) << u"mode 6 where a mode 7 reply"_s;
    QTest::newRow("version 0") << reply(1, 4, -1, 0x87) << u"version 0"_s;
    QTest::newRow("version 5") << reply(1, 4, -1, 0xAF) << u"version 5"_s;
    QTest::newRow("request, not reply") << reply(1, 4, -1, 0x17) << u"response bit clear"_s;
    QTest::newRow("mbz bits set") << reply(1, 4, -1, 0x97, 0, 5) << u"must-be-zero bits are 5"_s;
    QTest::newRow("items of size 0") << reply(3, 0) << u"3 items of size 0"_s;
    QTest::newRow("over 500 data bytes") << reply(7, 72) << u"7 items of 72 bytes exceed the 500-byte limit"_s;
    QTest::newRow("item size 4095") << reply(1, 4095) << u"exceed"_s;
    QTest::newRow("items overrun datagram") << reply(6, 72, 100) << u"need 432 bytes but only 100"_s;
    QTest::newRow("junk after items") << reply(1, 8, 8 + 69) << u"69 bytes after the items"_s;
}

void TstPrivateMessage::rejectsMalformedReplies()
{
    QFETCH(QByteArray, datagram);
    QFETCH(QString, reason);
    const Result<PrivateReply> r = decodePrivateReply(datagram);
    QVERIFY(!r.ok());
    QVERIFY2(r.errorMessage().contains(reason), qPrintable(r.errorMessage()));
}

QTEST_GUILESS_MAIN(TstPrivateMessage)
#include "tst_privatemessage.moc"

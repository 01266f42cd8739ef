// SPDX-License-Identifier: GPL-3.0-or-later
// NTP mode 6 (control message) codec: the READVAR request the exposure probe sends, replies as
// ntpd and ntpsec send them, and a table of malformed replies, each rejected with its reason.
#include <QTest>
#include <QtEndian>

#include "core/diagnostics/controlmessage.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::diagnostics;
using chronoscope::Result;

namespace {

// A mode 6 response header with `data` (and `extra` bytes after it); count = data size unless
// `count` is given.
QByteArray reply(const QByteArray &data, quint8 flags = 0x82, int count = -1, const QByteArray &extra = {},
                 quint8 versionMode = 0x16, quint16 offset = 0)
{
    QByteArray d(12, '\0');
    d[0] = char(versionMode);
    d[1] = char(flags);
    qToBigEndian(quint16(0x1234), d.data() + 2);   // sequence
    qToBigEndian(quint16(0x0615), d.data() + 4);   // status
    qToBigEndian(quint16(0), d.data() + 6);        // association
    qToBigEndian(offset, d.data() + 8);
    qToBigEndian(quint16(count < 0 ? data.size() : count), d.data() + 10);
    return d + data + extra;
}

} // namespace

class TstControlMessage : public QObject
{
    Q_OBJECT

private slots:
    void encodesTwelveByteReadVarRequest();
    void decodesReadVarResponse();
    void decodesErrorResponse();
    void rejectsMalformedReplies_data();
    void rejectsMalformedReplies();
    void readsVariablesFromResponseText_data();
    void readsVariablesFromResponseText();
};

void TstControlMessage::encodesTwelveByteReadVarRequest()
{
    const QByteArray request = encodeReadVarRequest(0xBEEF);
    QCOMPARE(request.size(), 12);
    QCOMPARE(quint8(request.at(0)), quint8(0x16)); // LI 0, version 2, mode 6: what ntpq sends
    QCOMPARE(quint8(request.at(1)), quint8(0x02)); // a request (R clear), opcode READVAR
    QCOMPARE(qFromBigEndian<quint16>(request.constData() + 2), quint16(0xBEEF));
    QCOMPARE(request.mid(4), QByteArray(8, '\0'));  // status, association 0, offset, count 0
}

void TstControlMessage::decodesReadVarResponse()
{
    const QByteArray text = "version=\"ntpd 4.2.8p15\", stratum=2"; // 34 bytes → 2 bytes padding
    const Result<ControlReply> r = decodeControlReply(reply(text, 0xA2, -1, QByteArray(2, '\0'), 0x16, 468));
    QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
    QCOMPARE(r->version, 2);
    QVERIFY(!r->error);
    QVERIFY(r->more);
    QCOMPARE(r->opcode, CONTROL_OP_READVAR);
    QCOMPARE(r->sequence, 0x1234);
    QCOMPARE(r->status, 0x0615);
    QCOMPARE(r->offset, 468);
    QCOMPARE(r->data, text);
    QCOMPARE(r->trailingBytes, 2);
}

void TstControlMessage::decodesErrorResponse()
{
    QByteArray d = reply({}, 0xC2); // response + error, READVAR
    qToBigEndian(quint16(2 << 8), d.data() + 4);
    const Result<ControlReply> r = decodeControlReply(d);
    QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
    QVERIFY(r->error);
    QCOMPARE(r->errorCode(), 2);
    QVERIFY(controlErrorText(r->errorCode()).contains(u"permission"_s));
    QCOMPARE(controlErrorText(42), u"error code 42"_s);
}

void TstControlMessage::rejectsMalformedReplies_data()
{
    QTest::addColumn<QByteArray>("datagram");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << QByteArray() << u"0 bytes is shorter than the 12-byte header"_s;
    QTest::newRow("eleven bytes") << QByteArray(11, '\x16') << u"11 bytes"_s;
    QTest::newRow("mode 4") << reply("x", 0x82, -1, {}, 0x24) << u"mode 4 where a mode 6 reply"_s;
    QTest::newRow("mode 7") << reply("x", 0x82, -1, {}, 0x17) << u"mode 7"_s;
    QTest::newRow("version 0") << reply("x", 0x82, -1, {}, 0x06) << u"version 0"_s;
    QTest::newRow("version 7") << reply("x", 0x82, -1, {}, 0x3e) << u"version 7"_s;
    QTest::newRow("request, not reply") << reply("x", 0x02) << u"response bit clear"_s;
    QTest::newRow("count above 468") << reply(QByteArray(472, 'a'), 0x82, 469) << u"count 469 exceeds"_s;
    QTest::newRow("count beyond datagram") << reply("abcd", 0x82, 8) << u"count 8 but only 4 data bytes"_s;
    QTest::newRow("count 0xffff") << reply("abcd", 0x82, 0xffff) << u"count 65535"_s;
    QTest::newRow("empty more fragment") << reply({}, 0xA2) << u"empty fragment with the more bit"_s;
    QTest::newRow("fragment past 65535") << reply("abcd", 0x82, -1, {}, 0x16, 0xfffe) << u"runs past 65535"_s;
    QTest::newRow("junk after data") << reply("abcd", 0x82, -1, QByteArray(76, 'j')) << u"76 bytes after the data"_s;
}

void TstControlMessage::rejectsMalformedReplies()
{
    QFETCH(QByteArray, datagram);
    QFETCH(QString, reason);
    const Result<ControlReply> r = decodeControlReply(datagram);
    QVERIFY(!r.ok());
    QVERIFY2(r.errorMessage().contains(reason), qPrintable(r.errorMessage()));
}

void TstControlMessage::readsVariablesFromResponseText_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    const QByteArray ntpd = "associd=0 status=0615 leap_none, sync_ntp, 1 event, clock_sync,\r\n"
                            "version=\"ntpd 4.2.8p15@1.3728-o, built 2023\", processor=\"x86_64\",\r\n"
                            "system=\"Linux/6.1.0\", leap=00, stratum=2, precision=-23";
    QTest::newRow("quoted with commas") << ntpd << u"version"_s << u"ntpd 4.2.8p15@1.3728-o, built 2023"_s;
    QTest::newRow("plain") << ntpd << u"stratum"_s << u"2"_s;
    QTest::newRow("last") << ntpd << u"precision"_s << u"-23"_s;
    QTest::newRow("absent") << ntpd << u"refid"_s << QString();
    QTest::newRow("no quotes closed") << QByteArray("version=\"ntpsec") << u"version"_s << u"ntpsec"_s;
    QTest::newRow("empty") << QByteArray() << u"version"_s << QString();
}

void TstControlMessage::readsVariablesFromResponseText()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, name);
    QFETCH(QString, value);
    QCOMPARE(controlVariable(text, name.toLatin1()), value);
}

QTEST_GUILESS_MAIN(TstControlMessage)
#include "tst_controlmessage.moc"

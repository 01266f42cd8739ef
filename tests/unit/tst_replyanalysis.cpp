// SPDX-License-Identifier: GPL-3.0-or-later
// Judging everything that came back for one probe request: reassembly of mode 6 fragments and
// mode 7 datagrams, completeness, error replies, unrelated and malformed datagrams, and the
// amplification factor (bytes back over every datagram per byte sent).
#include <QTest>
#include <QtEndian>

#include "core/diagnostics/replyanalysis.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::diagnostics;

namespace {

constexpr quint16 SEQUENCE = 0x4242;

QByteArray controlFragment(const QByteArray &data, quint16 offset, bool more, quint16 sequence = SEQUENCE,
                           quint8 opcode = 2)
{
    QByteArray d(12, '\0');
    d[0] = char(0x16);
    d[1] = char(0x80 | (more ? 0x20 : 0) | opcode);
    qToBigEndian(sequence, d.data() + 2);
    qToBigEndian(offset, d.data() + 8);
    qToBigEndian(quint16(data.size()), d.data() + 10);
    d += data;
    while (d.size() % 4 != 0)
        d += '\0';
    return d;
}

QByteArray monlistDatagram(int sequence, int items, bool more, quint8 request = 42)
{
    QByteArray d(8, '\0');
    d[0] = char(0x80 | (more ? 0x40 : 0) | 0x17);
    d[1] = char(sequence);
    d[2] = char(3);
    d[3] = char(request);
    qToBigEndian(quint16(items), d.data() + 4);
    qToBigEndian(quint16(72), d.data() + 6);
    return d + QByteArray(items * 72, 'm');
}

ProbeOutcome request(const QString &name, int bytes)
{
    ProbeOutcome o;
    o.request = name;
    o.requestBytes = bytes;
    return o;
}

} // namespace

class TstReplyAnalysis : public QObject
{
    Q_OBJECT

private slots:
    void reassemblesFragmentsInAnyOrder();
    void missingFragmentLeavesResponseIncomplete();
    void ignoresOtherSequencesOpcodesAndDuplicates();
    void recordsControlErrorReply();
    void countsMonlistAcrossDatagrams();
    void missingMonlistDatagramIsIncomplete();
    void rejectsUnrelatedAndMalformedPrivateReplies();
    void nothingBackMeansFactorZero();
};

void TstReplyAnalysis::reassemblesFragmentsInAnyOrder()
{
    const QByteArray first = "version=\"ntpsec-1.2.2\", " + QByteArray(468 - 24, 'x');
    const QByteArray second = ", stratum=2";
    QCOMPARE(first.size(), 468);
    const QList<QByteArray> datagrams{controlFragment(second, 468, false), controlFragment(first, 0, true)};
    ProbeOutcome o = request(u"readvar"_s, 12);
    analyseControlReplies(datagrams, SEQUENCE, o);
    QCOMPARE(o.datagrams, 2);
    QCOMPARE(o.validReplies, 2);
    QVERIFY(o.answered());
    QVERIFY(o.answeredWithData());
    QVERIFY(o.complete);
    QCOMPARE(o.dataBytes, 479);
    QCOMPARE(o.replyBytes, 12 + 468 + 12 + 12); // the second fragment is padded from 11 to 12
    QCOMPARE(o.amplificationFactor(), double(o.replyBytes) / 12.0);
    QCOMPARE(o.serverVersion, u"ntpsec-1.2.2"_s);
    QVERIFY(o.rejected.isEmpty());
}

void TstReplyAnalysis::missingFragmentLeavesResponseIncomplete()
{
    ProbeOutcome o = request(u"readvar"_s, 12);
    analyseControlReplies({controlFragment("tail", 936, false), controlFragment(QByteArray(468, 'a'), 0, true)},
                          SEQUENCE, o);
    QCOMPARE(o.validReplies, 2);
    QVERIFY(!o.complete); // the fragment at 468 never came
    ProbeOutcome noFinal = request(u"readvar"_s, 12);
    analyseControlReplies({controlFragment(QByteArray(468, 'a'), 0, true)}, SEQUENCE, noFinal);
    QVERIFY(!noFinal.complete);
}

void TstReplyAnalysis::ignoresOtherSequencesOpcodesAndDuplicates()
{
    const QByteArray good = controlFragment("version=\"x\"", 0, false);
    ProbeOutcome o = request(u"readvar"_s, 12);
    analyseControlReplies({controlFragment("a", 0, false, SEQUENCE + 1), controlFragment("b", 0, false, SEQUENCE, 1),
                           good, good, controlFragment("c", 4, false), QByteArray("junk")},
                          SEQUENCE, o);
    QCOMPARE(o.datagrams, 6);
    QCOMPARE(o.validReplies, 1);
    QCOMPARE(o.rejected.value(u"sequence 16963 where 16962 was sent"_s), 1);
    QCOMPARE(o.rejected.value(u"opcode 1 where READVAR (2) was asked"_s), 1);
    QCOMPARE(o.rejected.value(u"duplicate fragment at offset 0"_s), 1);
    QCOMPARE(o.rejected.value(u"second final fragment (offset 4)"_s), 1);
    QCOMPARE(o.rejected.value(u"mode 6 reply of 4 bytes is shorter than the 12-byte header"_s), 1);
    // Every datagram counts towards the bytes that came back, well-formed or not.
    qint64 total = 0;
    for (const QByteArray &d : {controlFragment("a", 0, false, SEQUENCE + 1), controlFragment("b", 0, false, SEQUENCE, 1),
                                good, good, controlFragment("c", 4, false), QByteArray("junk")})
        total += d.size();
    QCOMPARE(o.replyBytes, total);
    QVERIFY(o.complete);
    QCOMPARE(o.serverVersion, u"x"_s);
}

void TstReplyAnalysis::recordsControlErrorReply()
{
    QByteArray error = controlFragment({}, 0, false);
    error[1] = char(0x80 | 0x40 | 2);
    qToBigEndian(quint16(7 << 8), error.data() + 4);
    ProbeOutcome o = request(u"readvar"_s, 12);
    analyseControlReplies({error}, SEQUENCE, o);
    QVERIFY(o.answered());
    QVERIFY(!o.answeredWithData());
    QCOMPARE(o.errorCode.value_or(-1), 7);
    QCOMPARE(o.errorText, u"administratively prohibited"_s);
    QCOMPARE(o.amplificationFactor(), 1.0);
}

void TstReplyAnalysis::countsMonlistAcrossDatagrams()
{
    const QList<QByteArray> datagrams{monlistDatagram(0, 6, true), monlistDatagram(2, 3, false),
                                      monlistDatagram(1, 6, true)};
    ProbeOutcome o = request(u"monlist"_s, 8);
    analysePrivateReplies(datagrams, o);
    QCOMPARE(o.datagrams, 3);
    QCOMPARE(o.validReplies, 3);
    QCOMPARE(o.monlistEntries, 15);
    QCOMPARE(o.dataBytes, 15 * 72);
    QCOMPARE(o.replyBytes, 3 * 8 + 15 * 72);
    QCOMPARE(o.amplificationFactor(), (3.0 * 8 + 15 * 72) / 8.0); // 138×
    QVERIFY(o.complete);
    QVERIFY(o.answeredWithData());
}

void TstReplyAnalysis::missingMonlistDatagramIsIncomplete()
{
    ProbeOutcome o = request(u"monlist"_s, 8);
    analysePrivateReplies({monlistDatagram(0, 6, true), monlistDatagram(2, 1, false)}, o);
    QCOMPARE(o.monlistEntries, 7);
    QVERIFY(!o.complete);
}

void TstReplyAnalysis::rejectsUnrelatedAndMalformedPrivateReplies()
{
    QByteArray mbz = monlistDatagram(0, 1, false);
    mbz[6] = char(0x10);
    ProbeOutcome o = request(u"monlist"_s, 8);
    analysePrivateReplies({monlistDatagram(0, 1, false, 20), mbz, monlistDatagram(0, 2, false),
                           monlistDatagram(0, 2, false), monlistDatagram(1, 1, false)},
                          o);
    QCOMPARE(o.validReplies, 1);
    QCOMPARE(o.monlistEntries, 2);
    QCOMPARE(o.rejected.value(u"implementation 3, request 20 where 3, 42 (MON_GETLIST_1) was asked"_s), 1);
    QCOMPARE(o.rejected.value(u"must-be-zero bits are 1 in a mode 7 reply"_s), 1);
    QCOMPARE(o.rejected.value(u"duplicate datagram with sequence 0"_s), 1);
    QCOMPARE(o.rejected.value(u"second final datagram (sequence 1)"_s), 1);
}

void TstReplyAnalysis::nothingBackMeansFactorZero()
{
    ProbeOutcome o = request(u"monlist"_s, 8);
    analysePrivateReplies({}, o);
    QVERIFY(!o.answered());
    QCOMPARE(o.amplificationFactor(), 0.0);
    QVERIFY(!o.complete);
    ProbeOutcome unsent = request(u"monlist"_s, 0);
    analysePrivateReplies({QByteArray(40, 'x')}, unsent);
    QCOMPARE(unsent.amplificationFactor(), 0.0); // nothing sent: no ratio to speak of
}

QTEST_GUILESS_MAIN(TstReplyAnalysis)
#include "tst_replyanalysis.moc"

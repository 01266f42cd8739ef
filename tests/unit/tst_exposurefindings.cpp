// SPDX-License-Identifier: GPL-3.0-or-later
// The exposure verdict and the advice that goes with it, from measured probe outcomes.
#include <QTest>

#include "core/diagnostics/exposurefindings.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::diagnostics;

Q_DECLARE_METATYPE(chronoscope::diagnostics::ExposureVerdict)

namespace {

ExposureFindings baseReport()
{
    ExposureFindings r;
    r.target = u"ntp.example:123"_s;
    r.host = u"ntp.example"_s;
    r.address = u"192.0.2.10"_s;
    r.port = 123;
    r.addressesFound = 1;
    r.windowSeconds = 2.0;
    r.mode6.request = u"readvar"_s;
    r.mode6.requestBytes = 12;
    r.mode7.request = u"monlist"_s;
    r.mode7.requestBytes = 8;
    return r;
}

bool adviceMentions(const ExposureFindings &r, const QString &text)
{
    for (const QString &a : r.advice) {
        if (a.contains(text))
            return true;
    }
    return false;
}

} // namespace

class TstExposureFindings : public QObject
{
    Q_OBJECT

private slots:
    void monlistAnswerIsTheWorstFinding();
    void mode6AnswerAdvisesNoquery();
    void errorRepliesOnly();
    void silenceMeansNoAmplification();
    void refusalMeansPortClosed();
    void unreachableHostIsNotProbed();
    void probeThatCouldNotRun();
    void verdictIds_data();
    void verdictIds();
};

void TstExposureFindings::monlistAnswerIsTheWorstFinding()
{
    ExposureFindings r = baseReport();
    r.mode7.validReplies = 100;
    r.mode7.datagrams = 100;
    r.mode7.replyBytes = 44000;
    r.mode7.dataBytes = 43200;
    r.mode7.monlistEntries = 600;
    r.mode7.complete = true;
    r.mode6.validReplies = 1;
    r.mode6.datagrams = 1;
    r.mode6.replyBytes = 480;
    r.mode6.dataBytes = 468;
    assessExposure(r);
    QCOMPARE(r.verdict, ExposureVerdict::AnswersMonlist);
    QVERIFY2(r.summary.contains(u"CVE-2013-5211"_s), qPrintable(r.summary));
    QVERIFY2(r.summary.contains(u"44000 bytes in 100 datagram(s)"_s), qPrintable(r.summary));
    QVERIFY2(r.summary.contains(u"5500.0×"_s), qPrintable(r.summary));
    QVERIFY2(r.summary.contains(u"600 client address(es)"_s), qPrintable(r.summary));
    QVERIFY2(r.summary.contains(u"40.0×"_s), qPrintable(r.summary)); // mode 6 too: 480 / 12
    QVERIFY(adviceMentions(r, u"Upgrade ntpd to 4.2.7p26 or later"_s));
    QVERIFY(adviceMentions(r, u"disable monitor"_s));
    QVERIFY(adviceMentions(r, u"noquery"_s));
    QVERIFY(adviceMentions(r, u"ingress filtering (BCP 38"_s));
}

void TstExposureFindings::mode6AnswerAdvisesNoquery()
{
    ExposureFindings r = baseReport();
    r.mode6.validReplies = 2;
    r.mode6.datagrams = 2;
    r.mode6.replyBytes = 600;
    r.mode6.dataBytes = 570;
    r.mode6.serverVersion = u"ntpd 4.2.8p15"_s;
    assessExposure(r);
    QCOMPARE(r.verdict, ExposureVerdict::AnswersMode6);
    QVERIFY2(r.summary.contains(u"an amplification of 50.0×"_s), qPrintable(r.summary));
    QVERIFY2(r.summary.contains(u"ntpd 4.2.8p15"_s), qPrintable(r.summary));
    QVERIFY2(r.summary.contains(u"did not answer monlist"_s), qPrintable(r.summary));
    QVERIFY(adviceMentions(r, u"restrict default kod nomodify nopeer noquery"_s));
    QVERIFY(adviceMentions(r, u"BCP 38"_s));
    QVERIFY(!adviceMentions(r, u"disable monitor"_s));
}

void TstExposureFindings::errorRepliesOnly()
{
    ExposureFindings r = baseReport();
    r.mode6.validReplies = 1;
    r.mode6.datagrams = 1;
    r.mode6.replyBytes = 12;
    r.mode6.errorCode = 2;
    r.mode6.errorText = u"permission denied (authentication required)"_s;
    assessExposure(r);
    QCOMPARE(r.verdict, ExposureVerdict::ErrorRepliesOnly);
    QVERIFY2(r.summary.contains(u"mode 6: permission denied"_s), qPrintable(r.summary));
    QVERIFY2(r.summary.contains(u"mode 7: no answer"_s), qPrintable(r.summary));
    QVERIFY(adviceMentions(r, u"noquery"_s));
}

void TstExposureFindings::silenceMeansNoAmplification()
{
    ExposureFindings r = baseReport();
    assessExposure(r);
    QCOMPARE(r.verdict, ExposureVerdict::NoAnswer);
    QVERIFY2(r.summary.contains(u"answered neither"_s) && r.summary.contains(u"within 2 s"_s), qPrintable(r.summary));
    QCOMPARE(r.advice.size(), 1);
    QVERIFY(adviceMentions(r, u"Nothing to fix"_s));
}

void TstExposureFindings::refusalMeansPortClosed()
{
    ExposureFindings r = baseReport();
    r.mode6.refused = true;
    r.mode7.refused = true;
    assessExposure(r);
    QCOMPARE(r.verdict, ExposureVerdict::PortClosed);
    QVERIFY2(r.summary.contains(u"ICMP port unreachable"_s), qPrintable(r.summary));
    QVERIFY(r.advice.isEmpty());
}

void TstExposureFindings::unreachableHostIsNotProbed()
{
    // ICMP host unreachable says nothing about the server: no verdict on its exposure.
    ExposureFindings r = baseReport();
    r.mode6.networkError = u"recv: No route to host"_s;
    r.mode7.networkError = u"recv: No route to host"_s;
    assessExposure(r);
    QCOMPARE(r.verdict, ExposureVerdict::NotProbed);
    QCOMPARE(r.summary, u"The probe could not reach 192.0.2.10:123: recv: No route to host"_s);
    QVERIFY(r.advice.isEmpty());
}

void TstExposureFindings::probeThatCouldNotRun()
{
    ExposureFindings r = baseReport();
    r.address.clear();
    r.error = u"could not resolve 'ntp.example': Host not found"_s;
    assessExposure(r);
    QCOMPARE(r.verdict, ExposureVerdict::NotProbed);
    QVERIFY(r.summary.contains(u"could not run"_s));
    QVERIFY(r.summary.contains(r.error));
}

void TstExposureFindings::verdictIds_data()
{
    QTest::addColumn<ExposureVerdict>("verdict");
    QTest::addColumn<QString>("id");
    QTest::newRow("not probed") << ExposureVerdict::NotProbed << u"not_probed"_s;
    QTest::newRow("port closed") << ExposureVerdict::PortClosed << u"port_closed"_s;
    QTest::newRow("no answer") << ExposureVerdict::NoAnswer << u"no_answer"_s;
    QTest::newRow("errors") << ExposureVerdict::ErrorRepliesOnly << u"error_replies_only"_s;
    QTest::newRow("mode 6") << ExposureVerdict::AnswersMode6 << u"answers_mode6"_s;
    QTest::newRow("monlist") << ExposureVerdict::AnswersMonlist << u"answers_monlist"_s;
}

void TstExposureFindings::verdictIds()
{
    QFETCH(ExposureVerdict, verdict);
    QFETCH(QString, id);
    QCOMPARE(exposureVerdictId(verdict), id);
}

QTEST_GUILESS_MAIN(TstExposureFindings)
#include "tst_exposurefindings.moc"

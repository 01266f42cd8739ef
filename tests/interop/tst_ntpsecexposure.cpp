// SPDX-License-Identifier: GPL-3.0-or-later
// The exposure probe against a real mode 6 server: ntpsec's ntpd on 127.0.0.1:123 (root only;
// CI runs as root; serialised with the other port-123 test, never started when something else
// holds the port). Allowed to answer queries it is a reflector (READVAR answered, amplification
// above 1, no mode 7: ntpsec has none); with `noquery`, the advice the probe gives, it is silent.
// ntpd runs with the clock discipline disabled and without CAP_SYS_TIME (NtpsecInstance).
#include <unistd.h>

#include <QSignalSpy>
#include <QTest>

#include "core/diagnostics/exposureprobe.h"
#include "core/diagnostics/portusage.h"
#include "tests/interop/ntpsecinstance.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::diagnostics;
using chronoscope::testing::NtpsecInstance;

namespace {

ExposureFindings probeLoopback()
{
    ExposureProbe probe;
    QSignalSpy spy(&probe, &ExposureProbe::finished);
    const chronoscope::Result<chronoscope::engine::ServerSpec> target = ExposureProbe::parseTarget(u"127.0.0.1"_s);
    if (!target || !probe.start(u"127.0.0.1"_s, *target, 1.0) || !spy.wait(10000))
        return {};
    return spy.first().first().value<ExposureFindings>();
}

} // namespace

class TstNtpsecExposure : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void answeringNtpsecIsAReflector();
    void noqueryMakesItSilent();
};

void TstNtpsecExposure::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("ntpsec's ntpd always binds UDP port 123, which needs root; CI runs this test as root");
    QVERIFY2(!NtpsecInstance::findNtpd().isEmpty(),
             "ntpsec's ntpd not found: ./dev.sh test unpacks it into build/tools/ntpsec (never installed), or set "
             "CHRONOSCOPE_NTPSEC_NTPD");
    const PortUsageFindings before = checkUdpPort(123);
    QVERIFY2(before.error.isEmpty(), qPrintable(before.error));
    QVERIFY2(before.sockets.isEmpty(),
             qPrintable(u"UDP port 123 is already in use on this machine, so this test will not start ntpd there. "
                        "Stop the service that holds it or run the tests where port 123 is free.\n"_s
                        + before.summary));
}

void TstNtpsecExposure::answeringNtpsecIsAReflector()
{
    NtpsecInstance ntpd(true);
    QVERIFY2(ntpd.start(), qPrintable(ntpd.errorString()));

    const PortUsageFindings port = checkUdpPort(123);
    QVERIFY2(!port.sockets.isEmpty(), qPrintable(port.summary));
    QCOMPARE(port.sockets.first().processes.first().pid, ntpd.pid());
    QVERIFY2(port.meanings.first().contains(u"(the reference ntpd, ntpsec or OpenNTPD) is serving time on port 123"_s),
             qPrintable(port.meanings.first()));

    const ExposureFindings r = probeLoopback();
    QCOMPARE(r.verdict, ExposureVerdict::AnswersMode6);
    QVERIFY(r.mode6.answeredWithData());
    QVERIFY(r.mode6.complete);
    QVERIFY2(r.mode6.serverVersion.contains(u"ntpsec"_s), qPrintable(r.mode6.serverVersion)); // "ntpd ntpsec-1.2.2"
    QVERIFY(r.mode6.replyBytes > 12);
    QCOMPARE(r.mode6.amplificationFactor(), double(r.mode6.replyBytes) / 12.0);
    QVERIFY(r.mode6.rejected.isEmpty());
    QVERIFY(!r.mode7.answered()); // ntpsec has no mode 7 at all
    QCOMPARE(r.mode7.datagrams, 0);
    QVERIFY2(r.summary.contains(u"mode 6 control queries"_s), qPrintable(r.summary));
    QVERIFY2(r.advice.first().contains(u"noquery"_s), qPrintable(r.advice.first()));
    qInfo("ntpsec answered READVAR with %lld bytes in %d datagram(s): %.1fx", r.mode6.replyBytes, r.mode6.datagrams,
          r.mode6.amplificationFactor());
}

void TstNtpsecExposure::noqueryMakesItSilent()
{
    NtpsecInstance ntpd(false);
    QVERIFY2(ntpd.start(), qPrintable(ntpd.errorString()));
    const ExposureFindings r = probeLoopback();
    QCOMPARE(r.verdict, ExposureVerdict::NoAnswer);
    QCOMPARE(r.mode6.datagrams + r.mode7.datagrams, 0);
    QVERIFY(!r.mode6.refused && !r.mode7.refused); // it listens; it just does not answer
}

QTEST_GUILESS_MAIN(TstNtpsecExposure)
#include "tst_ntpsecexposure.moc"

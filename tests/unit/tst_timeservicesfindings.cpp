// SPDX-License-Identifier: GPL-3.0-or-later
// The kernel's clock state in words (from an adjtimex-style state, read-only) and the summary
// of which time services keep the clock in step.
#include <QTest>

#include "core/diagnostics/timeservices.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::diagnostics;
using chronoscope::protocol::KernelState;

namespace {

KernelState kernel(std::uint32_t status, std::int32_t clockState)
{
    KernelState k;
    k.status = status;
    k.clockState = clockState;
    k.maxErrorUs = 16000;           // 16 ms
    k.estErrorUs = 250;             // 250 µs
    k.freqScaledPpm = -12 * 65536;  // −12 ppm
    return k;
}

TimeServicesFindings report(const QStringList &running, const KernelClockStatus &k)
{
    TimeServicesFindings r;
    for (const QString &name : {u"chronyd"_s, u"ntpd"_s, u"systemd-timesyncd"_s})
        r.services.append({name, running.contains(name), u"a time service"_s});
    r.kernel = k;
    summariseTimeServices(r);
    return r;
}

} // namespace

class TstTimeServicesFindings : public QObject
{
    Q_OBJECT

private slots:
    void explainsSynchronisedKernel();
    void explainsUnsynchronisedKernel();
    void unavailableKernelState();
    void serviceRunningAndSynchronised();
    void serviceRunningButUnsynchronised();
    void nothingKeepsTheClock();
    void somethingUnknownKeepsTheClock();
    void twoServicesFight();
    void listingFailed();
};

void TstTimeServicesFindings::explainsSynchronisedKernel()
{
    const KernelClockStatus k = kernelClockStatus(kernel(0x2001, 0)); // PLL | NANO, TIME_OK
    QVERIFY(k.available);
    QVERIFY(k.synchronized);
    QCOMPARE(k.state, u"ok"_s);
    QCOMPARE(k.maxError.value_or(-1), 0.016);
    QCOMPARE(k.estimatedError.value_or(-1), 0.00025);
    QCOMPARE(k.frequencyPpm.value_or(0), -12.0);
    QCOMPARE(k.flags, (QStringList{u"PLL"_s, u"NANO"_s}));
}

void TstTimeServicesFindings::explainsUnsynchronisedKernel()
{
    const KernelClockStatus unsync = kernelClockStatus(kernel(0x0040, 5)); // UNSYNC, TIME_ERROR
    QVERIFY(unsync.available);
    QVERIFY(!unsync.synchronized);
    QCOMPARE(unsync.state, u"error"_s);
    QCOMPARE(unsync.flags, QStringList{u"UNSYNC"_s});
    // A TIME_ERROR state alone also means unsynchronised; a leap state is still synchronised.
    QVERIFY(!kernelClockStatus(kernel(0, 5)).synchronized);
    QVERIFY(kernelClockStatus(kernel(0x0010, 1)).synchronized);
    QCOMPARE(kernelClockStatus(kernel(0x0010, 1)).state, u"insert_leap"_s);
}

void TstTimeServicesFindings::unavailableKernelState()
{
    const KernelClockStatus k = kernelClockStatus(std::nullopt);
    QVERIFY(!k.available);
    QVERIFY(!k.error.isEmpty());
    QVERIFY(!k.maxError);
    const TimeServicesFindings r = report({u"chronyd"_s}, k);
    QVERIFY2(r.summary.startsWith(u"chronyd is running. Whether the kernel considers the clock synchronised is "
                                  "unknown here"_s),
             qPrintable(r.summary));
}

void TstTimeServicesFindings::serviceRunningAndSynchronised()
{
    const TimeServicesFindings r = report({u"chronyd"_s}, kernelClockStatus(kernel(0x2000, 0)));
    QCOMPARE(r.summary, u"chronyd is running. The kernel reports the clock synchronised (maximum error 16.0 ms)."_s);
}

void TstTimeServicesFindings::serviceRunningButUnsynchronised()
{
    const TimeServicesFindings r = report({u"systemd-timesyncd"_s}, kernelClockStatus(kernel(0x0040, 5)));
    QVERIFY2(r.summary.startsWith(u"systemd-timesyncd is running, but the clock is not synchronised yet"_s),
             qPrintable(r.summary));
    QVERIFY2(r.summary.endsWith(u"The kernel reports the clock unsynchronised."_s), qPrintable(r.summary));
}

void TstTimeServicesFindings::nothingKeepsTheClock()
{
    const TimeServicesFindings r = report({}, kernelClockStatus(kernel(0x0040, 5)));
    QVERIFY2(r.summary.startsWith(u"No time service is running: nothing keeps this clock in step."_s),
             qPrintable(r.summary));
}

void TstTimeServicesFindings::somethingUnknownKeepsTheClock()
{
    const TimeServicesFindings r = report({}, kernelClockStatus(kernel(0, 0)));
    QVERIFY2(r.summary.startsWith(u"No known time service is running, yet something keeps the clock in step"_s),
             qPrintable(r.summary));
}

void TstTimeServicesFindings::twoServicesFight()
{
    const TimeServicesFindings r = report({u"chronyd"_s, u"systemd-timesyncd"_s}, kernelClockStatus(kernel(0, 0)));
    QVERIFY2(r.summary.startsWith(u"chronyd, systemd-timesyncd are all running: two services disciplining one clock "
                                  "fight each other"_s),
             qPrintable(r.summary));
}

void TstTimeServicesFindings::listingFailed()
{
    TimeServicesFindings r;
    r.servicesError = u"listing time services is not implemented on this platform"_s;
    r.kernel = kernelClockStatus(std::nullopt);
    summariseTimeServices(r);
    QVERIFY2(r.summary.startsWith(u"Could not list the time services: listing time services is not implemented"_s),
             qPrintable(r.summary));
}

QTEST_GUILESS_MAIN(TstTimeServicesFindings)
#include "tst_timeservicesfindings.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Time services on this machine, read for real: a chronyd this test starts is reported running,
// and on Linux the kernel's clock state is read (adjtimex with modes = 0, which changes nothing).
#include <QTest>

#include "core/diagnostics/timeservices.h"
#include "tests/interop/chronydinstance.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::diagnostics;
using chronoscope::testing::ChronydInstance;

class TstTimeServices : public QObject
{
    Q_OBJECT

private slots:
    void reportsRunningChronyd();
    void readsKernelClockState();
};

void TstTimeServices::reportsRunningChronyd()
{
    ChronydInstance chronyd;
    QVERIFY2(chronyd.start(), qPrintable(chronyd.errorString()));
    const TimeServicesFindings findings = checkTimeServices();
    QVERIFY2(findings.servicesError.isEmpty(), qPrintable(findings.servicesError));
    QStringList names;
    bool chronydRunning = false;
    for (const TimeServiceStatus &s : findings.services) {
        names << s.name;
        QVERIFY(!s.description.isEmpty());
        if (s.name == u"chronyd"_s)
            chronydRunning = s.running;
    }
    QVERIFY2(names.contains(u"chronyd"_s) && names.contains(u"ntpd"_s) && names.contains(u"systemd-timesyncd"_s),
             qPrintable(names.join(u", "_s)));
    QVERIFY(chronydRunning);
    QVERIFY2(findings.summary.contains(u"chronyd"_s), qPrintable(findings.summary));
}

void TstTimeServices::readsKernelClockState()
{
    const KernelClockStatus k = readKernelClock();
#ifdef Q_OS_LINUX
    QVERIFY2(k.available, qPrintable(k.error));
    QVERIFY(!k.state.isEmpty());
    QVERIFY(k.maxError.has_value() && *k.maxError >= 0);
    QVERIFY(k.estimatedError.has_value() && *k.estimatedError >= 0);
    QVERIFY(k.frequencyPpm.has_value() && std::abs(*k.frequencyPpm) <= 512); // the kernel's ±500 ppm range
    QCOMPARE(k.synchronized, !k.flags.contains(u"UNSYNC"_s) && k.state != u"error"_s);
#else
    QVERIFY(!k.available);
    QVERIFY(!k.error.isEmpty());
#endif
}

QTEST_GUILESS_MAIN(TstTimeServices)
#include "tst_timeservices.moc"

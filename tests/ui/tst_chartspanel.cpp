// SPDX-License-Identifier: GPL-3.0-or-later
// ChartsPanel: series per server with the measured values, units, ranges, hiding, log scale,
// decimation of long histories and PNG export.
#include <QDateTime>
#include <QAction>
#include <QChartView>
#include <QLineSeries>
#include <QImage>
#include <QMenu>
#include <QToolButton>
#include <QTemporaryDir>
#include <QTest>

#include "ui/charts/chartspanel.h"
#include "ui/charts/driftchart.h"
#include "ui/charts/niceaxis.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::ui;
using Metric = SampleHistory::Metric;

class TestChartsPanel : public QObject
{
    Q_OBJECT

private slots:
    void plotsMeasuredValuesPerServer();
    void choosesUnitsAutomatically();
    void rangeLimitsThePlottedWindow();
    void hidingAServerKeepsItsData();
    void logScaleForDelay();
    void decimatesLongHistories();
    void denseChartsDrawEveryLineAliasedIncludingNewServers();
    void exportsPng();
    void driftChartShowsEstimateAndBand();
    void axesUseRoundNumbers();
    void fitsTheDataUntilTheRangeFills();
    void everyChartActionHasAKey();
};

void TestChartsPanel::plotsMeasuredValuesPerServer()
{
    ChartsPanel panel;
    panel.resize(900, 600);
    const double now = QDateTime::currentMSecsSinceEpoch() / 1000.0;
    panel.addMeasurement(1, u"a"_s, now - 3, 0.0012, 0.004, 0.0001);
    panel.addMeasurement(1, u"a"_s, now - 2, 0.0015, 0.005, 0.0002);
    panel.addMeasurement(2, u"b"_s, now - 1, -0.0007, 0.003, 0.0003);
    panel.refreshNow();
    const QList<QPointF> a = panel.seriesPoints(Metric::Offset, 1);
    QCOMPARE(a.size(), 2);
    QCOMPARE(panel.unit(Metric::Offset).symbol, u"ms"_s);
    QVERIFY(qAbs(a[0].y() - 1.2) < 1e-4);
    QVERIFY(qAbs(a[1].y() - 1.5) < 1e-4);
    QCOMPARE(qint64(a[0].x()), qint64((now - 3) * 1000.0));
    QCOMPARE(panel.seriesPoints(Metric::Offset, 2).size(), 1);
    QVERIFY(qAbs(panel.seriesPoints(Metric::Delay, 2).first().y() - 3.0) < 1e-4);
    QCOMPARE(panel.unit(Metric::Jitter).symbol, u"µs"_s);
    QVERIFY(qAbs(panel.seriesPoints(Metric::Jitter, 1)[1].y() - 200.0) < 1e-3);
    panel.removeServer(2);
    panel.refreshNow();
    QVERIFY(panel.seriesPoints(Metric::Offset, 2).isEmpty());
    QCOMPARE(panel.serverIds(), QList<int>{1});
}

void TestChartsPanel::choosesUnitsAutomatically()
{
    ChartsPanel panel;
    const double now = QDateTime::currentMSecsSinceEpoch() / 1000.0;
    panel.addMeasurement(1, u"a"_s, now - 1, 0.00004, 0.00002, 0.000001);
    panel.refreshNow();
    QCOMPARE(panel.unit(Metric::Offset).symbol, u"µs"_s);
    QVERIFY(qAbs(panel.seriesPoints(Metric::Offset, 1).first().y() - 40.0) < 1e-3);
    panel.addMeasurement(1, u"a"_s, now, 2.5, 0.00002, 0.000001);
    panel.refreshNow();
    QCOMPARE(panel.unit(Metric::Offset).symbol, u"s"_s);
    QVERIFY(qAbs(panel.seriesPoints(Metric::Offset, 1).last().y() - 2.5) < 1e-6);
    QVERIFY(qAbs(panel.seriesPoints(Metric::Offset, 1).first().y() - 0.00004) < 1e-9); // re-scaled
}

void TestChartsPanel::rangeLimitsThePlottedWindow()
{
    ChartsPanel panel;
    const double now = QDateTime::currentMSecsSinceEpoch() / 1000.0;
    for (int i = 0; i < 100; ++i)
        panel.addMeasurement(1, u"a"_s, now - 7200 + i * 72, 0.001, 0.002, 0.0001);
    panel.setRange(300);
    QVERIFY(panel.seriesPoints(Metric::Offset, 1).size() <= 6);
    panel.setRange(3600);
    const int hour = int(panel.seriesPoints(Metric::Offset, 1).size());
    QVERIFY(hour >= 49 && hour <= 51);
    panel.setRange(0);
    QCOMPARE(panel.seriesPoints(Metric::Offset, 1).size(), 100);
    panel.zoomTo(now - 7200, now - 7200 + 720);
    QVERIFY(panel.isZoomed());
    QCOMPARE(panel.seriesPoints(Metric::Offset, 1).size(), 11);
    panel.resetZoom();
    QCOMPARE(panel.seriesPoints(Metric::Offset, 1).size(), 100);
}

void TestChartsPanel::hidingAServerKeepsItsData()
{
    ChartsPanel panel;
    const double now = QDateTime::currentMSecsSinceEpoch() / 1000.0;
    panel.addMeasurement(1, u"a"_s, now, 0.0004, 0.002, 0.0001);
    panel.addMeasurement(2, u"b"_s, now, 0.5, 0.002, 0.0001);
    panel.refreshNow();
    QCOMPARE(panel.unit(Metric::Offset).symbol, u"ms"_s);
    panel.setServerHidden(2, true);
    QVERIFY(panel.isServerHidden(2));
    QCOMPARE(panel.history(2)->size(), 1);
    // The hidden server no longer decides the axis: 400 µs is now shown in µs.
    QCOMPARE(panel.unit(Metric::Offset).symbol, u"µs"_s);
    panel.setServerHidden(2, false);
    QVERIFY(!panel.isServerHidden(2));
}

void TestChartsPanel::logScaleForDelay()
{
    ChartsPanel panel;
    const double now = QDateTime::currentMSecsSinceEpoch() / 1000.0;
    panel.addMeasurement(1, u"a"_s, now - 1, 0.001, 0.0001, 0.0001);
    panel.addMeasurement(1, u"a"_s, now, 0.001, 0.1, 0.0001);
    panel.setLogDelay(true);
    const QList<QPointF> points = panel.seriesPoints(Metric::Delay, 1);
    QCOMPARE(points.size(), 2);
    QVERIFY(qAbs(points[1].y() / points[0].y() - 1000.0) < 1e-2);
    panel.setLogDelay(false);
    QCOMPARE(panel.seriesPoints(Metric::Delay, 1).size(), 2);
}

void TestChartsPanel::decimatesLongHistories()
{
    ChartsPanel panel;
    panel.resize(1000, 700);
    const double now = QDateTime::currentMSecsSinceEpoch() / 1000.0;
    for (int i = 0; i < 86400; ++i)
        panel.addMeasurement(1, u"a"_s, now - 86400 + i, i == 50000 ? 0.2 : 0.001, 0.002, 0.0001);
    panel.setRange(86400);
    const QList<QPointF> points = panel.seriesPoints(Metric::Offset, 1);
    QVERIFY2(points.size() < 5000, qPrintable(QString::number(points.size())));
    double peak = 0;
    for (const QPointF &p : points)
        peak = std::max(peak, p.y());
    QVERIFY(qAbs(peak - 200.0) < 1e-3); // the one spike survives decimation (200 ms)
}

void TestChartsPanel::denseChartsDrawEveryLineAliasedIncludingNewServers()
{
    // Many points: one-pixel aliased (cosmetic) lines in every chart, also for a server that
    // joins after the charts went dense; back to smooth lines when few points remain.
    ChartsPanel panel;
    panel.resize(1000, 700);
    panel.setRange(3600);
    const double now = QDateTime::currentMSecsSinceEpoch() / 1000.0;
    for (int server = 1; server <= 30; ++server)
        for (int i = 0; i < 3000; ++i)
            panel.addMeasurement(server, u"s%1"_s.arg(server), now - 3000 + i, 0.001 * ((i % 7) - 3), 0.002 + 1e-4 * (i % 5),
                                 1e-4 * (1 + i % 3));
    panel.refreshNow();
    panel.addMeasurement(31, u"late"_s, now, 0.001, 0.002, 1e-4);
    panel.refreshNow();
    const QList<QChartView *> views = panel.findChildren<QChartView *>();
    int lines = 0;
    for (QChartView *view : views) {
        const QList<QAbstractSeries *> all = view->chart()->series();
        if (all.size() < 31)
            continue; // the drift chart
        QVERIFY(!view->renderHints().testFlag(QPainter::Antialiasing));
        for (QAbstractSeries *series : all) {
            const QPen pen = static_cast<QLineSeries *>(series)->pen();
            QVERIFY2(pen.isCosmetic() && pen.widthF() == 1.0, qPrintable(series->name()));
            ++lines;
        }
    }
    QCOMPARE(lines, 3 * 31);

    for (int server = 1; server <= 30; ++server)
        panel.removeServer(server);
    panel.refreshNow();
    int smooth = 0;
    for (QChartView *view : views) {
        const QList<QAbstractSeries *> all = view->chart()->series();
        if (all.size() != 1 || all.first()->name() != u"late"_s)
            continue;
        QVERIFY(view->renderHints().testFlag(QPainter::Antialiasing));
        QCOMPARE(static_cast<QLineSeries *>(all.first())->pen().widthF(), 1.6);
        ++smooth;
    }
    QCOMPARE(smooth, 3);
}

void TestChartsPanel::exportsPng()
{
    ChartsPanel panel;
    panel.resize(800, 500);
    panel.addMeasurement(1, u"a"_s, QDateTime::currentMSecsSinceEpoch() / 1000.0, 0.001, 0.002, 0.0001);
    QTemporaryDir dir;
    const chronoscope::Result<QString> written = panel.exportPng(dir.filePath(u"charts.png"_s));
    QVERIFY2(written.ok(), qPrintable(written.errorMessage()));
    const QImage image(*written);
    QCOMPARE(image.size(), QSize(800, 500));
    const chronoscope::Result<QString> bad = panel.exportPng(dir.filePath(u"missing/dir/x.png"_s));
    QVERIFY(!bad.ok());
}

void TestChartsPanel::driftChartShowsEstimateAndBand()
{
    DriftChart chart;
    const double now = QDateTime::currentMSecsSinceEpoch() / 1000.0;
    chart.addEstimate(now - 10, -12.0, 0.5);
    chart.addEstimate(now, -11.5, 0.4);
    chart.refresh(now - 60, now);
    QCOMPARE(chart.centerPoints().size(), 2);
    QCOMPARE(chart.centerPoints().last().y(), -11.5);
    QVERIFY2(chart.summaryText().contains(u"slow by 11.5 ppm (± 0.40 ppm)"_s), qPrintable(chart.summaryText()));
    QVERIFY(chart.summaryText().contains(u"loses about 994 ms per day"_s));
}

void TestChartsPanel::axesUseRoundNumbers()
{
    const NiceAxis a = niceAxis(-0.049, 0.052);
    QCOMPARE(a.low, -0.05);
    QCOMPARE(a.high, 0.1);
    QCOMPARE(a.tickCount, 4);
    QCOMPARE(a.labelFormat, u"%.2f"_s);
    const NiceAxis b = niceAxis(0, 92);
    QCOMPARE(b.low, 0.0);
    QCOMPARE(b.high, 100.0);
    QCOMPARE(b.tickCount, 5); // 0, 25, 50, 75, 100
    QCOMPARE(b.labelFormat, u"%.0f"_s);
    const NiceAxis c = niceAxis(-3.1, 0.2);
    QCOMPARE(c.low, -4.0);
    QCOMPARE(c.high, 1.0);
    QCOMPARE(c.labelFormat, u"%.0f"_s);
    QCOMPARE(niceAxis(0, 0.0025).labelFormat, u"%.3f"_s); // step 0.001
    QCOMPARE(niceAxis(0, 0.9).labelFormat, u"%.2f"_s);    // step 0.25
}


void TestChartsPanel::fitsTheDataUntilTheRangeFills()
{
    ChartsPanel panel;
    panel.resize(900, 600);
    QCOMPARE(panel.range(), 3600);
    const double now = QDateTime::currentMSecsSinceEpoch() / 1000.0;
    // 30 s of samples on the 1 h range: the charts show about a minute, not a sliver of an hour.
    for (int i = 0; i < 30; ++i)
        panel.addMeasurement(1, u"a"_s, now - 30 + i, 0.001, 0.002, 0.0001);
    panel.refreshNow();
    auto [from, to] = panel.plottedRange();
    QCOMPARE(from, now - 30);
    QVERIFY2(to - from >= ChartsPanel::FIT_MIN_SPAN_S && to - from < 2 * ChartsPanel::FIT_MIN_SPAN_S,
             qPrintable(u"span %1 s"_s.arg(to - from)));
    QCOMPARE(panel.seriesPoints(Metric::Offset, 1).size(), 30);
    // Ten minutes: the span has grown in steps and still starts at the first sample.
    for (int i = 0; i < 600; i += 10)
        panel.addMeasurement(1, u"a"_s, now + i, 0.001, 0.002, 0.0001);
    panel.refreshNow();
    std::tie(from, to) = panel.plottedRange();
    QCOMPARE(from, now - 30);
    QVERIFY(to >= now + 590);
    QVERIFY(to - from < 3600);
    // Two hours: the range is full, the charts scroll and show the last hour.
    for (int i = 600; i < 7200; i += 10)
        panel.addMeasurement(1, u"a"_s, now + i, 0.001, 0.002, 0.0001);
    panel.refreshNow();
    std::tie(from, to) = panel.plottedRange();
    QVERIFY(to >= now + 7190);
    QVERIFY(qAbs(from - (now + 7190 - 3600)) < 1.0);
}

void TestChartsPanel::everyChartActionHasAKey()
{
    ChartsPanel panel;
    panel.resize(900, 600);
    const double now = QDateTime::currentMSecsSinceEpoch() / 1000.0;
    for (int i = 0; i < 100; ++i) {
        panel.addMeasurement(1, u"a"_s, now - 7200 + i * 72, 0.001, 0.002, 0.0001);
        panel.addMeasurement(2, u"b"_s, now - 7200 + i * 72, 0.002, 0.002, 0.0001);
    }
    panel.show();
    panel.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&panel));
    panel.setFocus();

    // Alt+3: the 24 h range; Alt+1: 5 min.
    QTest::keyClick(&panel, Qt::Key_3, Qt::AltModifier);
    QCOMPARE(panel.range(), 86400);
    QTest::keyClick(&panel, Qt::Key_1, Qt::AltModifier);
    QCOMPARE(panel.range(), 300);
    QTest::keyClick(&panel, Qt::Key_2, Qt::AltModifier);
    QCOMPARE(panel.range(), 3600);

    // Ctrl++ halves the span around its centre, Ctrl+- doubles it back, Ctrl+0 resets. The data
    // cover two hours, so the live span is the whole 1 h range.
    const double live = panel.range();
    QTest::keyClick(&panel, Qt::Key_Plus, Qt::ControlModifier);
    QVERIFY(panel.isZoomed());
    auto [from, to] = panel.plottedRange();
    QVERIFY2(qAbs((to - from) - live / 2) < 1e-6, qPrintable(u"span %1 s"_s.arg(to - from)));
    QTest::keyClick(&panel, Qt::Key_Plus, Qt::ControlModifier);
    std::tie(from, to) = panel.plottedRange();
    QVERIFY(qAbs((to - from) - live / 4) < 1e-6);
    QTest::keyClick(&panel, Qt::Key_Minus, Qt::ControlModifier);
    std::tie(from, to) = panel.plottedRange();
    QVERIFY(qAbs((to - from) - live / 2) < 1e-6);
    QTest::keyClick(&panel, Qt::Key_0, Qt::ControlModifier);
    QVERIFY(!panel.isZoomed());
    // Zooming out of a zoom that already shows everything ends the zoom.
    QTest::keyClick(&panel, Qt::Key_Plus, Qt::ControlModifier);
    QTest::keyClick(&panel, Qt::Key_Minus, Qt::ControlModifier);
    QVERIFY(!panel.isZoomed());

    // Hiding a server without the mouse: the Servers menu has a check box per server.
    auto *menu = panel.findChild<QMenu *>(u"chartServerMenu"_s);
    QVERIFY(menu);
    QVERIFY(panel.findChild<QToolButton *>(u"chartServersButton"_s)->focusPolicy() & Qt::TabFocus);
    QMetaObject::invokeMethod(menu, "aboutToShow");
    const QList<QAction *> entries = menu->actions();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(1)->text(), u"b"_s);
    QVERIFY(entries.at(1)->isChecked());
    entries.at(1)->trigger();
    QVERIFY(panel.isServerHidden(2));
    QVERIFY(!panel.isServerHidden(1));
}

QTEST_MAIN(TestChartsPanel)
#include "tst_chartspanel.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI's metrics setting (issue 16): off by default at 127.0.0.1:9123; the Preferences
// dialog refuses an address that does not parse; enabled, the running window serves /metrics
// from its engine session (watching a real chronyd on loopback) with the CLI's exporter, and a
// port that is taken is reported in the window.
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <QUrl>

#include "core/config/configuredserver.h"
#include "core/engine/enginesession.h"
#include "core/engine/serverspec.h"
#include "tests/interop/chronydinstance.h"
#include "ui/dialogs/settingsdialog.h"
#include "ui/mainwindow.h"
#include "ui/metricsendpoint.h"
#include "ui/models/servertablemodel.h"

using namespace Qt::StringLiterals;
using namespace chronoscope;

namespace {

// GET /metrics over loopback; the whole response (the server closes after one request). The
// endpoint lives in this thread: wait with the event loop running, never blocking.
QByteArray scrape(const QUrl &url, const QByteArray &accept = "text/plain")
{
    QTcpSocket client;
    client.connectToHost(QHostAddress(url.host()), quint16(url.port()));
    QElapsedTimer timer;
    timer.start();
    while (client.state() != QAbstractSocket::ConnectedState && timer.elapsed() < 3000)
        QTest::qWait(5);
    if (client.state() != QAbstractSocket::ConnectedState)
        return "connect failed: " + client.errorString().toUtf8();
    client.write("GET /metrics HTTP/1.1\r\nHost: " + url.authority().toUtf8() + "\r\nAccept: " + accept + "\r\n\r\n");
    QByteArray response;
    while (client.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 8000) {
        QTest::qWait(5);
        response += client.readAll();
    }
    return response + client.readAll();
}

// The value of the sample line that starts with `prefix` (NaN when there is none).
double sampleValue(const QByteArray &body, const QString &prefix)
{
    for (const QByteArray &line : body.split('\n'))
        if (line.startsWith(prefix.toUtf8()))
            return line.mid(line.lastIndexOf(' ') + 1).toDouble();
    return std::nan("");
}

} // namespace

class TestMetricsSetting : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void preferencesOfferTheSettingOffByDefault();
    void runningWindowServesItsSessionsMetrics();
    void aTakenPortIsReportedInTheWindow();
};

void TestMetricsSetting::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // Never QSKIP: CI installs chrony, so a missing one is a failure.
    QVERIFY2(!testing::ChronydInstance::findChronyd().isEmpty(), "chronyd not found: install chrony");
}

void TestMetricsSetting::preferencesOfferTheSettingOffByDefault()
{
    ui::SettingsDialog dialog{config::AppSettings{}};
    auto *enabled = dialog.findChild<QCheckBox *>(u"metricsEnabled"_s);
    auto *address = dialog.findChild<QLineEdit *>(u"metricsAddress"_s);
    QVERIFY(enabled && address);
    QVERIFY(!enabled->isChecked());
    QCOMPARE(address->text(), u"127.0.0.1:9123"_s);
    QVERIFY(!address->isEnabled());

    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::mouseClick(enabled, Qt::LeftButton, {}, QPoint(4, 4));
    QVERIFY(address->isEnabled());
    address->selectAll();
    QTest::keyClicks(address, u"127.0.0.1:99999"_s);
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>(u"buttons"_s)->button(QDialogButtonBox::Ok);
    QTest::mouseClick(ok, Qt::LeftButton);
    // Refused, with the offending value named; the dialog stays open.
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    auto *problem = dialog.findChild<QLabel *>(u"metricsProblem"_s);
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(u"99999"_s), qPrintable(problem->text()));

    address->selectAll();
    QTest::keyClicks(address, u"[::1]:9124"_s);
    QVERIFY(!problem->isVisible());
    QTest::mouseClick(ok, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(dialog.settings().metricsEnabled);
    QCOMPARE(dialog.settings().metricsAddress, u"[::1]:9124"_s);
}

void TestMetricsSetting::runningWindowServesItsSessionsMetrics()
{
    testing::ChronydInstance chronyd;
    QVERIFY2(chronyd.start(), qPrintable(chronyd.errorString()));
    const Result<engine::ServerSpec> spec = engine::parseServerSpec(chronyd.endpoint() + u",minpoll=-2,maxpoll=-2"_s);
    QVERIFY2(spec, qPrintable(spec.errorMessage()));

    // Start-up as the app does it, then the setting switched on (port 0: any free port).
    engine::EngineSession session;
    ui::MainWindow window;
    window.attachSession(&session);
    window.loadSettings(nullptr, {config::ConfiguredServer{*spec, 0}});
    session.start();
    QVERIFY(!window.metricsEndpoint()->isServing()); // off by default
    config::AppSettings settings = window.appSettings();
    settings.metricsEnabled = true;
    settings.metricsAddress = u"127.0.0.1:0"_s;
    window.setAppSettings(settings);
    QVERIFY2(window.metricsEndpoint()->isServing(), qPrintable(window.noticeText()));
    const QUrl url(window.metricsEndpoint()->url());
    QCOMPARE(url.host(), u"127.0.0.1"_s);
    QVERIFY(url.port() > 0);

    QTRY_VERIFY_WITH_TIMEOUT(window.serverModel()->rowCount() == 1 && window.serverModel()->serverAt(0)->repliesAccepted >= 3,
                             15000);
    const QString name = window.serverModel()->serverAt(0)->name;
    const QString server = u"{server=\"%1\",address=\"%2\""_s.arg(name, chronyd.address().toString());
    const QByteArray first = scrape(url);
    QVERIFY2(first.startsWith("HTTP/1.1 200 OK\r\n"), first.left(300).constData());
    const double accepted = sampleValue(first, u"chronoscope_server_samples_accepted_total"_s + server);
    QVERIFY2(accepted >= 3, first.constData());
    // chronyd on this machine's own clock: a small offset, measured and exported.
    const double offset = sampleValue(first, u"chronoscope_server_offset_seconds"_s + server);
    QVERIFY2(std::abs(offset) < 0.05, first.constData());
    QVERIFY(first.contains("# TYPE chronoscope_server_samples_accepted_total counter\n"));
    QVERIFY(first.contains("chronoscope_build_info{"));

    // The counter grows with the session, and OpenMetrics is negotiated as for the CLI.
    QTRY_VERIFY_WITH_TIMEOUT(window.serverModel()->serverAt(0)->repliesAccepted >= int(accepted) + 2, 10000);
    QTest::qWait(200); // the exporter's own snapshot follows the window's
    const QByteArray open = scrape(url, "application/openmetrics-text;version=1.0.0");
    QVERIFY2(open.startsWith("HTTP/1.1 200 OK\r\n"), open.left(300).constData());
    QVERIFY(open.endsWith("# EOF\n"));
    QVERIFY(open.contains("# TYPE chronoscope_server_samples_accepted counter\n"));
    QVERIFY2(sampleValue(open, u"chronoscope_server_samples_accepted_total"_s + server) > accepted, open.constData());

    // Switched off: the port is closed.
    settings.metricsEnabled = false;
    window.setAppSettings(settings);
    QVERIFY(!window.metricsEndpoint()->isServing());
    QTcpSocket refused;
    refused.connectToHost(QHostAddress::LocalHost, quint16(url.port()));
    QVERIFY(!refused.waitForConnected(2000));
    session.stop();
}

void TestMetricsSetting::aTakenPortIsReportedInTheWindow()
{
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
    engine::EngineSession session;
    ui::MainWindow window;
    window.attachSession(&session);
    window.loadSettings(nullptr, {});
    config::AppSettings settings = window.appSettings();
    settings.metricsEnabled = true;
    settings.metricsAddress = u"127.0.0.1:%1"_s.arg(holder.serverPort());
    window.setAppSettings(settings);
    QVERIFY(!window.metricsEndpoint()->isServing());
    QVERIFY2(window.noticeText().contains(u"address already in use"_s), qPrintable(window.noticeText()));
    QVERIFY2(window.noticeText().contains(QString::number(holder.serverPort())), qPrintable(window.noticeText()));
    // Once the port is free, applying the setting again serves and clears the notice.
    const quint16 port = holder.serverPort();
    holder.close();
    window.setAppSettings(settings);
    QVERIFY2(window.metricsEndpoint()->isServing(), qPrintable(window.noticeText()));
    QCOMPARE(QUrl(window.metricsEndpoint()->url()).port(), int(port));
    QVERIFY(window.noticeText().isEmpty());
}

QTEST_MAIN(TestMetricsSetting)
#include "tst_metricssetting.moc"

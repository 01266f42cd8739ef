// SPDX-License-Identifier: GPL-3.0-or-later
// NotificationPolicy: threshold crossings with hysteresis, all servers unreachable; the tray
// controller's state without a system tray (offscreen).
#include <QSignalSpy>
#include <QTest>

#include "ui/tray/notificationpolicy.h"
#include "ui/tray/traycontroller.h"

using namespace Qt::StringLiterals;
using namespace chronoscope;

namespace {

engine::SystemStatus synced(double offset)
{
    engine::SystemStatus s;
    s.synchronized = true;
    s.offset = offset;
    return s;
}

} // namespace

class TestNotificationPolicy : public QObject
{
    Q_OBJECT

private slots:
    void notifiesOnceWhenCrossingTheThreshold();
    void notifiesWhenAllServersAreUnreachable();
    void respectsDisabledNotifications();
    void trayTracksStatusWithoutASystemTray();
};

void TestNotificationPolicy::notifiesOnceWhenCrossingTheThreshold()
{
    ui::NotificationPolicy policy;
    policy.setOffsetThreshold(0.1);
    QVERIFY(!policy.update(synced(0.05), 3, true, false));
    const std::optional<ui::Notification> above = policy.update(synced(0.183), 3, true, false);
    QVERIFY(above);
    QCOMPARE(above->title, u"Your clock is off by 183 ms"_s);
    QVERIFY(above->message.contains(u"behind"_s));
    QVERIFY(above->critical);
    QVERIFY(!policy.update(synced(0.2), 3, true, false));   // still above: no repeat
    QVERIFY(!policy.update(synced(0.095), 3, true, false)); // inside the hysteresis band
    const std::optional<ui::Notification> back = policy.update(synced(0.02), 3, true, false);
    QVERIFY(back);
    QVERIFY(!back->critical);
    const std::optional<ui::Notification> ahead = policy.update(synced(-0.5), 3, true, false);
    QVERIFY(ahead);
    QVERIFY(ahead->message.contains(u"ahead"_s));
}

void TestNotificationPolicy::notifiesWhenAllServersAreUnreachable()
{
    ui::NotificationPolicy policy;
    QVERIFY(!policy.update({}, 4, false, true)); // still measuring: too early
    const std::optional<ui::Notification> lost = policy.update({}, 4, false, false);
    QVERIFY(lost);
    QCOMPARE(lost->title, u"No time server answers"_s);
    QVERIFY(lost->message.contains(u"4 server(s)"_s));
    QVERIFY(!policy.update({}, 4, false, false));
    QVERIFY(policy.update(synced(0.001), 4, true, false));
}

void TestNotificationPolicy::respectsDisabledNotifications()
{
    ui::NotificationPolicy policy;
    policy.setNotifyOffset(false);
    policy.setNotifyUnreachable(false);
    QVERIFY(!policy.update(synced(5.0), 3, true, false));
    QVERIFY(!policy.update({}, 3, false, false));
}

void TestNotificationPolicy::trayTracksStatusWithoutASystemTray()
{
    ui::TrayController tray;
    QVERIFY(!tray.isAvailable()); // offscreen has no tray; everything else still works
    tray.setStatus(report::Severity::Warning, u"Your clock is 183 ms behind"_s);
    QCOMPARE(tray.severity(), report::Severity::Warning);
    QVERIFY(tray.toolTip().contains(u"183 ms behind"_s));
    QSignalSpy notified(&tray, &ui::TrayController::notified);
    tray.notify({u"t"_s, u"m"_s, false});
    QCOMPARE(notified.size(), 1);
    for (report::Severity s : {report::Severity::Good, report::Severity::Warning, report::Severity::Bad, report::Severity::Unknown})
        QVERIFY(!ui::TrayController::iconFor(s).pixmap(32, 32).isNull());
}

QTEST_MAIN(TestNotificationPolicy)
#include "tst_notificationpolicy.moc"

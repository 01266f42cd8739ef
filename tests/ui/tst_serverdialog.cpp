// SPDX-License-Identifier: GPL-3.0-or-later
// ServerDialog driven with QTest: invalid input refused with the reason, duplicates flagged,
// valid input accepted, "Test this server" against a loopback server.
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

#include "tests/fakes/fakentpserver.h"
#include "ui/dialogs/serverdialog.h"

using namespace Qt::StringLiterals;
using namespace chronoscope;

class TestServerDialog : public QObject
{
    Q_OBJECT

private slots:
    void acceptsValidInputTypedByTheUser();
    void refusesInvalidInput_data();
    void refusesInvalidInput();
    void flagsDuplicates();
    void editingKeepsItsOwnEntry();
    void testsAServerWithoutAddingIt();

private:
    static void setText(ui::ServerDialog &dialog, const QString &host);
    template<typename T>
    static T *child(ui::ServerDialog &dialog, const char *name)
    {
        T *widget = dialog.findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }
    static QPushButton *okButton(ui::ServerDialog &dialog)
    {
        return child<QDialogButtonBox>(dialog, "buttons")->button(QDialogButtonBox::Ok);
    }
};

void TestServerDialog::setText(ui::ServerDialog &dialog, const QString &host)
{
    auto *edit = child<QLineEdit>(dialog, "host");
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, host);
}

void TestServerDialog::acceptsValidInputTypedByTheUser()
{
    ui::ServerDialog dialog({});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(!okButton(dialog)->isEnabled()); // empty host
    setText(dialog, u"ntp.example.org"_s);
    auto *port = child<QSpinBox>(dialog, "port");
    port->selectAll();
    QTest::keyClicks(port, u"1123"_s);
    auto *minPoll = child<QSpinBox>(dialog, "minPoll");
    minPoll->setFocus();
    QTest::keyClick(minPoll, Qt::Key_Down);
    QTest::keyClick(minPoll, Qt::Key_Down);
    QTest::mouseClick(child<QCheckBox>(dialog, "prefer"), Qt::LeftButton, {}, QPoint(4, 4));
    QTest::mouseClick(child<QCheckBox>(dialog, "iburst"), Qt::LeftButton, {}, QPoint(4, 4));
    auto *key = child<QSpinBox>(dialog, "keyId");
    QCOMPARE(key->text(), u"none"_s);
    key->selectAll();
    QTest::keyClicks(key, u"42"_s);
    QVERIFY2(dialog.isAcceptable(), qPrintable(dialog.problem()));
    QVERIFY(okButton(dialog)->isEnabled());
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const config::ConfiguredServer server = dialog.server();
    QCOMPARE(server.spec.host, u"ntp.example.org"_s);
    QCOMPARE(server.spec.port, quint16(1123));
    QCOMPARE(server.spec.minPollLog2, 4);
    QVERIFY(server.spec.prefer);
    QVERIFY(!server.spec.iburst);
    QCOMPARE(server.keyId, 42u);
}

void TestServerDialog::refusesInvalidInput_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("minPoll");
    QTest::addColumn<int>("maxPoll");
    QTest::addColumn<bool>("contradict");
    QTest::addColumn<QString>("reason");
    QTest::newRow("bad name") << u"bad host!"_s << 6 << 10 << false << u"'bad host!' is not a valid host name"_s;
    QTest::newRow("bad ipv6") << u"[2001:db8::zz]"_s << 6 << 10 << false << u"2001:db8::zz"_s;
    QTest::newRow("poll range") << u"192.0.2.1"_s << 9 << 4 << false << u"minpoll 9 is above maxpoll 4"_s;
    QTest::newRow("prefer+noselect") << u"192.0.2.1"_s << 6 << 10 << true << u"'prefer' and 'noselect' contradict"_s;
}

void TestServerDialog::refusesInvalidInput()
{
    QFETCH(QString, host);
    QFETCH(int, minPoll);
    QFETCH(int, maxPoll);
    QFETCH(bool, contradict);
    QFETCH(QString, reason);
    ui::ServerDialog dialog({});
    dialog.show();
    setText(dialog, host);
    child<QSpinBox>(dialog, "minPoll")->setValue(minPoll);
    child<QSpinBox>(dialog, "maxPoll")->setValue(maxPoll);
    if (contradict) {
        QTest::mouseClick(child<QCheckBox>(dialog, "prefer"), Qt::LeftButton, {}, QPoint(4, 4));
        QTest::mouseClick(child<QCheckBox>(dialog, "noselect"), Qt::LeftButton, {}, QPoint(4, 4));
    }
    QVERIFY(!dialog.isAcceptable());
    QVERIFY(!okButton(dialog)->isEnabled());
    auto *problem = child<QLabel>(dialog, "problem");
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(reason), qPrintable(problem->text()));
    // Return does not accept either.
    QTest::keyClick(child<QLineEdit>(dialog, "host"), Qt::Key_Return);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

void TestServerDialog::flagsDuplicates()
{
    config::ConfiguredServer existing;
    existing.spec.host = u"ntp.example.org"_s;
    ui::ServerDialog dialog({existing});
    dialog.show();
    setText(dialog, u"NTP.example.org"_s);
    QVERIFY(!dialog.isAcceptable());
    QVERIFY2(dialog.problem().contains(u"already in the list"_s), qPrintable(dialog.problem()));
    // Another port is another server.
    child<QSpinBox>(dialog, "port")->setValue(1123);
    QVERIFY(dialog.isAcceptable());
}

void TestServerDialog::editingKeepsItsOwnEntry()
{
    config::ConfiguredServer a;
    a.spec.host = u"a.example.org"_s;
    config::ConfiguredServer b;
    b.spec.host = u"b.example.org"_s;
    ui::ServerDialog dialog({a, b}, 1);
    dialog.setServer(b);
    QVERIFY(dialog.isAcceptable()); // itself is not a duplicate
    setText(dialog, u"a.example.org"_s);
    QVERIFY(!dialog.isAcceptable());
}

void TestServerDialog::testsAServerWithoutAddingIt()
{
    testing::FakeNtpServer server;
    QVERIFY(server.isListening());
    server.setClockOffset(0.25);
    ui::ServerDialog dialog({});
    dialog.show();
    setText(dialog, u"127.0.0.1"_s);
    child<QSpinBox>(dialog, "port")->setValue(server.port());
    QSignalSpy finished(&dialog, &ui::ServerDialog::testFinished);
    auto *testButton = child<QPushButton>(dialog, "testButton");
    QVERIFY(testButton->isEnabled());
    QTest::mouseClick(testButton, Qt::LeftButton);
    QVERIFY(!testButton->isEnabled()); // running
    QVERIFY(finished.wait(15000));
    const QString result = dialog.testResultText();
    QVERIFY2(result.contains(u"answers, offset +2"_s) && result.contains(u" ms"_s), qPrintable(result));
    QCOMPARE(server.requests().size(), 4);
    QVERIFY(testButton->isEnabled());
}

QTEST_MAIN(TestServerDialog)
#include "tst_serverdialog.moc"

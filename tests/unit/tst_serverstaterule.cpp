// SPDX-License-Identifier: GPL-3.0-or-later
// ServerStateRule: every (condition, sample, verdict) combination gives the state users see.
#include <QTest>

#include "core/engine/serverstaterule.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::engine;
using chronoscope::stats::Verdict;

Q_DECLARE_METATYPE(ServerCondition)
Q_DECLARE_METATYPE(ServerState)

class TestServerStateRule : public QObject
{
    Q_OBJECT

private slots:
    void decide_data();
    void decide();
    void onlyUsableConditionsTakePart();
};

void TestServerStateRule::decide_data()
{
    QTest::addColumn<ServerCondition>("condition");
    QTest::addColumn<bool>("selectable");
    QTest::addColumn<int>("verdict"); // -1: selection did not judge it
    QTest::addColumn<ServerState>("state");
    QTest::addColumn<QString>("reason");

    const QString cond = u"condition reason"_s;
    const QString sel = u"selection reason"_s;
    QTest::newRow("waiting, no sample") << ServerCondition::Waiting << false << -1 << ServerState::Unusable << cond;
    QTest::newRow("answering, sys peer") << ServerCondition::Answering << true << int(Verdict::SysPeer) << ServerState::SysPeer << sel;
    QTest::newRow("answering, falseticker") << ServerCondition::Answering << true << int(Verdict::Falseticker) << ServerState::Falseticker << sel;
    QTest::newRow("answering, jittery") << ServerCondition::Answering << true << int(Verdict::Jittery) << ServerState::Jittery << sel;
    QTest::newRow("answering, outlier") << ServerCondition::Answering << true << int(Verdict::Outlier) << ServerState::Outlier << sel;
    QTest::newRow("answering, before selection") << ServerCondition::Answering << true << -1 << ServerState::Candidate << QString();
    // A server whose latest reply was unusable keeps its older sample in selection.
    QTest::newRow("unusable reply, old sample judged") << ServerCondition::UnusableReplies << true << int(Verdict::Candidate) << ServerState::Candidate << sel;
    QTest::newRow("unusable reply, no sample") << ServerCondition::UnusableReplies << false << -1 << ServerState::Unusable << cond;
    QTest::newRow("unreachable, no sample") << ServerCondition::Unreachable << false << -1 << ServerState::Unreachable << cond;
    QTest::newRow("unreachable, old sample judged") << ServerCondition::Unreachable << true << int(Verdict::Outlier) << ServerState::Outlier << sel;
    // Kiss-o'-death and authentication verdicts stand whatever selection would say.
    QTest::newRow("rate limited") << ServerCondition::RateLimited << true << int(Verdict::SysPeer) << ServerState::KodRate << cond;
    QTest::newRow("denied") << ServerCondition::Denied << true << int(Verdict::Candidate) << ServerState::KodDeny << cond;
    QTest::newRow("auth failed") << ServerCondition::AuthFailed << true << int(Verdict::SysPeer) << ServerState::AuthFailed << cond;
    QTest::newRow("auth failed, no sample") << ServerCondition::AuthFailed << false << -1 << ServerState::AuthFailed << cond;
}

void TestServerStateRule::decide()
{
    QFETCH(ServerCondition, condition);
    QFETCH(bool, selectable);
    QFETCH(int, verdict);
    QFETCH(ServerState, state);
    QFETCH(QString, reason);
    std::optional<Verdict> judged;
    if (verdict >= 0)
        judged = Verdict(verdict);
    const ServerStateRule::Decision decision =
        ServerStateRule::decide(condition, u"condition reason"_s, selectable, judged, u"selection reason"_s);
    QCOMPARE(decision.state, state);
    QCOMPARE(decision.reason, reason);
}

void TestServerStateRule::onlyUsableConditionsTakePart()
{
    QVERIFY(!ServerStateRule::takesPartInSelection(ServerCondition::Waiting, false));
    QVERIFY(ServerStateRule::takesPartInSelection(ServerCondition::Answering, true));
    QVERIFY(!ServerStateRule::takesPartInSelection(ServerCondition::Answering, false));
    QVERIFY(ServerStateRule::takesPartInSelection(ServerCondition::Unreachable, true));
    QVERIFY(!ServerStateRule::takesPartInSelection(ServerCondition::RateLimited, true));
    QVERIFY(!ServerStateRule::takesPartInSelection(ServerCondition::Denied, true));
    QVERIFY(!ServerStateRule::takesPartInSelection(ServerCondition::AuthFailed, true));
    // A waiting server without a reason gets one a user understands.
    const auto waiting = ServerStateRule::decide(ServerCondition::Waiting, QString(), false, std::nullopt, QString());
    QCOMPARE(waiting.reason, u"waiting for the first reply"_s);
}

QTEST_GUILESS_MAIN(TestServerStateRule)
#include "tst_serverstaterule.moc"

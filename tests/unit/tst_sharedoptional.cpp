// SPDX-License-Identifier: GPL-3.0-or-later
// SharedOptional (issue 18): the copy-on-write optional that ServerStatus uses for its bulky,
// rarely changing parts. Copies share one instance; a write through a non-const copy changes
// that copy only; reads never copy; emptiness behaves as std::optional's.
#include <QTest>

#include "core/engine/ntsstatus.h"
#include "core/engine/requestoutcome.h"
#include "core/engine/serverstatus.h"
#include "core/engine/sharedoptional.h"

using namespace Qt::StringLiterals;
using chronoscope::engine::NtsStatus;
using chronoscope::engine::RequestOutcome;
using chronoscope::engine::ServerStatus;
using chronoscope::engine::SharedOptional;

class TstSharedOptional : public QObject
{
    Q_OBJECT
private slots:
    void emptyByDefault();
    void holdsAValue();
    void copiesShareUntilOneIsChanged();
    void constReadsNeverCopy();
    void resetAndNulloptEmptyOnlyThatCopy();
    void assigningReusesAnUnsharedValueAndLeavesSharedCopies();
    void serverStatusCopiesShareNtsAndLastFailure();
    void serverStatusIsSmallerThanWithPlainOptionals();
};

void TstSharedOptional::emptyByDefault()
{
    const SharedOptional<QString> empty;
    QVERIFY(!empty.has_value());
    QVERIFY(!empty);
    const SharedOptional<QString> fromNullopt(std::nullopt);
    QVERIFY(!fromNullopt);
}

void TstSharedOptional::holdsAValue()
{
    SharedOptional<NtsStatus> nts = NtsStatus{};
    QVERIFY(nts.has_value());
    nts->keHost = u"ke.example"_s;
    nts->cookiesHeld = 8;
    QCOMPARE((*nts).keHost, u"ke.example"_s);
    QCOMPARE(nts->cookiesHeld, 8);
    NtsStatus replacement;
    replacement.cookiesHeld = 3;
    nts = std::move(replacement);
    QCOMPARE(nts->cookiesHeld, 3);
    QVERIFY(nts->keHost.isEmpty());
}

void TstSharedOptional::copiesShareUntilOneIsChanged()
{
    SharedOptional<RequestOutcome> a = RequestOutcome{};
    a->reasonId = u"timeout"_s;
    a->time = 12.5;
    SharedOptional<RequestOutcome> b = a;
    QVERIFY(b.sharesWith(a));
    b->reasonId = u"refused"_s; // copies first: a keeps its value
    QVERIFY(!b.sharesWith(a));
    QCOMPARE(a->reasonId, u"timeout"_s);
    QCOMPARE(b->reasonId, u"refused"_s);
    QCOMPARE(b->time, 12.5);
    // Assigning a new value to a copy leaves the other copies alone.
    SharedOptional<RequestOutcome> c = a;
    RequestOutcome next;
    next.reasonId = u"kiss_of_death"_s;
    c = next;
    QCOMPARE(a->reasonId, u"timeout"_s);
    QCOMPARE(c->reasonId, u"kiss_of_death"_s);
}

void TstSharedOptional::constReadsNeverCopy()
{
    SharedOptional<NtsStatus> a = NtsStatus{};
    const SharedOptional<NtsStatus> b = a;
    QCOMPARE(b->kePort, 4460);
    QCOMPARE((*b).keState, NtsStatus::KeState::Idle);
    QVERIFY(b.sharesWith(a));
    const SharedOptional<NtsStatus> &constA = a;
    QCOMPARE(constA->aead, 0);
    QVERIFY(b.sharesWith(a));
}

void TstSharedOptional::resetAndNulloptEmptyOnlyThatCopy()
{
    SharedOptional<QString> a = u"x"_s;
    SharedOptional<QString> b = a;
    SharedOptional<QString> c = a;
    b.reset();
    c = std::nullopt;
    QVERIFY(!b);
    QVERIFY(!c);
    QVERIFY(a);
    QCOMPARE(*a, u"x"_s);
}

void TstSharedOptional::assigningReusesAnUnsharedValueAndLeavesSharedCopies()
{
    SharedOptional<QString> a = u"first"_s;
    const QString *instance = &*std::as_const(a);
    a = u"second"_s; // nothing shares it: overwritten in place
    QCOMPARE(&*std::as_const(a), instance);
    QCOMPARE(*a, u"second"_s);

    const SharedOptional<QString> snapshot = a;
    a = u"third"_s; // shared: a gets a new instance, the snapshot keeps the old value
    QVERIFY(!a.sharesWith(snapshot));
    QCOMPARE(*snapshot, u"second"_s);
    QCOMPARE(*a, u"third"_s);
}

void TstSharedOptional::serverStatusCopiesShareNtsAndLastFailure()
{
    ServerStatus engineSide;
    engineSide.nts = NtsStatus{};
    engineSide.nts->certificateChain = {u"CN=server"_s, u"CN=root"_s};
    RequestOutcome failure;
    failure.detail = u"no reply within 1 s"_s;
    engineSide.lastFailure = failure;
    const ServerStatus snapshotCopy = engineSide; // what a snapshot holds
    QVERIFY(snapshotCopy.nts.sharesWith(engineSide.nts));
    QVERIFY(snapshotCopy.lastFailure.sharesWith(engineSide.lastFailure));
    // The engine goes on changing its status; the snapshot keeps what it was given.
    engineSide.nts->cookiesHeld = 7;
    engineSide.lastFailure->detail = u"refused"_s;
    QCOMPARE(snapshotCopy.nts->cookiesHeld, 0);
    QCOMPARE(snapshotCopy.nts->certificateChain.size(), 2);
    QCOMPARE(snapshotCopy.lastFailure->detail, u"no reply within 1 s"_s);
    QCOMPARE(engineSide.nts->cookiesHeld, 7);
    QCOMPARE(engineSide.lastFailure->detail, u"refused"_s);
}

void TstSharedOptional::serverStatusIsSmallerThanWithPlainOptionals()
{
    // Each of the two costs a pointer in every copy of a ServerStatus instead of its full size.
    QCOMPARE(sizeof(SharedOptional<NtsStatus>), sizeof(void *));
    QCOMPARE(sizeof(SharedOptional<RequestOutcome>), sizeof(void *));
    QVERIFY(sizeof(std::optional<NtsStatus>) > 8 * sizeof(void *));
}

QTEST_APPLESS_MAIN(TstSharedOptional)
#include "tst_sharedoptional.moc"

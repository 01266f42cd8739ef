// SPDX-License-Identifier: GPL-3.0-or-later
// The verdicts of the System Time Service page (ui/sysservice/systemservicecomparison): the
// daemon's sources beside Chronoscope's snapshot, matched by address, for each rule: the daemon
// follows or combines a server Chronoscope finds away from the majority, rejects one Chronoscope
// finds in it, agrees, measures nothing in common, or has no majority to compare with.
#include <QTest>

#include "ui/sysservice/systemservicecomparison.h"

using namespace Qt::StringLiterals;
using namespace chronoscope;
using ui::SystemServiceComparison;

namespace {

sysservice::SystemServiceSource source(const QString &address, const QString &state)
{
    sysservice::SystemServiceSource s;
    s.address = address;
    s.state = state;
    s.stateWords = state;
    return s;
}

sysservice::SystemServiceReading reading(const QList<sysservice::SystemServiceSource> &sources)
{
    sysservice::SystemServiceReading r;
    r.daemon = u"chronyd"_s;
    r.sources = sources;
    for (const auto &s : sources)
        if (s.state == u"selected"_s)
            r.selectedAddress = s.address;
    return r;
}

engine::ServerStatus server(int id, const QString &address, engine::ServerState state, double offset)
{
    engine::ServerStatus s;
    s.id = id;
    s.address = address;
    s.state = state;
    s.filter = stats::FilterOutput{};
    s.filter->offset = offset;
    return s;
}

// Chronoscope: .1, .2, .3 agree at +1 ms, .4 is 2.5 s ahead; the majority is at +1 ms.
engine::EngineSnapshot snapshot(bool synchronised = true)
{
    engine::EngineSnapshot s;
    s.servers = {server(1, u"192.0.2.1"_s, engine::ServerState::SysPeer, 0.001),
                 server(2, u"192.0.2.2"_s, engine::ServerState::Candidate, 0.0012),
                 server(3, u"192.0.2.3"_s, engine::ServerState::Candidate, 0.0009),
                 server(4, u"192.0.2.4"_s, engine::ServerState::Falseticker, 2.501)};
    s.system.synchronized = synchronised;
    if (synchronised)
        s.system.offset = 0.001;
    return s;
}

} // namespace

class TstSystemServiceComparison : public QObject
{
    Q_OBJECT
private slots:
    void followsAFalseticker();
    void combinesAFarServer();
    void rejectsAGoodServer();
    void agrees();
    void nothingInCommon();
    void noMajorityYet();
    void distances();
};

void TstSystemServiceComparison::followsAFalseticker()
{
    const auto c = SystemServiceComparison::compare(
        reading({source(u"192.0.2.4"_s, u"selected"_s), source(u"192.0.2.1"_s, u"falseticker"_s)}), snapshot());
    QVERIFY(c.disagrees());
    QCOMPARE(c.verdicts().size(), 2);
    QCOMPARE(c.verdicts().at(0), u"chronyd follows 192.0.2.4, which Chronoscope measures 2.500 s away from the majority."_s);
    QCOMPARE(c.verdicts().at(1), u"chronyd rejects 192.0.2.1 as a falseticker, but Chronoscope finds it within 0.0 µs of the majority."_s);
    QCOMPARE(c.rows().size(), 2);
    QVERIFY(c.rows().at(0).measured);
    QCOMPARE(*c.rows().at(0).fromMajority, 2.5);
    QCOMPARE(c.rows().at(0).comparison, u"2.500 s away from the majority (Chronoscope: falseticker)"_s);
}

void TstSystemServiceComparison::combinesAFarServer()
{
    engine::EngineSnapshot s = snapshot();
    // 150 ms away, not (yet) called a falseticker by Chronoscope: still far (FAR_SECONDS).
    s.servers[3].state = engine::ServerState::Outlier;
    s.servers[3].filter->offset = 0.151;
    const auto c = SystemServiceComparison::compare(
        reading({source(u"192.0.2.1"_s, u"selected"_s), source(u"192.0.2.4"_s, u"combined"_s)}), s);
    QVERIFY(c.disagrees());
    QCOMPARE(c.verdicts(), QStringList{u"chronyd combines 192.0.2.4 into its time, which Chronoscope measures 150.0 ms away from the majority."_s});
}

void TstSystemServiceComparison::rejectsAGoodServer()
{
    const auto c = SystemServiceComparison::compare(
        reading({source(u"192.0.2.1"_s, u"selected"_s), source(u"192.0.2.3"_s, u"falseticker"_s)}), snapshot());
    QVERIFY(c.disagrees());
    QCOMPARE(c.verdicts(), QStringList{u"chronyd rejects 192.0.2.3 as a falseticker, but Chronoscope finds it within 100 µs of the majority."_s});
}

void TstSystemServiceComparison::agrees()
{
    const auto c = SystemServiceComparison::compare(
        reading({source(u"192.0.2.1"_s, u"selected"_s), source(u"192.0.2.2"_s, u"combined"_s),
                 source(u"192.0.2.4"_s, u"falseticker"_s), source(u"198.51.100.9"_s, u"not combined"_s)}),
        snapshot());
    QVERIFY(!c.disagrees());
    QCOMPARE(c.verdicts(), QStringList{u"chronyd and Chronoscope agree: chronyd follows 192.0.2.1, which Chronoscope finds in the majority."_s});
    QCOMPARE(c.rows().at(3).comparison, u"not measured by Chronoscope"_s);
    QVERIFY(!c.rows().at(3).measured);
    QCOMPARE(c.rows().at(1).comparison, u"agrees, 200 µs from the majority (Chronoscope: candidate)"_s);
}

void TstSystemServiceComparison::nothingInCommon()
{
    const auto c = SystemServiceComparison::compare(reading({source(u"198.51.100.9"_s, u"selected"_s)}), snapshot());
    QVERIFY(!c.disagrees());
    QCOMPARE(c.verdicts(), QStringList{u"Chronoscope does not measure any of chronyd's sources: add them to the server list to compare."_s});
    QCOMPARE(SystemServiceComparison::compare(reading({}), snapshot()).verdicts(), QStringList{u"chronyd reports no sources."_s});
}

void TstSystemServiceComparison::noMajorityYet()
{
    const auto c = SystemServiceComparison::compare(reading({source(u"192.0.2.4"_s, u"selected"_s)}), snapshot(false));
    // Without a majority there is no distance from it; Chronoscope's own state is still shown.
    QVERIFY(!c.disagrees());
    QCOMPARE(c.verdicts(), QStringList{u"Chronoscope has no majority yet to compare with."_s});
    QCOMPARE(c.rows().at(0).comparison, u"Chronoscope: falseticker"_s);
}

void TstSystemServiceComparison::distances()
{
    QCOMPARE(SystemServiceComparison::distanceText(-2.5), u"2.500 s"_s);
    QCOMPARE(SystemServiceComparison::distanceText(0.0123), u"12.3 ms"_s);
    QCOMPARE(SystemServiceComparison::distanceText(0.00085), u"850 µs"_s);
    QCOMPARE(SystemServiceComparison::distanceText(4e-7), u"0.4 µs"_s);
}

QTEST_MAIN(TstSystemServiceComparison)
#include "tst_systemservicecomparison.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// ServerTableModel: model contract, row-level updates, sorting by raw values, removal.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

#include "core/engine/enginesnapshot.h"
#include "ui/models/servertablemodel.h"

using namespace Qt::StringLiterals;
using chronoscope::engine::ServerState;
using chronoscope::engine::ServerStatus;
using chronoscope::ui::ServerTableModel;

namespace {

ServerStatus server(int id, const QString &name, std::optional<double> offset, ServerState state = ServerState::Candidate)
{
    ServerStatus s;
    s.id = id;
    s.name = name;
    s.host = name;
    s.address = u"192.0.2.%1"_s.arg(id);
    s.state = state;
    s.stratum = 2;
    s.reach = 0x7f;
    s.pollLog2 = 6;
    if (offset) {
        chronoscope::stats::FilterOutput f;
        f.offset = *offset;
        f.delay = 0.01 + id * 0.001;
        f.jitter = 0.0005;
        f.validStages = 4;
        s.filter = f;
    }
    return s;
}

} // namespace

class TestServerTableModel : public QObject
{
    Q_OBJECT

private slots:
    void passesModelTester();
    void updatesOnlyTheChangedRow();
    void sortsByRawValuesUnknownLast();
    void formatsCells();
    void removesRows();
    void showsTheSnapshotWithoutCopyingIt();
};

void TestServerTableModel::passesModelTester()
{
    ServerTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.updateServer(server(1, u"a"_s, 0.002));
    model.updateServer(server(2, u"b"_s, std::nullopt, ServerState::Unreachable));
    model.updateServer(server(1, u"a"_s, 0.003));
    model.setNow(1e9);
    model.removeServer(1);
    model.updateServer(server(3, u"c"_s, -0.1));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestServerTableModel::updatesOnlyTheChangedRow()
{
    ServerTableModel model;
    model.updateServer(server(1, u"a"_s, 0.002));
    model.updateServer(server(2, u"b"_s, 0.004));
    model.updateServer(server(3, u"c"_s, 0.006));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.updateServer(server(2, u"b"_s, 0.010));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(changed.size(), 1);
    const QModelIndex from = changed.first().at(0).value<QModelIndex>();
    const QModelIndex to = changed.first().at(1).value<QModelIndex>();
    QCOMPARE(from.row(), 1);
    QCOMPARE(to.row(), 1);
    QCOMPARE(from.column(), 0);
    QCOMPARE(to.column(), ServerTableModel::ColumnCount - 1);
    QCOMPARE(model.index(1, ServerTableModel::Offset).data().toString(), u"+10.0 ms"_s);
}

void TestServerTableModel::sortsByRawValuesUnknownLast()
{
    ServerTableModel model;
    model.updateServer(server(1, u"a"_s, 0.020));
    model.updateServer(server(2, u"b"_s, std::nullopt));
    model.updateServer(server(3, u"c"_s, -0.5));
    model.updateServer(server(4, u"d"_s, 0.0009)); // 900 µs: sorts below 20 ms although "9" > "2"
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(ServerTableModel::SortRole);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(ServerTableModel::Offset, Qt::AscendingOrder);
    QStringList order;
    for (int row = 0; row < proxy.rowCount(); ++row)
        order << proxy.index(row, ServerTableModel::Name).data().toString();
    QCOMPARE(order, (QStringList{u"c"_s, u"d"_s, u"a"_s, u"b"_s}));
    // A row update re-sorts through the proxy (dynamic sort filter).
    model.updateServer(server(1, u"a"_s, -1.0));
    QCOMPARE(proxy.index(0, ServerTableModel::Name).data().toString(), u"a"_s);
}

void TestServerTableModel::formatsCells()
{
    ServerTableModel model;
    ServerStatus s = server(7, u"ntp.example"_s, -0.00045, ServerState::SysPeer);
    s.reach = 0b11110101;
    s.lastReplyTime = 1000.0;
    model.updateServer(s);
    model.setNow(1017.0);
    auto cell = [&](int column) { return model.index(0, column).data().toString(); };
    QCOMPARE(cell(ServerTableModel::Offset), u"−450 µs"_s);
    QCOMPARE(cell(ServerTableModel::Reach), u"●●●●○●○●"_s);
    QCOMPARE(cell(ServerTableModel::LastReply), u"17 s"_s);
    QCOMPARE(cell(ServerTableModel::Poll), u"64 s"_s);
    QCOMPARE(cell(ServerTableModel::State), u"system peer"_s);
    QCOMPARE(cell(ServerTableModel::Auth), u"none"_s);
    s.keyId = 7;
    model.updateServer(s);
    QCOMPARE(cell(ServerTableModel::Auth), u"key 7 not loaded"_s);
    s.authType = chronoscope::auth::KeyType::Sha1;
    s.authenticatedReplies = 3;
    model.updateServer(s);
    QCOMPARE(cell(ServerTableModel::Auth), u"sha1 · key 7"_s);
    QCOMPARE(model.index(0, ServerTableModel::Auth).data(Qt::ToolTipRole).toString(), u"3 reply(s) authenticated with key 7"_s);
    QCOMPARE(model.index(0, 0).data(ServerTableModel::ServerIdRole).toInt(), 7);
    QVERIFY(!model.index(0, ServerTableModel::State).data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(model.index(0, ServerTableModel::Reach).data(Qt::ToolTipRole).toString().contains(u"365"_s)); // octal
}

void TestServerTableModel::removesRows()
{
    ServerTableModel model;
    model.updateServer(server(1, u"a"_s, 0.1));
    model.updateServer(server(2, u"b"_s, 0.2));
    model.updateServer(server(3, u"c"_s, 0.3));
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.removeServer(2);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOf(3), 1);
    QVERIFY(!model.serverById(2));
    model.updateServer(server(3, u"c"_s, 0.4)); // still finds the shifted row
    QCOMPARE(model.index(1, ServerTableModel::Offset).data().toString(), u"+400 ms"_s);
    model.removeServer(42); // unknown: nothing happens
    QCOMPARE(removed.size(), 1);
}

void TestServerTableModel::showsTheSnapshotWithoutCopyingIt()
{
    ServerTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    chronoscope::engine::EngineSnapshot snapshot;
    snapshot.sequence = 1;
    snapshot.servers = {server(1, u"a"_s, 0.001), server(2, u"b"_s, 0.002), server(3, u"c"_s, 0.003)};
    model.setSnapshot(snapshot);
    QCOMPARE(model.rowCount(), 3);
    // The model holds the session's snapshot itself (shared data), not rows of its own.
    QCOMPARE(model.snapshot().servers.constData(), snapshot.servers.constData());
    QCOMPARE(model.serverById(2), &snapshot.servers.at(1));

    // Next snapshot: b changed (new revision), c gone, d new, a untouched.
    chronoscope::engine::EngineSnapshot next;
    next.sequence = 2;
    ServerStatus b = server(2, u"b"_s, 0.020);
    b.revision = 1;
    next.servers = {server(1, u"a"_s, 0.001), b, server(4, u"d"_s, 0.004)};
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setSnapshot(next);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(changed.size(), 1); // only b's row
    QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), model.rowOf(2));
    QCOMPARE(model.index(model.rowOf(2), ServerTableModel::Offset).data().toString(), u"+20.0 ms"_s);
    QCOMPARE(model.snapshot().servers.constData(), next.servers.constData());
    QCOMPARE(model.serverById(4), &next.servers.at(2));
    QVERIFY(!model.serverById(3));
    // The same snapshot again changes nothing.
    model.setSnapshot(next);
    QCOMPARE(changed.size(), 1);
}

QTEST_MAIN(TestServerTableModel)
#include "tst_servertablemodel.moc"

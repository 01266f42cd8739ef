// SPDX-License-Identifier: GPL-3.0-or-later
// SelectionView: correctness intervals, the intersection band, falsetickers outside it.
#include <QImage>
#include <QTest>

#include "ui/widgets/selectionview.h"

using namespace Qt::StringLiterals;
using namespace chronoscope;

namespace {

engine::ServerStatus server(int id, double offset, double lambda, engine::ServerState state)
{
    engine::ServerStatus s;
    s.id = id;
    s.name = u"server-%1"_s.arg(id);
    s.state = state;
    stats::FilterOutput f;
    f.offset = offset;
    f.validStages = 8;
    s.filter = f;
    s.rootDistance = lambda;
    return s;
}

} // namespace

class TestSelectionView : public QObject
{
    Q_OBJECT

private slots:
    void falsetickerLiesOutsideTheIntersection();
    void linearAxisWhenIntervalsAreComparable();
    void emptyWithoutIntervals();
};

void TestSelectionView::falsetickerLiesOutsideTheIntersection()
{
    using engine::ServerState;
    QList<engine::ServerStatus> servers{server(1, 0.0001, 0.002, ServerState::SysPeer),
                                        server(2, -0.0002, 0.0015, ServerState::Candidate),
                                        server(3, 0.0003, 0.0025, ServerState::Candidate),
                                        server(4, 0.250, 0.002, ServerState::Falseticker)};
    engine::SystemStatus system;
    system.synchronized = true;
    system.offset = 0.0001;
    system.intersectionLow = -0.0017;
    system.intersectionHigh = 0.0013;
    ui::SelectionView view;
    view.resize(900, 300);
    view.setData(servers, system);
    const QImage image = view.grab().toImage(); // paints, which lays the picture out
    QVERIFY(!image.isNull());
    QCOMPARE(view.intervalCount(), 4);
    QVERIFY(view.isLogarithmic()); // 250 ms next to 2 ms intervals
    const QRectF band = view.intersectionRect();
    QVERIFY(band.width() > 2);
    for (int id : {1, 2, 3}) {
        const QRectF bar = view.barRect(id);
        QVERIFY(bar.width() > 2);
        QVERIFY2(bar.left() < band.right() && bar.right() > band.left(), "truechimers overlap the intersection");
    }
    const QRectF falseBar = view.barRect(4);
    QVERIFY(falseBar.width() > 2);
    QVERIFY2(falseBar.left() > band.right() + 20, "the falseticker is drawn clearly outside the intersection");
}

void TestSelectionView::linearAxisWhenIntervalsAreComparable()
{
    using engine::ServerState;
    ui::SelectionView view;
    view.resize(700, 260);
    engine::SystemStatus system;
    system.intersectionLow = -0.001;
    system.intersectionHigh = 0.002;
    view.setData({server(1, 0.0, 0.003, ServerState::Candidate), server(2, 0.001, 0.002, ServerState::Candidate)}, system);
    view.grab();
    QVERIFY(!view.isLogarithmic());
    // Bar widths are proportional to 2λ on a linear axis.
    QVERIFY(qAbs(view.barRect(1).width() / view.barRect(2).width() - 1.5) < 0.05);
}

void TestSelectionView::emptyWithoutIntervals()
{
    ui::SelectionView view;
    engine::ServerStatus waiting;
    waiting.id = 1;
    waiting.name = u"x"_s;
    view.setData({waiting}, {});
    view.resize(500, 200);
    view.grab();
    QCOMPARE(view.intervalCount(), 0);
    QVERIFY(view.barRect(1).isNull());
    QVERIFY(view.intersectionRect().isNull());
}

QTEST_MAIN(TestSelectionView)
#include "tst_selectionview.moc"

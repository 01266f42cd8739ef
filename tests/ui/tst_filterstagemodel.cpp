// SPDX-License-Identifier: GPL-3.0-or-later
// FilterStageModel: the eight clock-filter stages with the chosen one marked.
#include <QAbstractItemModelTester>
#include <QTest>

#include "ui/models/filterstagemodel.h"

using namespace Qt::StringLiterals;
using namespace chronoscope;

class TestFilterStageModel : public QObject
{
    Q_OBJECT

private slots:
    void marksTheChosenStage();
};

void TestFilterStageModel::marksTheChosenStage()
{
    ui::FilterStageModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 8);
    engine::ServerStatus s;
    for (int i = 0; i < 3; ++i) {
        s.filterStages[size_t(i)].valid = true;
        s.filterStages[size_t(i)].offset = 0.001 * (i + 1);
        s.filterStages[size_t(i)].delay = 0.010 - 0.002 * i;
        s.filterStages[size_t(i)].dispersion = 0.0001;
        s.filterStages[size_t(i)].time = 100.0 - 10 * i;
    }
    stats::FilterOutput out;
    out.chosenStage = 2; // lowest delay
    out.validStages = 3;
    s.filter = out;
    model.setStatus(s, 110.0);
    QCOMPARE(model.chosenStage(), 2);
    QVERIFY(model.index(2, 0).data(ui::FilterStageModel::ChosenRole).toBool());
    QVERIFY(!model.index(0, 0).data(ui::FilterStageModel::ChosenRole).toBool());
    QCOMPARE(model.index(2, ui::FilterStageModel::Stage).data().toString(), u"3 (chosen)"_s);
    QCOMPARE(model.index(2, ui::FilterStageModel::Offset).data().toString(), u"+3.00 ms"_s);
    QCOMPARE(model.index(2, ui::FilterStageModel::Delay).data().toString(), u"6.00 ms"_s);
    QCOMPARE(model.index(2, ui::FilterStageModel::Age).data().toString(), u"30 s"_s);
    QCOMPARE(model.index(5, ui::FilterStageModel::Age).data().toString(), u"empty"_s);
    QVERIFY(model.index(2, 0).data(Qt::FontRole).value<QFont>().bold());
    model.clear();
    QCOMPARE(model.chosenStage(), -1);
}

QTEST_MAIN(TestFilterStageModel)
#include "tst_filterstagemodel.moc"

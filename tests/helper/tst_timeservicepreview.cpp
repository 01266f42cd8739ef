// SPDX-License-Identifier: GPL-3.0-or-later
// The confirmation dialog and `system apply` show what the helper will write (HELPER.md §4.6)
// with the app's own renderer (core/sysservice/timeservicepreview), because the app cannot link
// the helper. This test links both and checks that they render the same text for the same plan,
// for every daemon and every option, so the preview can never promise other lines than the
// helper writes.
#include <QTest>

#include "app/helper/sourcesformat.h"
#include "core/sysservice/timeservicepreview.h"

using namespace Qt::StringLiterals;
using namespace chronoscope;
namespace ts = chronoscope::protocol::timeservice;
namespace format = chronoscope::helper::sourcesformat;

namespace {

config::ConfiguredServer server(const QString &text, quint32 keyId = 0)
{
    config::ConfiguredServer s;
    s.spec = *engine::parseServerSpec(text);
    s.keyId = keyId;
    return s;
}

QString helperText(const sysservice::TimeServicePlan &plan)
{
    switch (plan.daemon) {
    case ts::Daemon::Chronyd: return QString::fromStdString(format::renderChrony(plan.servers));
    case ts::Daemon::Timesyncd: return QString::fromStdString(format::renderTimesyncd(plan.servers));
    case ts::Daemon::Ntpd: return QString::fromStdString(format::renderNtpBlock(plan.servers));
    }
    return {};
}

} // namespace

class TstTimeServicePreview : public QObject
{
    Q_OBJECT
private slots:
    void sameTextAsTheHelper_data()
    {
        QTest::addColumn<int>("daemon");
        QTest::addColumn<QList<config::ConfiguredServer>>("servers");
        const QList<config::ConfiguredServer> plain{server(u"ntp1.example"_s), server(u"192.0.2.7"_s),
                                                    server(u"2001:db8::7"_s)};
        const QList<config::ConfiguredServer> options{
                server(u"ntp1.example,prefer"_s), server(u"127.0.0.1:11123,noiburst,minpoll=3,maxpoll=5"_s, 9),
                server(u"time.example,nts"_s), server(u"10.1.1.1,minpoll=6,maxpoll=12"_s, 65534)};
        QTest::newRow("chronyd plain") << int(ts::Daemon::Chronyd) << plain;
        QTest::newRow("chronyd options") << int(ts::Daemon::Chronyd) << options;
        QTest::newRow("timesyncd") << int(ts::Daemon::Timesyncd) << plain;
        QTest::newRow("ntpd plain") << int(ts::Daemon::Ntpd) << plain;
        QList<config::ConfiguredServer> ntpdOptions = options;
        ntpdOptions[1] = server(u"127.0.0.1,noiburst,minpoll=3,maxpoll=5"_s, 9);   // ntpd: no port
        QTest::newRow("ntpd options") << int(ts::Daemon::Ntpd) << ntpdOptions;
    }

    void sameTextAsTheHelper()
    {
        QFETCH(int, daemon);
        QFETCH(QList<config::ConfiguredServer>, servers);
        const sysservice::TimeServicePlan plan = sysservice::planTimeService(ts::Daemon(daemon), servers);
        QVERIFY2(plan.ok(), qPrintable(sysservice::timeServiceRefusalText(plan.refusal, plan.daemon)));
        const QString preview = sysservice::timeServicePreview(plan);
        QCOMPARE(preview, helperText(plan));
        // And the helper's own parser reads back exactly the servers the plan carries.
        const std::string text = preview.toStdString();
        std::optional<std::vector<ts::ServerEntry>> parsed;
        switch (plan.daemon) {
        case ts::Daemon::Chronyd: parsed = format::parseChrony(text); break;
        case ts::Daemon::Timesyncd: parsed = format::parseTimesyncd(text); break;
        case ts::Daemon::Ntpd: parsed = format::parseNtpBlock(text); break;
        }
        QVERIFY(parsed);
        QVERIFY(*parsed == format::keptBy(plan.daemon, plan.servers));
    }
};

QTEST_GUILESS_MAIN(TstTimeServicePreview)
#include "tst_timeservicepreview.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 17: with the German or French translation loaded, the server table, the detail pane and
// the headline show no English reason, state or summary. The English of every id is what
// core/texts/reasontexts says with no translator installed; every id core can emit has a sentence.
#include <QTest>
#include <QTranslator>
#include <QUdpSocket>

#include "core/engine/enginesnapshot.h"
#include "core/eventlog/eventlog.h"
#include "core/engine/statusreason.h"
#include "core/ntp/rejectreason.h"
#include "core/nts/ntsfailure.h"
#include "tests/fakes/engineharness.h"
#include "ui/eventrecorder.h"
#include "core/texts/headlinetext.h"
#include "ui/models/servertablemodel.h"
#include "core/texts/reasontexts.h"
#include "ui/serverdetailpane.h"
#include "ui/statecolors.h"

using namespace Qt::StringLiterals;
using namespace chronoscope;

namespace {

const QString FALLBACK = u"\u2063core English fallback"_s;

// Arguments as core would pass them for each id (engine/statusreason.h lists their kinds).
engine::StatusReason sample(const QString &id)
{
    static const QHash<QString, QStringList> args{
        {u"resolving"_s, {u"ntp.example"_s}},
        {u"resolve_failed"_s, {u"ntp.example"_s, u"Host not found"_s}},
        {u"key_not_found"_s, {u"42"_s}},
        {u"mac_failed"_s, {u"42"_s, u"unsupported"_s}},
        {u"reply_unusable"_s, {u"stratum_16"_s, u"stratum 16"_s}},
        {u"auth_rejected"_s, {u"crypto_nak"_s, u"key 42"_s}},
        {u"kod_rate"_s, {u"64"_s}},
        {u"kod_other"_s, {u"XYZZ"_s}},
        {u"nts_ke_running"_s, {u"nts.example"_s, u"4460"_s}},
        {u"nts_ke_failed"_s, {u"nts.example"_s, u"4460"_s, u"nts_certificate_untrusted"_s, u"self-signed"_s}},
        {u"no_authentic_reply"_s, {u"auth_bad_mac"_s, u"key 42"_s}},
        {u"auth_silent"_s, {u"42"_s, u"SHA256"_s}},
        {u"refused"_s, {u"123"_s}},
        {u"no_valid_reply"_s, {u"bogus_origin"_s, u"origin 1"_s}},
        {u"network_error"_s, {u"Network unreachable"_s}},
        {u"no_reply"_s, {u"8"_s}},
        {u"reply_timeout"_s, {u"1"_s}},
        {u"only_invalid_replies"_s, {u"auth_missing"_s, u"no MAC"_s}},
        {u"bad_stratum"_s, {u"16"_s}},
        {u"root_distance_high"_s, {u"2.5"_s, u"1.5"_s}},
        {u"jitter_high"_s, {u"1.25"_s, u"1"_s}},
        {u"no_majority_servers"_s, {u"3"_s}},
        {u"disagrees"_s, {u"2"_s}},
        {u"min_sources"_s, {u"1"_s, u"2"_s}},
        {u"cluster_outlier"_s, {u"0.0123"_s}},
    };
    return {id, args.value(id)};
}

// Every reject, request-failure and NTS reason id core counts or reports.
QStringList rejectIds()
{
    QStringList ids;
    for (int r = 0; r <= int(ntp::RejectReason::CryptoNak); ++r)
        ids << ntp::rejectReasonId(ntp::RejectReason(r));
    for (int k = int(nts::NtsFailureKind::Resolve); k <= int(nts::NtsFailureKind::MalformedFields); ++k)
        ids << nts::ntsFailureId(nts::NtsFailureKind(k));
    ids << u"timeout"_s << u"refused"_s << u"socket_error"_s << u"auth_unavailable"_s << u"popcorn_spike"_s;
    return ids;
}

const QStringList SUMMARY_IDS{u"no_servers"_s, u"no_usable_server"_s, u"no_majority"_s, u"min_sources"_s,
                              u"require_waiting"_s};

QString cellText(const ui::ServerTableModel &model, int row, int column, int role)
{
    return model.data(model.index(row, column), role).toString();
}

} // namespace

class TestTranslatedReasons : public QObject
{
    Q_OBJECT

private slots:
    void everyIdCoreEmitsHasASentence();
    void noEnglishWithTheTranslationLoaded_data();
    void noEnglishWithTheTranslationLoaded();
    void engineTimeoutIsTranslated();
};

void TestTranslatedReasons::everyIdCoreEmitsHasASentence()
{
    for (const QString &id : engine::statusReasonIds()) {
        QVERIFY2(texts::ReasonTexts::knows(id), qPrintable(id));
        const QString english = texts::ReasonTexts::text(sample(id), FALLBACK);
        QVERIFY2(english != FALLBACK, qPrintable(id));
        QVERIFY2(!english.contains(u'%'), qPrintable(id + u": "_s + english)); // every placeholder filled
        if (id.contains(u'_'))
            QVERIFY2(!english.contains(id), qPrintable(id + u": "_s + english)); // never a raw id
    }
    for (const QString &id : rejectIds()) {
        QVERIFY2(texts::ReasonTexts::knowsReject(id), qPrintable(id));
        QVERIFY(texts::ReasonTexts::rejectText(id) != id);
    }
    // Unknown ids and wrong argument counts fall back to core's words.
    QCOMPARE(texts::ReasonTexts::text({u"no_such_id"_s, {}}, FALLBACK), FALLBACK);
    QCOMPARE(texts::ReasonTexts::text({u"no_reply"_s, {}}, FALLBACK), FALLBACK);
    QCOMPARE(texts::ReasonTexts::text({}, FALLBACK), FALLBACK);
}

void TestTranslatedReasons::noEnglishWithTheTranslationLoaded_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::newRow("de") << QLocale(QLocale::German, QLocale::Germany);
    QTest::newRow("fr") << QLocale(QLocale::French, QLocale::France);
}

void TestTranslatedReasons::noEnglishWithTheTranslationLoaded()
{
    QFETCH(QLocale, locale);
    // The English table, with no translator installed.
    const QStringList ids = engine::statusReasonIds();
    QHash<QString, QString> english;
    for (const QString &id : ids)
        english[id] = texts::ReasonTexts::text(sample(id), FALLBACK);
    QHash<QString, QString> englishReject;
    for (const QString &id : rejectIds())
        englishReject[id] = texts::ReasonTexts::rejectText(id);
    QHash<int, QString> englishState;
    for (int s = 0; s <= int(engine::ServerState::AuthFailed); ++s)
        englishState[s] = ui::stateName(engine::ServerState(s));
    QHash<QString, QString> englishHeadline;
    for (const QString &id : SUMMARY_IDS) {
        engine::SystemStatus system;
        system.summary = english[id];
        system.summaryCode = sample(id);
        englishHeadline[id] = texts::HeadlineText::headline(system, true, false);
    }

    QTranslator translator;
    QVERIFY(translator.load(locale, u"chronoscope"_s, u"_"_s, u":/i18n"_s));
    QCoreApplication::installTranslator(&translator);
    const QLocale previous;
    QLocale::setDefault(locale);
    auto restore = qScopeGuard([&] {
        QCoreApplication::removeTranslator(&translator);
        QLocale::setDefault(previous);
    });

    // Every reason id on a server in every state, as core sets it: the English words in
    // `reason` (for JSON and the CLI), the id in `reasonCode`.
    engine::EngineSnapshot snapshot;
    snapshot.sequence = 1;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        engine::ServerStatus s;
        s.id = int(i);
        s.name = u"192.0.2.%1"_s.arg(i + 1);
        s.host = s.name;
        s.state = engine::ServerState(int(i) % (int(engine::ServerState::AuthFailed) + 1));
        s.reason = english[ids[i]];
        s.reasonCode = sample(ids[i]);
        for (const QString &reject : rejectIds())
            s.rejections[reject] = 1;
        snapshot.servers.append(s);
    }
    ui::ServerTableModel model;
    model.setSnapshot(snapshot);
    QCOMPARE(model.rowCount(), int(ids.size()));
    ui::ServerDetailPane pane;
    for (int row = 0; row < model.rowCount(); ++row) {
        const engine::ServerStatus &s = snapshot.servers.at(row);
        const QString id = ids.at(row);
        const QString shownReason = cellText(model, row, ui::ServerTableModel::Reason, Qt::DisplayRole);
        const QString stateTip = cellText(model, row, ui::ServerTableModel::State, Qt::ToolTipRole);
        const QString shownState = cellText(model, row, ui::ServerTableModel::State, Qt::DisplayRole);
        QVERIFY2(!shownReason.isEmpty(), qPrintable(id));
        QVERIFY2(!shownReason.contains(english[id]), qPrintable(id + u": "_s + shownReason));
        QVERIFY2(!stateTip.contains(english[id]), qPrintable(id + u": "_s + stateTip));
        QVERIFY2(shownState != englishState[int(s.state)], qPrintable(shownState));
        pane.showServer(s, 0);
        const QString title = pane.titleText();
        QVERIFY2(title.contains(shownReason), qPrintable(title));
        QVERIFY2(!title.contains(english[id]), qPrintable(id + u": "_s + title));
        QVERIFY2(!title.contains(englishState[int(s.state)]), qPrintable(title));
    }
    // The detail pane's rejection counters: every reject, request-failure and NTS id.
    const QString rejections = pane.rejectionsText();
    for (const QString &reject : rejectIds()) {
        QVERIFY2(!rejections.contains(englishReject[reject].toHtmlEscaped()), qPrintable(reject));
        QVERIFY2(!rejections.contains(u'>' + reject + u'<'), qPrintable(reject)); // no raw id
    }
    // The headline with every summary: no English sentence and no English frame.
    for (const QString &id : SUMMARY_IDS) {
        engine::SystemStatus system;
        system.summary = english[id];
        system.summaryCode = sample(id);
        const QString headline = texts::HeadlineText::headline(system, true, false);
        QVERIFY2(headline != englishHeadline[id], qPrintable(headline));
        QVERIFY2(!headline.contains(english[id]), qPrintable(id + u": "_s + headline));
        QVERIFY2(headline.contains(texts::ReasonTexts::text(sample(id), FALLBACK)), qPrintable(headline));
    }
    // Numbers in the user's locale: German and French write a decimal comma.
    engine::SystemStatus behind;
    behind.synchronized = true;
    behind.offset = 1.5;
    behind.errorBound = 0.0125;
    const QString headline = texts::HeadlineText::headline(behind, true, false);
    QVERIFY2(headline.contains(u"1,500 s"_s) && headline.contains(u"12,5 ms"_s), qPrintable(headline));
    QVERIFY2(texts::ReasonTexts::text(sample(u"cluster_outlier"_s), FALLBACK).contains(u"12,3 ms"_s),
             qPrintable(texts::ReasonTexts::text(sample(u"cluster_outlier"_s), FALLBACK)));
}

void TestTranslatedReasons::engineTimeoutIsTranslated()
{
    // A loopback socket that reads requests and never answers: the real engine times out.
    QUdpSocket silent;
    QVERIFY(silent.bind(QHostAddress::LocalHost, 0));
    engine::AssociationOptions options;
    options.maxRequests = 2;
    options.fixedInterval = 0.2;
    options.timeout = 0.2;
    testing::EngineHarness harness(options);
    harness.addServer(QHostAddress::LocalHost, silent.localPort());
    QVERIFY(harness.waitForFinished(20));
    QVERIFY(harness.waitFor([&] {
        const auto s = harness.server(QHostAddress::LocalHost, silent.localPort());
        return s && s->reasonCode.id == u"no_reply"_s;
    }, 5));
    const engine::ServerStatus status = *harness.server(QHostAddress::LocalHost, silent.localPort());
    QCOMPARE(status.state, engine::ServerState::Unreachable);
    QVERIFY(!harness.failures().isEmpty());
    const engine::RequestOutcome failure = harness.failures().constLast();
    QCOMPARE(failure.detailCode.id, u"reply_timeout"_s);
    // The English table agrees with core's English words.
    QCOMPARE(texts::ReasonTexts::text(status.reasonCode, FALLBACK), status.reason);
    const QString englishTimeout = texts::ReasonTexts::text(failure.detailCode, FALLBACK);
    QVERIFY2(englishTimeout.startsWith(u"no reply within"_s), qPrintable(englishTimeout));
    ui::ServerDetailPane englishPane;
    englishPane.showServer(status, 0);
    const QString englishTests = englishPane.testsText();
    QVERIFY2(englishTests.contains(englishTimeout), qPrintable(englishTests));

    for (const QLocale &locale : {QLocale(QLocale::German, QLocale::Germany), QLocale(QLocale::French, QLocale::France)}) {
        QTranslator translator;
        QVERIFY(translator.load(locale, u"chronoscope"_s, u"_"_s, u":/i18n"_s));
        QCoreApplication::installTranslator(&translator);
        engine::EngineSnapshot snapshot;
        snapshot.sequence = 1;
        snapshot.servers = {status};
        ui::ServerTableModel model;
        model.setSnapshot(snapshot);
        const QString shown = cellText(model, 0, ui::ServerTableModel::Reason, Qt::DisplayRole);
        const QString timeout = texts::ReasonTexts::text(failure.detailCode, FALLBACK);
        ui::ServerDetailPane pane;
        pane.showServer(status, 0);
        const QString tests = pane.testsText();
        const QString title = pane.titleText();
        // The event log: the state change, the failed request and the lost synchronisation.
        eventlog::EventLog log;
        ui::EventRecorder recorder(&log);
        engine::ServerStatus before = status;
        before.state = engine::ServerState::Candidate;
        before.reason.clear();
        before.reasonCode = {};
        engine::EngineSnapshot first;
        first.sequence = 1;
        first.servers = {before};
        recorder.onSnapshot(first);
        recorder.onSnapshot(snapshot);
        recorder.onRequestFailed(failure);
        engine::SystemStatus synced;
        synced.synchronized = true;
        synced.offset = 0.01;
        synced.time = 1;
        recorder.onSystemChanged(synced);
        engine::SystemStatus lost;
        lost.time = 2;
        lost.summary = u"no server is usable"_s;
        lost.summaryCode = {u"no_usable_server"_s, {}};
        recorder.onSystemChanged(lost);
        QCoreApplication::removeTranslator(&translator);
        QVERIFY2(!shown.isEmpty() && !shown.contains(status.reason), qPrintable(shown));
        QVERIFY2(timeout != englishTimeout && timeout != FALLBACK, qPrintable(timeout));
        QVERIFY2(tests.contains(timeout.toHtmlEscaped()) && !tests.contains(englishTimeout), qPrintable(tests));
        QVERIFY2(!title.contains(status.reason), qPrintable(title));
        QVERIFY(log.size() >= 3);
        for (int i = 0; i < log.size(); ++i) {
            const QString message = log.at(i).message;
            for (const QString &english : {status.reason, failure.detail, englishTimeout, lost.summary})
                QVERIFY2(!message.contains(english), qPrintable(message));
        }
    }
}

QTEST_MAIN(TestTranslatedReasons)
#include "tst_translatedreasons.moc"

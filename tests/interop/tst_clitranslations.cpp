// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 17: chronoscope-cli's text output speaks the user's language through the same reason
// table as the GUI (core/texts), chosen by LANG or LC_MESSAGES; its JSON keeps the stable ids and
// core's English words (ARCHITECTURE.md §4). The real binary against a real chronyd and a closed
// loopback port (connection refused).
#include <algorithm>
#include <memory>

#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QTranslator>

#include "core/engine/statusreason.h"
#include "core/texts/reasontexts.h"
#include "tests/interop/chronydinstance.h"
#include "tests/interop/clirunner.h"

using namespace Qt::StringLiterals;
using chronoscope::engine::StatusReason;
using chronoscope::testing::ChronydInstance;
using chronoscope::testing::CliRun;
using chronoscope::testing::runCli;
using chronoscope::texts::ReasonTexts;

namespace {

// The locale variables the CLI may read; each run sets only the ones its row names.
const QList<QByteArray> LOCALE_VARIABLES{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"};

// Sets `variables` for the lifetime of this object (the others unset) and restores the old values.
class LocaleEnvironment
{
public:
    explicit LocaleEnvironment(const QHash<QByteArray, QByteArray> &variables)
    {
        for (const QByteArray &name : LOCALE_VARIABLES) {
            if (qEnvironmentVariableIsSet(name.constData()))
                m_saved.insert(name, qgetenv(name.constData()));
            if (variables.contains(name))
                qputenv(name.constData(), variables.value(name));
            else
                qunsetenv(name.constData());
        }
    }
    ~LocaleEnvironment()
    {
        for (const QByteArray &name : LOCALE_VARIABLES) {
            if (m_saved.contains(name))
                qputenv(name.constData(), m_saved.value(name));
            else
                qunsetenv(name.constData());
        }
    }
    Q_DISABLE_COPY_MOVE(LocaleEnvironment)

private:
    QHash<QByteArray, QByteArray> m_saved;
};

// The headline's possible beginnings (the text before its first argument) in the language of
// the installed translator.
QStringList headlineStarts()
{
    const char *const sources[] = {
        "Measuring… waiting for enough replies from the servers",
        "No time server answers: check the network or the server list",
        "Cannot tell the time: %1",
        "The servers' answers cannot be trusted: no usable majority",
        "Your clock is correct to within %1",
        "Your clock is %1 behind (± %2)",
        "Your clock is %1 ahead (± %2)",
        "Your clock is %1 behind",
        "Your clock is %1 ahead",
    };
    QStringList starts;
    for (const char *source : sources)
        starts << QCoreApplication::translate("HeadlineText", source).section(u"%1"_s, 0, 0);
    return starts;
}

} // namespace

class TestCliTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void textOutputInTheUsersLanguage_data();
    void textOutputInTheUsersLanguage();
    void jsonKeepsIdsAndEnglish();

private:
    std::unique_ptr<ChronydInstance> m_chronyd;
    quint16 m_closedPort = 0;
};

void TestCliTranslations::initTestCase()
{
    const QString cli = qEnvironmentVariable("CHRONOSCOPE_CLI");
    QVERIFY2(QFileInfo(cli).isExecutable(), qPrintable(u"CHRONOSCOPE_CLI=%1 is not an executable"_s.arg(cli)));
    QVERIFY2(!ChronydInstance::findChronyd().isEmpty(), "chronyd not found in PATH, /usr/sbin or /sbin: install chrony");
    m_chronyd = std::make_unique<ChronydInstance>();
    QVERIFY2(m_chronyd->start(), qPrintable(m_chronyd->errorString()));
    m_closedPort = ChronydInstance::freeUdpPort(QHostAddress(QHostAddress::LocalHost));
    QVERIFY(m_closedPort != 0);
}

void TestCliTranslations::cleanupTestCase()
{
    m_chronyd.reset();
}

void TestCliTranslations::textOutputInTheUsersLanguage_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QByteArray>("variable");
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("de by LANG") << u"de"_s << QByteArray("LANG") << QByteArray("de_DE.UTF-8");
    QTest::newRow("fr by LANG") << u"fr"_s << QByteArray("LANG") << QByteArray("fr_FR.UTF-8");
    QTest::newRow("fr by LC_MESSAGES") << u"fr"_s << QByteArray("LC_MESSAGES") << QByteArray("fr_FR.UTF-8");
}

void TestCliTranslations::textOutputInTheUsersLanguage()
{
    QFETCH(QString, language);
    QFETCH(QByteArray, variable);
    QFETCH(QByteArray, value);
    const StatusReason refused{u"refused"_s, {QString::number(m_closedPort)}};
    const QString english = ReasonTexts::text(refused, {});

    const QString closed = u"127.0.0.1:%1"_s.arg(m_closedPort);
    CliRun run;
    {
        const LocaleEnvironment environment({{variable, value}});
        run = runCli({u"check"_s, u"--samples"_s, u"2"_s, u"--interval"_s, u"0.25"_s, m_chronyd->endpoint(), closed});
    }
    QVERIFY2(run.finished && run.exitCode == 0, run.describe().constData());

    // What the table says, with the shipped translation loaded here as the CLI loads it.
    QTranslator translator;
    QVERIFY(translator.load(u":/i18n/chronoscope_%1.qm"_s.arg(language)));
    QCoreApplication::installTranslator(&translator);
    const QString translated = ReasonTexts::text(refused, {});
    const QStringList starts = headlineStarts();
    QCoreApplication::removeTranslator(&translator);
    QVERIFY2(translated != english, qPrintable(translated));

    const QStringList lines = QString::fromUtf8(run.out).split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.size() > 3, run.describe().constData());
    // The headline, first, is one of the translated sentences.
    const QString headline = lines.first();
    QVERIFY2(std::any_of(starts.cbegin(), starts.cend(), [&](const QString &s) { return headline.startsWith(s); }),
             qPrintable(headline));
    QVERIFY2(!headline.startsWith(u"Your clock"_s), qPrintable(headline));
    // The closed port's row ends with the translated reason, in the Reason column.
    const auto header = std::find_if(lines.cbegin(), lines.cend(), [](const QString &l) { return l.startsWith(u"State"_s); });
    QVERIFY2(header != lines.cend(), run.describe().constData());
    const qsizetype reasonColumn = header->indexOf(u"Reason"_s);
    const auto row = std::find_if(lines.cbegin(), lines.cend(), [&](const QString &l) { return l.contains(closed); });
    QVERIFY2(row != lines.cend(), run.describe().constData());
    QVERIFY2(row->startsWith(u"unreachable"_s), qPrintable(*row));
    QCOMPARE(row->mid(reasonColumn), translated);
    QVERIFY2(!run.out.contains(english.toUtf8()), run.describe().constData());
}

void TestCliTranslations::jsonKeepsIdsAndEnglish()
{
    const QString closed = u"127.0.0.1:%1"_s.arg(m_closedPort);
    CliRun run;
    {
        const LocaleEnvironment environment({{QByteArray("LANG"), QByteArray("de_DE.UTF-8")}});
        run = runCli({u"check"_s, u"--json"_s, u"--samples"_s, u"2"_s, u"--interval"_s, u"0.25"_s, closed});
    }
    QVERIFY2(run.finished && run.exitCode == 1, run.describe().constData());
    QString error;
    const QJsonObject root = run.json(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonObject server = root.value(u"servers"_s).toArray().first().toObject();
    QCOMPARE(server.value(u"state"_s).toString(), u"unreachable"_s);
    // The English sentence of the table with no translator installed, which is core's own.
    QCOMPARE(server.value(u"reason"_s).toString(), ReasonTexts::text({u"refused"_s, {QString::number(m_closedPort)}}, {}));
    const QJsonObject system = root.value(u"system"_s).toObject();
    QCOMPARE(system.value(u"synchronized"_s).toBool(), false);
    // No server counts as usable, in core's English (which of the two sentences is core's call).
    const QString summary = system.value(u"summary"_s).toString();
    QVERIFY2(summary == ReasonTexts::text({u"no_servers"_s, {}}, {})
                 || summary == ReasonTexts::text({u"no_usable_server"_s, {}}, {}),
             qPrintable(summary));
}

QTEST_GUILESS_MAIN(TestCliTranslations)
#include "tst_clitranslations.moc"

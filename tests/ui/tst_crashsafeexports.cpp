// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 13: the GUI's exports survive a SIGKILL at any point. crashsafe_export_writer exports
// generation after generation through the real export code (measurements as CSV and JSON, the
// event-log tab) and is killed KILLS_PER_KIND times after a random delay. After each kill the
// file must hold exactly the last generation the writer reported or the one after it (written,
// killed before it could say so): never a mix, never a cut-off file, never nothing, with the mode
// the user gave it.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "tests/ui/crashsafeexportcontent.h"
#include "tests/unit/killedwriter.h"

using namespace chronoscope;
using namespace Qt::StringLiterals;

namespace {

constexpr int KILLS_PER_KIND = 200;

// Why `content` is not export `kind` of `generation` exactly; empty when it is.
QString mismatch(const QString &kind, const QByteArray &content, int generation)
{
    const int rows = crashsafe::exportRowsOf(generation);
    const QString server = crashsafe::exportServerOf(generation);
    if (kind == u"json") {
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(content, &error);
        if (error.error != QJsonParseError::NoError)
            return u"not JSON: %1 at byte %2"_s.arg(error.errorString()).arg(error.offset);
        const QJsonArray servers = doc.object().value(u"servers"_s).toArray();
        if (servers.size() != 1 || servers.at(0)[u"name"_s].toString() != server)
            return u"JSON names another server"_s;
        const QJsonArray samples = servers.at(0)[u"samples"_s].toArray();
        if (samples.size() != rows)
            return u"JSON has %1 samples, generation %2 has %3"_s.arg(samples.size()).arg(generation).arg(rows);
        if (samples.last()[u"t"_s].toDouble() != crashsafe::exportTimeOf(generation, rows - 1))
            return u"JSON's last sample has another time"_s;
        return {};
    }
    if (!content.endsWith('\n'))
        return u"the file does not end with a whole line"_s;
    QList<QByteArray> lines = content.split('\n');
    lines.removeLast();
    const int header = kind == u"csv" ? 1 : 0;
    if (lines.size() != rows + header)
        return u"%1 lines, generation %2 has %3"_s.arg(lines.size()).arg(generation).arg(rows + header);
    for (int i = 0; i < rows; ++i) {
        const QString line = QString::fromUtf8(lines.at(i + header));
        const bool matches = kind == u"csv"
            ? line.startsWith(server + u',' + QString::number(crashsafe::exportTimeOf(generation, i), 'f', 6) + u',')
            : line.endsWith(u' ' + server + u": "_s + crashsafe::exportEventOf(generation, i));
        if (!matches)
            return u"line %1 is not generation %2's: '%3'"_s.arg(i + header + 1).arg(generation).arg(line.left(80));
    }
    return {};
}

} // namespace

class TestCrashSafeExports : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void survivesSigkill_data();
    void survivesSigkill();

private:
    QString m_writer;
};

void TestCrashSafeExports::initTestCase()
{
    m_writer = qEnvironmentVariable("CHRONOSCOPE_CRASHSAFE_EXPORT_WRITER");
    QVERIFY2(QFileInfo(m_writer).isExecutable(), "CHRONOSCOPE_CRASHSAFE_EXPORT_WRITER must name crashsafe_export_writer");
}

void TestCrashSafeExports::survivesSigkill_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("fileName");
    QTest::newRow("measurements csv") << u"csv"_s << u"measurements.csv"_s;
    QTest::newRow("measurements json") << u"json"_s << u"measurements.json"_s;
    QTest::newRow("event log export") << u"events"_s << u"events.txt"_s;
}

void TestCrashSafeExports::survivesSigkill()
{
    QFETCH(QString, kind);
    QFETCH(QString, fileName);
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString path = tmp.filePath(fileName);

    // Generation 0 from one writer run that is allowed to finish it, then a mode to keep.
    const testing::KilledWriter firstRun = testing::runAndKill(m_writer, {kind, path, u"0"_s}, 0);
    QVERIFY2(firstRun.lastReported >= 0, qPrintable(firstRun.errors));
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0640) == 0);
    int onDisk = firstRun.lastReported;
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        if (!mismatch(kind, content, onDisk).isEmpty())
            onDisk += 1;
        QCOMPARE(mismatch(kind, content, onDisk), QString());
    }

    int leftover = 0;
    for (int kill = 0; kill < KILLS_PER_KIND; ++kill) {
        const testing::KilledWriter run = testing::runAndKill(m_writer, {kind, path, QString::number(onDisk + 1)}, 60000);
        QVERIFY2(run.lastReported > onDisk, qPrintable(u"kill %1: %2"_s.arg(kill).arg(run.errors)));
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(u"kill %1: %2 is gone"_s.arg(kill).arg(path)));
        const QByteArray content = file.readAll();
        const QString asReported = mismatch(kind, content, run.lastReported);
        const QString asNext = mismatch(kind, content, run.lastReported + 1);
        QVERIFY2(asReported.isEmpty() || asNext.isEmpty(),
                 qPrintable(u"kill %1: neither generation %2 (%3) nor %4 (%5)"_s.arg(kill).arg(run.lastReported).arg(
                     asReported).arg(run.lastReported + 1).arg(asNext)));
        QCOMPARE(testing::fileModeOf(path), 0640);
        onDisk = asReported.isEmpty() ? run.lastReported : run.lastReported + 1;
        leftover = std::max(leftover, int(QDir(tmp.path()).entryList(QDir::Files | QDir::Hidden).size()) - 1);
    }
    qInfo("%s: %d kills, generation %d on disk at the end, at most %d files left beside it", qPrintable(kind),
          KILLS_PER_KIND, onDisk, leftover);
}

QTEST_GUILESS_MAIN(TestCrashSafeExports)
#include "tst_crashsafeexports.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The settings file's pure reader (readIni, parseSettings) and writer (IniWriter): the seed files
// in tests/fuzz/seeds/settings are what SettingsStore writes today, QSettings writes the same
// bytes and reads the same values from them, and damaged text loses only the damaged values.
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include "core/config/inireader.h"
#include "core/config/iniwriter.h"
#include "core/config/settingsformatter.h"
#include "core/config/settingslimits.h"
#include "core/config/settingsparser.h"
#include "core/config/settingsstore.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::config;

namespace {

const QString SEED_DIR = QStringLiteral(CHRONOSCOPE_SOURCE_DIR "/tests/fuzz/seeds/settings");

struct SeedCase
{
    QString name;
    QList<ConfiguredServer> servers;
    AppSettings app;
};

ConfiguredServer server(const QString &host, quint16 port = 123)
{
    ConfiguredServer s;
    s.spec.host = host;
    s.spec.port = port;
    return s;
}

QByteArray everyByte(int repeats)
{
    QByteArray bytes;
    for (int r = 0; r < repeats; ++r)
        for (int b = 0; b < 256; ++b)
            bytes.append(char(b));
    return bytes;
}

// The files the fuzzer starts from: every kind of value our writer produces.
QList<SeedCase> seedCases()
{
    QList<SeedCase> cases;
    cases.append({u"defaults"_s, defaultServers(), AppSettings()});

    SeedCase custom{u"custom"_s, {}, {}};
    ConfiguredServer local = server(u"127.0.0.1"_s, 11123);
    local.spec.minPollLog2 = -4;
    local.spec.maxPollLog2 = 17;
    local.spec.iburst = false;
    local.spec.prefer = true;
    local.spec.xleave = true;
    local.keyId = 65535;
    ConfiguredServer pool = server(u"pool.example.org"_s);
    pool.spec.isPool = true;
    pool.spec.trust = true;
    ConfiguredServer v6 = server(u"::1"_s, 4123);
    v6.spec.noselect = true;
    v6.spec.require = true;
    v6.keyId = 7;
    ConfiguredServer nts = server(u"nts.example.org"_s);
    nts.spec.nts = true;
    nts.spec.ntsPort = 4461;
    custom.servers << local << pool << v6 << nts;
    custom.app.closeToTray = false;
    custom.app.notifyOffset = false;
    custom.app.offsetThreshold = 0.000001;
    custom.app.notifyUnreachable = false;
    custom.app.recordedEvents = 0x15;
    custom.app.logFileEnabled = true;
    custom.app.logFilePath = u" /tmp/a,b;c=d \"q\" \\back\\ \t@x é 日本 "_s;
    custom.app.logFileMaxBytes = qint64(1) << 30;
    custom.app.logFileKeep = 99;
    custom.app.eventLogCapacity = 1000000;
    custom.app.chartRangeSeconds = 300;
    custom.app.theme = 2;
    custom.app.metricsEnabled = true;
    custom.app.metricsAddress = u"[::1]:9200"_s;
    custom.app.windowGeometry = QByteArray("\x01\xd9\xd0\xcb\x00\x03\x00\x00\x00\x00\x01=,;\"\\ 1a", 22);
    custom.app.windowState = QByteArray("\x00\x00\x00\xff\x00\x00\x00\x01\x00\x00\x00\x02\x00\x00\x02\xa8\x00\x00\x01\x2c", 20);
    cases.append(custom);

    SeedCase bytes{u"no-servers"_s, {}, {}};
    bytes.app.windowGeometry = everyByte(1);
    bytes.app.windowState = everyByte(3);
    bytes.app.offsetThreshold = 3600;
    bytes.app.chartRangeSeconds = 0;
    cases.append(bytes);

    SeedCase at{u"at-signs"_s, {server(u"ntp.example.net"_s)}, {}};
    at.app.logFilePath = u"@ByteArray(not bytes)"_s;
    at.app.metricsAddress = u"0.0.0.0:9100"_s;
    at.app.recordedEvents = 0;
    cases.append(at);

    SeedCase nul{u"nul-in-path"_s, {server(u"192.0.2.1"_s)}, {}};
    nul.app.logFilePath = QString::fromUtf8("/tmp/a\0b1", 9);
    cases.append(nul);

    // Regression (fuzz_settings): DEL and C1 controls are written as they are, not escaped.
    SeedCase controls{u"control-characters"_s, {server(u"192.0.2.2"_s)}, {}};
    controls.app.logFilePath = u"/tmp/\x7f\u0085\tx\x01y"_s;
    cases.append(controls);

    SeedCase many{u"many-servers"_s, {}, {}};
    for (int i = 0; i < 12; ++i) {
        ConfiguredServer s = server(u"ntp%1.example.org"_s.arg(i), quint16(123 + i));
        s.spec.minPollLog2 = i % 5;
        s.spec.maxPollLog2 = 10 + i % 5;
        s.keyId = quint32(i * 100);
        many.servers << s;
    }
    cases.append(many);
    return cases;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// What the store wrote before parseSettings existed (QSettings), kept here as the reference.
void writeWithQSettings(const QString &path, const SeedCase &seed)
{
    QSettings settings(path, QSettings::IniFormat);
    settings.setValue(u"chronoscope/version"_s, SettingsStore::FORMAT_VERSION);
    settings.beginWriteArray(u"servers"_s, int(seed.servers.size()));
    for (int i = 0; i < seed.servers.size(); ++i) {
        const ConfiguredServer &s = seed.servers.at(i);
        settings.setArrayIndex(i);
        settings.setValue(u"host"_s, s.spec.host);
        settings.setValue(u"port"_s, s.spec.port);
        settings.setValue(u"pool"_s, s.spec.isPool);
        settings.setValue(u"iburst"_s, s.spec.iburst);
        settings.setValue(u"minpoll"_s, s.spec.minPollLog2);
        settings.setValue(u"maxpoll"_s, s.spec.maxPollLog2);
        settings.setValue(u"prefer"_s, s.spec.prefer);
        settings.setValue(u"noselect"_s, s.spec.noselect);
        settings.setValue(u"trust"_s, s.spec.trust);
        settings.setValue(u"require"_s, s.spec.require);
        settings.setValue(u"xleave"_s, s.spec.xleave);
        settings.setValue(u"key"_s, s.keyId);
        settings.setValue(u"nts"_s, s.spec.nts);
        settings.setValue(u"ntsport"_s, s.spec.ntsPort);
    }
    settings.endArray();
    const AppSettings &app = seed.app;
    settings.beginGroup(u"app"_s);
    settings.setValue(u"closeToTray"_s, app.closeToTray);
    settings.setValue(u"notifyOffset"_s, app.notifyOffset);
    settings.setValue(u"offsetThreshold"_s, app.offsetThreshold);
    settings.setValue(u"notifyUnreachable"_s, app.notifyUnreachable);
    settings.setValue(u"recordedEvents"_s, app.recordedEvents);
    settings.setValue(u"logFileEnabled"_s, app.logFileEnabled);
    settings.setValue(u"logFilePath"_s, app.logFilePath);
    settings.setValue(u"logFileMaxBytes"_s, app.logFileMaxBytes);
    settings.setValue(u"logFileKeep"_s, app.logFileKeep);
    settings.setValue(u"eventLogCapacity"_s, app.eventLogCapacity);
    settings.setValue(u"chartRangeSeconds"_s, app.chartRangeSeconds);
    settings.setValue(u"theme"_s, app.theme);
    settings.setValue(u"metricsEnabled"_s, app.metricsEnabled);
    settings.setValue(u"metricsAddress"_s, app.metricsAddress);
    settings.setValue(u"windowGeometry"_s, app.windowGeometry);
    settings.setValue(u"windowState"_s, app.windowState);
    settings.endGroup();
}

// The values QSettings reads from a file, the way the store read them before parseSettings.
SeedCase readWithQSettings(const QString &path)
{
    SeedCase read;
    QSettings settings(path, QSettings::IniFormat);
    const int count = settings.beginReadArray(u"servers"_s);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        ConfiguredServer s;
        s.spec.host = settings.value(u"host"_s).toString().trimmed();
        s.spec.port = quint16(settings.value(u"port"_s, 123).toUInt());
        s.spec.isPool = settings.value(u"pool"_s, false).toBool();
        s.spec.iburst = settings.value(u"iburst"_s, true).toBool();
        s.spec.minPollLog2 = settings.value(u"minpoll"_s).toInt();
        s.spec.maxPollLog2 = settings.value(u"maxpoll"_s).toInt();
        s.spec.prefer = settings.value(u"prefer"_s).toBool();
        s.spec.noselect = settings.value(u"noselect"_s).toBool();
        s.spec.trust = settings.value(u"trust"_s).toBool();
        s.spec.require = settings.value(u"require"_s).toBool();
        s.spec.xleave = settings.value(u"xleave"_s).toBool();
        s.keyId = settings.value(u"key"_s).toUInt();
        s.spec.nts = settings.value(u"nts"_s).toBool();
        s.spec.ntsPort = quint16(settings.value(u"ntsport"_s, 4460).toUInt());
        read.servers << s;
    }
    settings.endArray();
    AppSettings &app = read.app;
    settings.beginGroup(u"app"_s);
    app.closeToTray = settings.value(u"closeToTray"_s).toBool();
    app.notifyOffset = settings.value(u"notifyOffset"_s).toBool();
    app.offsetThreshold = settings.value(u"offsetThreshold"_s).toDouble();
    app.notifyUnreachable = settings.value(u"notifyUnreachable"_s).toBool();
    app.recordedEvents = settings.value(u"recordedEvents"_s).toUInt();
    app.logFileEnabled = settings.value(u"logFileEnabled"_s).toBool();
    app.logFilePath = settings.value(u"logFilePath"_s).toString();
    app.logFileMaxBytes = settings.value(u"logFileMaxBytes"_s).toLongLong();
    app.logFileKeep = settings.value(u"logFileKeep"_s).toInt();
    app.eventLogCapacity = settings.value(u"eventLogCapacity"_s).toInt();
    app.chartRangeSeconds = settings.value(u"chartRangeSeconds"_s).toInt();
    app.theme = settings.value(u"theme"_s).toInt();
    app.metricsEnabled = settings.value(u"metricsEnabled"_s).toBool();
    app.metricsAddress = settings.value(u"metricsAddress"_s).toString();
    app.windowGeometry = settings.value(u"windowGeometry"_s).toByteArray();
    app.windowState = settings.value(u"windowState"_s).toByteArray();
    settings.endGroup();
    return read;
}

// Every field of a [servers] entry as the store writes it (11 lines); `changes` replace values,
// a null value removes the field.
QByteArray entry(int number, const QByteArray &host, const QMap<QByteArray, QByteArray> &changes = {})
{
    QMap<QByteArray, QByteArray> fields{{"host", host}, {"iburst", "true"}, {"key", "0"}, {"maxpoll", "10"},
                                        {"minpoll", "6"}, {"noselect", "false"}, {"pool", "false"}, {"port", "123"},
                                        {"prefer", "false"}, {"require", "false"}, {"trust", "false"}};
    for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
        if (it.value().isNull())
            fields.remove(it.key());
        else
            fields[it.key()] = it.value();
    }
    QByteArray out;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it)
        out += QByteArray::number(number) + '\\' + it.key() + '=' + it.value() + '\n';
    return out;
}

QString problemsOf(const ParsedSettings &parsed)
{
    return parsed.problems.join(u'\n');
}

} // namespace

class TestSettingsParser : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    // The seed corpus and QSettings.
    void seedsAreWhatTheStoreWrites_data();
    void seedsAreWhatTheStoreWrites();
    void iniWriterWritesWhatQSettingsWrites_data();
    void iniWriterWritesWhatQSettingsWrites();
    void readIniReadsWhatQSettingsReads_data();
    void readIniReadsWhatQSettingsReads();
    void parseSettingsMatchesQSettings_data();
    void parseSettingsMatchesQSettings();
    // The INI syntax.
    void unescapesQuotesListsAndEscapes();
    void reportsUnusableLinesByNumber_data();
    void reportsUnusableLinesByNumber();
    void brokenSectionSkipsItsLinesOnly();
    void acceptsCrLfBomAndComments();
    void byteOrderMarkInsideTextIsKept();
    void problemsAreCappedAndCounted();
    // The settings.
    void hugeServerCountIsBoundedBeforeIterating();
    void unreadableCountReadsTheEntriesPresent();
    void badAppValueKeepsEveryOtherSetting();
    void overLimitValuesAreDropped();
    void badServerFieldDropsOnlyThatEntry();
    void ntsIsKeptFromVersionTwoOn();
    void xleaveIsOptional();
    void emptyTextIsReportedWithDefaults();
    void percentSignsInTheFileAreQuotedAsTheyAre();
    void regressionInputsKeepTheFuzzProperties();

private:
    QTemporaryDir m_dir;
};

void TestSettingsParser::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // CHRONOSCOPE_WRITE_SETTINGS_SEEDS=1 regenerates the committed seeds after a format change.
    if (qEnvironmentVariableIntValue("CHRONOSCOPE_WRITE_SETTINGS_SEEDS") == 1) {
        QVERIFY(QDir().mkpath(SEED_DIR));
        for (const SeedCase &seed : seedCases()) {
            const chronoscope::Result<QString> saved = SettingsStore(SEED_DIR + u'/' + seed.name + u".conf"_s).save(seed.servers, seed.app);
            QVERIFY2(saved.ok(), qPrintable(saved.errorMessage()));
        }
    }
}

void TestSettingsParser::seedsAreWhatTheStoreWrites_data()
{
    QTest::addColumn<int>("index");
    const QList<SeedCase> cases = seedCases();
    for (int i = 0; i < cases.size(); ++i)
        QTest::newRow(qPrintable(cases.at(i).name)) << i;
}

void TestSettingsParser::seedsAreWhatTheStoreWrites()
{
    QFETCH(int, index);
    const SeedCase seed = seedCases().at(index);
    const QString path = m_dir.filePath(seed.name + u".conf"_s);
    const chronoscope::Result<QString> saved = SettingsStore(path).save(seed.servers, seed.app);
    QVERIFY2(saved.ok(), qPrintable(saved.errorMessage()));
    const QByteArray committed = readAll(SEED_DIR + u'/' + seed.name + u".conf"_s);
    QVERIFY2(!committed.isEmpty(), "seed missing: run with CHRONOSCOPE_WRITE_SETTINGS_SEEDS=1");
    QCOMPARE(readAll(path), committed);
}

void TestSettingsParser::iniWriterWritesWhatQSettingsWrites_data()
{
    seedsAreWhatTheStoreWrites_data();
}

void TestSettingsParser::iniWriterWritesWhatQSettingsWrites()
{
    QFETCH(int, index);
    const SeedCase seed = seedCases().at(index);
    const QString path = m_dir.filePath(u"qsettings-"_s + seed.name + u".conf"_s);
    writeWithQSettings(path, seed);
    QCOMPARE(readAll(SEED_DIR + u'/' + seed.name + u".conf"_s), readAll(path));
}

void TestSettingsParser::readIniReadsWhatQSettingsReads_data()
{
    seedsAreWhatTheStoreWrites_data();
}

void TestSettingsParser::readIniReadsWhatQSettingsReads()
{
    QFETCH(int, index);
    const QString path = SEED_DIR + u'/' + seedCases().at(index).name + u".conf"_s;
    const IniDocument doc = readIni(readAll(path));
    QVERIFY(doc.problems.isEmpty());
    QSettings settings(path, QSettings::IniFormat);
    QStringList ours = doc.values.keys();
    QStringList theirs = settings.allKeys();
    ours.sort();
    theirs.sort();
    QCOMPARE(ours, theirs);
    for (const QString &key : theirs)
        QCOMPARE(doc.values.value(key).toVariant(), settings.value(key));
}

void TestSettingsParser::parseSettingsMatchesQSettings_data()
{
    seedsAreWhatTheStoreWrites_data();
}

void TestSettingsParser::parseSettingsMatchesQSettings()
{
    QFETCH(int, index);
    const SeedCase seed = seedCases().at(index);
    const QString path = SEED_DIR + u'/' + seed.name + u".conf"_s;
    const ParsedSettings parsed = parseSettings(readAll(path), seed.name);
    QVERIFY2(parsed.problems.isEmpty(), qPrintable(problemsOf(parsed)));
    QCOMPARE(parsed.version, SettingsStore::FORMAT_VERSION);
    const SeedCase qsettings = readWithQSettings(path);
    QCOMPARE(parsed.servers, qsettings.servers);
    QCOMPARE(parsed.app, qsettings.app);
    QCOMPARE(parsed.servers, seed.servers);
    QCOMPARE(parsed.app, seed.app);
}

void TestSettingsParser::unescapesQuotesListsAndEscapes()
{
    const QByteArray text = "[s]\n"
                            "quoted=\" a,b;c \"\n"
                            "plain=  x y  \n"
                            "list=a, b ,\"c,d\"\n"
                            "escapes=\\x41\\x\\102\\n\\t\\\"\\q\n"
                            "bytes=@ByteArray(\\0\\x31\\xff)\n"
                            "at=@@x\n"
                            "string=@String(a\\0b)\n"
                            "invalid=@Invalid()\n"
                            "comment=value ; the rest is a comment\n"
                            "sub\\key%41%U00e9=1\n";
    const IniDocument doc = readIni(text);
    QVERIFY2(doc.problems.isEmpty(), qPrintable(doc.problems.value(0).message));
    // QSettings reads the same keys and values from the same text.
    const QString path = m_dir.filePath(u"escapes.ini"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
    file.close();
    QSettings settings(path, QSettings::IniFormat);
    QCOMPARE(settings.allKeys().size(), doc.values.size());
    for (const QString &key : settings.allKeys())
        QCOMPARE(doc.values.value(key).toVariant(), settings.value(key));
    QCOMPARE(doc.values.value(u"s/quoted"_s).text, u" a,b;c "_s);
    QCOMPARE(doc.values.value(u"s/plain"_s).text, u"x y"_s);
    const IniValue list = doc.values.value(u"s/list"_s);
    QCOMPARE(list.kind, IniValue::Kind::List);
    QCOMPARE(list.list, (QStringList{u"a"_s, u"b"_s, u"c,d"_s}));
    QCOMPARE(doc.values.value(u"s/escapes"_s).text, u"AB\n\t\""_s); // "\\x" without digits is nothing
    QCOMPARE(doc.values.value(u"s/bytes"_s).bytes, QByteArray("\x00" "1\xff", 3));
    QCOMPARE(doc.values.value(u"s/at"_s).text, u"@x"_s);
    QCOMPARE(doc.values.value(u"s/string"_s).text, QString::fromUtf8("a\0b", 3));
    QCOMPARE(doc.values.value(u"s/invalid"_s).kind, IniValue::Kind::Invalid);
    QCOMPARE(doc.values.value(u"s/comment"_s).text, u"value"_s);
    QCOMPARE(doc.values.value(u"s/sub/keyAé"_s).line, 11);
}

void TestSettingsParser::byteOrderMarkInsideTextIsKept()
{
    // Regression (fuzz_settings): only the file's first three bytes can be a byte-order mark. A
    // U+FEFF right after an escape (\t) or in a key is text, and a path holding one survives
    // save and load.
    const IniDocument doc = readIni("[s]\na=x\\t\xef\xbb\xbfy\n\xef\xbb\xbf\\t=1\n");
    QVERIFY2(doc.problems.isEmpty(), qPrintable(doc.problems.value(0).message));
    QCOMPARE(doc.values.value(u"s/a"_s).text, u"x\t\uFEFFy"_s);
    QVERIFY(doc.values.contains(u"s/\uFEFF/t"_s)); // a backslash in a key is QSettings' '/'

    AppSettings app;
    app.logFilePath = u"/tmp/\t\uFEFF[app]"_s;
    const ParsedSettings again = parseSettings(formatSettings({}, app), u"written.conf"_s);
    QCOMPARE(again.app.logFilePath, app.logFilePath);
}

void TestSettingsParser::reportsUnusableLinesByNumber_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("problem");
    QTest::newRow("nul") << QByteArray("a=b\0c", 5) << u"binary data (a NUL byte)"_s;
    QTest::newRow("control") << QByteArray("a=b\x01") << u"control character 0x01"_s;
    QTest::newRow("latin-1") << QByteArray("a=caf\xe9") << u"not UTF-8 text"_s;
    QTest::newRow("no equals") << QByteArray("just words") << u"'just words' is not a key=value line"_s;
    QTest::newRow("no key") << QByteArray(" =x") << u"is not a key=value line"_s;
    QTest::newRow("open quote") << QByteArray("a=\"open") << u"s/a: a quoted value is not closed"_s;
    QTest::newRow("variant") << QByteArray("a=@Variant(\\0\\0\\0\\x7f)") << u"s/a: a @Variant() value"_s;
    QTest::newRow("typed list") << QByteArray("a=@Rect(1 2 3 4),x") << u"a list of typed values"_s;
    QTest::newRow("long") << QByteArray(limits::MAX_SETTINGS_LINE_BYTES + 1, 'x')
                          << u"the line is %1 bytes long"_s.arg(limits::MAX_SETTINGS_LINE_BYTES + 1);
}

void TestSettingsParser::reportsUnusableLinesByNumber()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, problem);
    const IniDocument doc = readIni(QByteArray("[s]\nbefore=1\n" + line + "\nafter=2\n"));
    QCOMPARE(doc.problems.size(), 1);
    QCOMPARE(doc.problems.first().line, 3);
    QVERIFY2(doc.problems.first().message.contains(problem), qPrintable(doc.problems.first().message));
    QVERIFY(!doc.values.contains(u"s/a"_s));
    // Only the damaged line is lost.
    QCOMPARE(doc.values.value(u"s/before"_s).text, u"1"_s);
    QCOMPARE(doc.values.value(u"s/after"_s).text, u"2"_s);
}

void TestSettingsParser::brokenSectionSkipsItsLinesOnly()
{
    const IniDocument doc = readIni("[a]\nx=1\n[b\ny=2\n[c]\nz=3\n");
    QCOMPARE(doc.problems.size(), 1);
    QCOMPARE(doc.problems.first().line, 3);
    QVERIFY(doc.problems.first().message.contains(u"'[b' is not closed"_s));
    QCOMPARE(doc.values.keys().size(), 2);
    QVERIFY(doc.values.contains(u"a/x"_s));
    QVERIFY(doc.values.contains(u"c/z"_s));
}

void TestSettingsParser::acceptsCrLfBomAndComments()
{
    const IniDocument doc = readIni("\xef\xbb\xbf; comment\r\n# also\r\n[General]\r\ntop=1\r\n[%General]\r\nx=2\r\n\r\n");
    QVERIFY2(doc.problems.isEmpty(), qPrintable(doc.problems.value(0).message));
    QCOMPARE(doc.values.value(u"top"_s).text, u"1"_s);
    QCOMPARE(doc.values.value(u"General/x"_s).text, u"2"_s);
    // A file cut in the middle of its last line loses that line, reported.
    const IniDocument cut = readIni("[s]\na=1\nb=12");
    QCOMPARE(cut.problems.size(), 1);
    QCOMPARE(cut.problems.first().line, 3);
    QVERIFY(cut.problems.first().message.contains(u"the file ends inside 'b=12'"_s));
    QVERIFY(!cut.values.contains(u"s/b"_s));
    QVERIFY(cut.values.contains(u"s/a"_s));
    // A repeated key: the last one counts, as in QSettings, and the repeat is reported.
    const IniDocument twice = readIni("[s]\na=1\na=2\n");
    QCOMPARE(twice.values.value(u"s/a"_s).text, u"2"_s);
    QVERIFY(twice.problems.value(0).message.contains(u"s/a is set again (first on line 2)"_s));
}

void TestSettingsParser::problemsAreCappedAndCounted()
{
    QByteArray text = "[chronoscope]\nversion=1\n[servers]\nsize=0\n";
    for (int i = 0; i < 5000; ++i)
        text += "garbage\n";
    const IniDocument doc = readIni(text);
    QCOMPARE(doc.problems.size(), limits::MAX_REPORTED_PROBLEMS);
    QCOMPARE(doc.unreportedProblems, 5000 - limits::MAX_REPORTED_PROBLEMS);
    const ParsedSettings parsed = parseSettings(text, u"big.conf"_s);
    QCOMPARE(parsed.problems.size(), limits::MAX_REPORTED_PROBLEMS + 1);
    QCOMPARE(parsed.problems.first(), u"big.conf:5: 'garbage' is not a key=value line"_s);
    QCOMPARE(parsed.problems.last(), u"big.conf: %1 more problem(s) not listed"_s.arg(5000 - limits::MAX_REPORTED_PROBLEMS));
}

void TestSettingsParser::hugeServerCountIsBoundedBeforeIterating()
{
    // Regression (issue 13): QSettings' beginReadArray() returned this count and the old reader
    // looped 2^31 times, appending a problem each time.
    const QByteArray text = "[app]\ntheme=1\n[chronoscope]\nversion=1\n[servers]\n" + entry(1, "ntp.example.org")
        + "size=2147483647\n";
    const ParsedSettings parsed = parseSettings(text, u"huge.conf"_s);
    QCOMPARE(parsed.servers.size(), 1);
    QCOMPARE(parsed.servers.first().spec.host, u"ntp.example.org"_s);
    QCOMPARE(parsed.app.theme, 1);
    QCOMPARE(parsed.problems.size(), 2);
    QCOMPARE(parsed.problems.at(0), u"huge.conf:17: [servers] size=2147483647 is above the limit of 256 servers; later "
                                    u"entries are ignored"_s);
    QCOMPARE(parsed.problems.at(1), u"huge.conf:17: [servers] size=2147483647 but 255 of these entries are missing"_s);
}

void TestSettingsParser::unreadableCountReadsTheEntriesPresent()
{
    const QByteArray text = "[chronoscope]\nversion=1\n[servers]\n" + entry(1, "a.example") + entry(2, "b.example")
        + entry(999, "c.example") + "size=two\n";
    const ParsedSettings parsed = parseSettings(text, u"count.conf"_s);
    QCOMPARE(parsed.servers.size(), 2);
    QCOMPARE(parsed.servers.at(1).spec.host, u"b.example"_s);
    QCOMPARE(parsed.problems, QStringList{u"count.conf:37: [servers] size='two' is not a count; the 2 entries present are read"_s});
}

void TestSettingsParser::badAppValueKeepsEveryOtherSetting()
{
    const QByteArray text = "[app]\ncloseToTray=false\ntheme=7\noffsetThreshold=nan\nlogFileKeep=5\nnotifyOffset=maybe\n"
                            "metricsAddress=metrics.example.org:80\n"
                            "[chronoscope]\nversion=1\n[servers]\n" + entry(1, "ntp.example.org") + "size=1\n";
    const ParsedSettings parsed = parseSettings(text, u"app.conf"_s);
    QCOMPARE(parsed.servers.size(), 1);
    QCOMPARE(parsed.app.closeToTray, false);
    QCOMPARE(parsed.app.logFileKeep, 5);
    QCOMPARE(parsed.app.theme, AppSettings().theme);
    QCOMPARE(parsed.app.offsetThreshold, AppSettings().offsetThreshold);
    QCOMPARE(parsed.app.notifyOffset, AppSettings().notifyOffset);
    QCOMPARE(parsed.app.metricsAddress, u"127.0.0.1:9123"_s); // never an open address by accident
    const QString problems = problemsOf(parsed);
    QVERIFY2(problems.contains(u"app.conf:3: [app] theme='7' is not a number in 0–2; the default is used"_s), qPrintable(problems));
    QVERIFY(problems.contains(u"app.conf:4: [app] offsetThreshold='nan' is not a number of seconds"_s));
    QVERIFY(problems.contains(u"app.conf:6: [app] notifyOffset='maybe' is not true or false"_s));
    QVERIFY(problems.contains(u"app.conf:7: [app] metricsAddress='metrics.example.org:80' is not an ADDRESS:PORT"_s));
    QCOMPARE(parsed.problems.size(), 4);
}

void TestSettingsParser::overLimitValuesAreDropped()
{
    const QByteArray longPath(limits::MAX_PATH_CHARS + 1, 'p');
    const QByteArray bigState(limits::MAX_WINDOW_STATE_BYTES + 1, 'w');
    const QByteArray text = "[chronoscope]\nversion=1\n[servers]\nsize=0\n[app]\nlogFilePath=" + longPath
        + "\nwindowState=@ByteArray(" + bigState + ")\nwindowGeometry=@ByteArray(ok)\nlogFileMaxBytes=99999999999\n";
    const ParsedSettings parsed = parseSettings(text, u"limits.conf"_s);
    QVERIFY(parsed.servers.isEmpty()); // an explicit empty list stays empty
    QCOMPARE(parsed.app.logFilePath, QString());
    QCOMPARE(parsed.app.windowState, QByteArray());
    QCOMPARE(parsed.app.windowGeometry, QByteArray("ok"));
    QCOMPARE(parsed.app.logFileMaxBytes, AppSettings().logFileMaxBytes);
    const QString problems = problemsOf(parsed);
    QVERIFY2(problems.contains(u"limits.conf:6: [app] logFilePath='ppp"_s), qPrintable(problems));
    QVERIFY(problems.contains(u"not a path of at most 4096 characters"_s));
    QVERIFY(problems.contains(u"limits.conf:7: [app] windowState='<65537 bytes>' is not a window state of at most 65536 bytes"_s));
    QVERIFY(problems.contains(u"limits.conf:9: [app] logFileMaxBytes='99999999999' is not a number in 4096–1073741824"_s));
}

void TestSettingsParser::badServerFieldDropsOnlyThatEntry()
{
    const QByteArray text = "[chronoscope]\nversion=1\n[servers]\n" + entry(1, "a.example", {{"key", "70000"}})
        + entry(2, "b.example", {{"require", "perhaps"}}) + entry(3, "c.example", {{"port", "1123"}})
        + entry(4, "C.EXAMPLE", {{"port", "1123"}}) + entry(5, "e.example", {{"host", QByteArray()}}) + "size=5\n";
    const ParsedSettings parsed = parseSettings(text, u"servers.conf"_s);
    QCOMPARE(parsed.servers.size(), 1);
    QCOMPARE(parsed.servers.first().spec.host, u"c.example"_s);
    QCOMPARE(parsed.servers.first().spec.port, 1123);
    QCOMPARE(parsed.problems, (QStringList{
        u"servers.conf:4: server entry 1: key '70000' is not a number in 0–65535; the entry is ignored"_s,
        u"servers.conf:15: server entry 2: require 'perhaps' is not true or false; the entry is ignored"_s,
        u"servers.conf:37: server entry 4: 'C.EXAMPLE:1123' is listed twice; the entry is ignored"_s,
        u"servers.conf:48: server entry 5: it is incomplete ('host' is missing); the entry is ignored"_s}));
}

void TestSettingsParser::ntsIsKeptFromVersionTwoOn()
{
    const QByteArray v2 = "[chronoscope]\nversion=2\n[servers]\n"
        + entry(1, "nts.example", {{"nts", "true"}, {"ntsport", "4461"}})
        + entry(2, "plain.example", {{"nts", "false"}, {"ntsport", "4460"}})
        + entry(3, "cut.example", {{"nts", "true"}}) + "size=3\n";
    ParsedSettings parsed = parseSettings(v2, u"v2.conf"_s);
    QCOMPARE(parsed.version, 2);
    QCOMPARE(parsed.servers.size(), 2);
    QVERIFY(parsed.servers.at(0).spec.nts);
    QCOMPARE(parsed.servers.at(0).spec.ntsPort, 4461);
    QVERIFY(!parsed.servers.at(1).spec.nts);
    // A version 2 entry without ntsport is damaged: NTS could otherwise be lost silently.
    QCOMPARE(parsed.problems.size(), 1);
    QVERIFY2(parsed.problems.first().contains(u"server entry 3: it is incomplete ('ntsport' is missing)"_s),
             qPrintable(problemsOf(parsed)));
    // Written again, NTS survives.
    parsed = parseSettings(formatSettings(parsed.servers, parsed.app), u"again.conf"_s);
    QVERIFY(parsed.problems.isEmpty());
    QVERIFY(parsed.servers.at(0).spec.nts);
    QCOMPARE(parsed.servers.at(0).spec.ntsPort, 4461);

    // Version 1 files predate NTS: their servers are plain NTP, and nothing is missing.
    const QByteArray v1 = "[chronoscope]\nversion=1\n[servers]\n" + entry(1, "old.example") + "size=1\n";
    parsed = parseSettings(v1, u"v1.conf"_s);
    QVERIFY2(parsed.problems.isEmpty(), qPrintable(problemsOf(parsed)));
    QCOMPARE(parsed.servers.size(), 1);
    QVERIFY(!parsed.servers.first().spec.nts);
}

// xleave came after version 2 without a version of its own: an entry without it (every file
// written before) is plain basic mode and complete; a bad value drops only that entry.
void TestSettingsParser::xleaveIsOptional()
{
    const QByteArray text = "[chronoscope]\nversion=2\n[servers]\n"
        + entry(1, "old.example", {{"nts", "false"}, {"ntsport", "4460"}})
        + entry(2, "lan.example", {{"nts", "false"}, {"ntsport", "4460"}, {"xleave", "true"}})
        + entry(3, "odd.example", {{"nts", "false"}, {"ntsport", "4460"}, {"xleave", "sometimes"}}) + "size=3\n";
    ParsedSettings parsed = parseSettings(text, u"xleave.conf"_s);
    QCOMPARE(parsed.servers.size(), 2);
    QVERIFY(!parsed.servers.at(0).spec.xleave);
    QVERIFY(parsed.servers.at(1).spec.xleave);
    QCOMPARE(parsed.problems.size(), 1);
    QVERIFY2(parsed.problems.first().contains(u"server entry 3: xleave 'sometimes' is not true or false"_s),
             qPrintable(problemsOf(parsed)));
    // Written again, xleave survives.
    parsed = parseSettings(formatSettings(parsed.servers, parsed.app), u"again.conf"_s);
    QVERIFY(parsed.problems.isEmpty());
    QVERIFY(!parsed.servers.at(0).spec.xleave);
    QVERIFY(parsed.servers.at(1).spec.xleave);
}

void TestSettingsParser::emptyTextIsReportedWithDefaults()
{
    const ParsedSettings parsed = parseSettings("", u"empty.conf"_s);
    QCOMPARE(parsed.problems, QStringList{u"empty.conf: the file holds no settings (empty?); the defaults are used"_s});
    QCOMPARE(parsed.servers, defaultServers());
    QCOMPARE(parsed.app, AppSettings());
    QCOMPARE(parsed.version, 0);
}

void TestSettingsParser::percentSignsInTheFileAreQuotedAsTheyAre()
{
    // The file's text is never taken for QString::arg() placeholders.
    const QByteArray text = "[chronoscope]\nversion=1\n[servers]\n" + entry(1, "%1%2", {{"port", "%3"}}) + "size=%2%1\n";
    const ParsedSettings parsed = parseSettings(text, u"pct.conf"_s);
    QCOMPARE(parsed.problems, (QStringList{
        u"pct.conf:15: [servers] size='%2%1' is not a count; the 1 entries present are read"_s,
        u"pct.conf:4: server entry 1: port '%3' is not a number in 1–65535; the entry is ignored"_s}));
}

void TestSettingsParser::regressionInputsKeepTheFuzzProperties()
{
    // Inputs fuzz_settings once failed on (tests/fuzz/seeds/settings/regression-*): what is read,
    // written again, reads back the same without a problem.
    const QStringList names = QDir(SEED_DIR).entryList({u"regression-*"_s}, QDir::Files);
    QVERIFY(!names.isEmpty());
    for (const QString &name : names) {
        const ParsedSettings parsed = parseSettings(readAll(SEED_DIR + u'/' + name), name);
        const ParsedSettings again = parseSettings(formatSettings(parsed.servers, parsed.app), u"written.conf"_s);
        QVERIFY2(again.problems.isEmpty(), qPrintable(name + u": "_s + problemsOf(again)));
        QCOMPARE(again.servers, parsed.servers);
        QCOMPARE(again.app, parsed.app);
    }
}

QTEST_GUILESS_MAIN(TestSettingsParser)
#include "tst_settingsparser.moc"

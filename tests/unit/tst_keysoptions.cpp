// SPDX-License-Identifier: GPL-3.0-or-later
// Command-line parsing for authentication: check/monitor --keys/--key, SERVER,key=ID and the
// `keys` subcommand; every usage error names the offending value.
#include <QTest>

#include "app/cli/clioptions.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::cli;

namespace {

QStringList split(const QString &line)
{
    return line.split(u' ', Qt::SkipEmptyParts);
}

} // namespace

class TestKeysOptions : public QObject
{
    Q_OBJECT

private slots:
    void keyAppliesToServersWithoutTheirOwn();
    void keysFileWithKey();
    void keysActions();
    void usageErrors_data();
    void usageErrors();
    void usageMentionsKeys();
};

void TestKeysOptions::keyAppliesToServersWithoutTheirOwn()
{
    const auto r = parseCommandLine(split(u"check --key 7 127.0.0.1:11123 ntp.example.org,key=9"_s));
    QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
    QCOMPARE(r->keyId, 7u);
    QCOMPARE(r->servers.size(), 2);
    QCOMPARE(r->servers[0].keyId, 7u);
    QCOMPARE(r->servers[1].keyId, 9u);
    QVERIFY(r->keyFile.isEmpty());
    // Without --key, servers stay unauthenticated.
    const auto plain = parseCommandLine(split(u"check 127.0.0.1"_s));
    QCOMPARE(plain->servers[0].keyId, 0u);
}

void TestKeysOptions::keysFileWithKey()
{
    const auto r = parseCommandLine(split(u"monitor --keys=/etc/chrony/chrony.keys --key=65534 127.0.0.1"_s));
    QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
    QCOMPARE(r->keyFile, u"/etc/chrony/chrony.keys"_s);
    QCOMPARE(r->servers[0].keyId, 65534u);
    // A per-server key=ID is enough for --keys.
    QVERIFY(parseCommandLine(split(u"check --keys k 127.0.0.1,key=3"_s)).ok());
}

void TestKeysOptions::keysActions()
{
    auto r = parseCommandLine(split(u"keys generate --type aes256 --id 12 --label lab --server 127.0.0.1:123 "
                                    u"--server ntp.example --keyring --store /tmp/k"_s));
    QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
    QCOMPARE(r->command, Command::Keys);
    QCOMPARE(r->keys.action, KeysAction::Generate);
    QCOMPARE(r->keys.type, chronoscope::auth::KeyType::Aes256Cmac);
    QCOMPARE(r->keys.id, 12u);
    QCOMPARE(r->keys.label, u"lab"_s);
    QCOMPARE(r->keys.servers, (QStringList{u"127.0.0.1:123"_s, u"ntp.example"_s}));
    QCOMPARE(r->keys.keyring, std::optional<bool>(true));
    QCOMPARE(r->keys.storePath, u"/tmp/k"_s);

    r = parseCommandLine(split(u"keys generate"_s));
    QCOMPARE(r->keys.type, chronoscope::auth::KeyType::Aes128Cmac); // RFC 8573's recommendation
    QCOMPARE(r->keys.id, 0u);

    r = parseCommandLine(split(u"keys import /tmp/ntp.keys --format ntp --accept-valid-lines --replace"_s));
    QVERIFY(r.ok());
    QCOMPARE(r->keys.action, KeysAction::Import);
    QCOMPARE(r->keys.file, u"/tmp/ntp.keys"_s);
    QCOMPARE(r->keys.format, std::optional(chronoscope::auth::KeyFileFormat::Ntp));
    QVERIFY(r->keys.acceptValidLines && r->keys.replace);

    r = parseCommandLine(split(u"keys export - --id 3 --id 4"_s));
    QVERIFY(r.ok());
    QCOMPARE(r->keys.file, u"-"_s);
    QCOMPARE(r->keys.ids, (QList<quint32>{3, 4}));
    QVERIFY(!r->keys.format.has_value());

    r = parseCommandLine(split(u"keys list --show-secrets"_s));
    QVERIFY(r.ok() && r->keys.showSecrets && !r->keys.json);
    r = parseCommandLine(split(u"keys delete 5"_s));
    QVERIFY(r.ok());
    QCOMPARE(r->keys.id, 5u);
    r = parseCommandLine(split(u"keys --help"_s));
    QCOMPARE(r->keys.action, KeysAction::Help);
}

void TestKeysOptions::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("mentions");
    QTest::newRow("key 0") << split(u"check --key 0 127.0.0.1"_s) << QStringList{u"'0'"_s, u"--key"_s, u"1-65534"_s};
    QTest::newRow("key 65535") << split(u"check --key 65535 127.0.0.1"_s) << QStringList{u"'65535'"_s};
    QTest::newRow("key abc") << split(u"check --key abc 127.0.0.1"_s) << QStringList{u"'abc'"_s};
    QTest::newRow("key without value") << split(u"check 127.0.0.1 --key"_s) << QStringList{u"--key"_s};
    QTest::newRow("keys empty") << split(u"check --keys= --key 1 127.0.0.1"_s) << QStringList{u"--keys"_s};
    QTest::newRow("unknown action") << split(u"keys rotate"_s) << QStringList{u"'rotate'"_s};
    QTest::newRow("bad type") << split(u"keys generate --type sha512"_s) << QStringList{u"'sha512'"_s, u"--type"_s};
    QTest::newRow("bad id") << split(u"keys generate --id 70000"_s) << QStringList{u"'70000'"_s};
    QTest::newRow("bad format") << split(u"keys export f --format xml"_s) << QStringList{u"'xml'"_s};
    QTest::newRow("import without file") << split(u"keys import"_s) << QStringList{u"FILE"_s};
    QTest::newRow("export two files") << split(u"keys export a b"_s) << QStringList{u"FILE"_s};
    QTest::newRow("delete without id") << split(u"keys delete"_s) << QStringList{u"ID"_s};
    QTest::newRow("delete bad id") << split(u"keys delete x"_s) << QStringList{u"'x'"_s};
    QTest::newRow("option for another action") << split(u"keys list --replace"_s)
                                               << QStringList{u"--replace"_s, u"list"_s};
    QTest::newRow("unknown keys option") << split(u"keys list --frob"_s) << QStringList{u"'--frob'"_s};
    QTest::newRow("secrets in JSON") << split(u"keys list --json --show-secrets"_s)
                                     << QStringList{u"--show-secrets"_s, u"--json"_s};
    QTest::newRow("stray argument") << split(u"keys list extra"_s) << QStringList{u"'extra'"_s};
}

void TestKeysOptions::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, mentions);
    const auto r = parseCommandLine(arguments);
    QVERIFY2(!r.ok(), qPrintable(u"accepted: "_s + arguments.join(u' ')));
    for (const QString &m : mentions)
        QVERIFY2(r.errorMessage().contains(m), qPrintable(u"'%1' does not mention '%2'"_s.arg(r.errorMessage(), m)));
}

void TestKeysOptions::usageMentionsKeys()
{
    QVERIFY(helpText(u"check"_s).contains(u"--keys FILE"_s));
    QVERIFY(helpText(u"monitor"_s).contains(u"--key ID"_s));
    QVERIFY(usageText().contains(u"keys    generate|list|import|export|delete"_s));
    for (const QString &word : {u"generate"_s, u"list"_s, u"import"_s, u"export"_s, u"delete"_s,
                                u"--show-secrets"_s, u"--accept-valid-lines"_s, u"--format"_s, u"--keyring"_s})
        QVERIFY2(keysUsageText().contains(word), qPrintable(word));
}

QTEST_APPLESS_MAIN(TestKeysOptions)
#include "tst_keysoptions.moc"

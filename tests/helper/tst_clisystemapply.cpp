// SPDX-License-Identifier: GPL-3.0-or-later
// `chronoscope-cli system apply` and `system revert` end to end (issue 15 item 3): the built CLI
// reads the servers from the desktop app's settings (XDG_CONFIG_HOME in a temporary directory),
// shows the lines, and applies them through the REAL chronoscope-helper (CHRONOSCOPE_HELPER, no
// pkexec) with its test backend rooted in another temporary directory (HELPER.md §5.5): text
// and --json, the confirmation, a local refusal that never starts the helper, a rollback, a dry
// run, revert and nothing to revert. Nothing under /etc is touched and systemctl never runs.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "core/config/settingsstore.h"

using namespace Qt::StringLiterals;
using namespace chronoscope;

namespace {

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

config::ConfiguredServer server(const QString &text)
{
    config::ConfiguredServer s;
    s.spec = *engine::parseServerSpec(text);
    s.keyId = s.spec.keyId;
    return s;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

} // namespace

class TstCliSystemApply : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_root;     // the helper's test root
    std::unique_ptr<QTemporaryDir> m_config;   // XDG_CONFIG_HOME
    QString path(const QString &relative) const { return m_root->path() + u'/' + relative; }

    void saveServers(const QList<config::ConfiguredServer> &servers)
    {
        const QString file = m_config->path() + u"/Chronoscope/chronoscope/chronoscope.conf"_s;
        QVERIFY(QDir().mkpath(QFileInfo(file).absolutePath()));
        const Result<QString> saved = config::SettingsStore(file).save(servers, config::AppSettings{});
        QVERIFY2(saved, qPrintable(saved.errorMessage()));
    }

    CliRun runCli(const QStringList &arguments)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_CONFIG_HOME"_s, m_config->path());
        env.insert(u"CHRONOSCOPE_HELPER"_s, qEnvironmentVariable("CHRONOSCOPE_HELPER_BIN"));
        env.insert(u"CHRONOSCOPE_HELPER_TEST_ROOT"_s, m_root->path());
        env.insert(u"CHRONOSCOPE_HELPER_TEST_GRACE_MS"_s, u"600"_s);
        env.insert(u"LANG"_s, u"C.UTF-8"_s);
        env.remove(u"LANGUAGE"_s);
        env.remove(u"LC_ALL"_s);
        env.remove(u"LC_MESSAGES"_s);
        process.setProcessEnvironment(env);
        process.setStandardInputFile(QProcess::nullDevice());   // not a terminal: no question
        process.start(qEnvironmentVariable("CHRONOSCOPE_CLI"), arguments);
        CliRun run;
        if (!process.waitForFinished(60'000)) {
            process.kill();
            process.waitForFinished();
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    static QByteArray describe(const CliRun &run)
    {
        return u"exit %1\nstdout:\n%2\nstderr:\n%3"_s.arg(run.exitCode).arg(run.out, run.err).toUtf8();
    }

    static QJsonObject json(const CliRun &run)
    {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(run.out.toUtf8(), &error);
        return error.error == QJsonParseError::NoError ? document.object() : QJsonObject{};
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(qEnvironmentVariable("CHRONOSCOPE_HELPER_BIN")).isExecutable(), "CHRONOSCOPE_HELPER_BIN");
        QVERIFY2(QFileInfo(qEnvironmentVariable("CHRONOSCOPE_CLI")).isExecutable(), "CHRONOSCOPE_CLI");
        QVERIFY(qEnvironmentVariableIsSet("CHRONOSCOPE_FORBID_CLOCK_CHANGES"));
    }

    void init()
    {
        m_root = std::make_unique<QTemporaryDir>();
        m_config = std::make_unique<QTemporaryDir>();
        QVERIFY(m_root->isValid() && m_config->isValid());
        QVERIFY(QDir().mkpath(path(u"etc/systemd"_s)));
        QVERIFY(QDir().mkpath(path(u"units"_s)));
        QFile::setPermissions(m_root->path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                                  | QFileDevice::ReadGroup | QFileDevice::ExeGroup
                                                  | QFileDevice::ReadOther | QFileDevice::ExeOther);
    }

    void applyShowsAndWritesTheLinesThenRevert()
    {
        saveServers({server(u"ntp1.example"_s), server(u"192.0.2.1"_s)});
        const QString file = path(u"etc/systemd/timesyncd.conf.d/chronoscope.conf"_s);

        // Without --yes and without a terminal: shown, not applied.
        CliRun run = runCli({u"system"_s, u"apply"_s, u"--daemon"_s, u"timesyncd"_s});
        QVERIFY2(run.exitCode == 1, describe(run));
        QVERIFY2(run.out.contains(u"    NTP=ntp1.example 192.0.2.1\n"_s), describe(run));
        QVERIFY2(run.out.contains(u"/etc/systemd/timesyncd.conf.d/chronoscope.conf"_s), describe(run));
        QVERIFY2(run.out.contains(u"backed up first"_s), describe(run));
        QVERIFY2(run.err.contains(u"Cancelled: nothing was changed; run again with --yes"_s), describe(run));
        QVERIFY(!QFileInfo::exists(file));
        QVERIFY(!QFileInfo::exists(path(u"restarts.log"_s)));

        run = runCli({u"system"_s, u"apply"_s, u"--daemon"_s, u"timesyncd"_s, u"--yes"_s});
        QVERIFY2(run.exitCode == 0, describe(run));
        QVERIFY2(run.out.contains(u"Applied: systemd-timesyncd uses Chronoscope's servers"_s), describe(run));
        const QByteArray written = readFile(file);
        QVERIFY2(written.endsWith("[Time]\nNTP=ntp1.example 192.0.2.1\n"), written.constData());
        QCOMPARE(readFile(path(u"restarts.log"_s)), QByteArray("restart systemd-timesyncd.service\n"));

        run = runCli({u"system"_s, u"revert"_s, u"--daemon"_s, u"timesyncd"_s, u"--yes"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 0, describe(run));
        QJsonObject doc = json(run);
        QCOMPARE(doc.value(u"action"_s).toString(), u"revert"_s);
        QCOMPARE(doc.value(u"result"_s).toString(), u"reverted"_s);
        QCOMPARE(doc.value(u"status"_s).toString(), u"ok"_s);
        QVERIFY(!QFileInfo::exists(file));

        run = runCli({u"system"_s, u"revert"_s, u"--daemon"_s, u"timesyncd"_s, u"--yes"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 1, describe(run));
        doc = json(run);
        QCOMPARE(doc.value(u"result"_s).toString(), u"refused"_s);
        QCOMPARE(doc.value(u"status"_s).toString(), u"nothing_to_revert"_s);
    }

    void applyJson()
    {
        QVERIFY(writeFile(path(u"etc/ntpsec/ntp.conf"_s), "driftfile /var/lib/ntpsec/ntp.drift\n"));
        saveServers({server(u"ntp1.example,prefer"_s), server(u"127.0.0.1,minpoll=4,maxpoll=6"_s)});
        const CliRun run = runCli({u"system"_s, u"apply"_s, u"--daemon"_s, u"ntpd"_s, u"--yes"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 0, describe(run));
        const QJsonObject doc = json(run);
        QVERIFY2(!doc.isEmpty(), describe(run));
        QCOMPARE(doc.value(u"version"_s).toInt(), 1);
        QCOMPARE(doc.value(u"action"_s).toString(), u"apply"_s);
        QCOMPARE(doc.value(u"daemon"_s).toString(), u"ntpd"_s);
        QCOMPARE(doc.value(u"result"_s).toString(), u"applied"_s);
        QCOMPARE(doc.value(u"status"_s).toString(), u"ok"_s);
        QVERIFY(doc.value(u"reason"_s).isNull());
        QCOMPARE(doc.value(u"backup"_s).toString(), u"previous_file"_s);
        QCOMPARE(doc.value(u"dry_run"_s).toBool(), false);
        const QJsonArray servers = doc.value(u"servers"_s).toArray();
        QCOMPARE(servers.size(), 2);
        QCOMPARE(servers.at(0).toObject().value(u"host"_s).toString(), u"ntp1.example"_s);
        QCOMPARE(servers.at(0).toObject().value(u"prefer"_s).toBool(), true);
        QVERIFY(servers.at(0).toObject().value(u"minpoll"_s).isNull());
        QCOMPARE(servers.at(1).toObject().value(u"minpoll"_s).toInt(), 4);
        QCOMPARE(servers.at(1).toObject().value(u"port"_s).toInt(), 123);
        const QString content = doc.value(u"content"_s).toString();
        QVERIFY(content.contains(u"server 127.0.0.1 iburst minpoll 4 maxpoll 6\n"_s));
        QVERIFY(readFile(path(u"etc/ntpsec/ntp.conf"_s)).contains(content.toUtf8()));
    }

    void refusedLocallyNeverStartsTheHelper()
    {
        saveServers({server(u"ntp1.example"_s), server(u"ntp2.example,key=7"_s)});
        const CliRun run = runCli({u"system"_s, u"apply"_s, u"--daemon"_s, u"timesyncd"_s, u"--yes"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 1, describe(run));
        const QJsonObject doc = json(run);
        QCOMPARE(doc.value(u"result"_s).toString(), u"refused"_s);
        QVERIFY(doc.value(u"status"_s).isNull());   // the helper was never asked
        QCOMPARE(doc.value(u"reason"_s).toString(), u"not_supported_by_daemon"_s);
        QCOMPARE(doc.value(u"server"_s).toString(), u"ntp2.example"_s);
        QVERIFY(doc.value(u"message"_s).toString().startsWith(u"Not applied: ntp2.example: systemd-timesyncd"_s));
        QVERIFY(!QFileInfo::exists(path(u"restarts.log"_s)));
        QVERIFY(!QFileInfo::exists(path(u"var/lib/chronoscope-helper"_s)));
    }

    void rollbackAndDryRun()
    {
        const QByteArray original = "driftfile /var/lib/ntpsec/ntp.drift\npool 0.debian.pool.ntp.org iburst\n";
        QVERIFY(writeFile(path(u"etc/ntpsec/ntp.conf"_s), original));
        QVERIFY(writeFile(path(u"units/ntpsec.service.rejects"_s), "bad.example\n"));
        saveServers({server(u"good.example"_s), server(u"bad.example"_s)});

        CliRun run = runCli({u"system"_s, u"apply"_s, u"--daemon"_s, u"ntpd"_s, u"--dry-run"_s});
        QVERIFY2(run.exitCode == 0, describe(run));
        QVERIFY2(run.out.contains(u"Dry run:"_s), describe(run));
        QCOMPARE(readFile(path(u"etc/ntpsec/ntp.conf"_s)), original);

        run = runCli({u"system"_s, u"apply"_s, u"--daemon"_s, u"ntpd"_s, u"--yes"_s});
        QVERIFY2(run.exitCode == 1, describe(run));
        QVERIFY2(run.err.contains(u"Rolled back because restarting ntpd failed; the previous configuration is back."_s),
                 describe(run));
        QCOMPARE(readFile(path(u"etc/ntpsec/ntp.conf"_s)), original);

        run = runCli({u"system"_s, u"apply"_s, u"--daemon"_s, u"ntpd"_s, u"--yes"_s, u"--json"_s});
        QCOMPARE(json(run).value(u"result"_s).toString(), u"rolled_back"_s);
        QCOMPARE(json(run).value(u"reason"_s).toString(), u"restart_failed"_s);
    }
};

QTEST_GUILESS_MAIN(TstCliSystemApply)
#include "tst_clisystemapply.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/systemapplycommand.h"

#include <cstdio>
#include <iostream>
#include <string>

#include <unistd.h>

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include "core/config/settingsstore.h"
#include "core/correction/timeservices.h"
#include "core/protocol/timeservicenames.h"
#include "core/sysservice/processtimeservicehelper.h"
#include "core/sysservice/timeserviceconfigurator.h"
#include "core/sysservice/timeservicepreview.h"

using namespace Qt::StringLiterals;

namespace chronoscope::cli {
namespace {

namespace ts = protocol::timeservice;
using sysservice::TimeServiceDaemon;
using sysservice::TimeServiceOutcome;
using sysservice::TimeServicePlan;

constexpr int EXIT_DONE = 0;
constexpr int EXIT_NOT_DONE = 1;

void print(FILE *stream, const QString &text)
{
    const QByteArray bytes = (text + u'\n').toUtf8();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stream);
    std::fflush(stream);
}

QString latin1(std::string_view id)
{
    return QString::fromLatin1(id.data(), qsizetype(id.size()));
}

// The desktop app's settings file (organisation "Chronoscope", application "chronoscope";
// README "The desktop app"), wherever this program's own name would put it.
QString guiSettingsPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + u"/Chronoscope/chronoscope/chronoscope.conf"_s;
}

// The daemon named with --daemon, else the one that runs (by process name, HELPER.md §1.6).
Result<TimeServiceDaemon> targetDaemon(const SystemOptions &options)
{
    if (options.target)
        return *options.target;
    QStringList found;
    std::optional<TimeServiceDaemon> daemon;
    for (const QString &name : correction::detectTimeServices().running) {
        if (const std::optional<TimeServiceDaemon> known = sysservice::parseTimeServiceDaemon(name)) {
            found << name;
            daemon = known;
        }
    }
    if (found.isEmpty())
        return Error{u"no chronyd, systemd-timesyncd or ntpd runs on this computer; name one with --daemon"_s};
    if (found.size() > 1)
        return Error{u"%1 run on this computer; name the one to change with --daemon"_s.arg(found.join(u" and "_s))};
    return *daemon;
}

// Asks on the terminal (stderr, so that --json output stays one document); never when stdin is
// not a terminal: scripts must say --yes.
bool ask(const QString &question)
{
    if (!isatty(STDIN_FILENO))
        return false;
    std::fputs(question.toUtf8().constData(), stderr);
    std::fflush(stderr);
    std::string answer;
    if (!std::getline(std::cin, answer))
        return false;
    const QString reply = QString::fromStdString(answer).trimmed().toLower();
    return reply == u"y"_s || reply == u"yes"_s;
}

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonArray serversJson(const TimeServicePlan &plan)
{
    QJsonArray servers;
    for (const ts::ServerEntry &entry : plan.servers) {
        const bool poll = entry.flags & ts::SERVER_POLL;
        servers.append(QJsonObject{
                {u"host"_s, QString::fromStdString(entry.host)},
                {u"port"_s, entry.port == 0 ? 123 : int(entry.port)},
                {u"iburst"_s, bool(entry.flags & ts::SERVER_IBURST)},
                {u"prefer"_s, bool(entry.flags & ts::SERVER_PREFER)},
                {u"nts"_s, bool(entry.flags & ts::SERVER_NTS)},
                {u"minpoll"_s, poll ? QJsonValue(int(entry.minPoll)) : QJsonValue(QJsonValue::Null)},
                {u"maxpoll"_s, poll ? QJsonValue(int(entry.maxPoll)) : QJsonValue(QJsonValue::Null)},
                {u"key"_s, entry.keyId ? QJsonValue(qint64(entry.keyId)) : QJsonValue(QJsonValue::Null)}});
    }
    return servers;
}

// The reason id of an outcome: a SourceError for invalid_source and local refusals, a
// RollbackReason for rolled_back / rollback_failed; null otherwise.
QJsonValue reasonJson(const TimeServiceOutcome &o, const TimeServicePlan &plan)
{
    if (!plan.ok())
        return plan.refusal.option.isEmpty() ? QJsonValue(latin1(ts::sourceErrorName(plan.refusal.sourceError)))
                                             : QJsonValue(u"unsupported_option"_s);
    if (o.answered && o.status == ts::Status::InvalidSource)
        return latin1(ts::sourceErrorName(ts::SourceError(o.reason)));
    if (o.answered && (o.status == ts::Status::RolledBack || o.status == ts::Status::RollbackFailed))
        return latin1(ts::rollbackReasonName(ts::RollbackReason(o.reason)));
    return QJsonValue(QJsonValue::Null);
}

QJsonObject outcomeJson(const SystemOptions &options, const TimeServicePlan &plan, const TimeServiceOutcome &o,
                        const QString &text)
{
    const bool apply = options.action == SystemOptions::Action::Apply;
    QJsonObject json{
            {u"version"_s, 1},
            {u"action"_s, apply ? u"apply"_s : u"revert"_s},
            {u"daemon"_s, sysservice::timeServiceDaemonName(plan.daemon)},
            {u"file"_s, plan.path},
            {u"result"_s, sysservice::timeServiceResultId(o.result)},
            {u"status"_s, o.answered ? QJsonValue(latin1(ts::statusName(o.status))) : QJsonValue(QJsonValue::Null)},
            {u"reason"_s, reasonJson(o, plan)},
            {u"server"_s, orNull(o.server)},
            {u"errno"_s, o.sysErrno},
            {u"backup"_s, o.answered ? QJsonValue(latin1(ts::backupStateName(o.backup))) : QJsonValue(QJsonValue::Null)},
            {u"sources_seen"_s, o.answered ? QJsonValue(qint64(o.sourcesSeen)) : QJsonValue(QJsonValue::Null)},
            {u"reachable"_s, o.answered ? QJsonValue(qint64(o.reachable)) : QJsonValue(QJsonValue::Null)},
            {u"dry_run"_s, o.dryRun},
            {u"message"_s, text},
    };
    if (apply) {
        json.insert(u"servers"_s, serversJson(plan));
        json.insert(u"content"_s, plan.ok() ? QJsonValue(sysservice::timeServicePreview(plan)) : QJsonValue(QJsonValue::Null));
    }
    return json;
}

// Runs one apply or revert through the helper and waits for it in an event loop.
TimeServiceOutcome carryOut(const SystemOptions &options, const TimeServicePlan &plan)
{
    sysservice::ProcessTimeServiceHelper helper;
    sysservice::TimeServiceConfigurator configurator(&helper);
    TimeServiceOutcome outcome;
    QEventLoop loop;
    QObject::connect(&configurator, &sysservice::TimeServiceConfigurator::finished, &loop,
                     [&](const TimeServiceOutcome &o) {
                         outcome = o;
                         loop.quit();
                     });
    if (options.action == SystemOptions::Action::Apply)
        configurator.apply(plan, options.dryRun);
    else
        configurator.revert(plan.daemon, options.dryRun);
    loop.exec();
    return outcome;
}

int finish(const SystemOptions &options, const TimeServicePlan &plan, const TimeServiceOutcome &outcome)
{
    const QString text = sysservice::timeServiceOutcomeText(outcome);
    if (options.json)
        print(stdout, QString::fromUtf8(QJsonDocument(outcomeJson(options, plan, outcome, text)).toJson(QJsonDocument::Indented)).trimmed());
    else
        print(outcome.succeeded() ? stdout : stderr, text);
    if (!outcome.succeeded() && !outcome.detail.isEmpty() && outcome.answered && !options.json)
        print(stderr, outcome.detail);
    return outcome.succeeded() ? EXIT_DONE : EXIT_NOT_DONE;
}

// Stops before the helper: what was not confirmed, or what cannot be applied.
int notDone(const SystemOptions &options, const TimeServicePlan &plan, TimeServiceOutcome::Result result,
            const QString &why)
{
    TimeServiceOutcome outcome;
    outcome.result = result;
    outcome.op = options.action == SystemOptions::Action::Apply ? ts::Op::ApplySources : ts::Op::RevertSources;
    outcome.daemon = plan.daemon;
    outcome.server = plan.refusal.server;
    outcome.detail = why;
    if (options.json) {
        print(stdout, QString::fromUtf8(QJsonDocument(outcomeJson(options, plan, outcome, why)).toJson(QJsonDocument::Indented)).trimmed());
    } else {
        print(stderr, why);
    }
    return EXIT_NOT_DONE;
}

QString changeNote(TimeServiceDaemon daemon)
{
    const QString name = sysservice::timeServiceDaemonName(daemon);
    return u"The present configuration is backed up first (once: revert always returns to the configuration from "
           u"before Chronoscope's first change). The helper then watches %1 for 20 s and restores the backup by "
           u"itself if %1 stops, loses its sources or none of the servers answers."_s.arg(name);
}

} // namespace

int runSystemApply(const SystemOptions &options)
{
    const Result<TimeServiceDaemon> daemon = targetDaemon(options);
    if (!daemon) {
        print(stderr, u"chronoscope-cli system apply: "_s + daemon.errorMessage());
        return EXIT_NOT_DONE;
    }
    const QString settingsPath = guiSettingsPath();
    const config::LoadedSettings settings = config::SettingsStore(settingsPath).load();
    if (settings.unreadable) {
        print(stderr, u"chronoscope-cli system apply: cannot read %1: %2"_s.arg(settingsPath, settings.problem));
        return EXIT_NOT_DONE;
    }
    if (!settings.problem.isEmpty() && !options.json)
        print(stderr, u"chronoscope-cli: warning: %1"_s.arg(settings.problem));
    const TimeServicePlan plan = sysservice::planTimeService(*daemon, settings.servers);
    if (!plan.ok()) {
        TimeServicePlan refused = plan;
        return notDone(options, refused, TimeServiceOutcome::Result::Refused,
                       u"Not applied: "_s + sysservice::timeServiceRefusalText(plan.refusal, plan.daemon) + u"."_s);
    }
    const QString name = sysservice::timeServiceDaemonName(plan.daemon);
    if (!options.json) {
        print(stdout, u"%1 server(s) from %2%3 for %4, written to %5:"_s.arg(plan.servers.size()).arg(settingsPath,
                      settings.freshInstall ? u" (no settings yet: Chronoscope's default list)"_s : QString(), name,
                      plan.path));
        QString lines;
        for (const QString &line : sysservice::timeServicePreview(plan).split(u'\n', Qt::SkipEmptyParts))
            lines += u"    "_s + line + u'\n';
        std::fputs(lines.toUtf8().constData(), stdout);
        if (!plan.poolNames.isEmpty())
            print(stdout, u"Pools are written as single servers: %1 will use one address of %2."_s.arg(
                                  name, plan.poolNames.join(u", "_s)));
        print(stdout, changeNote(plan.daemon));
    }
    if (!options.dryRun && !options.yes && !ask(u"Apply these servers to %1? [y/N] "_s.arg(name)))
        return notDone(options, plan, TimeServiceOutcome::Result::Cancelled,
                       u"Cancelled: nothing was changed; run again with --yes to apply without asking."_s);
    if (!options.json)
        print(stderr, u"Waiting for authorisation; then the helper writes the file and watches %1 for up to 20 s…"_s.arg(name));
    return finish(options, plan, carryOut(options, plan));
}

int runSystemRevert(const SystemOptions &options)
{
    const Result<TimeServiceDaemon> daemon = targetDaemon(options);
    if (!daemon) {
        print(stderr, u"chronoscope-cli system revert: "_s + daemon.errorMessage());
        return EXIT_NOT_DONE;
    }
    TimeServicePlan plan;
    plan.daemon = *daemon;
    plan.path = sysservice::timeServiceConfigPath(*daemon);
    const QString name = sysservice::timeServiceDaemonName(plan.daemon);
    if (!options.json)
        print(stdout, u"Restores %1 as it was before Chronoscope first changed it (or removes Chronoscope's file if "
                      u"there was none) and makes %2 read it again."_s.arg(plan.path, name));
    if (!options.dryRun && !options.yes && !ask(u"Revert %1? [y/N] "_s.arg(name)))
        return notDone(options, plan, TimeServiceOutcome::Result::Cancelled,
                       u"Cancelled: nothing was changed; run again with --yes to revert without asking."_s);
    return finish(options, plan, carryOut(options, plan));
}

} // namespace chronoscope::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/systemoptions.h"

#include <QStringList>

#include "app/cli/commandspecs.h"

using namespace Qt::StringLiterals;

namespace chronoscope::cli {

Result<QPair<QHostAddress, quint16>> parseLoopbackEndpoint(const QString &text, quint16 defaultPort)
{
    QString host = text;
    QString port;
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(u']');
        if (close < 0)
            return Error{u"'%1' has no closing ']'"_s.arg(text)};
        host = text.mid(1, close - 1);
        const QString rest = text.mid(close + 1);
        if (!rest.isEmpty() && !rest.startsWith(u':'))
            return Error{u"'%1': expected ':PORT' after ']'"_s.arg(text)};
        port = rest.mid(1);
        if (rest == u":"_s)
            return Error{u"'%1' has an empty port"_s.arg(text)};
    } else if (text.count(u':') == 1) {
        host = text.section(u':', 0, 0);
        port = text.section(u':', 1);
        if (port.isEmpty())
            return Error{u"'%1' has an empty port"_s.arg(text)};
    }
    QHostAddress address = host == u"localhost"_s ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(host);
    if (address.isNull())
        return Error{u"'%1' is not an IP address (use 127.0.0.1, ::1 or localhost)"_s.arg(host)};
    if (!address.isLoopback())
        return Error{u"%1 is not a loopback address: only this computer's own daemon is read (127.0.0.1 or ::1)"_s.arg(host)};
    quint16 portNumber = defaultPort;
    if (!port.isEmpty()) {
        bool ok = false;
        const uint value = port.toUInt(&ok);
        if (!ok || value == 0 || value > 65535)
            return Error{u"port '%1' in '%2' is not a port number (1-65535)"_s.arg(port, text)};
        portNumber = quint16(value);
    }
    return QPair<QHostAddress, quint16>(address, portNumber);
}

CommandSpec systemCommandSpec()
{
    CommandSpec spec;
    spec.name = u"system"_s;
    spec.synopsis = u"[--json] [--chronyd-socket PATH] [--chronyd-port N] | [--json] --via-helper | [--json] --ntpd HOST | "
                    u"[--json] --timesyncd"_s;
    spec.summary = u"What the system's own time service does: its selected source, offset, frequency, stratum and "
                   u"leap status, and each of its sources with its state in words."_s;
    spec.options = {
        QCommandLineOption(u"json"_s, u"one JSON document on standard output"_s),
        QCommandLineOption(u"chronyd-socket"_s,
                           u"chronyd's command socket (default /run/chrony/chronyd.sock). When it cannot be used, "
                           u"chronyd's UDP command port on 127.0.0.1 and ::1 is tried."_s,
                           u"PATH"_s),
        QCommandLineOption(u"chronyd-port"_s, u"that UDP command port (default 323)"_s, u"N"_s),
        QCommandLineOption(u"via-helper"_s,
                           u"read chronyd's socket (/run/chrony/chronyd.sock) through chronoscope-helper, for when "
                           u"this user may not read it: asks for an administrator password (pkexec), only reads"_s),
        QCommandLineOption(u"ntpd"_s,
                           u"read ntpd or ntpsec over mode 6 (what ntpq uses) at HOST: 127.0.0.1, ::1 or localhost, "
                           u"optionally with :PORT ([::1]:PORT); default port 123"_s,
                           u"HOST"_s),
        QCommandLineOption(u"timesyncd"_s, u"read systemd-timesyncd over D-Bus (org.freedesktop.timesync1)"_s),
    };
    spec.details = u"Without a daemon option, chronyd is tried first (its socket, then its command port), then ntpd "
                   u"on 127.0.0.1 and ::1, then systemd-timesyncd.\n"
                   u"--via-helper starts the helper once for the whole read (one password prompt); it passes only "
                   u"chronyd's read-only requests (tracking, sources, sourcestats, selectdata, source names), so "
                   u"ntpdata and authdata are not shown then.\n"
                   u"'chronoscope-cli system apply' writes Chronoscope's servers to the daemon's configuration, "
                   u"'chronoscope-cli system revert' restores it (see their --help).\n"
                   u"Exit status: 0 read, 1 the daemon is not synchronised, 2 usage error, 3 the daemon cannot be "
                   u"read.\n"_s;
    return spec;
}

namespace {

QCommandLineOption daemonOption()
{
    return QCommandLineOption(u"daemon"_s,
                              u"chronyd, timesyncd or ntpd (default: the one that runs on this computer)"_s,
                              u"NAME"_s);
}

const QString CHANGE_DETAILS =
        u"The change is made by chronoscope-helper through pkexec (you may be asked for an administrator "
        u"password). Before it writes, the helper backs up the present file once, so that revert always returns to "
        u"the configuration from before Chronoscope's first change; after it, the helper watches the daemon for "
        u"20 s and restores the backup by itself if the daemon stops, loses its sources or none of the servers "
        u"answers.\n"_s;

// What `system apply` and `system revert` share: the synopsis and the options (--daemon, --yes,
// --dry-run, --json); `yesHelp` says what --yes does without asking.
CommandSpec changeCommandSpec(const QString &name, const QString &yesHelp)
{
    CommandSpec spec;
    spec.name = name;
    spec.synopsis = u"[--daemon chronyd|timesyncd|ntpd] [--yes] [--dry-run] [--json]"_s;
    spec.options = {
        daemonOption(),
        QCommandLineOption({u"y"_s, u"yes"_s}, yesHelp),
        QCommandLineOption(u"dry-run"_s, u"the helper checks everything and writes nothing"_s),
        QCommandLineOption(u"json"_s, u"one JSON document on standard output"_s),
    };
    return spec;
}

// `system apply` / `system revert`: --daemon, --yes, --dry-run, --json.
Result<SystemOptions> parseChangeArguments(SystemOptions::Action action, const QStringList &arguments)
{
    SystemOptions options;
    options.action = action;
    const CommandSpec spec = action == SystemOptions::Action::Apply ? systemApplyCommandSpec() : systemRevertCommandSpec();
    QCommandLineParser parser;
    const Result<ParsedCommand> parsed = parseCommand(spec, arguments, &parser, allCommandSpecs());
    if (!parsed)
        return parsed.error();
    if (parsed->help) {
        options.help = true;
        return options;
    }
    if (!parsed->positional.isEmpty())
        return Error{u"unexpected argument '%1'"_s.arg(parsed->positional.constFirst())};
    options.json = parser.isSet(u"json"_s);
    options.yes = parser.isSet(u"yes"_s);
    options.dryRun = parser.isSet(u"dry-run"_s);
    if (parser.isSet(u"daemon"_s)) {
        const QString name = parser.value(u"daemon"_s);
        options.target = sysservice::parseTimeServiceDaemon(name);
        if (!options.target)
            return Error{u"invalid value '%1' for --daemon (expected chronyd, timesyncd or ntpd)"_s.arg(name)};
    }
    return options;
}

} // namespace

CommandSpec systemApplyCommandSpec()
{
    CommandSpec spec = changeCommandSpec(u"system apply"_s, u"apply without asking"_s);
    spec.summary = u"Write Chronoscope's server list (the desktop app's settings) to the configuration of the "
                   u"system's time service and make it use the servers."_s;
    spec.details = u"chronyd: /etc/chrony/sources.d/chronoscope.sources, then chronyd reloads its sources "
                   u"(chrony.conf needs 'sourcedir /etc/chrony/sources.d'). systemd-timesyncd: "
                   u"/etc/systemd/timesyncd.conf.d/chronoscope.conf (host names only), then a restart. ntpd: a block "
                   u"between '# BEGIN chronoscope' and '# END chronoscope' in /etc/ntpsec/ntp.conf or /etc/ntp.conf "
                   u"(no ports), then a restart. The lines are shown before anything is changed; without --yes "
                   u"apply asks on the terminal, and refuses when there is none.\n"_s
        + CHANGE_DETAILS
        + u"Exit status: 0 applied (or the dry run passed), 1 not applied (refused, rolled back, cancelled, "
          u"failed), 2 usage error.\n"_s;
    return spec;
}

CommandSpec systemRevertCommandSpec()
{
    CommandSpec spec = changeCommandSpec(u"system revert"_s, u"revert without asking"_s);
    spec.summary = u"Restore the time service's configuration from before Chronoscope's first change (remove "
                   u"Chronoscope's file if there was none) and make the daemon read it again."_s;
    spec.details = u"The change is made by chronoscope-helper through pkexec (you may be asked for an administrator "
                   u"password).\n"
                   u"Exit status: 0 reverted (or the dry run passed), 1 not reverted (nothing to revert, refused, "
                   u"cancelled, failed), 2 usage error.\n"_s;
    return spec;
}

Result<SystemOptions> parseSystemArguments(const QStringList &arguments)
{
    if (!arguments.isEmpty() && arguments.constFirst() == u"apply"_s)
        return parseChangeArguments(SystemOptions::Action::Apply, arguments.mid(1));
    if (!arguments.isEmpty() && arguments.constFirst() == u"revert"_s)
        return parseChangeArguments(SystemOptions::Action::Revert, arguments.mid(1));
    SystemOptions options;
    const CommandSpec spec = systemCommandSpec();
    QCommandLineParser parser;
    const Result<ParsedCommand> parsed = parseCommand(spec, arguments, &parser, allCommandSpecs());
    if (!parsed)
        return parsed.error();
    if (parsed->help) {
        options.help = true;
        return options;
    }
    options.json = parser.isSet(u"json"_s);
    const bool chronydOption = parser.isSet(u"chronyd-socket"_s) || parser.isSet(u"chronyd-port"_s);
    if (parser.isSet(u"chronyd-socket"_s)) {
        options.chronydSocket = parser.value(u"chronyd-socket"_s);
        if (options.chronydSocket.isEmpty())
            return Error{u"--chronyd-socket needs a value"_s};
    }
    if (parser.isSet(u"chronyd-port"_s)) {
        const QString text = parser.value(u"chronyd-port"_s);
        bool ok = false;
        const uint port = text.toUInt(&ok);
        if (!ok || port == 0 || port > 65535)
            return Error{u"--chronyd-port %1 is not a port number (1-65535)"_s.arg(text)};
        options.chronydPort = quint16(port);
    }
    if (parser.isSet(u"ntpd"_s)) {
        const auto endpoint = parseLoopbackEndpoint(parser.value(u"ntpd"_s), 123);
        if (!endpoint)
            return Error{u"--ntpd: "_s + endpoint.errorMessage()};
        options.ntpdAddress = endpoint->first;
        options.ntpdPort = endpoint->second;
        options.daemon = SystemOptions::Daemon::Ntpd;
    }
    if (parser.isSet(u"timesyncd"_s)) {
        if (options.daemon == SystemOptions::Daemon::Ntpd)
            return Error{u"--timesyncd cannot be combined with --ntpd"_s};
        options.daemon = SystemOptions::Daemon::Timesyncd;
    }
    options.viaHelper = parser.isSet(u"via-helper"_s);
    if (options.viaHelper) {
        if (chronydOption)
            return Error{u"--via-helper reads the socket the helper knows (/run/chrony/chronyd.sock); it cannot be "
                         u"combined with --chronyd-socket or --chronyd-port"_s};
        if (options.daemon != SystemOptions::Daemon::Detect)
            return Error{u"--via-helper reads chronyd; it cannot be combined with --ntpd or --timesyncd"_s};
        options.daemon = SystemOptions::Daemon::Chronyd;
    }
    if (chronydOption) {
        if (options.daemon != SystemOptions::Daemon::Detect)
            return Error{u"--chronyd-socket and --chronyd-port read chronyd; they cannot be combined with --ntpd or --timesyncd"_s};
        options.daemon = SystemOptions::Daemon::Chronyd;
    }
    return options;
}

QString systemUsageText(SystemOptions::Action action)
{
    switch (action) {
    case SystemOptions::Action::Apply: return commandHelpText(systemApplyCommandSpec());
    case SystemOptions::Action::Revert: return commandHelpText(systemRevertCommandSpec());
    case SystemOptions::Action::Read: break;
    }
    return commandHelpText(systemCommandSpec());
}

} // namespace chronoscope::cli

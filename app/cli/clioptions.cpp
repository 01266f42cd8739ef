// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/clioptions.h"

#include <algorithm>
#include <cmath>

#include <QFileInfo>

#include "app/cli/commandspecs.h"

using namespace Qt::StringLiterals;

namespace chronoscope::cli {
namespace {

Result<double> parseSeconds(const QString &option, const QString &text, double minimum, bool allowZero)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < 0 || (value == 0 && !allowZero) || (value > 0 && value < minimum))
        return Error{u"invalid value '%1' for %2 (expected %3 seconds)"_s.arg(
            text, option, allowZero ? u"0 or more"_s : u"a number ≥ %1"_s.arg(minimum))};
    if (value > 86400.0 * 365)
        return Error{u"invalid value '%1' for %2 (more than a year)"_s.arg(text, option)};
    return value;
}

// `--nts HOST[:KEPORT][,options]`: an NTS server whose key exchange runs on KEPORT (default 4460).
Result<engine::ServerSpec> parseNtsServer(const QString &text)
{
    Result<engine::ServerSpec> parsed = engine::parseServerSpec(text);
    if (!parsed)
        return parsed;
    engine::ServerSpec spec = *parsed;
    const QString address = text.trimmed().section(u',', 0, 0);
    const bool portGiven = address.startsWith(u'[') ? address.contains(u"]:"_s) : address.count(u':') == 1;
    if (portGiven) {
        spec.ntsPort = spec.port;
        spec.port = 123;
    }
    if (spec.keyId != 0)
        return Error{u"--nts %1: NTS brings its own keys; key=%2 does not apply"_s.arg(text).arg(spec.keyId)};
    spec.nts = true;
    return spec;
}

} // namespace

engine::AssociationOptions CliOptions::associationOptions() const
{
    engine::AssociationOptions o;
    o.maxRequests = command == Command::Check || command == Command::Step ? samples : 0;
    o.fixedInterval = interval;
    o.timeout = timeout;
    o.allowFastPolling = allowFastPolling;
    o.timestamps = userspaceTimestamps ? engine::TimestampSource::Userspace : engine::TimestampSource::Kernel;
    o.ntsTrust.systemStore = true;
    o.ntsTrust.caPaths = ntsCaPaths;
    return o;
}

namespace {

Result<int> parseCount(const QString &option, const QString &text, int maximum)
{
    bool ok = false;
    const int n = text.toInt(&ok);
    if (!ok || n < 1 || n > maximum)
        return Error{u"invalid value '%1' for %2 (expected 1-%3)"_s.arg(text, option).arg(maximum)};
    return n;
}

// The values of check, monitor, step and diagnose, each checked (ARCHITECTURE.md §3.2).
std::optional<Error> takeMeasurementValues(const CommandSpec &spec, const QCommandLineParser &parser,
                                           const ParsedCommand &parsed, CliOptions *options)
{
    const auto given = [&](const QString &name) { return spec.hasOption(name) && parser.isSet(name); };
    options->json = given(u"json"_s);
    options->userspaceTimestamps = given(u"no-kernel-timestamps"_s);
    options->allowFastPolling = given(u"allow-fast-polling"_s);
    options->dryRun = given(u"dry-run"_s);
    options->yes = given(u"yes"_s);
    options->yesVeryLarge = given(u"yes-very-large"_s);
    if (given(u"samples"_s)) {
        const Result<int> n = parseCount(u"--samples"_s, parser.value(u"samples"_s), 10000);
        if (!n) return n.error();
        options->samples = *n;
    }
    if (given(u"minsources"_s)) {
        const Result<int> n = parseCount(u"--minsources"_s, parser.value(u"minsources"_s), 100);
        if (!n) return n.error();
        options->minSources = *n;
    }
    struct Seconds { QString name; double minimum; bool allowZero; double *target; };
    for (const Seconds &s : {Seconds{u"interval"_s, 1.0 / 16.0, false, &options->interval},
                             Seconds{u"timeout"_s, 0.01, false, &options->timeout},
                             Seconds{u"duration"_s, 0.0, true, &options->duration},
                             Seconds{u"window"_s, 0.1, false, &options->probeWindow}}) {
        if (!given(s.name))
            continue;
        const Result<double> v = parseSeconds(u"--"_s + s.name, parser.value(s.name), s.minimum, s.allowZero);
        if (!v) return v.error();
        *s.target = *v;
    }
    if (given(u"port"_s)) {
        const QString value = parser.value(u"port"_s);
        bool ok = false;
        const uint port = value.toUInt(&ok);
        if (!ok || port == 0 || port > 65535)
            return Error{u"invalid value '%1' for --port (expected 1-65535)"_s.arg(value)};
        options->diagnosePort = quint16(port);
    }
    if (given(u"probe"_s)) {
        const QString value = parser.value(u"probe"_s);
        Result<engine::ServerSpec> target = engine::parseServerSpec(value);
        if (!target)
            return Error{u"bad probe target '%1': %2"_s.arg(value, target.errorMessage())};
        options->probeTarget = value;
    }
    if (given(u"keys"_s)) {
        options->keyFile = parser.value(u"keys"_s);
        if (options->keyFile.isEmpty())
            return Error{u"--keys needs a key file name"_s};
    }
    if (given(u"key"_s)) {
        Result<quint32> id = parseKeyId(u"--key"_s, parser.value(u"key"_s));
        if (!id) return id.error();
        options->keyId = *id;
    }
    if (given(u"metrics"_s)) {
        Result<metrics::ListenAddress> where = metrics::parseListenAddress(parser.value(u"metrics"_s));
        if (!where) return where.error();
        options->metrics = *where;
    }
    // SERVER arguments, --pool and --nts in the order typed.
    for (const auto &[option, value] : parsed.ordered) {
        if (option.isEmpty()) {
            Result<engine::ServerSpec> server = engine::parseServerSpec(value);
            if (!server)
                return Error{u"bad server '%1': %2"_s.arg(value, server.errorMessage())};
            options->servers.append(*server);
        } else if (option == u"pool"_s) {
            Result<engine::ServerSpec> server = engine::parseServerSpec(value);
            if (!server)
                return Error{u"bad pool '%1': %2"_s.arg(value, server.errorMessage())};
            engine::ServerSpec pool = *server;
            pool.isPool = true;
            options->servers.append(pool);
        } else if (option == u"nts"_s) {
            Result<engine::ServerSpec> server = parseNtsServer(value);
            if (!server)
                return Error{u"bad NTS server '%1': %2"_s.arg(value, server.errorMessage())};
            options->servers.append(*server);
        }
    }
    if (given(u"nts-ca"_s)) {
        for (const QString &value : parser.values(u"nts-ca"_s)) {
            const QFileInfo ca(value);
            if (value.isEmpty() || !ca.exists())
                return Error{u"--nts-ca '%1': no such file or directory"_s.arg(value)};
            if (!ca.isReadable())
                return Error{u"--nts-ca '%1': not readable"_s.arg(value)};
            options->ntsCaPaths << ca.absoluteFilePath();
        }
    }
    return std::nullopt;
}

Result<CliOptions> parseMeasurementCommand(Command command, const CommandSpec &spec, const QStringList &arguments)
{
    CliOptions options;
    QCommandLineParser parser;
    const Result<ParsedCommand> parsed = parseCommand(spec, arguments, &parser, allCommandSpecs());
    if (!parsed)
        return parsed.error();
    if (parsed->help) {
        options.command = Command::Help;
        options.helpCommand = spec.name;
        return options;
    }
    options.command = command;
    if (std::optional<Error> error = takeMeasurementValues(spec, parser, *parsed, &options))
        return *error;
    if (options.keyId != 0) {
        for (engine::ServerSpec &server : options.servers) {
            if (server.keyId == 0 && !server.nts)   // NTS servers bring their own keys
                server.keyId = options.keyId;
        }
    }
    if (!options.keyFile.isEmpty()
        && std::none_of(options.servers.cbegin(), options.servers.cend(),
                        [](const engine::ServerSpec &server) { return server.keyId != 0; }))
        return Error{u"--keys %1 needs --key ID (or SERVER,key=ID) to say which key to use"_s.arg(options.keyFile)};
    if (!options.ntsCaPaths.isEmpty()
        && std::none_of(options.servers.cbegin(), options.servers.cend(),
                        [](const engine::ServerSpec &server) { return server.nts; }))
        return Error{u"--nts-ca %1 applies to NTS servers (--nts HOST[:KEPORT] or SERVER,nts)"_s.arg(
            options.ntsCaPaths.first())};
    if (options.servers.isEmpty() && command != Command::Diagnose)
        return Error{u"no server given (e.g. chronoscope-cli %1 pool.ntp.org)"_s.arg(spec.name)};
    return options;
}

const QString COMMAND_NAMES = u"check, monitor, step, diagnose, keys or system"_s;

} // namespace

Result<CliOptions> parseCommandLine(const QStringList &arguments)
{
    CliOptions options;
    if (arguments.isEmpty())
        return Error{u"missing command (%1)"_s.arg(COMMAND_NAMES)};
    const QString &first = arguments.first();
    if (first == u"--help"_s || first == u"-h"_s || first == u"help"_s) {
        options.command = Command::Help;
        if (first == u"help"_s && arguments.size() > 1)   // "help check" is "check --help"
            options.helpCommand = arguments.mid(1).join(u' ');
        return options;
    }
    if (first == u"--version"_s || first == u"-V"_s) {
        options.command = Command::Version;
        return options;
    }
    const QStringList rest = arguments.mid(1);
    if (first == u"check"_s)
        return parseMeasurementCommand(Command::Check, checkCommandSpec(), rest);
    if (first == u"monitor"_s)
        return parseMeasurementCommand(Command::Monitor, monitorCommandSpec(), rest);
    if (first == u"step"_s)
        return parseMeasurementCommand(Command::Step, stepCommandSpec(), rest);
    if (first == u"diagnose"_s)
        return parseMeasurementCommand(Command::Diagnose, diagnoseCommandSpec(), rest);
    if (first == u"system"_s) {
        Result<SystemOptions> system = parseSystemArguments(rest);
        if (!system)
            return system.error();
        options.command = Command::System;
        options.system = *system;
        return options;
    }
    if (first == u"keys"_s) {
        Result<KeysOptions> keys = parseKeysArguments(rest);
        if (!keys)
            return keys.error();
        options.command = Command::Keys;
        options.keys = *keys;
        return options;
    }
    if (first.startsWith(u'-'))
        return Error{u"unknown option '%1' (expected a command first: %2)"_s.arg(first, COMMAND_NAMES)};
    return Error{u"unknown command '%1' (expected %2)"_s.arg(first, COMMAND_NAMES)};
}

QString helpText(const QString &command)
{
    if (command == u"keys"_s)
        return keysUsageText();
    if (const std::optional<CommandSpec> spec = commandSpec(command))
        return commandHelpText(*spec);
    return usageText();
}

QString commandOfArguments(const QStringList &arguments)
{
    if (arguments.isEmpty() || (!commandSpec(arguments.first()) && arguments.first() != u"keys"_s))
        return {};
    if (arguments.first() == u"keys"_s) {
        const QString action = arguments.size() > 1 ? u"keys "_s + arguments.at(1) : QString();
        return commandSpec(action) ? action : u"keys"_s;
    }
    if (arguments.first() == u"system"_s && arguments.size() > 1) {
        const QString action = u"system "_s + arguments.at(1);
        if (commandSpec(action))
            return action;
    }
    return arguments.first();
}

QString usageErrorText(const QStringList &arguments, const QString &message)
{
    const QString command = commandOfArguments(arguments);
    const QString who = command.isEmpty() ? u"chronoscope-cli"_s : u"chronoscope-cli "_s + command;
    return u"%1: %2\nTry '%1 --help'.\n"_s.arg(who, message);
}

QString usageText()
{
    return uR"(Usage: chronoscope-cli COMMAND [options] [arguments]

Commands:
  chronoscope-cli check   [options] SERVER...   measure once, select, print, exit
  chronoscope-cli monitor [options] SERVER...   keep polling, print one line per event
  chronoscope-cli step [--dry-run] [--yes] [--yes-very-large] [options] SERVER...
                                                measure like check, then correct the clock
  chronoscope-cli diagnose [--json] [--port N] [--probe HOST[:PORT]] [SERVER...]
                                                port 123, time services, reachability, exposure
  chronoscope-cli keys    generate|list|import|export|delete ...   manage authentication keys
  chronoscope-cli system [--json] [--chronyd-socket PATH] [--chronyd-port N] [--ntpd HOST] [--timesyncd]
                                                the system's own time service (chronyd, ntpd, timesyncd)
  chronoscope-cli system apply [--daemon NAME] [--yes] [--dry-run] [--json]
                                                write Chronoscope's servers to its configuration
  chronoscope-cli system revert [--daemon NAME] [--yes] [--dry-run] [--json]
                                                restore its configuration from before that
  chronoscope-cli --version | --help

'chronoscope-cli COMMAND --help' (or 'chronoscope-cli help COMMAND') shows a command's options;
'chronoscope-cli keys ACTION --help' those of a keys action.

SERVER is host, host:port, ipv4:port or [ipv6]:port (default port 123), optionally followed by
chrony-style options after commas: prefer, noselect, trust, require, noiburst, xleave, minpoll=N,
maxpoll=N, key=ID, nts, ntsport=N (e.g. ntp1.example,prefer; time.example,nts).

Offsets are server time minus local time: positive means your clock is behind.
Exit status of check and monitor: 0 a system offset was determined, 1 none could be, 2 usage error,
3 none could be and an NTS server's certificate was refused (not trusted, expired, other name).
A usage error prints what is wrong and 'Try ... --help' on standard error and exits with status 2.
)"_s;
}

} // namespace chronoscope::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/clioptions.h"

#include <cmath>

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

} // namespace

engine::AssociationOptions CliOptions::associationOptions() const
{
    engine::AssociationOptions o;
    o.maxRequests = command == Command::Check ? samples : 0;
    o.fixedInterval = interval;
    o.timeout = timeout;
    o.allowFastPolling = allowFastPolling;
    o.timestamps = userspaceTimestamps ? engine::TimestampSource::Userspace : engine::TimestampSource::Kernel;
    return o;
}

Result<CliOptions> parseCommandLine(const QStringList &arguments)
{
    CliOptions options;
    if (arguments.isEmpty())
        return Error{u"missing command (check, monitor); try --help"_s};

    qsizetype i = 0;
    const QString &first = arguments.first();
    if (first == u"--help"_s || first == u"-h"_s || first == u"help"_s) {
        options.command = Command::Help;
        return options;
    }
    if (first == u"--version"_s || first == u"-V"_s) {
        options.command = Command::Version;
        return options;
    }
    if (first == u"check"_s)
        options.command = Command::Check;
    else if (first == u"monitor"_s)
        options.command = Command::Monitor;
    else if (first == u"keys"_s)
        return Error{u"'keys' is not available in this version yet"_s};
    else
        return Error{u"unknown command '%1' (expected check or monitor)"_s.arg(first)};
    ++i;

    bool optionsEnded = false;
    for (; i < arguments.size(); ++i) {
        QString arg = arguments.at(i);
        if (optionsEnded || !arg.startsWith(u"-"_s) || arg == u"-"_s) {
            Result<engine::ServerSpec> spec = engine::parseServerSpec(arg);
            if (!spec)
                return Error{u"bad server '%1': %2"_s.arg(arg, spec.errorMessage())};
            options.servers.append(*spec);
            continue;
        }
        if (arg == u"--"_s) {
            optionsEnded = true;
            continue;
        }
        QString inlineValue;
        bool hasInline = false;
        if (arg.startsWith(u"--"_s) && arg.contains(u'=')) {
            const qsizetype eq = arg.indexOf(u'=');
            inlineValue = arg.mid(eq + 1);
            arg = arg.left(eq);
            hasInline = true;
        }
        auto takeValue = [&](QString *value) -> std::optional<Error> {
            if (hasInline) {
                *value = inlineValue;
                return std::nullopt;
            }
            if (i + 1 >= arguments.size())
                return Error{u"option %1 needs a value"_s.arg(arg)};
            *value = arguments.at(++i);
            return std::nullopt;
        };
        auto noValue = [&]() -> std::optional<Error> {
            if (hasInline)
                return Error{u"option %1 takes no value (got '%2')"_s.arg(arg, inlineValue)};
            return std::nullopt;
        };

        QString value;
        if (arg == u"--help"_s || arg == u"-h"_s) {
            options.command = Command::Help;
            return options;
        } else if (arg == u"--json"_s) {
            if (auto e = noValue()) return *e;
            options.json = true;
        } else if (arg == u"--no-kernel-timestamps"_s) {
            if (auto e = noValue()) return *e;
            options.userspaceTimestamps = true;
        } else if (arg == u"--allow-fast-polling"_s) {
            if (auto e = noValue()) return *e;
            options.allowFastPolling = true;
        } else if (arg == u"--samples"_s) {
            if (auto e = takeValue(&value)) return *e;
            bool ok = false;
            const int n = value.toInt(&ok);
            if (!ok || n < 1 || n > 10000)
                return Error{u"invalid value '%1' for --samples (expected 1-10000)"_s.arg(value)};
            options.samples = n;
        } else if (arg == u"--interval"_s) {
            if (auto e = takeValue(&value)) return *e;
            Result<double> v = parseSeconds(arg, value, 1.0 / 16.0, false);
            if (!v) return v.error();
            options.interval = *v;
        } else if (arg == u"--timeout"_s) {
            if (auto e = takeValue(&value)) return *e;
            Result<double> v = parseSeconds(arg, value, 0.01, false);
            if (!v) return v.error();
            options.timeout = *v;
        } else if (arg == u"--duration"_s) {
            if (auto e = takeValue(&value)) return *e;
            Result<double> v = parseSeconds(arg, value, 0.0, true);
            if (!v) return v.error();
            options.duration = *v;
        } else if (arg == u"--pool"_s) {
            if (auto e = takeValue(&value)) return *e;
            Result<engine::ServerSpec> spec = engine::parseServerSpec(value);
            if (!spec)
                return Error{u"bad pool '%1': %2"_s.arg(value, spec.errorMessage())};
            engine::ServerSpec pool = *spec;
            pool.isPool = true;
            options.servers.append(pool);
        } else if (arg == u"--keys"_s || arg == u"--key"_s || arg == u"--nts"_s || arg == u"--ca-file"_s) {
            return Error{u"option %1: authentication is not available in this version yet"_s.arg(arg)};
        } else {
            return Error{u"unknown option '%1'"_s.arg(arg)};
        }
    }
    if (options.command == Command::Check && options.duration > 0)
        return Error{u"--duration applies to monitor, not check"_s};
    if (options.servers.isEmpty())
        return Error{u"no server given (e.g. chronoscope-cli %1 pool.ntp.org)"_s.arg(first)};
    return options;
}

QString usageText()
{
    return uR"(Usage:
  chronoscope-cli check   [options] SERVER...   measure once, select, print, exit
  chronoscope-cli monitor [options] SERVER...   keep polling, print one line per event
  chronoscope-cli --version | --help

SERVER is host, host:port, ipv4:port or [ipv6]:port (default port 123).

Options:
  --pool HOST          add every address HOST resolves to (up to 4)
  --json               machine-readable output (check: one document; monitor: JSON Lines)
  --samples N          exchanges per server for check (default 4)
  --interval SEC       seconds between exchanges with one server (default 2); below 2 s only
                       for loopback, link-local and private addresses. Public servers are
                       never polled more often than every 64 s after the first 8 requests.
  --timeout SEC        seconds to wait for one reply (default 1)
  --duration SEC       monitor: stop after this long (default 0 = until interrupted)
  --allow-fast-polling lift the public-server limits (only for servers you run yourself)
  --no-kernel-timestamps  read receive times from the clock instead of the kernel

Offsets are server time minus local time: positive means your clock is behind.
Exit status: 0 a system offset was determined, 1 none could be, 2 usage error.
)"_s;
}

} // namespace chronoscope::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/clioptions.h"

#include <algorithm>
#include <cmath>

#include <QFileInfo>

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

Result<CliOptions> parseCommandLine(const QStringList &arguments)
{
    CliOptions options;
    if (arguments.isEmpty())
        return Error{u"missing command (check, monitor, diagnose); try --help"_s};

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
    else if (first == u"diagnose"_s)
        options.command = Command::Diagnose;
    else if (first == u"step"_s)
        options.command = Command::Step;
    else if (first == u"system"_s) {
        Result<SystemOptions> system = parseSystemArguments(arguments.mid(1));
        if (!system)
            return system.error();
        options.command = Command::System;
        options.system = *system;
        return options;
    }
    else if (first == u"keys"_s) {
        Result<KeysOptions> keys = parseKeysArguments(arguments.mid(1));
        if (!keys)
            return keys.error();
        options.command = Command::Keys;
        options.keys = *keys;
        return options;
    }
    else
        return Error{u"unknown command '%1' (expected check, monitor, diagnose or step)"_s.arg(first)};
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
        } else if (arg == u"--dry-run"_s || arg == u"--yes"_s || arg == u"-y"_s || arg == u"--yes-very-large"_s) {
            if (auto e = noValue()) return *e;
            if (options.command != Command::Step)
                return Error{u"%1 applies to step, not %2"_s.arg(arg, first)};
            if (arg == u"--dry-run"_s)
                options.dryRun = true;
            else if (arg == u"--yes-very-large"_s)
                options.yesVeryLarge = true;
            else
                options.yes = true;
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
        } else if (arg == u"--minsources"_s) {
            if (auto e = takeValue(&value)) return *e;
            bool ok = false;
            const int n = value.toInt(&ok);
            if (!ok || n < 1 || n > 100)
                return Error{u"invalid value '%1' for --minsources (expected 1-100)"_s.arg(value)};
            options.minSources = n;
        } else if (arg == u"--pool"_s) {
            if (auto e = takeValue(&value)) return *e;
            Result<engine::ServerSpec> spec = engine::parseServerSpec(value);
            if (!spec)
                return Error{u"bad pool '%1': %2"_s.arg(value, spec.errorMessage())};
            engine::ServerSpec pool = *spec;
            pool.isPool = true;
            options.servers.append(pool);
        } else if (arg == u"--port"_s || arg == u"--probe"_s || arg == u"--window"_s) {
            if (options.command != Command::Diagnose)
                return Error{u"%1 applies to diagnose, not %2"_s.arg(arg, first)};
            if (auto e = takeValue(&value)) return *e;
            if (arg == u"--port"_s) {
                bool ok = false;
                const uint port = value.toUInt(&ok);
                if (!ok || port == 0 || port > 65535)
                    return Error{u"invalid value '%1' for --port (expected 1-65535)"_s.arg(value)};
                options.diagnosePort = quint16(port);
            } else if (arg == u"--probe"_s) {
                Result<engine::ServerSpec> spec = engine::parseServerSpec(value);
                if (!spec)
                    return Error{u"bad probe target '%1': %2"_s.arg(value, spec.errorMessage())};
                options.probeTarget = value;
            } else {
                Result<double> v = parseSeconds(arg, value, 0.1, false);
                if (!v) return v.error();
                options.probeWindow = *v;
            }
        } else if (arg == u"--keys"_s) {
            if (auto e = takeValue(&value)) return *e;
            if (value.isEmpty())
                return Error{u"--keys needs a key file name"_s};
            options.keyFile = value;
        } else if (arg == u"--key"_s) {
            if (auto e = takeValue(&value)) return *e;
            Result<quint32> id = parseKeyId(arg, value);
            if (!id) return id.error();
            options.keyId = *id;
        } else if (arg == u"--metrics"_s) {
            if (options.command != Command::Monitor)
                return Error{u"--metrics applies to monitor, not %1"_s.arg(first)};
            if (auto e = takeValue(&value)) return *e;
            Result<metrics::ListenAddress> where = metrics::parseListenAddress(value);
            if (!where) return where.error();
            options.metrics = *where;
        } else if (arg == u"--nts"_s) {
            if (auto e = takeValue(&value)) return *e;
            Result<engine::ServerSpec> spec = parseNtsServer(value);
            if (!spec)
                return Error{u"bad NTS server '%1': %2"_s.arg(value, spec.errorMessage())};
            options.servers.append(*spec);
        } else if (arg == u"--nts-ca"_s) {
            if (auto e = takeValue(&value)) return *e;
            const QFileInfo ca(value);
            if (value.isEmpty() || !ca.exists())
                return Error{u"--nts-ca '%1': no such file or directory"_s.arg(value)};
            if (!ca.isReadable())
                return Error{u"--nts-ca '%1': not readable"_s.arg(value)};
            options.ntsCaPaths << ca.absoluteFilePath();
        } else {
            return Error{u"unknown option '%1'"_s.arg(arg)};
        }
    }
    if ((options.command == Command::Check || options.command == Command::Step) && options.duration > 0)
        return Error{u"--duration applies to monitor, not %1"_s.arg(first)};
    if (options.command == Command::Step && options.json)
        return Error{u"--json applies to check, monitor and diagnose, not step"_s};
    if (options.keyId != 0) {
        for (engine::ServerSpec &spec : options.servers) {
            if (spec.keyId == 0 && !spec.nts)   // NTS servers bring their own keys
                spec.keyId = options.keyId;
        }
    }
    if (!options.keyFile.isEmpty()
        && std::none_of(options.servers.cbegin(), options.servers.cend(),
                        [](const engine::ServerSpec &spec) { return spec.keyId != 0; }))
        return Error{u"--keys %1 needs --key ID (or SERVER,key=ID) to say which key to use"_s.arg(options.keyFile)};
    if (!options.ntsCaPaths.isEmpty()
        && std::none_of(options.servers.cbegin(), options.servers.cend(),
                        [](const engine::ServerSpec &spec) { return spec.nts; }))
        return Error{u"--nts-ca %1 applies to NTS servers (--nts HOST[:KEPORT] or SERVER,nts)"_s.arg(
            options.ntsCaPaths.first())};
    if (options.servers.isEmpty() && options.command != Command::Diagnose)
        return Error{u"no server given (e.g. chronoscope-cli %1 pool.ntp.org)"_s.arg(first)};
    return options;
}

QString usageText()
{
    return uR"(Usage:
  chronoscope-cli check   [options] SERVER...   measure once, select, print, exit
  chronoscope-cli monitor [options] SERVER...   keep polling, print one line per event
  chronoscope-cli diagnose [--json] [--port N] [--probe HOST[:PORT]] [SERVER...]
                                                port 123, time services, reachability, exposure
  chronoscope-cli step [--dry-run] [--yes] [--yes-very-large] [options] SERVER...
                                                measure like check, then correct the clock
  chronoscope-cli keys    generate|list|import|export|delete ...   manage authentication keys
                                                (chronoscope-cli keys --help)
  chronoscope-cli system [--json] [--chronyd-socket PATH] [--chronyd-port N] [--ntpd HOST] [--timesyncd]
                                                the system's own time service (chronyd, ntpd, timesyncd)
  chronoscope-cli --version | --help

SERVER is host, host:port, ipv4:port or [ipv6]:port (default port 123), optionally followed by
chrony-style options after commas: prefer, noselect, trust, require, noiburst, minpoll=N,
maxpoll=N, key=ID, nts, ntsport=N (e.g. ntp1.example,prefer; time.example,nts).

Options:
  --pool HOST          add every address HOST resolves to (up to 4)
  --json               machine-readable output (check: one document; monitor: JSON Lines)
  --samples N          exchanges per server for check (default 4)
  --interval SEC       seconds between exchanges with one server (default 2); below 2 s only
                       for loopback, link-local and private addresses. Public servers are
                       never polled more often than every 64 s after the first 8 requests.
  --timeout SEC        seconds to wait for one reply (default 1)
  --minsources N       servers that must agree before a system offset is given (default 1)
  --duration SEC       monitor: stop after this long (default 0 = until interrupted)
  --metrics ADDR:PORT  monitor: serve Prometheus/OpenMetrics metrics at http://ADDR:PORT/metrics
                       (e.g. 127.0.0.1:9123; PORT alone binds 127.0.0.1; 0 picks a free port)
  --allow-fast-polling lift the public-server limits (only for servers you run yourself)
  --no-kernel-timestamps  read receive times from the clock instead of the kernel
  --keys FILE          take keys from FILE (chrony or ntpd/ntpsec key file; it must not be
                       readable by group or others) instead of Chronoscope's key store
  --key ID             authenticate every SERVER without its own key=ID with key ID
  --nts HOST[:KEPORT]  add an NTS server (RFC 8915): keys from its NTS-KE service on KEPORT
                       (default 4460), every request and reply authenticated, never plain NTP
  --nts-ca FILE|DIR    also trust this CA certificate (PEM), or every *.pem/*.crt in DIR, for
                       NTS servers; the system's CA store is always trusted

Step: measures like check and proposes a correction of the system offset. Offsets up to 0.5 s
are slewed (the kernel runs the clock a little fast or slow; time never jumps); larger ones are
stepped after confirmation (--yes); steps over an hour need --yes-very-large as well. Without
these options step asks on the terminal, and refuses when there is none. The change is made by
chronoscope-helper through pkexec (you may be asked for an administrator password); afterwards
a fresh measurement verifies it. --dry-run has the helper check and log the change but make
none. Running chronyd, ntpd or systemd-timesyncd would undo the change: step warns about them.

Diagnose: who holds local UDP port N (default 123) and what that means; which time services
run and whether the kernel calls the clock synchronised; for each SERVER, whether --samples
requests get replies, time-outs, ICMP refusals, DNS failures or kiss-o'-death. --probe sends
exactly one mode 6 READVAR and one mode 7 MON_GETLIST request to the first address of HOST
(nothing else, no retries) and reports whether the server answers and its amplification
factor; --window SEC (default 2) is how long replies are collected. Exit status 0 when
nothing needs attention, 1 when something does (a server that does not answer, a probe that
could not run, a probed server that answers mode 6 or 7 with data), 2 usage error.

Offsets are server time minus local time: positive means your clock is behind.
Exit status of check and monitor: 0 a system offset was determined, 1 none could be, 2 usage error,
3 none could be and an NTS server's certificate was refused (not trusted, expired, other name).
)"_s;
}

} // namespace chronoscope::cli

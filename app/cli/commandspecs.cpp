// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commandspecs.h"

#include "app/cli/keysoptions.h"
#include "app/cli/systemoptions.h"

using namespace Qt::StringLiterals;

namespace chronoscope::cli {
namespace {

QCommandLineOption flag(const QStringList &names, const QString &description)
{
    return QCommandLineOption(names, description);
}

QCommandLineOption valued(const QString &name, const QString &valueName, const QString &description)
{
    return QCommandLineOption(name, description, valueName);
}

const QString SERVER_SYNTAX = uR"(host, host:port, ipv4:port or [ipv6]:port (default port 123), optionally followed by chrony-style options after commas: prefer, noselect, trust, require, noiburst, xleave, minpoll=N, maxpoll=N, key=ID, nts, ntsport=N (e.g. ntp1.example,prefer; time.example,nts))"_s;

const QString OFFSET_SIGN = u"Offsets are server time minus local time: positive means your clock is behind.\n"_s;

// The measurement options check, monitor and step share (ARCHITECTURE.md §3.2).
QList<QCommandLineOption> measurementOptions()
{
    return {
        valued(u"samples"_s, u"N"_s, u"exchanges per server (default 4)"_s),
        valued(u"interval"_s, u"SEC"_s,
               u"seconds between exchanges with one server (default 2); below 2 s only for loopback, "
               u"link-local and private addresses. Public servers are never polled more often than every "
               u"64 s after the first 8 requests."_s),
        valued(u"timeout"_s, u"SEC"_s, u"seconds to wait for one reply (default 1)"_s),
        valued(u"minsources"_s, u"N"_s, u"servers that must agree before a system offset is given (default 1)"_s),
        valued(u"pool"_s, u"HOST"_s, u"add every address HOST resolves to (up to 4)"_s),
        flag({u"allow-fast-polling"_s}, u"lift the public-server limits (only for servers you run yourself)"_s),
        flag({u"no-kernel-timestamps"_s}, u"read receive times from the clock instead of the kernel"_s),
        valued(u"keys"_s, u"FILE"_s,
               u"take keys from FILE (chrony or ntpd/ntpsec key file; it must not be readable by group or "
               u"others) instead of Chronoscope's key store"_s),
        valued(u"key"_s, u"ID"_s, u"authenticate every SERVER without its own key=ID with key ID"_s),
        valued(u"nts"_s, u"HOST[:KEPORT]"_s,
               u"add an NTS server (RFC 8915): keys from its NTS-KE service on KEPORT (default 4460), every "
               u"request and reply authenticated, never plain NTP"_s),
        valued(u"nts-ca"_s, u"FILE|DIR"_s,
               u"also trust this CA certificate (PEM), or every *.pem/*.crt in DIR, for NTS servers; the "
               u"system's CA store is always trusted"_s),
    };
}

const QList<QPair<QString, QString>> SERVER_ARGUMENT{{u"SERVER"_s, SERVER_SYNTAX}};

const QString MEASURE_EXIT_STATUS = u"Exit status: 0 a system offset was determined, 1 none could be, 2 usage error, "
                                    u"3 none could be and an NTS server's certificate was refused (not trusted, expired, "
                                    u"other name).\n"_s;

} // namespace

CommandSpec checkCommandSpec()
{
    CommandSpec spec;
    spec.name = u"check"_s;
    spec.synopsis = u"[options] SERVER..."_s;
    spec.summary = u"Measure each SERVER a few times, select the servers that agree, print the result and exit."_s;
    spec.arguments = SERVER_ARGUMENT;
    spec.options = QList<QCommandLineOption>{flag({u"json"_s}, u"machine-readable output: one JSON document"_s)}
        + measurementOptions();
    spec.details = OFFSET_SIGN + MEASURE_EXIT_STATUS;
    return spec;
}

CommandSpec monitorCommandSpec()
{
    CommandSpec spec;
    spec.name = u"monitor"_s;
    spec.synopsis = u"[options] SERVER..."_s;
    spec.summary = u"Keep polling every SERVER and print one line per event until interrupted."_s;
    spec.arguments = SERVER_ARGUMENT;
    spec.options = QList<QCommandLineOption>{flag({u"json"_s}, u"machine-readable output: JSON Lines"_s)}
        + measurementOptions()
        + QList<QCommandLineOption>{
              valued(u"duration"_s, u"SEC"_s, u"stop after this long (default 0 = until interrupted)"_s),
              valued(u"metrics"_s, u"ADDR:PORT"_s,
                     u"serve Prometheus/OpenMetrics metrics at http://ADDR:PORT/metrics (e.g. 127.0.0.1:9123; "
                     u"PORT alone binds 127.0.0.1; 0 picks a free port)"_s)};
    spec.details = OFFSET_SIGN + MEASURE_EXIT_STATUS;
    return spec;
}

CommandSpec stepCommandSpec()
{
    CommandSpec spec;
    spec.name = u"step"_s;
    spec.synopsis = u"[--dry-run] [--yes] [--yes-very-large] [options] SERVER..."_s;
    spec.summary = u"Measure like check, then correct the system clock by the system offset."_s;
    spec.arguments = SERVER_ARGUMENT;
    spec.options = QList<QCommandLineOption>{
                       flag({u"dry-run"_s}, u"the helper checks and logs the change but makes none"_s),
                       flag({u"y"_s, u"yes"_s}, u"confirm a step (offsets over 0.5 s) without asking"_s),
                       flag({u"yes-very-large"_s}, u"confirm a step of over an hour as well"_s)}
        + measurementOptions();
    spec.details = u"Offsets up to 0.5 s are slewed (the kernel runs the clock a little fast or slow; time never "
                   u"jumps); larger ones are stepped after confirmation (--yes); steps over an hour need "
                   u"--yes-very-large as well. Without these options step asks on the terminal, and refuses when "
                   u"there is none. The change is made by chronoscope-helper through pkexec (you may be asked for an "
                   u"administrator password); afterwards a fresh measurement verifies it. Running chronyd, ntpd or "
                   u"systemd-timesyncd would undo the change: step warns about them.\n"
                   u"Exit status: 0 corrected (or nothing to correct, or dry run passed), 1 not corrected, 2 usage "
                   u"error.\n"_s;
    return spec;
}

CommandSpec diagnoseCommandSpec()
{
    CommandSpec spec;
    spec.name = u"diagnose"_s;
    spec.synopsis = u"[--json] [--port N] [--probe HOST[:PORT]] [--window SEC] [options] [SERVER...]"_s;
    spec.summary = u"Who holds local UDP port N and what that means, which time services run, and whether each "
                   u"SERVER answers."_s;
    spec.arguments = SERVER_ARGUMENT;
    spec.options = {
        flag({u"json"_s}, u"machine-readable output: one JSON document"_s),
        valued(u"port"_s, u"N"_s, u"the local UDP port to inspect (default 123)"_s),
        valued(u"probe"_s, u"HOST[:PORT]"_s,
               u"send one mode 6 READVAR and one mode 7 MON_GETLIST request to the first address of HOST"_s),
        valued(u"window"_s, u"SEC"_s, u"seconds to collect probe replies (default 2)"_s),
        valued(u"samples"_s, u"N"_s, u"requests per SERVER (default 4)"_s),
        valued(u"interval"_s, u"SEC"_s, u"seconds between requests to one server (default 2)"_s),
        valued(u"timeout"_s, u"SEC"_s, u"seconds to wait for one reply (default 1)"_s),
    };
    spec.details = u"Reports who holds local UDP port N (default 123) and what that means; which time services run "
                   u"and whether the kernel calls the clock synchronised; for each SERVER, whether --samples "
                   u"requests get replies, time-outs, ICMP refusals, DNS failures or kiss-o'-death. --probe sends "
                   u"exactly one mode 6 READVAR and one mode 7 MON_GETLIST request to the first address of HOST "
                   u"(nothing else, no retries) and reports whether the server answers and its amplification factor.\n"
                   u"Exit status: 0 nothing needs attention, 1 something does (a server that does not answer, a "
                   u"probe that could not run, a probed server that answers mode 6 or 7 with data), 2 usage error.\n"_s;
    return spec;
}

QList<CommandSpec> allCommandSpecs()
{
    QList<CommandSpec> specs{checkCommandSpec(), monitorCommandSpec(), stepCommandSpec(), diagnoseCommandSpec()};
    specs += keysCommandSpecs();
    specs << systemCommandSpec() << systemApplyCommandSpec() << systemRevertCommandSpec();
    return specs;
}

std::optional<CommandSpec> commandSpec(const QString &name)
{
    for (const CommandSpec &spec : allCommandSpecs()) {
        if (spec.name == name)
            return spec;
    }
    return std::nullopt;
}

} // namespace chronoscope::cli

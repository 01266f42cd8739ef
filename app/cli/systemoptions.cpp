// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/systemoptions.h"

#include <QStringList>

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

Result<SystemOptions> parseSystemArguments(const QStringList &arguments)
{
    SystemOptions options;
    bool chronydOption = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        const auto value = [&]() -> Result<QString> {
            if (i + 1 >= arguments.size() || arguments.at(i + 1).isEmpty())
                return Error{u"%1 needs a value"_s.arg(arg)};
            return arguments.at(++i);
        };
        if (arg == u"--json"_s) {
            options.json = true;
        } else if (arg == u"--help"_s || arg == u"-h"_s) {
            options.help = true;
        } else if (arg == u"--chronyd-socket"_s) {
            const Result<QString> path = value();
            if (!path)
                return path.error();
            options.chronydSocket = *path;
            chronydOption = true;
        } else if (arg == u"--chronyd-port"_s) {
            const Result<QString> text = value();
            if (!text)
                return text.error();
            bool ok = false;
            const uint port = text->toUInt(&ok);
            if (!ok || port == 0 || port > 65535)
                return Error{u"--chronyd-port %1 is not a port number (1-65535)"_s.arg(*text)};
            options.chronydPort = quint16(port);
            chronydOption = true;
        } else if (arg == u"--ntpd"_s) {
            const Result<QString> text = value();
            if (!text)
                return text.error();
            const auto endpoint = parseLoopbackEndpoint(*text, 123);
            if (!endpoint)
                return Error{u"--ntpd: "_s + endpoint.errorMessage()};
            options.ntpdAddress = endpoint->first;
            options.ntpdPort = endpoint->second;
            if (options.daemon != SystemOptions::Daemon::Detect && options.daemon != SystemOptions::Daemon::Ntpd)
                return Error{u"--ntpd cannot be combined with --timesyncd"_s};
            options.daemon = SystemOptions::Daemon::Ntpd;
        } else if (arg == u"--timesyncd"_s) {
            if (options.daemon == SystemOptions::Daemon::Ntpd)
                return Error{u"--timesyncd cannot be combined with --ntpd"_s};
            options.daemon = SystemOptions::Daemon::Timesyncd;
        } else {
            return Error{u"unknown option '%1' for system (see chronoscope-cli system --help)"_s.arg(arg)};
        }
    }
    if (chronydOption) {
        if (options.daemon != SystemOptions::Daemon::Detect)
            return Error{u"--chronyd-socket and --chronyd-port read chronyd; they cannot be combined with --ntpd or --timesyncd"_s};
        options.daemon = SystemOptions::Daemon::Chronyd;
    }
    return options;
}

QString systemUsageText()
{
    return uR"(Usage:
  chronoscope-cli system [--json] [--chronyd-socket PATH] [--chronyd-port N]
  chronoscope-cli system [--json] --ntpd HOST
  chronoscope-cli system [--json] --timesyncd

What the system's own time service does: its selected source, offset, frequency, stratum and leap
status, and each of its sources with its state in words. Without a daemon option, chronyd is
tried first (its socket, then its command port), then ntpd on 127.0.0.1 and ::1, then
systemd-timesyncd.
  --chronyd-socket PATH  chronyd's command socket (default /run/chrony/chronyd.sock). When it
                         cannot be used, chronyd's UDP command port on 127.0.0.1 and ::1 is tried.
  --chronyd-port N       that UDP command port (default 323)
  --ntpd HOST            read ntpd or ntpsec over mode 6 (what ntpq uses) at HOST: 127.0.0.1,
                         ::1 or localhost, optionally with :PORT ([::1]:PORT); default port 123
  --timesyncd            read systemd-timesyncd over D-Bus (org.freedesktop.timesync1)
  --json                 one JSON document on standard output
Exit status: 0 read, 1 the daemon is not synchronised, 2 usage error, 3 the daemon cannot be read.
)"_s;
}

} // namespace chronoscope::cli

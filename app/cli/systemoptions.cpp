// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/systemoptions.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace chronoscope::cli {

Result<SystemOptions> parseSystemArguments(const QStringList &arguments)
{
    SystemOptions options;
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
        } else if (arg == u"--chronyd-port"_s) {
            const Result<QString> text = value();
            if (!text)
                return text.error();
            bool ok = false;
            const uint port = text->toUInt(&ok);
            if (!ok || port == 0 || port > 65535)
                return Error{u"--chronyd-port %1 is not a port number (1-65535)"_s.arg(*text)};
            options.chronydPort = quint16(port);
        } else {
            return Error{u"unknown option '%1' for system (see chronoscope-cli system --help)"_s.arg(arg)};
        }
    }
    return options;
}

QString systemUsageText()
{
    return uR"(Usage:
  chronoscope-cli system [--json] [--chronyd-socket PATH] [--chronyd-port N]

What the system's own time service does: its selected source, offset, frequency, stratum and leap
status, and each of its sources with its state in words.
  --chronyd-socket PATH  chronyd's command socket (default /run/chrony/chronyd.sock). When it
                         cannot be used, chronyd's UDP command port on 127.0.0.1 is tried.
  --chronyd-port N       that UDP command port (default 323)
  --json                 one JSON document on standard output
Exit status: 0 read, 1 the daemon is not synchronised, 2 usage error, 3 the daemon cannot be read.
)"_s;
}

} // namespace chronoscope::cli

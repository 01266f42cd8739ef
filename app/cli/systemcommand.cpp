// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/systemcommand.h"

#include <cstdio>

#include <QJsonDocument>
#include <QJsonObject>

#include "app/cli/systemtext.h"
#include "core/sysservice/chronydclient.h"
#include "core/sysservice/chronydjson.h"
#include "core/sysservice/udpcmdmontransport.h"
#include "core/sysservice/unixcmdmontransport.h"

using namespace Qt::StringLiterals;

namespace chronoscope::cli {
namespace {

constexpr int EXIT_READ = 0;
constexpr int EXIT_UNSYNCHRONISED = 1;
constexpr int EXIT_UNREADABLE = 3;

void printJson(const QJsonObject &object)
{
    std::fputs(QJsonDocument(object).toJson(QJsonDocument::Indented).constData(), stdout);
}

int failure(const SystemOptions &options, const QString &daemon, const QString &message, bool helperCanRead)
{
    if (options.json) {
        printJson(QJsonObject {{u"daemon"_s, daemon}, {u"error"_s, message}, {u"readThroughHelper"_s, helperCanRead}});
    } else {
        std::fprintf(stderr, "chronoscope-cli: %s\n", qPrintable(message));
        if (helperCanRead)
            std::fputs("chronoscope-cli: run it as root (or from the GUI, which reads it through the helper)\n", stderr);
    }
    return EXIT_UNREADABLE;
}

int runChronyd(const SystemOptions &options)
{
    using namespace sysservice;
    const QString path = options.chronydSocket.isEmpty() ? QString::fromLatin1(UnixCmdmonTransport::DEFAULT_SOCKET_PATH)
                                                         : options.chronydSocket;
    std::unique_ptr<CmdmonTransport> transport;
    QStringList notes;
    int attempts = 1;
    auto socketTransport = UnixCmdmonTransport::open(path);
    bool permission = false;
    if (socketTransport) {
        transport = std::move(socketTransport).value();
    } else {
        // chronyd's UDP command port answers monitoring commands from localhost to anyone.
        permission = UnixCmdmonTransport::isPermissionError(socketTransport.errorMessage());
        auto udp = UdpCmdmonTransport::open(QHostAddress(QHostAddress::LocalHost), options.chronydPort);
        if (!udp)
            return failure(options, u"chronyd"_s, socketTransport.errorMessage(), permission);
        transport = std::move(udp).value();
        notes.append(u"%1; read through the command port %2 instead (some details need the socket)"_s
                         .arg(socketTransport.errorMessage(), transport->endpoint()));
        attempts = 3;
    }
    ChronydClient client(*transport, 1000, attempts);
    Result<ChronydSnapshot> snapshot = client.snapshot();
    if (!snapshot) {
        QString message = snapshot.errorMessage();
        if (!notes.isEmpty())
            message = notes.first() + u"; then: "_s + message;
        return failure(options, u"chronyd"_s, message, permission);
    }
    snapshot.value().warnings = notes + snapshot->warnings;
    if (options.json)
        printJson(chronydSnapshotJson(*snapshot));
    else
        std::fputs(qPrintable(chronydSnapshotText(*snapshot)), stdout);
    const bool synchronised = snapshot->tracking.leapStatus != 3 && !snapshot->tracking.address.toString().isEmpty();
    return synchronised ? EXIT_READ : EXIT_UNSYNCHRONISED;
}

} // namespace

int runSystem(const SystemOptions &options)
{
    if (options.help) {
        std::fputs(qPrintable(systemUsageText()), stdout);
        return 0;
    }
    return runChronyd(options);
}

} // namespace chronoscope::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/systemcommand.h"

#include <cstdio>
#include <memory>

#include <QJsonDocument>
#include <QJsonObject>

#include "app/cli/systemapplycommand.h"
#include "app/cli/systemtext.h"
#include "core/sysservice/chronydclient.h"
#include "core/sysservice/chronydjson.h"
#include "core/sysservice/helpercmdmontransport.h"
#include "core/sysservice/ntpdclient.h"
#include "core/sysservice/ntpdjson.h"
#include "core/sysservice/loopbackudptransport.h"
#include "core/sysservice/unixcmdmontransport.h"
#ifdef CHRONOSCOPE_HAVE_TIMESYNCD
#include "core/sysservice/timesyncd/timesyncdreader.h"
#endif

using namespace Qt::StringLiterals;

namespace chronoscope::cli {
namespace {

constexpr int EXIT_READ = 0;
constexpr int EXIT_UNSYNCHRONISED = 1;
constexpr int EXIT_UNREADABLE = 3;

// What one attempt at one daemon found: a document to print, or why it could not be read.
struct Reading
{
    bool found = false;           // the daemon answered
    bool present = false;         // the daemon seems to run even if it could not be read
    bool permissionDenied = false;
    QString daemon;
    QString error;
    QJsonObject json;
    QString text;
    bool synchronised = false;
};

void printJson(const QJsonObject &object)
{
    std::fputs(QJsonDocument(object).toJson(QJsonDocument::Indented).constData(), stdout);
}

int report(const SystemOptions &options, const Reading &reading)
{
    if (reading.found) {
        if (options.json)
            printJson(reading.json);
        else
            std::fputs(qPrintable(reading.text), stdout);
        return reading.synchronised ? EXIT_READ : EXIT_UNSYNCHRONISED;
    }
    if (options.json) {
        printJson(QJsonObject {{u"daemon"_s, reading.daemon}, {u"error"_s, reading.error},
                               {u"permissionDenied"_s, reading.permissionDenied}});
    } else {
        std::fprintf(stderr, "chronoscope-cli: %s\n", qPrintable(reading.error));
        if (reading.permissionDenied)
            std::fputs("chronoscope-cli: read it through the helper with --via-helper (asks for an administrator "
                       "password, only reads), run it as root, or let chronyd answer on its command port (cmdport "
                       "323, bindcmdaddress 127.0.0.1)\n", stderr);
    }
    return EXIT_UNREADABLE;
}

Reading readingOf(const sysservice::ChronydSnapshot &snapshot)
{
    Reading reading;
    reading.daemon = u"chronyd"_s;
    reading.found = reading.present = true;
    reading.json = sysservice::chronydSnapshotJson(snapshot);
    reading.text = chronydSnapshotText(snapshot);
    reading.synchronised = snapshot.tracking.leapStatus != 3 && !snapshot.tracking.address.toString().isEmpty();
    return reading;
}

// chronyd's socket through the helper (--via-helper): one helper process, one password prompt.
Reading readChronydThroughHelper()
{
    using namespace sysservice;
    HelperCmdmonTransport transport;
    ChronydClient client(transport, 1000, 1);
    const Result<ChronydSnapshot> snapshot = client.snapshot();
    if (!snapshot) {
        Reading reading;
        reading.daemon = u"chronyd"_s;
        reading.error = snapshot.errorMessage();
        return reading;
    }
    Reading reading = readingOf(*snapshot);
    reading.json.insert(u"throughHelper"_s, true);
    return reading;
}

// The socket, then the UDP command port on 127.0.0.1 and ::1.
Reading readChronyd(const SystemOptions &options)
{
    using namespace sysservice;
    if (options.viaHelper)
        return readChronydThroughHelper();
    Reading reading;
    reading.daemon = u"chronyd"_s;
    const QString path = options.chronydSocket.isEmpty() ? QString::fromLatin1(UnixCmdmonTransport::DEFAULT_SOCKET_PATH)
                                                         : options.chronydSocket;
    std::unique_ptr<CmdmonTransport> transport;
    QStringList notes;
    int attempts = 1;
    auto socketTransport = UnixCmdmonTransport::open(path);
    if (socketTransport) {
        transport = std::move(socketTransport).value();
    } else {
        // chronyd's UDP command port answers monitoring commands from localhost to anyone.
        reading.permissionDenied = UnixCmdmonTransport::isPermissionError(socketTransport.errorMessage());
        reading.present = !socketTransport.errorMessage().startsWith(u"no chronyd command socket"_s);
        QString lastError;
        for (const QHostAddress &address : {QHostAddress(QHostAddress::LocalHost), QHostAddress(QHostAddress::LocalHostIPv6)}) {
            auto udp = openChronydCommandPort(address, options.chronydPort);
            if (!udp) {
                lastError = udp.errorMessage();
                continue;
            }
            // A short probe first: a closed port answers "refused" at once, a silent one costs 1 s.
            ChronydClient probe(*udp.value(), 1000, 1);
            const Result<std::uint32_t> count = probe.sourceCount();
            if (!count && !probe.lastStatus()) {
                lastError = count.errorMessage();
                continue;
            }
            transport = std::move(udp).value();
            break;
        }
        if (!transport) {
            reading.error = socketTransport.errorMessage();
            if (!lastError.isEmpty())
                reading.error += u"; command port: "_s + lastError;
            return reading;
        }
        notes.append(u"%1; read through the command port %2 instead (some details need the socket)"_s
                         .arg(socketTransport.errorMessage(), transport->endpoint()));
        attempts = 3;
    }
    reading.present = true;
    ChronydClient client(*transport, 1000, attempts);
    Result<ChronydSnapshot> snapshot = client.snapshot();
    if (!snapshot) {
        reading.error = snapshot.errorMessage();
        if (!notes.isEmpty())
            reading.error = notes.first() + u"; then: "_s + reading.error;
        return reading;
    }
    snapshot.value().warnings = notes + snapshot->warnings;
    return readingOf(*snapshot);
}

// Mode 6 on the given address, or on 127.0.0.1 and then ::1.
Reading readNtpd(const SystemOptions &options)
{
    using namespace sysservice;
    Reading reading;
    reading.daemon = u"ntpd"_s;
    QList<QHostAddress> addresses {options.ntpdAddress};
    if (options.ntpdAddress.isNull())
        addresses = {QHostAddress(QHostAddress::LocalHost), QHostAddress(QHostAddress::LocalHostIPv6)};
    QStringList errors;
    for (const QHostAddress &address : addresses) {
        auto transport = openNtpdControlPort(address, options.ntpdPort);
        if (!transport) {
            errors.append(transport.errorMessage());
            continue;
        }
        NtpdClient client(*transport.value(), 1000, 2);
        const Result<NtpdSnapshot> snapshot = client.snapshot();
        if (!snapshot) {
            errors.append(snapshot.errorMessage());
            continue;
        }
        reading.found = reading.present = true;
        reading.json = ntpdSnapshotJson(*snapshot);
        reading.text = ntpdSnapshotText(*snapshot);
        reading.synchronised = snapshot->leap != 3 && !ntpdSelectedAddress(*snapshot).isEmpty();
        return reading;
    }
    reading.error = u"ntpd: "_s + errors.join(u"; "_s);
    return reading;
}

Reading readTimesyncd()
{
    Reading reading;
    reading.daemon = u"systemd-timesyncd"_s;
#ifdef CHRONOSCOPE_HAVE_TIMESYNCD
    using namespace sysservice;
    const Result<TimesyncdSnapshot> snapshot = TimesyncdReader::read(QDBusConnection::systemBus());
    if (!snapshot) {
        reading.error = snapshot.errorMessage();
        reading.present = !TimesyncdReader::isNotRunning(reading.error);
        return reading;
    }
    reading.found = reading.present = true;
    reading.json = timesyncdSnapshotJson(*snapshot);
    reading.text = timesyncdSnapshotText(*snapshot);
    reading.synchronised = snapshot->hasMessage && snapshot->leap != 3;
#else
    reading.error = u"this build of Chronoscope cannot read systemd-timesyncd (no QtDBus)"_s;
#endif
    return reading;
}

// chronyd, then ntpd, then timesyncd: the first that answers. When none does, the error of a
// daemon that seems to run (a chronyd socket that is there but unreadable) wins over "not
// running" of the others.
int detect(const SystemOptions &options)
{
    const Reading chronyd = readChronyd(options);
    if (chronyd.found || chronyd.present)
        return report(options, chronyd);
    const Reading ntpd = readNtpd(options);
    if (ntpd.found)
        return report(options, ntpd);
    const Reading timesyncd = readTimesyncd();
    if (timesyncd.found || timesyncd.present)
        return report(options, timesyncd);
    Reading none;
    none.daemon = u"none"_s;
    none.error = u"no time service found: %1; %2; %3"_s.arg(chronyd.error, ntpd.error, timesyncd.error);
    return report(options, none);
}

} // namespace

int runSystem(const SystemOptions &options)
{
    if (options.help) {
        std::fputs(qPrintable(systemUsageText(options.action)), stdout);
        return 0;
    }
    if (options.action == SystemOptions::Action::Apply)
        return runSystemApply(options);
    if (options.action == SystemOptions::Action::Revert)
        return runSystemRevert(options);
    switch (options.daemon) {
    case SystemOptions::Daemon::Chronyd: return report(options, readChronyd(options));
    case SystemOptions::Daemon::Ntpd: return report(options, readNtpd(options));
    case SystemOptions::Daemon::Timesyncd: return report(options, readTimesyncd());
    case SystemOptions::Daemon::Detect: break;
    }
    return detect(options);
}

} // namespace chronoscope::cli

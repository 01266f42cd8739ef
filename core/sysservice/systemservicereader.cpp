// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sysservice/systemservicereader.h"

#include <memory>

#include "core/sysservice/chronydclient.h"
#include "core/sysservice/helpercmdmontransport.h"
#include "core/sysservice/ntpdclient.h"
#include "core/sysservice/loopbackudptransport.h"
#include "core/sysservice/unixcmdmontransport.h"

using namespace Qt::StringLiterals;

namespace chronoscope::sysservice {
namespace {

const QList<QHostAddress> LOOPBACKS {QHostAddress(QHostAddress::LocalHost), QHostAddress(QHostAddress::LocalHostIPv6)};

// chronyd: the socket, else the command port. `present`: chronyd seems to run (its socket is
// there) even if it could not be read.
SystemServiceReading readChronyd(const SystemServiceReaderOptions &options, bool *present)
{
    SystemServiceReading failed;
    failed.daemon = u"chronyd"_s;
    const QString path = options.chronydSocket.isEmpty() ? QString::fromLatin1(UnixCmdmonTransport::DEFAULT_SOCKET_PATH)
                                                         : options.chronydSocket;
    auto socket = UnixCmdmonTransport::open(path);
    if (socket) {
        *present = true;
        ChronydClient client(*socket.value(), 1000, 1);
        const Result<ChronydSnapshot> snapshot = client.snapshot();
        if (snapshot)
            return readingFromChronyd(*snapshot);
        failed.error = snapshot.errorMessage();
        return failed;
    }
    *present = !socket.errorMessage().startsWith(u"no chronyd command socket"_s);
    failed.permissionDenied = UnixCmdmonTransport::isPermissionError(socket.errorMessage());
    failed.error = socket.errorMessage();
    for (const QHostAddress &address : LOOPBACKS) {
        auto udp = openChronydCommandPort(address, options.chronydPort);
        if (!udp)
            continue;
        ChronydClient client(*udp.value(), 1000, 1);
        const Result<ChronydSnapshot> snapshot = client.snapshot();
        if (snapshot) {
            SystemServiceReading r = readingFromChronyd(*snapshot);
            r.warnings.prepend(u"%1; read through the command port %2 instead"_s.arg(socket.errorMessage(), udp.value()->endpoint()));
            return r;
        }
        if (client.lastStatus() != 0) {
            *present = true;   // chronyd answered, but refused
            failed.error += u"; command port: "_s + snapshot.errorMessage();
            return failed;
        }
    }
    return failed;
}

// chronyd through the helper: one helper process, one password prompt for the whole read.
SystemServiceReading readChronydThroughHelper()
{
    HelperCmdmonTransport transport;
    ChronydClient client(transport, 1000, 1);
    const Result<ChronydSnapshot> snapshot = client.snapshot();
    SystemServiceReading reading;
    if (snapshot) {
        reading = readingFromChronyd(*snapshot);
    } else {
        reading.daemon = u"chronyd"_s;
        reading.error = snapshot.errorMessage();
    }
    reading.throughHelper = true;
    return reading;
}

SystemServiceReading readNtpd(const SystemServiceReaderOptions &options)
{
    SystemServiceReading failed;
    failed.daemon = u"ntpd"_s;
    QStringList errors;
    for (const QHostAddress &address : LOOPBACKS) {
        auto transport = openNtpdControlPort(address, options.ntpdPort);
        if (!transport) {
            errors.append(transport.errorMessage());
            continue;
        }
        NtpdClient client(*transport.value(), 1000, 1);
        const Result<NtpdSnapshot> snapshot = client.snapshot();
        if (snapshot)
            return readingFromNtpd(*snapshot);
        errors.append(snapshot.errorMessage());
    }
    failed.error = errors.join(u"; "_s);
    return failed;
}

} // namespace

SystemServiceReading readSystemService(const SystemServiceReaderOptions &options)
{
    if (options.throughHelper)
        return readChronydThroughHelper();
    bool chronydPresent = false;
    const SystemServiceReading chronyd = readChronyd(options, &chronydPresent);
    if (chronyd.ok() || chronydPresent)
        return chronyd;
    SystemServiceReading ntpd;
    if (options.tryNtpd) {
        ntpd = readNtpd(options);
        if (ntpd.ok())
            return ntpd;
    }
    SystemServiceReading timesyncd;
    if (options.readTimesyncd) {
        timesyncd = options.readTimesyncd();
        if (timesyncd.ok() || timesyncd.permissionDenied)
            return timesyncd;
    }
    SystemServiceReading none;
    none.error = u"no time service found (chronyd: %1; ntpd: %2; systemd-timesyncd: %3)"_s
                     .arg(chronyd.error, options.tryNtpd ? ntpd.error : u"not tried"_s,
                          options.readTimesyncd ? timesyncd.error : u"not tried"_s);
    return none;
}

} // namespace chronoscope::sysservice

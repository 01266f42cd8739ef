// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnostics/udpportinspector.h"

#include <QFile>

#include "core/diagnostics/procfs_linux.h"
#include "core/diagnostics/procnetudp.h"

using namespace Qt::StringLiterals;

namespace chronoscope::diagnostics {

Result<QList<UdpSocketEntry>> findUdpSockets(quint16 port)
{
    QList<UdpSocketEntry> found;
    for (const bool ipv6 : {false, true}) {
        QFile table(ipv6 ? u"/proc/net/udp6"_s : u"/proc/net/udp"_s);
        if (!table.open(QIODevice::ReadOnly)) {
            if (ipv6)
                continue; // IPv6 disabled in this kernel: nothing can be bound there
            return Error{u"cannot read %1: %2"_s.arg(table.fileName(), table.errorString())};
        }
        // procfs files report size 0: read until the end, not by size.
        Result<QList<UdpSocketEntry>> entries = parseProcNetUdp(table.readAll(), ipv6);
        if (!entries)
            return entries.error();
        for (const UdpSocketEntry &entry : *entries) {
            if (entry.localPort == port)
                found.append(entry);
        }
    }
    QSet<quint64> inodes;
    for (const UdpSocketEntry &entry : std::as_const(found)) {
        if (entry.inode != 0)
            inodes.insert(entry.inode);
    }
    const QHash<quint64, QList<qint64>> owners = procfs::socketOwners(inodes);
    for (UdpSocketEntry &entry : found) {
        for (const qint64 pid : owners.value(entry.inode)) {
            const ProcessRef ref = procfs::process(pid);
            if (ref.pid != 0)
                entry.processes.append(ref);
        }
    }
    return found;
}

} // namespace chronoscope::diagnostics

// SPDX-License-Identifier: GPL-3.0-or-later
// Windows: GetExtendedUdpTable with UDP_TABLE_OWNER_PID for IPv4 and IPv6, process paths from
// QueryFullProcessImageNameW. Built only on Windows (core/CMakeLists.txt); the Linux build
// machines never compile it.
#include "core/diagnostics/udpportinspector.h"

#ifndef NOMINMAX
#  define NOMINMAX
#endif
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <iphlpapi.h>

#include <vector>

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace chronoscope::diagnostics {
namespace {

constexpr int FETCH_ATTEMPTS = 4; // the table may grow between the size query and the read

ProcessRef processRef(DWORD pid)
{
    ProcessRef ref;
    ref.pid = qint64(pid);
    if (HANDLE handle = ::OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, pid)) {
        wchar_t path[MAX_PATH];
        DWORD size = MAX_PATH;
        if (::QueryFullProcessImageNameW(handle, 0, path, &size))
            ref.executable = QString::fromWCharArray(path, int(size));
        ::CloseHandle(handle);
    }
    ref.name = ref.executable.isEmpty() ? (pid == 4 ? u"System"_s : QString()) : QFileInfo(ref.executable).fileName();
    return ref;
}

Result<std::vector<char>> fetchTable(ULONG family)
{
    std::vector<char> buffer;
    DWORD size = 0;
    for (int attempt = 0; attempt < FETCH_ATTEMPTS; ++attempt) {
        const DWORD rc = ::GetExtendedUdpTable(buffer.empty() ? nullptr : buffer.data(), &size, FALSE, family,
                                               UDP_TABLE_OWNER_PID, 0);
        if (rc == NO_ERROR)
            return buffer;
        if (rc != ERROR_INSUFFICIENT_BUFFER)
            return Error{u"GetExtendedUdpTable(%1) failed with error %2"_s.arg(family == AF_INET6 ? u"IPv6"_s : u"IPv4"_s)
                                 .arg(rc)};
        buffer.resize(size);
    }
    return Error{u"GetExtendedUdpTable kept growing; try again"_s};
}

} // namespace

Result<QList<UdpSocketEntry>> findUdpSockets(quint16 port)
{
    QList<UdpSocketEntry> found;
    Result<std::vector<char>> v4 = fetchTable(AF_INET);
    if (!v4)
        return v4.error();
    if (!v4->empty()) {
        const auto *table = reinterpret_cast<const MIB_UDPTABLE_OWNER_PID *>(v4->data());
        for (DWORD i = 0; i < table->dwNumEntries; ++i) {
            const MIB_UDPROW_OWNER_PID &row = table->table[i];
            if (::ntohs(u_short(row.dwLocalPort)) != port)
                continue;
            UdpSocketEntry entry;
            entry.localAddress = QHostAddress(quint32(::ntohl(row.dwLocalAddr)));
            entry.localPort = port;
            entry.processes.append(processRef(row.dwOwningPid));
            found.append(entry);
        }
    }
    Result<std::vector<char>> v6 = fetchTable(AF_INET6);
    if (v6 && !v6->empty()) { // no IPv6 stack: nothing can be bound there
        const auto *table = reinterpret_cast<const MIB_UDP6TABLE_OWNER_PID *>(v6->data());
        for (DWORD i = 0; i < table->dwNumEntries; ++i) {
            const MIB_UDP6ROW_OWNER_PID &row = table->table[i];
            if (::ntohs(u_short(row.dwLocalPort)) != port)
                continue;
            UdpSocketEntry entry;
            entry.localAddress = QHostAddress(reinterpret_cast<const quint8 *>(row.ucLocalAddr));
            entry.localPort = port;
            entry.processes.append(processRef(row.dwOwningPid));
            found.append(entry);
        }
    }
    return found;
}

} // namespace chronoscope::diagnostics

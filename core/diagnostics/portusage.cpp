// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnostics/portusage.h"

#include <QFileInfo>

#include "core/diagnostics/udpportinspector.h"

using namespace Qt::StringLiterals;

namespace chronoscope::diagnostics {
namespace {

enum class Role { Chronyd, Ntpd, Timesyncd, WindowsTime, Other, Unknown };

Role roleOf(const UdpSocketEntry &entry)
{
    if (entry.processes.isEmpty())
        return Role::Unknown;
    for (const ProcessRef &p : entry.processes) {
        const QString exe = QFileInfo(p.executable).fileName();
        if (p.name == u"chronyd"_s || exe == u"chronyd"_s || exe == u"chronyd.exe"_s)
            return Role::Chronyd;
        // The reference ntpd, ntpsec and OpenNTPD all run as "ntpd" (OpenNTPD's children
        // rename themselves "ntpd: ntp engine").
        if (p.name == u"ntpd"_s || p.name.startsWith(u"ntpd:"_s) || exe == u"ntpd"_s || exe == u"ntpd.exe"_s)
            return Role::Ntpd;
        // comm is cut to 15 characters: "systemd-timesyn".
        if (p.name.startsWith(u"systemd-timesyn"_s) || exe == u"systemd-timesyncd"_s)
            return Role::Timesyncd;
        if (exe.compare(u"svchost.exe"_s, Qt::CaseInsensitive) == 0)
            return Role::WindowsTime; // W32Time runs inside a service host
    }
    return Role::Other;
}

QString holderPhrase(const UdpSocketEntry &entry)
{
    if (entry.processes.isEmpty()) {
        return entry.uid ? u"a process of user id %1 (not visible to this user; run as root or administrator "
                           "to see which)"_s.arg(*entry.uid)
                         : u"an unknown process"_s;
    }
    QStringList pids;
    for (const ProcessRef &p : entry.processes)
        pids << QString::number(p.pid);
    const ProcessRef &first = entry.processes.first();
    const QString name = first.name.isEmpty() ? QFileInfo(first.executable).fileName() : first.name;
    return u"%1 (%2 %3)"_s.arg(name, pids.size() == 1 ? u"pid"_s : u"pids"_s, pids.join(u", "_s));
}

QString scopePhrase(const UdpSocketEntry &entry)
{
    const QHostAddress &a = entry.localAddress;
    if (a == QHostAddress(QHostAddress::AnyIPv4))
        return u"on every IPv4 address, so it is reachable from the network unless a firewall blocks it"_s;
    if (a == QHostAddress(QHostAddress::AnyIPv6))
        return u"on every address (IPv6, and IPv4 too unless the socket is IPv6-only), so it is reachable from "
               "the network unless a firewall blocks it"_s;
    if (a.isLoopback())
        return u"on the loopback address %1 only, so only this computer reaches it"_s.arg(a.toString());
    return u"on %1 only"_s.arg(a.toString());
}

QString explainSocket(const UdpSocketEntry &entry, quint16 port)
{
    const QString holder = holderPhrase(entry);
    const QString noConflict = u"Chronoscope does not need the port and will not conflict: it sends each request "
                               "from a random port."_s;
    if (entry.isConnected()) {
        // Multi-argument arg(): one pass, so a '%' in a process name cannot swallow a placeholder.
        return u"%1 uses local port %2 as a client talking to %3 port %4; it is not serving time."_s.arg(
            holder, QString::number(port), entry.remoteAddress.toString(), QString::number(entry.remotePort));
    }
    const QString scope = scopePhrase(entry);
    const QString portText = QString::number(port);
    switch (roleOf(entry)) {
    case Role::Chronyd:
        return u"%1 is serving time on port %2 %3. "_s.arg(holder, portText, scope) + noConflict;
    case Role::Ntpd:
        return u"%1 (the reference ntpd, ntpsec or OpenNTPD) is serving time on port %2 %3. "_s.arg(holder, portText,
                                                                                                  scope)
            + noConflict
            + u" If other networks reach it, make sure it ignores their mode 6 and 7 queries (probe it)."_s;
    case Role::Timesyncd:
        return u"%1 holds port %2 %3; systemd-timesyncd is an SNTP client and does not serve time. "_s.arg(
                   holder, portText, scope)
            + noConflict;
    case Role::WindowsTime:
        return u"%1, a service host that normally carries the Windows Time service (W32Time), holds port %2 %3. "_s
                   .arg(holder, portText, scope)
            + noConflict;
    case Role::Other:
        return u"%1 has port %2 open %3; it is not a known time service. "_s.arg(holder, portText, scope)
            + noConflict;
    case Role::Unknown:
        break;
    }
    return u"%1 has port %2 open %3. "_s.arg(holder, portText, scope) + noConflict;
}

} // namespace

PortUsageFindings checkUdpPort(quint16 port)
{
    PortUsageFindings findings;
    findings.port = port;
    Result<QList<UdpSocketEntry>> sockets = findUdpSockets(port);
    if (sockets)
        findings.sockets = *sockets;
    else
        findings.error = sockets.errorMessage();
    interpretPortUsage(findings);
    return findings;
}

void interpretPortUsage(PortUsageFindings &findings)
{
    findings.meanings.clear();
    if (!findings.error.isEmpty()) {
        findings.summary = u"Could not check UDP port %1: %2"_s.arg(findings.port).arg(findings.error);
        return;
    }
    if (findings.sockets.isEmpty()) {
        findings.summary = findings.port == 123
            ? u"Nothing is bound to UDP port 123 (IPv4 or IPv6): no NTP server runs on this computer. Chronoscope "
              "does not need the port: it sends each request from a random port."_s
            : u"Nothing is bound to UDP port %1 (IPv4 or IPv6)."_s.arg(findings.port);
        return;
    }
    QStringList holders;
    for (const UdpSocketEntry &entry : std::as_const(findings.sockets)) {
        findings.meanings.append(explainSocket(entry, findings.port));
        const QString holder = holderPhrase(entry);
        if (!holders.contains(holder))
            holders.append(holder);
    }
    findings.summary = u"UDP port %1 is in use (%2 socket(s)) by %3."_s.arg(
        QString::number(findings.port), QString::number(findings.sockets.size()), holders.join(u"; "_s));
}

} // namespace chronoscope::diagnostics

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnostics/procnetudp.h"

#include <QtEndian>

using namespace Qt::StringLiterals;

namespace chronoscope::diagnostics {
namespace {

// Column indexes of a /proc/net/udp line split on whitespace.
constexpr int COL_LOCAL = 1;
constexpr int COL_REMOTE = 2;
constexpr int COL_UID = 7;
constexpr int COL_INODE = 9;
constexpr int MIN_COLUMNS = 10;

// The kernel prints each 32-bit word of the (network-order) address with %08X, i.e. as the
// integer this host reads from those bytes. Storing the parsed integer back in host order
// therefore restores the network-order bytes on any host.
bool parseAddress(QByteArrayView hex, bool ipv6, QHostAddress *address)
{
    const int words = ipv6 ? 4 : 1;
    if (hex.size() != words * 8)
        return false;
    quint8 bytes[16];
    for (int w = 0; w < words; ++w) {
        bool ok = false;
        const quint32 word = hex.sliced(w * 8, 8).toByteArray().toUInt(&ok, 16);
        if (!ok)
            return false;
        qToUnaligned(word, bytes + 4 * w);
    }
    if (ipv6)
        *address = QHostAddress(bytes);
    else
        *address = QHostAddress(qFromBigEndian<quint32>(bytes));
    return true;
}

bool parseEndpoint(const QByteArray &text, bool ipv6, QHostAddress *address, quint16 *port)
{
    const qsizetype colon = text.indexOf(':');
    if (colon < 0)
        return false;
    bool ok = false;
    const QByteArray portHex = text.mid(colon + 1);
    const uint value = portHex.toUInt(&ok, 16);
    if (!ok || portHex.size() != 4 || value > 0xffff)
        return false;
    *port = quint16(value);
    return parseAddress(QByteArrayView(text).first(colon), ipv6, address);
}

} // namespace

Result<QList<UdpSocketEntry>> parseProcNetUdp(const QByteArray &content, bool ipv6)
{
    QList<UdpSocketEntry> entries;
    const QList<QByteArray> lines = content.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) { // line 0 is the column header
        const QByteArray line = lines.at(i).simplified();
        if (line.isEmpty())
            continue;
        const QList<QByteArray> columns = line.split(' ');
        auto bad = [&](const QString &what) {
            return Error{u"line %1 of /proc/net/udp%2: %3 in '%4'"_s.arg(i + 1)
                                 .arg(ipv6 ? u"6"_s : QString())
                                 .arg(what, QString::fromLatin1(line))};
        };
        if (columns.size() < MIN_COLUMNS)
            return bad(u"%1 columns, expected at least %2"_s.arg(columns.size()).arg(MIN_COLUMNS));
        UdpSocketEntry entry;
        if (!parseEndpoint(columns.at(COL_LOCAL), ipv6, &entry.localAddress, &entry.localPort))
            return bad(u"bad local address '%1'"_s.arg(QString::fromLatin1(columns.at(COL_LOCAL))));
        if (!parseEndpoint(columns.at(COL_REMOTE), ipv6, &entry.remoteAddress, &entry.remotePort))
            return bad(u"bad remote address '%1'"_s.arg(QString::fromLatin1(columns.at(COL_REMOTE))));
        if (entry.remotePort == 0)
            entry.remoteAddress.clear();
        bool ok = false;
        const quint32 uid = columns.at(COL_UID).toUInt(&ok);
        if (!ok)
            return bad(u"bad uid '%1'"_s.arg(QString::fromLatin1(columns.at(COL_UID))));
        entry.uid = uid;
        entry.inode = columns.at(COL_INODE).toULongLong(&ok);
        if (!ok)
            return bad(u"bad inode '%1'"_s.arg(QString::fromLatin1(columns.at(COL_INODE))));
        entries.append(entry);
    }
    return entries;
}

} // namespace chronoscope::diagnostics

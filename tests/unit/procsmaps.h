// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QFile>
#include <QList>

// This process's memory regions as /proc/self/smaps lists them, with their VmFlags ("dd": left
// out of core dumps, "lo": locked in memory). Linux only; for the secret-memory tests.
namespace chronoscope::testing {

struct MappedRegion
{
    quintptr start = 0;
    quintptr end = 0;             // one past the last byte
    QByteArray permissions;       // "rw-p"
    QByteArray name;              // path, "[heap]", "[stack]" or empty
    QByteArrayList vmFlags;

    bool isReadable() const { return permissions.startsWith('r'); }
    bool hasFlag(const char *flag) const { return vmFlags.contains(QByteArray(flag)); }
    bool contains(const void *address) const
    {
        const auto a = quintptr(address);
        return a >= start && a < end;
    }
};

inline QList<MappedRegion> readSmaps()
{
    QFile file(QStringLiteral("/proc/self/smaps"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<MappedRegion> regions;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("VmFlags:")) {
            if (!regions.isEmpty())
                regions.last().vmFlags = line.mid(8).simplified().split(' ');
            continue;
        }
        const QByteArrayList fields = line.simplified().split(' ');
        const qsizetype dash = fields.value(0).indexOf('-');
        if (fields.size() < 5 || dash <= 0 || fields[1].size() != 4)
            continue;   // a "Name: value" line
        bool startOk = false;
        bool endOk = false;
        MappedRegion region;
        region.start = quintptr(fields[0].left(dash).toULongLong(&startOk, 16));
        region.end = quintptr(fields[0].mid(dash + 1).toULongLong(&endOk, 16));
        if (!startOk || !endOk)
            continue;
        region.permissions = fields[1];
        region.name = fields.size() > 5 ? fields.mid(5).join(' ') : QByteArray();
        regions.append(region);
    }
    return regions;
}

inline MappedRegion regionHolding(const void *address)
{
    for (const MappedRegion &region : readSmaps()) {
        if (region.contains(address))
            return region;
    }
    return {};
}

} // namespace chronoscope::testing

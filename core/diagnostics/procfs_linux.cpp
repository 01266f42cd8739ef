// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnostics/procfs_linux.h"

#include <dirent.h>
#include <unistd.h>

#include <QByteArray>
#include <QFile>

using namespace Qt::StringLiterals;

namespace chronoscope::diagnostics::procfs {
namespace {

bool isNumber(const char *text)
{
    if (*text == '\0')
        return false;
    for (; *text; ++text) {
        if (*text < '0' || *text > '9')
            return false;
    }
    return true;
}

QByteArray readLink(const QByteArray &path)
{
    char buffer[4096];
    const ssize_t n = ::readlink(path.constData(), buffer, sizeof buffer);
    return n > 0 ? QByteArray(buffer, qsizetype(n)) : QByteArray();
}

QByteArray readSmallFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.read(4096);
}

// "socket:[12345]" → 12345; 0 for anything else.
quint64 socketInode(const QByteArray &link)
{
    if (!link.startsWith("socket:[") || !link.endsWith(']'))
        return 0;
    bool ok = false;
    const quint64 inode = link.mid(8, link.size() - 9).toULongLong(&ok);
    return ok ? inode : 0;
}

} // namespace

QList<qint64> processIds()
{
    QList<qint64> pids;
    DIR *dir = ::opendir("/proc");
    if (!dir)
        return pids;
    while (const dirent *entry = ::readdir(dir)) {
        if (isNumber(entry->d_name))
            pids.append(QByteArray(entry->d_name).toLongLong());
    }
    ::closedir(dir);
    return pids;
}

ProcessRef process(qint64 pid)
{
    ProcessRef ref;
    const QString base = u"/proc/%1/"_s.arg(pid);
    const QByteArray comm = readSmallFile(base + u"comm"_s).trimmed();
    if (comm.isEmpty())
        return ref; // gone, or not a process
    ref.pid = pid;
    ref.name = QString::fromLocal8Bit(comm);
    ref.executable = QString::fromLocal8Bit(readLink(QFile::encodeName(base + u"exe"_s)));
    if (ref.executable.isEmpty()) {
        // The exe link needs ptrace access; the command line is readable by everyone.
        const QByteArray cmdline = readSmallFile(base + u"cmdline"_s);
        ref.executable = QString::fromLocal8Bit(cmdline.left(cmdline.indexOf('\0')));
    }
    return ref;
}

QHash<quint64, QList<qint64>> socketOwners(const QSet<quint64> &inodes)
{
    QHash<quint64, QList<qint64>> owners;
    if (inodes.isEmpty())
        return owners;
    for (const qint64 pid : processIds()) {
        const QByteArray fdDir = "/proc/" + QByteArray::number(pid) + "/fd";
        DIR *dir = ::opendir(fdDir.constData());
        if (!dir)
            continue; // another user's process, or gone
        while (const dirent *entry = ::readdir(dir)) {
            if (!isNumber(entry->d_name))
                continue;
            const quint64 inode = socketInode(readLink(fdDir + '/' + entry->d_name));
            if (inode != 0 && inodes.contains(inode)) {
                QList<qint64> &pids = owners[inode];
                if (!pids.contains(pid))
                    pids.append(pid);
            }
        }
        ::closedir(dir);
    }
    return owners;
}

} // namespace chronoscope::diagnostics::procfs

// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/benchmarks/processstats.h"

#include <algorithm>
#include <cmath>

#include <unistd.h>

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

namespace chronoscope::testing {

double rssMegabytes(qint64 pid)
{
    QFile status(pid == 0 ? u"/proc/self/status"_s : u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return -1;
}

double cpuSeconds(qint64 pid)
{
    QFile stat(pid == 0 ? u"/proc/self/stat"_s : u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray content = stat.readAll();
    const QList<QByteArray> fields = content.mid(content.lastIndexOf(')') + 2).split(' ');
    // Fields after the command: state is [0], utime is field 14 overall → [11], stime → [12].
    return (fields.value(11).toDouble() + fields.value(12).toDouble()) / double(::sysconf(_SC_CLK_TCK));
}

double scheduledSeconds(qint64 pid)
{
    const QString tasks = pid == 0 ? u"/proc/self/task"_s : u"/proc/%1/task"_s.arg(pid);
    const QStringList threads = QDir(tasks).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    if (threads.isEmpty())
        return -1;
    double seconds = 0;
    for (const QString &thread : threads) {
        QFile schedstat(tasks + u'/' + thread + u"/schedstat"_s);
        // A thread that ended since the listing has nothing more to add.
        if (schedstat.open(QIODevice::ReadOnly))
            seconds += schedstat.readAll().split(' ').value(0).toDouble() * 1e-9;
    }
    return seconds;
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    if (values.isEmpty())
        return 0;
    const qsizetype index = std::min<qsizetype>(values.size() - 1, qsizetype(std::ceil(p * double(values.size())) - 1));
    return values[std::max<qsizetype>(0, index)];
}

} // namespace chronoscope::testing

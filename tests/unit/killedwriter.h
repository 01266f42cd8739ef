// SPDX-License-Identifier: GPL-3.0-or-later
// For the kill -9 tests (tst_crashsafewrites, ui_crashsafeexports): start a writer process that
// prints one generation number per completed write, SIGKILL it at a random moment after its first
// write, and say which generation it last reported.
#pragma once

#include <sys/stat.h>

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>
#include <QThread>

namespace chronoscope::testing {

// The permission bits of `path` (07777), -1 when it cannot be stat()ed.
inline int fileModeOf(const QString &path)
{
    struct stat st{};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

struct KilledWriter
{
    int lastReported = -1;   // the last generation the writer said it had written
    QString errors;          // its standard error, and what went wrong here
};

// Starts `writer` with `arguments`, waits until it reports its first write, lets it run for up
// to `maxDelayUs` more (chosen at random), then SIGKILLs it.
inline KilledWriter runAndKill(const QString &writer, const QStringList &arguments, int maxDelayUs)
{
    KilledWriter run;
    QProcess process;
    process.start(writer, arguments);
    if (!process.waitForStarted(10000)) {
        run.errors = QStringLiteral("cannot start %1: %2").arg(writer, process.errorString());
        return run;
    }
    QByteArray out;
    while (!out.contains('\n') && process.state() == QProcess::Running) {
        process.waitForReadyRead(10000);
        out += process.readAllStandardOutput();
    }
    QThread::usleep(QRandomGenerator::global()->bounded(maxDelayUs + 1));
    process.kill(); // SIGKILL
    process.waitForFinished(10000);
    out += process.readAllStandardOutput();
    run.errors = QString::fromUtf8(process.readAllStandardError());
    bool ok = false;
    run.lastReported = out.trimmed().split('\n').last().toInt(&ok);
    if (!ok)
        run.errors += QStringLiteral("no generation reported (%1)").arg(QString::fromUtf8(out));
    return run;
}

} // namespace chronoscope::testing

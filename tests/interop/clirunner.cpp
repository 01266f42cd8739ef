// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/interop/clirunner.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QProcess>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace chronoscope::testing {

QByteArray CliRun::describe() const
{
    return "exit " + QByteArray::number(exitCode) + (finished ? "" : " (killed or not started)") + " after "
        + QByteArray::number(seconds, 'f', 2) + " s\nstdout:\n" + out + "\nstderr:\n" + err;
}

QJsonObject CliRun::json(QString *error) const
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(out, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = u"not a JSON object: %1\n%2"_s.arg(parseError.errorString(), QString::fromUtf8(out));
        return {};
    }
    return document.object();
}

CliRun runCli(const QStringList &arguments, double limitSeconds)
{
    CliRun run;
    QProcess process;
    process.setProgram(qEnvironmentVariable("CHRONOSCOPE_CLI"));
    process.setArguments(arguments);
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, [&loop](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            loop.quit();
    });
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    QElapsedTimer timer;
    timer.start();
    process.start();
    deadline.start(std::chrono::milliseconds(qint64(limitSeconds * 1000)));
    loop.exec();
    run.seconds = double(timer.elapsed()) / 1000.0;
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
    } else {
        run.finished = process.exitStatus() == QProcess::NormalExit && process.error() != QProcess::FailedToStart;
    }
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace chronoscope::testing

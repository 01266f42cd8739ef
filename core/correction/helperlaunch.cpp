// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/correction/helperlaunch.h"

#include <QFileInfo>
#include <QStandardPaths>

#ifndef CHRONOSCOPE_HELPER_PATH
#  define CHRONOSCOPE_HELPER_PATH "/usr/libexec/chronoscope/chronoscope-helper"
#endif

using namespace Qt::StringLiterals;

namespace chronoscope::correction {

QString installedHelperPath()
{
    return QStringLiteral(CHRONOSCOPE_HELPER_PATH);
}

Result<HelperLaunch> helperLaunch(protocol::Verb verb, bool dryRun)
{
    QStringList helperArguments{QString::fromLatin1(protocol::verbName(verb))};
    if (dryRun)
        helperArguments.append(u"--dry-run"_s);

    HelperLaunch launch;
    const QString override = qEnvironmentVariable("CHRONOSCOPE_HELPER");
    if (!override.isEmpty()) {
        if (qEnvironmentVariableIntValue("CHRONOSCOPE_HELPER_TEST_FAKE_CLOCK") == 1 && !dryRun)
            helperArguments.append(u"--test-fake-clock"_s);
        launch.program = override;
        launch.arguments = helperArguments;
        return launch;
    }

    return elevatedHelperLaunch(helperArguments, u"the clock helper"_s);
}

Result<HelperLaunch> elevatedHelperLaunch(const QStringList &helperArguments, const QString &what)
{
    const QString helper = installedHelperPath();
    if (!QFileInfo(helper).isExecutable())
        return Error{u"%1 is not installed at %2"_s.arg(what, helper)};
    const QString pkexec = QStandardPaths::findExecutable(u"pkexec"_s, {u"/usr/bin"_s, u"/bin"_s});
    if (pkexec.isEmpty())
        return Error{u"pkexec is not installed (on Debian and Ubuntu: apt install pkexec)"_s};
    HelperLaunch launch;
    launch.program = pkexec;
    launch.arguments = QStringList{helper} + helperArguments;
    launch.elevated = true;
    return launch;
}

void keepHelperStderr(QByteArray &kept, QProcess &process)
{
    const QByteArray more = process.readAllStandardError();
    kept += more.left(qMax<qsizetype>(0, MAX_HELPER_STDERR_BYTES - kept.size()));
}

HelperExit classifyHelperExit(int exitCode, QProcess::ExitStatus status, bool elevated, const QString &details)
{
    // pkexec(1): 126 = the authorisation dialog was dismissed, 127 = not authorised or an error.
    constexpr int PKEXEC_DISMISSED = 126;
    constexpr int PKEXEC_NOT_AUTHORISED = 127;
    // chronoscope-helper's own "refused to start" (app/helper/frameio.h).
    constexpr int HELPER_REFUSED_SETUP = 7;
    if (status == QProcess::CrashExit)
        return {HelperError::Crashed, u"the helper crashed"_s};
    if (elevated && exitCode == PKEXEC_DISMISSED)
        return {HelperError::Cancelled, u"the authentication dialog was dismissed"_s};
    if (elevated && exitCode == PKEXEC_NOT_AUTHORISED)
        return {HelperError::NotAuthorised, details.isEmpty() ? u"not authorised"_s : details};
    if (exitCode == HELPER_REFUSED_SETUP)
        return {HelperError::RefusedToStart, details};
    return {HelperError::Crashed, u"the helper exited with status %1 without answering%2"_s.arg(exitCode).arg(
                                      details.isEmpty() ? QString() : u": "_s + details)};
}

void endHelperProcess(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.closeWriteChannel();
    if (!process.waitForFinished(2000))
        process.kill();
    process.waitForFinished(1000);
}

} // namespace chronoscope::correction

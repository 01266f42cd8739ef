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

    const QString helper = installedHelperPath();
    if (!QFileInfo(helper).isExecutable())
        return Error{u"the clock helper is not installed at %1"_s.arg(helper)};
    const QString pkexec = QStandardPaths::findExecutable(u"pkexec"_s, {u"/usr/bin"_s, u"/bin"_s});
    if (pkexec.isEmpty())
        return Error{u"pkexec is not installed (on Debian and Ubuntu: apt install pkexec)"_s};
    launch.program = pkexec;
    launch.arguments = QStringList{helper} + helperArguments;
    launch.elevated = true;
    return launch;
}

} // namespace chronoscope::correction

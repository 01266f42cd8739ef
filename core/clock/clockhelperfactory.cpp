// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/clock/clockhelperfactory.h"

#include "core/clock/localsocketclockhelper.h"
#include "core/clock/processclockhelper.h"

using namespace Qt::StringLiterals;

namespace chronoscope::clock {

QString windowsHelperPipeName()
{
    return u"chronoscope-helper"_s;
}

QString macHelperSocketPath()
{
    return u"/var/run/io.github.chronoscope.Chronoscope.helper.sock"_s;
}

std::unique_ptr<ClockHelper> createClockHelper(QObject *parent)
{
    const QString endpoint = qEnvironmentVariable("CHRONOSCOPE_HELPER_SOCKET");
    if (!endpoint.isEmpty())
        return std::make_unique<LocalSocketClockHelper>(endpoint, parent);
#if defined(Q_OS_WIN)
    return std::make_unique<LocalSocketClockHelper>(windowsHelperPipeName(), parent);
#elif defined(Q_OS_MACOS)
    return std::make_unique<LocalSocketClockHelper>(macHelperSocketPath(), parent);
#else
    return std::make_unique<ProcessClockHelper>(parent);
#endif
}

} // namespace chronoscope::clock

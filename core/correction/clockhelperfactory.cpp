// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/correction/clockhelperfactory.h"

#include <optional>
#include <string>

#include "core/correction/localsocketclockhelper.h"
#include "core/correction/processclockhelper.h"
#ifdef Q_OS_WIN
#  include "core/correction/windowsservicestart.h"
#endif

using namespace Qt::StringLiterals;

namespace chronoscope::correction {

QString windowsHelperPipeName()
{
    return u"chronoscope-helper"_s;
}

QString windowsHelperServiceName()
{
    return u"ChronoscopeHelper"_s;
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
    auto helper = std::make_unique<LocalSocketClockHelper>(windowsHelperPipeName(), parent);
    helper->setServiceStarter([]() -> std::optional<LocalSocketClockHelper::StartRefusal> {
        const std::wstring name = windowsHelperServiceName().toStdWString();
        const ServiceStartResult started = startWindowsService(name.c_str());
        switch (started.result) {
        case ServiceStart::Started:
            return std::nullopt;
        case ServiceStart::NotInstalled:
            return LocalSocketClockHelper::StartRefusal{
                    HelperError::NotInstalled, u"the Chronoscope helper service is not installed; reinstall Chronoscope"_s};
        case ServiceStart::AccessDenied:
            return LocalSocketClockHelper::StartRefusal{
                    HelperError::ServiceNotRunning,
                    u"the Chronoscope helper service is not running, and this account may not start it"_s};
        case ServiceStart::Failed:
            break;
        }
        return LocalSocketClockHelper::StartRefusal{
                HelperError::ServiceNotRunning,
                u"the Chronoscope helper service is not running and could not be started (Windows error %1)"_s.arg(
                        started.win32Error)};
    });
    return helper;
#elif defined(Q_OS_MACOS)
    return std::make_unique<LocalSocketClockHelper>(macHelperSocketPath(), parent);
#else
    return std::make_unique<ProcessClockHelper>(parent);
#endif
}

} // namespace chronoscope::correction

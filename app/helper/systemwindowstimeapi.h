// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/helper/windowstimeapi.h"

namespace chronoscope::helper {

// The real Windows calls (systemwindowstimeapi_win.cpp, compiled only for Windows). The only
// object in the helper that can change a Windows clock; the tests never create one.
class SystemWindowsTimeApi final : public WindowsTimeApi
{
public:
    // Enables SE_SYSTEMTIME_NAME in the process token (LocalSystem holds it, disabled).
    SystemWindowsTimeApi();

    std::string_view name() const override { return "windows"; }
    std::int64_t fileTimeNow() override;
    std::int64_t monotonicNs() override;
    int setSystemTime(std::int64_t fileTime) override;
    int getAdjustment(TimeAdjustment &adjustment) override;
    int setAdjustment(std::uint64_t adjustment, bool disabled) override;
    bool timeServiceRunning() override;
    int stopTimeService() override;
};

} // namespace chronoscope::helper

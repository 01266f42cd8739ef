// SPDX-License-Identifier: GPL-3.0-or-later
// SMAppService registration of the helper daemon (launchdregistration.h). Objective-C++, built
// only on macOS (app/helper/CMakeLists.txt); not compiled on the Linux build machines.
#include "app/helper/launchdregistration.h"

#if defined(__APPLE__)
#import <Foundation/Foundation.h>
#import <ServiceManagement/ServiceManagement.h>

namespace chronoscope::helper {
namespace {

API_AVAILABLE(macos(13.0))
SMAppService *daemonService(const std::string &plistName)
{
    NSString *name = [NSString stringWithUTF8String:plistName.c_str()];
    return [SMAppService daemonServiceWithPlistName:name];
}

std::string describe(NSError *error)
{
    if (!error)
        return "unknown error";
    return std::string(error.localizedDescription.UTF8String ? error.localizedDescription.UTF8String : "")
        + " (" + error.domain.UTF8String + " " + std::to_string(long(error.code)) + ")";
}

} // namespace

DaemonStatus helperDaemonStatus(const std::string &plistName)
{
    if (@available(macOS 13.0, *)) {
        switch (daemonService(plistName).status) {
        case SMAppServiceStatusEnabled: return DaemonStatus::Enabled;
        case SMAppServiceStatusRequiresApproval: return DaemonStatus::RequiresApproval;
        case SMAppServiceStatusNotFound: return DaemonStatus::NotFound;
        case SMAppServiceStatusNotRegistered: return DaemonStatus::NotRegistered;
        }
        return DaemonStatus::NotRegistered;
    }
    return DaemonStatus::Unsupported;
}

bool registerHelperDaemon(const std::string &plistName, std::string &error)
{
    if (@available(macOS 13.0, *)) {
        @autoreleasepool {
            NSError *failure = nil;
            SMAppService *service = daemonService(plistName);
            if (service.status == SMAppServiceStatusEnabled)
                return true;
            if ([service registerAndReturnError:&failure])
                return true;
            // Registered but waiting for the administrator's approval: not an error.
            if (failure.code == kSMErrorLaunchDeniedByUser || service.status == SMAppServiceStatusRequiresApproval)
                return true;
            error = describe(failure);
            return false;
        }
    }
    error = "the clock helper needs macOS 13 or newer";
    return false;
}

bool unregisterHelperDaemon(const std::string &plistName, std::string &error)
{
    if (@available(macOS 13.0, *)) {
        @autoreleasepool {
            NSError *failure = nil;
            if ([daemonService(plistName) unregisterAndReturnError:&failure])
                return true;
            error = describe(failure);
            return false;
        }
    }
    error = "the clock helper needs macOS 13 or newer";
    return false;
}

void openLoginItemsSettings()
{
    if (@available(macOS 13.0, *))
        [SMAppService openSystemSettingsLoginItems];
}

} // namespace chronoscope::helper
#endif // __APPLE__

// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/securedirectory.h"

#include <cstdlib>

#include <windows.h>
#include <aclapi.h>
#include <sddl.h>

namespace chronoscope::helper {
namespace {

std::wstring widen(const std::string &text)
{
    const int size = MultiByteToWideChar(CP_UTF8, 0, text.c_str(), int(text.size()), nullptr, 0);
    std::wstring out(std::size_t(size > 0 ? size : 0), L'\0');
    MultiByteToWideChar(CP_UTF8, 0, text.c_str(), int(text.size()), out.data(), size);
    return out;
}

bool ownedByAdministrators(const std::wstring &path)
{
    PSID owner = nullptr;
    PSECURITY_DESCRIPTOR descriptor = nullptr;
    if (GetNamedSecurityInfoW(path.c_str(), SE_FILE_OBJECT, OWNER_SECURITY_INFORMATION, &owner, nullptr, nullptr,
                              nullptr, &descriptor) != ERROR_SUCCESS)
        return false;
    const bool ok = owner && (IsWellKnownSid(owner, WinLocalSystemSid) || IsWellKnownSid(owner, WinBuiltinAdministratorsSid));
    LocalFree(descriptor);
    return ok;
}

} // namespace

bool ensureAdministratorsDirectory(const std::string &path, bool create, bool usersMayRead)
{
    const std::wstring wide = widen(path);
    if (create) {
        const wchar_t *sddl = usersMayRead ? L"D:P(A;OICI;GA;;;SY)(A;OICI;GA;;;BA)(A;OICI;GRGX;;;BU)"
                                           : L"D:P(A;OICI;GA;;;SY)(A;OICI;GA;;;BA)";
        PSECURITY_DESCRIPTOR descriptor = nullptr;
        if (!ConvertStringSecurityDescriptorToSecurityDescriptorW(sddl, SDDL_REVISION_1, &descriptor, nullptr))
            return false;
        SECURITY_ATTRIBUTES attributes{sizeof attributes, descriptor, FALSE};
        const bool created = CreateDirectoryW(wide.c_str(), &attributes) || GetLastError() == ERROR_ALREADY_EXISTS;
        LocalFree(descriptor);
        if (!created)
            return false;
    }
    const DWORD attributes = GetFileAttributesW(wide.c_str());
    return attributes != INVALID_FILE_ATTRIBUTES && (attributes & FILE_ATTRIBUTE_DIRECTORY)
        && !(attributes & FILE_ATTRIBUTE_REPARSE_POINT) && ownedByAdministrators(wide);
}

std::string programDataDirectory()
{
    const char *base = std::getenv("ProgramData");
    return std::string(base && *base ? base : "C:\\ProgramData") + "\\Chronoscope";
}

} // namespace chronoscope::helper

// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/callertoken.h"

#include <memory>
#include <vector>

#include <windows.h>
#include <sddl.h>

namespace chronoscope::helper {
namespace {

std::string narrow(const std::wstring &text)
{
    if (text.empty())
        return {};
    const int size = WideCharToMultiByte(CP_UTF8, 0, text.c_str(), int(text.size()), nullptr, 0, nullptr, nullptr);
    std::string out(std::size_t(size > 0 ? size : 0), '\0');
    WideCharToMultiByte(CP_UTF8, 0, text.c_str(), int(text.size()), out.data(), size, nullptr, nullptr);
    return out;
}

std::wstring widen(const std::string &text)
{
    if (text.empty())
        return {};
    const int size = MultiByteToWideChar(CP_UTF8, 0, text.c_str(), int(text.size()), nullptr, 0);
    std::wstring out(std::size_t(size > 0 ? size : 0), L'\0');
    MultiByteToWideChar(CP_UTF8, 0, text.c_str(), int(text.size()), out.data(), size);
    return out;
}

std::string sidString(PSID sid)
{
    LPWSTR text = nullptr;
    if (!ConvertSidToStringSidW(sid, &text))
        return "S-?";
    std::string out = narrow(text);
    LocalFree(text);
    return out;
}

std::string accountName(PSID sid)
{
    wchar_t name[256], domain[256];
    DWORD nameSize = 256, domainSize = 256;
    SID_NAME_USE use{};
    if (!LookupAccountSidW(nullptr, sid, name, &nameSize, domain, &domainSize, &use))
        return sidString(sid);
    return narrow(std::wstring(domain) + L"\\" + name);
}

// The user SID of a token, in `buffer`.
PSID tokenUser(HANDLE token, std::vector<BYTE> &buffer)
{
    DWORD size = 0;
    GetTokenInformation(token, TokenUser, nullptr, 0, &size);
    if (size == 0 || size > 4096)
        return nullptr;
    buffer.resize(size);
    if (!GetTokenInformation(token, TokenUser, buffer.data(), size, &size))
        return nullptr;
    return reinterpret_cast<TOKEN_USER *>(buffer.data())->User.Sid;
}

bool isMember(HANDLE token, PSID sid)
{
    BOOL member = FALSE;
    return sid && CheckTokenMembership(token, sid, &member) && member;
}

} // namespace

std::string resolveGroupSid(const std::string &group)
{
    if (group.empty())
        return {};
    PSID sid = nullptr;
    if (ConvertStringSidToSidW(widen(group).c_str(), &sid)) {
        std::string out = sidString(sid);
        LocalFree(sid);
        return out;
    }
    BYTE buffer[SECURITY_MAX_SID_SIZE];
    DWORD size = sizeof buffer;
    wchar_t domain[256];
    DWORD domainSize = 256;
    SID_NAME_USE use{};
    if (!LookupAccountNameW(nullptr, widen(group).c_str(), buffer, &size, domain, &domainSize, &use))
        return {};
    return sidString(buffer);
}

bool readPipeCallerToken(void *pipe, const std::string &groupSid, CallerToken &token)
{
    HANDLE handle = static_cast<HANDLE>(pipe);
    ULONG pid = 0;
    if (GetNamedPipeClientProcessId(handle, &pid))
        token.pid = long(pid);
    if (!ImpersonateNamedPipeClient(handle))
        return false;
    HANDLE client = nullptr;
    const BOOL opened = OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &client);
    RevertToSelf(); // at once: nothing below runs as the client
    if (!opened)
        return false;

    std::vector<BYTE> clientUser, ownUser;
    const PSID user = tokenUser(client, clientUser);
    BYTE admins[SECURITY_MAX_SID_SIZE];
    DWORD adminsSize = sizeof admins;
    const bool haveAdmins = CreateWellKnownSid(WinBuiltinAdministratorsSid, nullptr, admins, &adminsSize);
    token.sid = user ? sidString(user) : "S-?";
    token.account = user ? accountName(user) : "unknown";
    token.administrator = haveAdmins && isMember(client, admins);
    if (!groupSid.empty()) {
        PSID group = nullptr;
        if (ConvertStringSidToSidW(widen(groupSid).c_str(), &group)) {
            token.inConfiguredGroup = isMember(client, group);
            LocalFree(group);
        }
    }
    HANDLE own = nullptr;
    if (user && OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &own)) {
        const PSID self = tokenUser(own, ownUser);
        token.sameUserAsHelper = self && EqualSid(self, user);
        CloseHandle(own);
    }
    CloseHandle(client);
    return user != nullptr;
}

} // namespace chronoscope::helper

// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/pipeserver.h"

#include <array>
#include <vector>

#include <windows.h>
#include <sddl.h>

#include "app/helper/callersession.h"
#include "app/helper/callertoken.h"
#include "app/helper/helperservice.h"
#include "core/protocol/codec.h"

namespace chronoscope::helper {
namespace {

// Interactive users may read, write and set the read mode, nothing else (in particular not
// FILE_CREATE_PIPE_INSTANCE, which GENERIC_WRITE would include):
// FILE_READ_DATA | FILE_WRITE_DATA | FILE_READ_ATTRIBUTES | FILE_WRITE_ATTRIBUTES | READ_CONTROL | SYNCHRONIZE.
constexpr wchar_t CLIENT_RIGHTS[] = L"0x12019b";

enum class Waited { Done, Stopped, TimedOut };

std::wstring widen(const std::string &text)
{
    return std::wstring(text.begin(), text.end()); // pipe names are ASCII (windowshelperoptions.cpp)
}

std::wstring ownUserSid()
{
    HANDLE token = nullptr;
    std::wstring out;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token))
        return out;
    std::vector<BYTE> buffer(512);
    DWORD size = 0;
    if (GetTokenInformation(token, TokenUser, buffer.data(), DWORD(buffer.size()), &size)) {
        LPWSTR text = nullptr;
        if (ConvertSidToStringSidW(reinterpret_cast<TOKEN_USER *>(buffer.data())->User.Sid, &text)) {
            out = text;
            LocalFree(text);
        }
    }
    CloseHandle(token);
    return out;
}

} // namespace

PipeServer::PipeServer(ClockOps &clock, const HelperConfig &config, RateLimiter &limiter, AuditSink &audit,
                       Options options)
    : m_clock(clock)
    , m_config(config)
    , m_limiter(limiter)
    , m_audit(audit)
    , m_options(std::move(options))
    , m_replays(std::int64_t(config.maxAgeMs) * 1'000'000)
{
}

int PipeServer::waitMs(int limitMs) const
{
    int ms = limitMs;
    if (m_options.tick) {
        const int next = m_options.tick();
        if (next >= 0 && (ms < 0 || next < ms))
            ms = next;
    }
    return ms;
}

namespace {

// Waits for the overlapped operation `ov` on `pipe`, the stop event, or `timeoutMs` (-1: no
// limit), calling the server's tick in between. `error` receives the operation's Win32 result.
template <typename WaitSlice>
Waited finish(HANDLE pipe, OVERLAPPED &ov, HANDLE stop, int timeoutMs, DWORD &bytes, DWORD &error, WaitSlice slice)
{
    const ULONGLONG deadline = timeoutMs < 0 ? 0 : GetTickCount64() + ULONGLONG(timeoutMs);
    for (;;) {
        int remaining = -1;
        if (timeoutMs >= 0) {
            const ULONGLONG now = GetTickCount64();
            remaining = now >= deadline ? 0 : int(deadline - now);
        }
        const int ms = slice(remaining);
        const HANDLE handles[2] = {ov.hEvent, stop};
        const DWORD result = WaitForMultipleObjects(stop ? 2 : 1, handles, FALSE, ms < 0 ? INFINITE : DWORD(ms));
        if (result == WAIT_OBJECT_0) {
            error = GetOverlappedResult(pipe, &ov, &bytes, FALSE) ? 0 : GetLastError();
            return Waited::Done;
        }
        const bool stopped = result == WAIT_OBJECT_0 + 1;
        if (stopped || result == WAIT_FAILED || (timeoutMs >= 0 && remaining == 0)) {
            CancelIoEx(pipe, &ov);
            GetOverlappedResult(pipe, &ov, &bytes, TRUE);
            return stopped ? Waited::Stopped : Waited::TimedOut;
        }
    }
}

} // namespace

int PipeServer::run()
{
    std::wstring sddl = L"D:P(A;;GA;;;SY)(A;;GA;;;BA)";
    if (m_options.mode == CallerMode::Service)
        sddl += std::wstring(L"(A;;") + CLIENT_RIGHTS + L";;;IU)";
    else
        sddl += std::wstring(L"(A;;") + CLIENT_RIGHTS + L";;;" + ownUserSid() + L")";
    PSECURITY_DESCRIPTOR descriptor = nullptr;
    if (!ConvertStringSecurityDescriptorToSecurityDescriptorW(sddl.c_str(), SDDL_REVISION_1, &descriptor, nullptr))
        return int(GetLastError());
    SECURITY_ATTRIBUTES attributes{sizeof attributes, descriptor, FALSE};
    const HANDLE pipe = CreateNamedPipeW(widen(m_options.pipeName).c_str(),
        PIPE_ACCESS_DUPLEX | FILE_FLAG_FIRST_PIPE_INSTANCE | FILE_FLAG_OVERLAPPED,
        PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_WAIT | PIPE_REJECT_REMOTE_CLIENTS,
        1, 4096, 4096, 0, &attributes);
    const DWORD createError = GetLastError();
    LocalFree(descriptor);
    if (pipe == INVALID_HANDLE_VALUE)
        return int(createError);
    const HANDLE event = CreateEventW(nullptr, TRUE, FALSE, nullptr);
    const HANDLE stop = static_cast<HANDLE>(m_options.stopEvent);
    auto slice = [this](int remaining) { return waitMs(remaining); };

    int served = 0;
    while (m_options.maxConnections < 0 || served < m_options.maxConnections) {
        OVERLAPPED ov{};
        ov.hEvent = event;
        ResetEvent(event);
        DWORD error = ConnectNamedPipe(pipe, &ov) ? 0 : GetLastError();
        if (error == ERROR_IO_PENDING) {
            DWORD bytes = 0;
            if (finish(pipe, ov, stop, -1, bytes, error, slice) == Waited::Stopped)
                break;
        }
        if (error != 0 && error != ERROR_PIPE_CONNECTED) {
            DisconnectNamedPipe(pipe);
            continue; // the client vanished before we saw it
        }
        serveClient(pipe, event);
        DisconnectNamedPipe(pipe);
        ++served;
        if (stop && WaitForSingleObject(stop, 0) == WAIT_OBJECT_0)
            break;
    }
    CloseHandle(event);
    CloseHandle(pipe);
    return 0;
}

void PipeServer::serveClient(void *pipeHandle, void *eventHandle)
{
    const HANDLE pipe = static_cast<HANDLE>(pipeHandle);
    const HANDLE stop = static_cast<HANDLE>(m_options.stopEvent);
    auto slice = [this](int remaining) { return waitMs(remaining); };

    // A token that cannot be read is treated as nobody's: read-only requests at most.
    CallerToken token;
    token.account = "unknown";
    token.sid = "S-?";
    if (!readPipeCallerToken(pipe, m_options.groupSid, token)) {
        token.administrator = token.inConfiguredGroup = token.sameUserAsHelper = false;
    }
    const CallerDecision decision = decideCaller(token, m_options.mode, !m_options.groupSid.empty());
    CallerIdentity caller;
    caller.pid = token.pid;
    caller.account = describeCaller(token, decision);
    CallerSession session(m_clock, m_config, m_limiter, m_replays, m_audit, decision, caller);

    for (;;) {
        // One byte more than a frame: a longer message shows up as REQUEST_SIZE + 1 bytes.
        std::array<std::uint8_t, protocol::REQUEST_SIZE + 1> buffer{};
        OVERLAPPED ov{};
        ov.hEvent = static_cast<HANDLE>(eventHandle);
        ResetEvent(ov.hEvent);
        DWORD bytes = 0;
        DWORD error = ReadFile(pipe, buffer.data(), DWORD(buffer.size()), &bytes, &ov) ? 0 : GetLastError();
        if (error == ERROR_IO_PENDING && finish(pipe, ov, stop, m_options.idleMs, bytes, error, slice) != Waited::Done)
            return; // idle too long, or stopping
        if (error == ERROR_MORE_DATA)
            bytes = DWORD(buffer.size()); // wine reports 0 bytes here; Windows the buffer size
        else if (error != 0)
            return; // the client closed (ERROR_BROKEN_PIPE) or the pipe failed

        const protocol::Response response = session.answer(std::span<const std::uint8_t>(buffer.data(), bytes));

        const protocol::ResponseFrame out = protocol::encodeResponse(response);
        ResetEvent(ov.hEvent);
        error = WriteFile(pipe, out.data(), DWORD(out.size()), &bytes, &ov) ? 0 : GetLastError();
        if (error == ERROR_IO_PENDING && finish(pipe, ov, stop, m_options.idleMs, bytes, error, slice) != Waited::Done)
            return;
        if (error != 0)
            return;
        if (HelperService::endsSession(response)) {
            // Let the client read the answer before the pipe is disconnected (which discards
            // it): wait for it to close, reading and dropping whatever else it sends.
            for (int i = 0; i < 64; ++i) {
                ResetEvent(ov.hEvent);
                error = ReadFile(pipe, buffer.data(), DWORD(buffer.size()), &bytes, &ov) ? 0 : GetLastError();
                if (error == ERROR_IO_PENDING
                    && finish(pipe, ov, stop, m_options.idleMs, bytes, error, slice) != Waited::Done)
                    return;
                if (error != 0 && error != ERROR_MORE_DATA)
                    return;
            }
            return;
        }
    }
}

} // namespace chronoscope::helper

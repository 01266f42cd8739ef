// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A client of the helper's named pipe for the Windows tests (under wine): message mode, one
// message per request, overlapped I/O so that no test can hang on a helper that stays silent.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <windows.h>

#include "core/protocol/codec.h"

namespace chronoscope::testing {

class PipeClient
{
public:
    // Connects to `pipeName`, waiting up to `timeoutMs` for the helper to create it.
    explicit PipeClient(const std::string &pipeName, int timeoutMs = 20'000)
    {
        const ULONGLONG deadline = GetTickCount64() + ULONGLONG(timeoutMs);
        for (;;) {
            m_pipe = CreateFileA(pipeName.c_str(), GENERIC_READ | GENERIC_WRITE, 0, nullptr, OPEN_EXISTING,
                                 FILE_FLAG_OVERLAPPED, nullptr);
            if (m_pipe != INVALID_HANDLE_VALUE || GetTickCount64() >= deadline)
                break;
            if (GetLastError() == ERROR_PIPE_BUSY)
                WaitNamedPipeA(pipeName.c_str(), 1000);
            else
                Sleep(50); // not created yet
        }
        if (m_pipe != INVALID_HANDLE_VALUE) {
            DWORD mode = PIPE_READMODE_MESSAGE;
            SetNamedPipeHandleState(m_pipe, &mode, nullptr, nullptr);
        }
        m_event = CreateEventW(nullptr, TRUE, FALSE, nullptr);
    }
    ~PipeClient()
    {
        if (m_pipe != INVALID_HANDLE_VALUE)
            CloseHandle(m_pipe);
        CloseHandle(m_event);
    }
    PipeClient(const PipeClient &) = delete;
    PipeClient &operator=(const PipeClient &) = delete;

    bool connected() const { return m_pipe != INVALID_HANDLE_VALUE; }
    void close()
    {
        if (m_pipe != INVALID_HANDLE_VALUE)
            CloseHandle(m_pipe);
        m_pipe = INVALID_HANDLE_VALUE;
    }

    // One message; false when the pipe refused it.
    bool send(std::span<const std::uint8_t> bytes)
    {
        DWORD done = 0;
        return complete(WriteFile(m_pipe, bytes.data(), DWORD(bytes.size()), &done, overlapped()), done);
    }
    bool send(const protocol::Request &request)
    {
        const protocol::RequestFrame frame = protocol::encodeRequest(request);
        return send(std::span<const std::uint8_t>(frame));
    }
    // One response message; empty when the pipe closed, failed or stayed silent for 10 s, or
    // the message is not a valid response frame. `lastError` tells which.
    std::optional<protocol::Response> receive()
    {
        std::array<std::uint8_t, protocol::RESPONSE_SIZE + 1> buffer{};
        DWORD done = 0;
        if (!complete(ReadFile(m_pipe, buffer.data(), DWORD(buffer.size()), &done, overlapped()), done))
            return std::nullopt;
        const protocol::DecodedResponse decoded = protocol::decodeResponse(std::span(buffer.data(), done));
        if (decoded.error != protocol::DecodeError::None) {
            lastError = ERROR_INVALID_DATA;
            return std::nullopt;
        }
        return decoded.response;
    }
    std::optional<protocol::Response> transact(const protocol::Request &request)
    {
        return send(request) ? receive() : std::nullopt;
    }

    DWORD lastError = 0;

private:
    OVERLAPPED *overlapped()
    {
        m_overlapped = OVERLAPPED{};
        m_overlapped.hEvent = m_event;
        ResetEvent(m_event);
        return &m_overlapped;
    }
    bool complete(BOOL immediate, DWORD &done)
    {
        lastError = immediate ? 0 : GetLastError();
        if (lastError == ERROR_IO_PENDING) {
            if (WaitForSingleObject(m_event, 10'000) != WAIT_OBJECT_0) {
                CancelIoEx(m_pipe, &m_overlapped);
                GetOverlappedResult(m_pipe, &m_overlapped, &done, TRUE);
                lastError = WAIT_TIMEOUT;
                return false;
            }
            lastError = GetOverlappedResult(m_pipe, &m_overlapped, &done, FALSE) ? 0 : GetLastError();
        }
        return lastError == 0;
    }

    HANDLE m_pipe = INVALID_HANDLE_VALUE;
    HANDLE m_event = nullptr;
    OVERLAPPED m_overlapped{};
};

} // namespace chronoscope::testing

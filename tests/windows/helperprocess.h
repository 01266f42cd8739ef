// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The real chronoscope-helper.exe started by a Windows test program (under wine): console mode,
// its own pipe, audit file and stop event, optionally under a restricted token. The destructor
// stops it through the stop event (it then exits 0) or, failing that, terminates it.
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <windows.h>

namespace chronoscope::testing {

// ctest passes Linux paths; under wine, drive Z: is the Linux root.
inline std::string windowsPath(std::string path)
{
    if (!path.empty() && path[0] == '/')
        path = "Z:" + path;
    for (char &c : path) {
        if (c == '/')
            c = '\\';
    }
    return path;
}

// Runs `commandLine` and returns its exit status (-1: did not start or did not end in 60 s).
inline int runProgram(const std::string &commandLine, HANDLE token = nullptr)
{
    STARTUPINFOA startup{};
    startup.cb = sizeof startup;
    PROCESS_INFORMATION process{};
    std::vector<char> line(commandLine.begin(), commandLine.end());
    line.push_back('\0');
    const BOOL started = token
        ? CreateProcessAsUserA(token, nullptr, line.data(), nullptr, nullptr, FALSE, 0, nullptr, nullptr, &startup, &process)
        : CreateProcessA(nullptr, line.data(), nullptr, nullptr, FALSE, 0, nullptr, nullptr, &startup, &process);
    if (!started)
        return -1;
    DWORD status = DWORD(-1);
    if (WaitForSingleObject(process.hProcess, 60'000) == WAIT_OBJECT_0)
        GetExitCodeProcess(process.hProcess, &status);
    else
        TerminateProcess(process.hProcess, 99);
    CloseHandle(process.hThread);
    CloseHandle(process.hProcess);
    return int(status);
}

class HelperProcess
{
public:
    // `tag` makes the pipe, audit file and stop event names unique to this test process.
    // `token`: start it under this primary token (nullptr: the test's own).
    // `mode`: --console, or --one-shot.
    HelperProcess(const std::string &helperExe, const std::string &tag, const std::string &extraArguments,
                  HANDLE token = nullptr, const std::string &mode = "--console")
    {
        const std::string unique = tag + "-" + std::to_string(GetCurrentProcessId());
        m_pipeName = "\\\\.\\pipe\\chronoscope-test-" + unique;
        m_stopEventName = "chronoscope-test-stop-" + unique;
        char directory[MAX_PATH];
        GetCurrentDirectoryA(MAX_PATH, directory);
        m_auditPath = std::string(directory) + "\\" + unique + "-audit.log";
        DeleteFileA(m_auditPath.c_str());
        m_stop = CreateEventA(nullptr, TRUE, FALSE, m_stopEventName.c_str());
        std::string command = "\"" + windowsPath(helperExe) + "\" " + mode + " --pipe " + m_pipeName + " --audit-file \""
            + m_auditPath + "\" --stop-event " + m_stopEventName + " " + extraArguments;
        std::vector<char> line(command.begin(), command.end());
        line.push_back('\0');
        STARTUPINFOA startup{};
        startup.cb = sizeof startup;
        m_started = token
            ? CreateProcessAsUserA(token, nullptr, line.data(), nullptr, nullptr, FALSE, 0, nullptr, nullptr, &startup, &m_process)
            : CreateProcessA(nullptr, line.data(), nullptr, nullptr, FALSE, 0, nullptr, nullptr, &startup, &m_process);
        if (!m_started)
            std::fprintf(stderr, "  cannot start %s (error %lu)\n", command.c_str(), GetLastError());
    }
    ~HelperProcess()
    {
        if (m_started && stop() < 0)
            TerminateProcess(m_process.hProcess, 99);
        if (m_started) {
            CloseHandle(m_process.hThread);
            CloseHandle(m_process.hProcess);
        }
        if (m_stop)
            CloseHandle(m_stop);
        DeleteFileA(m_auditPath.c_str());
    }
    HelperProcess(const HelperProcess &) = delete;
    HelperProcess &operator=(const HelperProcess &) = delete;

    bool started() const { return m_started; }
    const std::string &pipeName() const { return m_pipeName; }
    // Signals the stop event; the helper's exit status (-1: still running after 20 s).
    int stop() { return waitForExit(true); }
    // The exit status of a helper that ends by itself (-1: still running after 20 s).
    int waitForExit(bool signal = false)
    {
        if (signal)
            SetEvent(m_stop);
        if (WaitForSingleObject(m_process.hProcess, 20'000) != WAIT_OBJECT_0)
            return -1;
        DWORD status = 0;
        GetExitCodeProcess(m_process.hProcess, &status);
        m_started = false;
        CloseHandle(m_process.hThread);
        CloseHandle(m_process.hProcess);
        return int(status);
    }
    // The audit file's lines so far (the helper flushes each at once).
    std::vector<std::string> auditLines() const
    {
        std::vector<std::string> lines;
        std::ifstream in(m_auditPath);
        for (std::string line; std::getline(in, line);)
            lines.push_back(line);
        return lines;
    }

private:
    std::string m_pipeName;
    std::string m_stopEventName;
    std::string m_auditPath;
    HANDLE m_stop = nullptr;
    PROCESS_INFORMATION m_process{};
    bool m_started = false;
};

} // namespace chronoscope::testing

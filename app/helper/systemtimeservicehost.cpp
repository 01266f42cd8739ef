// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/systemtimeservicehost.h"

#include <cerrno>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace chronoscope::helper {
namespace {

const char *systemctl()
{
    return access("/usr/bin/systemctl", X_OK) == 0 ? "/usr/bin/systemctl" : "/bin/systemctl";
}

} // namespace

int runProgram(const char *program, const char *const *arguments)
{
    std::vector<char *> argv;
    argv.push_back(const_cast<char *>(program));
    for (const char *const *a = arguments; *a != nullptr; ++a)
        argv.push_back(const_cast<char *>(*a));
    argv.push_back(nullptr);
    const pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        const int null = open("/dev/null", O_RDWR | O_CLOEXEC);
        if (null >= 0) {
            dup2(null, STDIN_FILENO);
            dup2(null, STDOUT_FILENO);   // stderr stays: systemctl's message reaches the client
        }
        execv(program, argv.data());
        _exit(127);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            return -1;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int SystemTimeServiceHost::restartUnit(std::string_view unit)
{
    const std::string name(unit);
    const char *const arguments[] = {"restart", "--", name.c_str(), nullptr};
    return runProgram(systemctl(), arguments);
}

bool SystemTimeServiceHost::unitActive(std::string_view unit)
{
    const std::string name(unit);
    const char *const arguments[] = {"is-active", "--quiet", "--", name.c_str(), nullptr};
    return runProgram(systemctl(), arguments) == 0;
}

} // namespace chronoscope::helper

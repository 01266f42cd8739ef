// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/testroottimeservicehost.h"

#include <fstream>
#include <sstream>

#include <unistd.h>

namespace chronoscope::helper {
namespace {

std::string readAll(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

bool exists(const std::string &path)
{
    return access(path.c_str(), F_OK) == 0;
}

} // namespace

TestRootTimeServiceHost::TestRootTimeServiceHost(std::string root, std::string chronydSocket)
    : m_root(std::move(root))
    , m_socket(chronydSocket.empty() ? m_root + "/run/chrony/chronyd.sock" : std::move(chronydSocket))
{
    while (m_root.size() > 1 && m_root.back() == '/')
        m_root.pop_back();
}

std::string TestRootTimeServiceHost::configFileOf(std::string_view unit) const
{
    if (unit == "systemd-timesyncd.service")
        return m_root + "/etc/systemd/timesyncd.conf.d/chronoscope.conf";
    if (unit == "ntpsec.service")
        return m_root + "/etc/ntpsec/ntp.conf";
    return m_root + "/etc/ntp.conf";
}

int TestRootTimeServiceHost::restartUnit(std::string_view unit)
{
    const std::string name(unit);
    std::ofstream(m_root + "/restarts.log", std::ios::app) << "restart " << name << "\n";
    const std::string failed = m_root + "/units/" + name + ".failed";
    std::string word = readAll(m_root + "/units/" + name + ".rejects");
    while (!word.empty() && (word.back() == '\n' || word.back() == ' '))
        word.pop_back();
    if (!word.empty() && readAll(configFileOf(unit)).find(word) != std::string::npos) {
        std::ofstream(failed) << "rejected " << word << "\n";
        return 1;
    }
    unlink(failed.c_str());
    return 0;
}

bool TestRootTimeServiceHost::unitActive(std::string_view unit)
{
    return !exists(m_root + "/units/" + std::string(unit) + ".failed");
}

} // namespace chronoscope::helper

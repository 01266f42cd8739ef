// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/fileauditsink.h"

#include <chrono>
#include <ctime>

namespace chronoscope::helper {
namespace {

std::string utcNow()
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
#ifdef _WIN32
    gmtime_s(&utc, &now);
#else
    gmtime_r(&now, &utc);
#endif
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

} // namespace

FileAuditSink::FileAuditSink(const std::string &path, bool echo)
    : m_file(std::fopen(path.c_str(), "ab"))
    , m_echo(echo)
{
}

FileAuditSink::~FileAuditSink()
{
    if (m_file)
        std::fclose(m_file);
}

void FileAuditSink::write(const AuditRecord &record)
{
    const std::string line = utcNow() + " chronoscope-helper: " + formatAuditLine(record) + "\n";
    if (m_file) {
        std::fputs(line.c_str(), m_file);
        std::fflush(m_file);
    }
    if (m_echo)
        std::fputs(line.c_str(), stderr);
}

} // namespace chronoscope::helper

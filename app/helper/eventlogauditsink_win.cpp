// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/eventlogauditsink.h"

#include <string>

#include <windows.h>

namespace chronoscope::helper {
namespace {

constexpr DWORD AUDIT_EVENT_ID = 1; // app/helper/helpermessages.mc: "%1"

} // namespace

bool EventLogAuditSink::sourceInstalled()
{
    const std::wstring key = std::wstring(L"SYSTEM\\CurrentControlSet\\Services\\EventLog\\Application\\") + SOURCE;
    HKEY handle = nullptr;
    if (RegOpenKeyExW(HKEY_LOCAL_MACHINE, key.c_str(), 0, KEY_READ, &handle) != ERROR_SUCCESS)
        return false;
    RegCloseKey(handle);
    return true;
}

EventLogAuditSink::EventLogAuditSink()
    : m_source(RegisterEventSourceW(nullptr, SOURCE))
{
}

EventLogAuditSink::~EventLogAuditSink()
{
    if (m_source)
        DeregisterEventSource(static_cast<HANDLE>(m_source));
}

void EventLogAuditSink::write(const AuditRecord &record)
{
    if (!m_source)
        return;
    // The line is ASCII (formatAuditLine; describeCaller replaced everything else).
    const std::string line = formatAuditLine(record);
    const std::wstring wide(line.begin(), line.end());
    const wchar_t *strings[] = {wide.c_str()};
    const WORD type = record.status == protocol::Status::Ok ? EVENTLOG_INFORMATION_TYPE : EVENTLOG_WARNING_TYPE;
    ReportEventW(static_cast<HANDLE>(m_source), type, 0, AUDIT_EVENT_ID, nullptr, 1, 0, strings, nullptr);
}

} // namespace chronoscope::helper

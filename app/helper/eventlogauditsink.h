// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/helper/auditsink.h"

namespace chronoscope::helper {

// The Windows Application event log, source "Chronoscope Helper" (eventlogauditsink_win.cpp).
// --install-service registers the source with chronoscope-helper.exe as its message file
// (message 1 is "%1": the audit line). Changes are Information events, refusals Warnings.
class EventLogAuditSink final : public AuditSink
{
public:
    static constexpr const wchar_t *SOURCE = L"Chronoscope Helper";
    static bool sourceInstalled();

    EventLogAuditSink();
    ~EventLogAuditSink() override;
    EventLogAuditSink(const EventLogAuditSink &) = delete;
    EventLogAuditSink &operator=(const EventLogAuditSink &) = delete;

    void write(const AuditRecord &record) override;

private:
    void *m_source = nullptr; // HANDLE from RegisterEventSourceW
};

} // namespace chronoscope::helper

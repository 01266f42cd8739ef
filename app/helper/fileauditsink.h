// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdio>
#include <string>

#include "app/helper/auditsink.h"

namespace chronoscope::helper {

// Appends one line per record ("<UTC time> chronoscope-helper: <formatAuditLine>") to a file,
// flushed at once. The Windows service uses it when the Event Log source is not installed
// (%ProgramData%\Chronoscope\helper-audit.log), and the tests under wine read it back.
class FileAuditSink final : public AuditSink
{
public:
    // `echo`: also write each line to stderr (console mode).
    FileAuditSink(const std::string &path, bool echo);
    ~FileAuditSink() override;
    FileAuditSink(const FileAuditSink &) = delete;
    FileAuditSink &operator=(const FileAuditSink &) = delete;

    bool isOpen() const { return m_file != nullptr; }
    void write(const AuditRecord &record) override;

private:
    std::FILE *m_file = nullptr;
    bool m_echo = false;
};

} // namespace chronoscope::helper

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>

#include "core/protocol/timeservice.h"

namespace chronoscope::helper {

// One directory the helper writes a configuration file into (HELPER.md §4.6), opened once
// without following links; every later operation is relative to that descriptor, so the
// directory cannot be swapped for a link in between. Files are read and replaced with
// O_NOFOLLOW: a link where the file should be is refused, never followed.
class ConfigDirectory
{
public:
    struct Result
    {
        protocol::timeservice::Status status = protocol::timeservice::Status::Ok;
        int sysErrno = 0;
        std::string detail;   // for the audit line
        bool ok() const { return status == protocol::timeservice::Status::Ok; }
    };

    ConfigDirectory() = default;
    ~ConfigDirectory();
    ConfigDirectory(const ConfigDirectory &) = delete;
    ConfigDirectory &operator=(const ConfigDirectory &) = delete;

    // Missing → ConfigMissing (unless `create`: then made 0755 when its parent exists), a link or
    // not a directory, or writable by others, or owned by someone but root and us → UnsafePath,
    // not writable by us → NotWritable.
    Result open(const std::string &path, bool create = false);
    const std::string &path() const { return m_path; }
    // True when `path` does not exist and its parent is a real directory (open(path, true)
    // would create it).
    static bool creatable(const std::string &path);

    // The file's bytes; nothing (and `exists` false) when it does not exist. UnsafePath when it
    // is a link or not a regular file; Failed for other errors or above MAX_FILE_SIZE.
    Result read(const std::string &name, std::string &content, bool &exists) const;
    // Temporary file in this directory (O_EXCL|O_NOFOLLOW), fsync, mode 0644 (owner root when
    // we are root), rename over `name`, fsync the directory.
    Result replace(const std::string &name, const std::string &content) const;
    // Removes `name` (no error when it is already gone) and fsyncs the directory.
    Result remove(const std::string &name) const;
    // Takes an exclusive flock on `name` (created 0600 if missing), held until this object is
    // destroyed; waits for another holder.
    Result lock(const std::string &name);

    static constexpr std::size_t MAX_FILE_SIZE = 1 << 20;

private:
    int m_fd = -1;
    int m_lockFd = -1;
    std::string m_path;
};

} // namespace chronoscope::helper

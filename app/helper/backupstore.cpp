// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/backupstore.h"

#include <cerrno>
#include <cstring>

#include <sys/stat.h>

#include "app/helper/securedirectory.h"
#include "core/protocol/timeservicenames.h"

namespace chronoscope::helper {

using protocol::timeservice::Daemon;
using protocol::timeservice::Status;

namespace {

std::string baseName(Daemon daemon)
{
    return std::string(protocol::timeservice::daemonName(daemon));
}

} // namespace

ConfigDirectory::Result BackupStore::open(const std::string &stateDirectory)
{
    // Missing parents 0755 (e.g. /var/lib exists already); the last two components
    // (chronoscope-helper/time-service) 0700 and ours alone.
    const std::size_t last = stateDirectory.rfind('/');
    const std::size_t second = last == std::string::npos || last == 0 ? std::string::npos : stateDirectory.rfind('/', last - 1);
    if (second == std::string::npos || second == 0) {
        ConfigDirectory::Result r;
        r.status = Status::Failed;
        r.sysErrno = EINVAL;
        r.detail = "state directory " + stateDirectory + " needs two components below /";
        return r;
    }
    for (std::size_t slash = stateDirectory.find('/', 1); slash < second; slash = stateDirectory.find('/', slash + 1))
        mkdir(stateDirectory.substr(0, slash).c_str(), 0755);
    mkdir(stateDirectory.substr(0, second).c_str(), 0755);
    if (!ensureOwnerOnlyDirectory(stateDirectory.substr(0, last), true)) {
        ConfigDirectory::Result r;
        r.status = Status::UnsafePath;
        r.sysErrno = errno;
        r.detail = "the state directory " + stateDirectory.substr(0, last) + " is missing or not ours alone";
        return r;
    }
    if (!ensureOwnerOnlyDirectory(stateDirectory, true)) {
        ConfigDirectory::Result r;
        r.status = Status::UnsafePath;
        r.sysErrno = errno;
        r.detail = "the state directory " + stateDirectory + " is missing or not ours alone";
        return r;
    }
    return m_dir.open(stateDirectory);
}

ConfigDirectory::Result BackupStore::save(Daemon daemon, const std::optional<std::string> &previous)
{
    if (previous) {
        ConfigDirectory::Result r = m_dir.replace(baseName(daemon) + ".backup", *previous);
        if (r.ok())
            r = m_dir.remove(baseName(daemon) + ".absent");
        return r;
    }
    ConfigDirectory::Result r = m_dir.replace(baseName(daemon) + ".absent", "no file before Chronoscope's change\n");
    if (r.ok())
        r = m_dir.remove(baseName(daemon) + ".backup");
    return r;
}

ConfigDirectory::Result BackupStore::load(Daemon daemon, std::optional<std::string> &previous, bool &found) const
{
    previous.reset();
    std::string content;
    bool exists = false;
    ConfigDirectory::Result r = m_dir.read(baseName(daemon) + ".backup", content, exists);
    if (!r.ok())
        return r;
    if (exists) {
        previous = std::move(content);
        found = true;
        return r;
    }
    r = m_dir.read(baseName(daemon) + ".absent", content, exists);
    found = r.ok() && exists;
    return r;
}

ConfigDirectory::Result BackupStore::discard(Daemon daemon)
{
    ConfigDirectory::Result r = m_dir.remove(baseName(daemon) + ".backup");
    if (r.ok())
        r = m_dir.remove(baseName(daemon) + ".absent");
    return r;
}

} // namespace chronoscope::helper

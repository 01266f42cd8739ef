// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>

#include "app/helper/configdirectory.h"
#include "core/protocol/timeservice.h"

namespace chronoscope::helper {

// The configuration a daemon had before Chronoscope's first ApplySources (HELPER.md §4.6),
// kept in the helper's root-only persistent state directory until RevertSources restores it:
// "<daemon>.backup" holds the old bytes, "<daemon>.absent" says there was no file.
class BackupStore
{
public:
    // Creates the directory (0700, and missing parents 0755) and checks it is ours alone.
    ConfigDirectory::Result open(const std::string &stateDirectory);

    // `previous`: the old bytes, or nothing when there was no file.
    ConfigDirectory::Result save(protocol::timeservice::Daemon daemon, const std::optional<std::string> &previous);
    // `found` false when there is no backup; else `previous` as saved.
    ConfigDirectory::Result load(protocol::timeservice::Daemon daemon, std::optional<std::string> &previous,
                                 bool &found) const;
    ConfigDirectory::Result discard(protocol::timeservice::Daemon daemon);
    // One apply or revert at a time, whichever helper runs it: held until this object goes.
    ConfigDirectory::Result lock() { return m_dir.lock("lock"); }

private:
    ConfigDirectory m_dir;
};

} // namespace chronoscope::helper

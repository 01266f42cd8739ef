// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/keyringvault.h"

using namespace Qt::StringLiterals;

namespace chronoscope::auth {

QString KeyringVault::entryName(std::uint32_t id) const
{
    return u"ntp-key %1 (%2)"_s.arg(id).arg(m_storePath);
}

} // namespace chronoscope::auth

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/keyfileformat.h"

using namespace Qt::StringLiterals;

namespace chronoscope::auth {

QString keyFileFormatId(KeyFileFormat format)
{
    return format == KeyFileFormat::Chrony ? u"chrony"_s : u"ntp"_s;
}

std::optional<KeyFileFormat> keyFileFormatFromId(const QString &id)
{
    const QString lower = id.trimmed().toLower();
    if (lower == u"chrony"_s)
        return KeyFileFormat::Chrony;
    if (lower == u"ntp"_s || lower == u"ntpd"_s || lower == u"ntpsec"_s)
        return KeyFileFormat::Ntp;
    return std::nullopt;
}

} // namespace chronoscope::auth

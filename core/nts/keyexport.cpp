// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/nts/keyexport.h"

namespace chronoscope::nts {

QByteArray keyExportContext(std::uint16_t nextProtocol, std::uint16_t aead, KeyDirection direction)
{
    const char context[5] = {char(nextProtocol >> 8), char(nextProtocol & 0xFF), char(aead >> 8), char(aead & 0xFF),
                             char(direction)};
    return QByteArray(context, 5);
}

} // namespace chronoscope::nts

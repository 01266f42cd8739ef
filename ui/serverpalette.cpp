// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/serverpalette.h"

#include <array>

namespace chronoscope::ui {

QColor serverColor(int serverId)
{
    static constexpr std::array<QRgb, 12> colors{
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b,
        0xe377c2, 0x17becf, 0xbcbd22, 0x7f7f7f, 0x3b5bdb, 0xf08c00};
    const size_t index = size_t(serverId < 0 ? 0 : serverId) % colors.size();
    return QColor::fromRgb(colors[index]);
}

} // namespace chronoscope::ui

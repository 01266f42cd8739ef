// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>

namespace chronoscope::ui {

// The colour of a server everywhere (chart series, table swatch, selection picture): fixed by
// its engine id, so it never changes while the server is listed. Twelve hues chosen to stay
// distinguishable on light and dark backgrounds.
QColor serverColor(int serverId);

} // namespace chronoscope::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/timeserviceaudit.h"

namespace chronoscope::helper {

std::string auditQuoted(const std::string &text)
{
    constexpr std::size_t MAX_SHOWN = 200;
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size() && i < MAX_SHOWN; ++i) {
        const char c = text[i];
        if (c == '"' || c == '\\')
            out += '\\';
        out += (c >= 0x20 && c < 0x7F) ? c : '?';
    }
    if (text.size() > MAX_SHOWN)
        out += "...";
    out += '"';
    return out;
}

} // namespace chronoscope::helper

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QString>

namespace chronoscope::ntp {

// Kiss-o'-Death codes we act on (RFC 5905 §7.4). Everything else is informational.
enum class KissCode { None, Rate, Deny, Restrict, Other };

// The code carried in a stratum-0 reference id, or None when the id is not four ASCII letters.
KissCode kissCodeFromReferenceId(std::uint32_t referenceId);
// The four-letter code as text ("RATE", "DENY", ...), empty for None.
QString kissCodeText(std::uint32_t referenceId);

} // namespace chronoscope::ntp

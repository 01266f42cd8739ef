// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QString>

namespace chronoscope::auth {

// The two key-file dialects (NTP-NOTES §5.3).
//  chrony:       `ID [TYPE] KEY`, KEY = HEX:… | ASCII:… | bare ASCII; TYPE defaults to MD5;
//                a comment is a line starting with # ! ; or %.
//  ntpd/ntpsec:  `ID TYPE KEY`, KEY of 20 characters or fewer is ASCII, longer is hex;
//                # starts a comment anywhere.
enum class KeyFileFormat { Chrony, Ntp };

// "chrony" / "ntp".
QString keyFileFormatId(KeyFileFormat format);
// Accepts "chrony", "ntp", "ntpd", "ntpsec" (case-insensitive).
std::optional<KeyFileFormat> keyFileFormatFromId(const QString &id);

} // namespace chronoscope::auth

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QByteArrayView>
#include <QString>

#include "core/auth/keyfilecontents.h"
#include "core/auth/keyfileformat.h"

namespace chronoscope::auth {

constexpr qsizetype MAX_KEY_FILE_LINE = 2047;      // characters, chrony's limit
constexpr qsizetype MAX_KEY_FILE_SIZE = 1 << 20;   // bytes; a key file is a few hundred
constexpr int NTP_ASCII_KEY_MAX = 20;              // ntpd/ntpsec: longer keys are hex
constexpr qsizetype MAX_KEY_FILE_KEYS = 1024;      // keys (and keyring references) read from one file

// Parses key-file text as chrony or ntpd/ntpsec read it (NTP-NOTES §5.3). Every line that cannot
// be used is reported with its number and the reason (bad hex, odd length, unknown type, id out
// of range, duplicate id, overlong line, binary junk, ...); valid lines are still returned, and
// callers decide whether to use them. A CR before the LF is ignored (as chrony and ntpd do) and
// noted once as a warning. Every limit is checked before anything is allocated for it: the file
// size, each line's length and the number of keys (lines beyond MAX_KEY_FILE_KEYS are errors). Lines starting with "#@" carry Chronoscope's own metadata (label,
// servers, keyring references); other programs read them as comments.
//
// `format` empty: detect it — chrony when a key is written HEX:/ASCII: or a line has only
// ID and KEY, or the file name contains "chrony"; ntpd/ntpsec otherwise.
KeyFileContents parseKeyFile(QByteArrayView data, const QString &fileName,
                             std::optional<KeyFileFormat> format = std::nullopt);

} // namespace chronoscope::auth

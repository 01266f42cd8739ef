// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace chronoscope::config::limits {

// Bounds of the settings file, checked before anything is allocated or iterated (README
// "Fuzzing and input limits"). A value over its bound is dropped and reported by key and line.
constexpr qint64 MAX_SETTINGS_FILE_BYTES = 1024 * 1024;          // only this much is ever read
constexpr int MAX_SERVERS = 256;                                 // [servers] size= above: refused
constexpr int MAX_PATH_CHARS = 4096;                             // logFilePath
constexpr int MAX_WINDOW_STATE_BYTES = 64 * 1024;                // windowState, windowGeometry
// The longest line our writer produces: a 64 KiB window state with every byte escaped as \xHH,
// plus the key and quotes.
constexpr int MAX_SETTINGS_LINE_BYTES = 4 * MAX_WINDOW_STATE_BYTES + 1024;
constexpr int MAX_REPORTED_PROBLEMS = 20;                        // further ones are only counted

} // namespace chronoscope::config::limits

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>

#include "core/config/inivalue.h"

namespace chronoscope::config {

// A line that could not be used and why; the line's value is dropped, every other line is kept.
struct IniProblem
{
    int line = 0;        // 1-based
    QString message;
};

struct IniDocument
{
    QHash<QString, IniValue> values;   // "section/key" ("key" in [General]), the last one wins
    QList<IniProblem> problems;        // at most limits::MAX_REPORTED_PROBLEMS
    int unreportedProblems = 0;        // further problems, only counted
};

// Reads INI text in memory, one line at a time: no file access; memory bounded by the input's
// size. Stricter than QSettings where the writer never goes: a line that is binary (NUL, a
// control character), not UTF-8, longer than limits::MAX_SETTINGS_LINE_BYTES, without '=', with
// an unclosed quote, with a value type Chronoscope never writes (@Variant, @DateTime, @Rect...),
// or cut off at the end of the file is reported and skipped instead of being merged or guessed.
// '#' starts a comment like ';'. Keys are case-sensitive (QSettings on Unix).
IniDocument readIni(QByteArrayView content);

} // namespace chronoscope::config

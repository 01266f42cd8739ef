// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>
#include <QVariant>

#include "core/result.h"

namespace chronoscope::config {

// One value of an INI file in the syntax QSettings::IniFormat writes: quoted or plain text with
// C-style escapes (\n, \", \\, \xHH, octal), "@ByteArray(...)", "@String(...)", "@Invalid()",
// "@@" for a leading '@', and comma-separated lists.
struct IniValue
{
    enum class Kind { Text, Bytes, List, Invalid };
    Kind kind = Kind::Text;
    QString text;        // Kind::Text
    QByteArray bytes;    // Kind::Bytes
    QStringList list;    // Kind::List
    int line = 0;        // 1-based line in the file

    // What QSettings::value() returns for the same text.
    QVariant toVariant() const;
};

// The text after '=' as QSettings' INI reader decodes it (blanks around unquoted parts dropped,
// quotes group, an unquoted ',' makes a list, an unquoted ';' starts a comment), then typed.
// Fails on an unclosed quote and on the typed values Chronoscope never writes.
Result<IniValue> parseIniValue(QByteArrayView raw, int line);

// Appends a key or section name with QSettings' key escaping undone: '\' stands for '/', %XX
// and %UXXXX for other characters.
void appendUnescapedIniKey(QString &out, QByteArrayView raw);

// `text` without leading and trailing blanks (spaces and tabs).
QByteArrayView trimmedIniBlanks(QByteArrayView text);

} // namespace chronoscope::config

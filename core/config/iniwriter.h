// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

namespace chronoscope::config {

// Builds INI text exactly as QSettings::IniFormat (Qt 6) writes it: sections and keys sorted,
// a blank line between sections, values escaped the same way (quotes around ',;=' and outer
// blanks, C escapes, \xHH for control characters, "@ByteArray(...)" for bytes, "@@" for a
// leading '@'). SettingsStore writes the result with QSaveFile, so QSettings never has to read
// the old file; tst_settingsparser checks the bytes against QSettings' own output.
class IniWriter
{
public:
    // `key` is "section/name"; every key must have a section.
    void setText(const QString &key, const QString &value);
    void setBytes(const QString &key, const QByteArray &value);
    void setBool(const QString &key, bool value);
    void setNumber(const QString &key, qint64 value);
    void setNumber(const QString &key, double value);

    QByteArray toIni() const;

private:
    // Key escaping of QSettings: '/' as '\', other characters than [A-Za-z0-9_.-] as %XX/%UXXXX.
    static QByteArray escapedKey(const QString &key);
    // `raw`: the text stands for bytes (every character at or above 0x7f as \xHH, not UTF-8).
    static QByteArray escapedValue(const QString &text, bool raw);
    void set(const QString &key, QByteArray escaped);

    QMap<QString, QMap<QString, QByteArray>> m_sections; // section -> key -> escaped value
};

} // namespace chronoscope::config

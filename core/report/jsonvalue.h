// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QDateTime>
#include <QJsonValue>
#include <QString>

// The JSON contract's convention for "not known": null, never 0 or "" (docs/ARCHITECTURE.md §3.4).
// One home for it, used by every JSON writer in core.
namespace chronoscope::report {

inline QJsonValue numberOrNull(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

// An empty text is unknown.
inline QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

// ISO 8601 in UTC, or null for an invalid time.
inline QJsonValue isoTimeOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

} // namespace chronoscope::report

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QString>

#include "core/result.h"

namespace chronoscope::metrics {

// Where the metrics endpoint listens.
struct ListenAddress
{
    QHostAddress address{QHostAddress::LocalHost};
    quint16 port = 0; // 0: any free port (the endpoint reports the one it got)

    QString toString() const; // "127.0.0.1:9123", "[::1]:9123"
};

// Parses "ADDR:PORT", "[IPV6]:PORT", ":PORT" or "PORT" (the last two: 127.0.0.1). ADDR is a
// numeric address or "localhost"; names are not resolved. Errors name the offending text.
Result<ListenAddress> parseListenAddress(const QString &text);

} // namespace chronoscope::metrics

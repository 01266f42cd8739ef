// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace chronoscope::config {

// The GUI's preferences, as plain values (no widgets). Defaults are those of a fresh install.
struct AppSettings
{
    bool closeToTray = true;              // closing the window keeps monitoring in the tray
    bool notifyOffset = true;             // notify when |offset| crosses offsetThreshold
    double offsetThreshold = 0.1;         // seconds
    bool notifyUnreachable = true;        // notify when every server becomes unreachable
    quint32 recordedEvents = 0xffffffffu; // bit mask of eventlog::EventKind values to record
    bool logFileEnabled = false;
    QString logFilePath;                  // empty: <app data>/chronoscope.log
    qint64 logFileMaxBytes = 1024 * 1024; // rotate when the file would grow beyond this
    int logFileKeep = 3;                  // rotated files kept (chronoscope.log.1 … .N)
    int eventLogCapacity = 10000;         // entries kept in the window's event log (oldest dropped)
    int chartRangeSeconds = 3600;         // 0: everything kept
    int theme = 0;                        // 0: follow the system, 1: light, 2: dark
    bool metricsEnabled = false;          // serve Prometheus metrics while the window monitors
    QString metricsAddress = QStringLiteral("127.0.0.1:9123"); // ADDR:PORT (core/metrics/listenaddress.h)
    QByteArray windowGeometry;            // QWidget::saveGeometry(), opaque here
    QByteArray windowState;               // the main splitter's QSplitter::saveState(), opaque here

    friend bool operator==(const AppSettings &, const AppSettings &) = default;
};

} // namespace chronoscope::config

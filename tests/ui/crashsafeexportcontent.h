// SPDX-License-Identifier: GPL-3.0-or-later
// What generation N of each GUI export looks like, shared by crashsafe_export_writer (which
// exports N, N+1, … through the GUI's real export functions until it is killed) and
// tst_crashsafeexports (which reads the file left on disk and must find one whole generation).
// The sizes change with N, so that a file mixing two generations or cut short cannot pass.
#pragma once

#include <QString>
#include <QStringList>

namespace chronoscope::crashsafe {

// The GUI's exports: measurements as CSV and JSON (ui/measurementexport), the event-log tab's
// export (EventLogPane::exportTo).
inline const QStringList EXPORT_KINDS{QStringLiteral("csv"), QStringLiteral("json"), QStringLiteral("events")};

inline QString exportServerOf(int generation)
{
    return QStringLiteral("g%1.example.org").arg(generation);
}

// 50 to 2,000 samples (or event lines) per generation.
inline int exportRowsOf(int generation)
{
    return 50 + (generation * 37) % 1951;
}

// Sample i of generation N: Unix time (s), offset, delay and jitter (s).
inline double exportTimeOf(int generation, int i)
{
    return 1.7e9 + generation * 10000.0 + i;
}
inline double exportOffsetOf(int generation, int i)
{
    return (generation % 1000) * 1e-6 + i * 1e-9;
}

inline QString exportEventOf(int generation, int i)
{
    return QStringLiteral("generation %1 event %2 of %3").arg(generation).arg(i).arg(exportRowsOf(generation));
}

} // namespace chronoscope::crashsafe

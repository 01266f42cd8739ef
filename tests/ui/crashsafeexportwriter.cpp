// SPDX-License-Identifier: GPL-3.0-or-later
// crashsafe_export_writer csv|json|events FILE FIRST: exports generation FIRST, FIRST+1, … through
// the GUI's real export code (offscreen), printing each generation number on stdout once the
// export returned, until it is killed. tst_crashsafeexports SIGKILLs it at random points.
#include <cstdio>

#include <QApplication>

#include "core/eventlog/eventlog.h"
#include "tests/ui/crashsafeexportcontent.h"
#include "ui/charts/chartspanel.h"
#include "ui/eventlogpane.h"
#include "ui/measurementexport.h"

using namespace chronoscope;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "crashsafe_export_writer: %s\n", qPrintable(message));
    return 1;
}

Result<QString> exportGeneration(const QString &kind, const QString &path, int generation)
{
    const int rows = crashsafe::exportRowsOf(generation);
    if (kind == u"events") {
        eventlog::EventLog log;
        for (int i = 0; i < rows; ++i) {
            eventlog::EventLogEntry entry;
            entry.time = crashsafe::exportTimeOf(generation, i);
            entry.server = crashsafe::exportServerOf(generation);
            entry.message = crashsafe::exportEventOf(generation, i);
            log.record(entry);
        }
        const ui::EventLogPane pane(&log);
        return pane.exportTo(path);
    }
    ui::ChartsPanel charts;
    for (int i = 0; i < rows; ++i)
        charts.addMeasurement(1, crashsafe::exportServerOf(generation), crashsafe::exportTimeOf(generation, i),
                              crashsafe::exportOffsetOf(generation, i), 0.004, 0.0001);
    return kind == u"csv" ? ui::exportMeasurementsCsv(charts, path) : ui::exportMeasurementsJson(charts, path);
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    bool ok = false;
    const int first = args.size() == 4 ? args.at(3).toInt(&ok) : 0;
    if (!ok || !crashsafe::EXPORT_KINDS.contains(args.at(1)))
        return fail(QStringLiteral("usage: crashsafe_export_writer csv|json|events FILE FIRST"));
    for (int generation = first;; ++generation) {
        if (Result<QString> written = exportGeneration(args.at(1), args.at(2), generation); !written)
            return fail(written.errorMessage());
        std::printf("%d\n", generation);
        std::fflush(stdout);
    }
}

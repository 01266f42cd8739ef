// SPDX-License-Identifier: GPL-3.0-or-later
// crashsafe_writer KIND DIR FIRST: writes generation FIRST, FIRST+1, … of one file kind through
// the app's real writer, printing each generation number on stdout once its write returned,
// until it is killed. tst_crashsafewrites SIGKILLs it at random points (crashsafecontent.h).
#include <cstdio>

#include <QCoreApplication>
#include <QDir>

#include "core/auth/keystore.h"
#include "core/config/serverlistformat.h"
#include "core/config/settingsstore.h"
#include "core/eventlog/eventlogfile.h"
#include "tests/unit/crashsafecontent.h"

using namespace chronoscope;

namespace {

void acknowledge(int generation)
{
    std::printf("%d\n", generation);
    std::fflush(stdout);
}

int fail(const QString &message)
{
    std::fprintf(stderr, "crashsafe_writer: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    bool ok = false;
    const int first = args.size() == 4 ? args.at(3).toInt(&ok) : 0;
    if (!ok || !crashsafe::FILE_KINDS.contains(args.at(1)))
        return fail(QStringLiteral("usage: crashsafe_writer settings|serverlist|keystore|eventlog DIR FIRST"));
    const QString kind = args.at(1);
    const QDir dir(args.at(2));

    if (kind == u"eventlog") {
        eventlog::EventLogFile file(dir.filePath(QStringLiteral("events.log")), crashsafe::EVENTLOG_MAX_BYTES,
                                    crashsafe::EVENTLOG_KEEP);
        if (Result<QString> opened = file.open(); !opened)
            return fail(opened.errorMessage());
        for (int n = first;; ++n) {
            if (Result<QString> written = file.writeLine(crashsafe::eventLineOf(n)); !written)
                return fail(written.errorMessage());
            acknowledge(n);
        }
    }
    for (int generation = first;; ++generation) {
        if (kind == u"settings") {
            const config::SettingsStore store(dir.filePath(QStringLiteral("chronoscope.conf")));
            if (Result<QString> saved = store.save(crashsafe::serversOf(generation), crashsafe::appSettingsOf(generation));
                !saved)
                return fail(saved.errorMessage());
        } else if (kind == u"serverlist") {
            if (Result<QString> saved = config::exportServerList(dir.filePath(QStringLiteral("chrony.conf")),
                                                                 crashsafe::serversOf(generation),
                                                                 config::ConfFormat::Chrony);
                !saved)
                return fail(saved.errorMessage());
        } else {
            auth::KeyStore store(dir.filePath(QStringLiteral("keys")));
            for (const auth::SymmetricKey &key : crashsafe::keysOf(generation)) {
                if (std::optional<Error> refused = store.add(key))
                    return fail(refused->message);
            }
            if (std::optional<Error> failed = store.save())
                return fail(failed->message);
        }
        acknowledge(generation);
    }
}

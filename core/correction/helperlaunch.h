// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

#include "core/correction/helpererror.h"
#include "core/protocol/verb.h"
#include "core/result.h"

namespace chronoscope::correction {

// How to start the helper on Linux (on Windows and macOS the app talks to a running service
// instead: createClockHelper() in clockhelperfactory.h).
//
// Normally: `pkexec <CHRONOSCOPE_HELPER_INSTALL_PATH> <verb> [--dry-run]`. The path is fixed at
// configure time and is the one the polkit policy names (packaging/linux); pkexec picks the
// action (…clock.step or …clock.slew) by that path and the verb.
//
// Why not systemd-timedated's SetTime (HELPER.md §1.2, STYLE.md §2.10)? It is the preferred way
// for a one-off step when no NTP service is active, and we considered it. We use our own helper
// for every change in v1 because (1) timedated cannot slew, and most "Synchronise now" cases are
// small offsets that should be slewed; (2) it refuses whenever an NTP unit is active, which is
// exactly when our competing-service warning already tells the user to act; (3) it writes the
// RTC on every call; (4) the client would need QtDBus outside core (STYLE.md §2.11); and (5) one
// path gives one set of rules, one audit trail and one rate limit. A timedated backend can be
// added behind ClockHelper without touching callers.
//
// For tests and development, CHRONOSCOPE_HELPER=<path> runs that helper directly, without
// pkexec and so without privileges; CHRONOSCOPE_HELPER_TEST_FAKE_CLOCK=1 adds the helper's
// hidden --test-fake-clock (its in-memory clock). Neither can grant anything: an unprivileged
// helper cannot change the clock, and the fake flag changes only the backend, not the checks.
struct HelperLaunch
{
    QString program;
    QStringList arguments;
    bool elevated = false;   // through pkexec
};

QString installedHelperPath();
Result<HelperLaunch> helperLaunch(protocol::Verb verb, bool dryRun);
// `pkexec <installed helper> <helperArguments>`, or why it cannot run (`what` names the helper
// in the message: "the clock helper is not installed at ..."). Every verb's launch ends here.
Result<HelperLaunch> elevatedHelperLaunch(const QStringList &helperArguments, const QString &what);

// Why a helper process ended without answering, from its exit and its standard error
// (`details`): crashed, the password prompt dismissed or not authorised (pkexec 126 and 127,
// when `elevated`), refused to start (the helper's exit 7), or exited early.
struct HelperExit
{
    HelperError error = HelperError::Crashed;
    QString detail;
};
HelperExit classifyHelperExit(int exitCode, QProcess::ExitStatus status, bool elevated, const QString &details);
// Keeps what a helper writes on its standard error (its audit lines, used for error details) up
// to MAX_HELPER_STDERR_BYTES; the rest is dropped, however much the process writes.
constexpr qsizetype MAX_HELPER_STDERR_BYTES = 16 * 1024;
void keepHelperStderr(QByteArray &kept, QProcess &process);
// Closes a running helper's input and lets it finish (2 s), else kills it; blocks at most 3 s.
void endHelperProcess(QProcess &process);

} // namespace chronoscope::correction

// SPDX-License-Identifier: GPL-3.0-or-later
// chronoscope-helper: the only code that may change the clock (ARCHITECTURE.md §5, HELPER.md).
// Started by pkexec, one request at a time over stdin/stdout, exits when its input closes.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include <sys/stat.h>
#include <unistd.h>

#include "app/helper/auditrecord.h"
#include "app/helper/dryrunclockops.h"
#include "app/helper/fakeclockops.h"
#include "app/helper/frameio.h"
#include "app/helper/helperconfig.h"
#include "app/helper/helperoptions.h"
#include "app/helper/helperservice.h"
#include "app/helper/platformclockops.h"
#include "app/helper/processhardening.h"
#include "app/helper/ratelimiter.h"
#include "app/helper/replayguard.h"
#include "app/helper/syslogauditsink.h"
#include "app/helper/systemtimeservicehost.h"
#include "app/helper/testroottimeservicehost.h"
#include "app/helper/timeserviceframeio.h"
#include "app/helper/timeserviceoperations.h"

#ifndef CHRONOSCOPE_HELPER_STATE_DIR
#  define CHRONOSCOPE_HELPER_STATE_DIR "/run/chronoscope-helper"
#endif

using namespace chronoscope::helper;

namespace {

// pkexec puts the invoking user's uid in PKEXEC_UID; run directly, it is our own uid.
CallerIdentity callerIdentity(const HelperEnvironment &environment)
{
    CallerIdentity caller;
    caller.uid = callerUid(environment.pkexecUid, long(getuid()));
    caller.pid = long(getppid());
    return caller;
}

// The configure-time-service and read-time-service verbs (HELPER.md §4.5, §4.6): time-service
// frames, no clock.
int serveTimeService(const HelperOptions &options, const HelperEnvironment &environment)
{
    if (options.hasTestOptions() && !environment.forbidClockChanges) {
        std::fputs("chronoscope-helper: the --test-* options are for test suites only "
                   "(CHRONOSCOPE_FORBID_CLOCK_CHANGES)\n", stderr);
        return ExitRefusedSetup;
    }
    // Test suites never reach the machine's /etc or systemctl: only a test root or a dry run.
    if (environment.forbidClockChanges && options.testRoot.empty() && !options.dryRun) {
        std::fputs("chronoscope-helper: changing the time service is forbidden in this environment "
                   "(CHRONOSCOPE_FORBID_CLOCK_CHANGES); use --dry-run\n", stderr);
        return ExitRefusedSetup;
    }
    std::unique_ptr<TimeServiceHost> host;
    if (options.testRoot.empty())
        host = std::make_unique<SystemTimeServiceHost>();
    else
        host = std::make_unique<TestRootTimeServiceHost>(options.testRoot, options.testChronydSocket);
    TimeServiceSettings settings;
    settings.dryRun = options.dryRun;
    settings.readOnly = options.timeServiceReadOnly;
    if (options.testGraceMs >= 0)
        settings.graceMs = options.testGraceMs;
    SyslogAuditSink audit;
    TimeServiceOperations operations(*host, audit, callerIdentity(environment), settings);
    // Applying waits up to the grace period before it answers; the client's wait is its own.
    return serveTimeServiceFrames(operations, STDIN_FILENO, STDOUT_FILENO, FrameTimeouts{});
}

} // namespace

int main(int argc, char *argv[])
{
    // Before anything else: nothing from the caller's environment is used past this point, and
    // this root process's memory never lands in a core file or another process.
    const HelperEnvironment environment = takeHelperEnvironment();
    if (!hardenProcess()) {
        std::fputs("chronoscope-helper: cannot make the process non-dumpable; refusing to run\n", stderr);
        return ExitRefusedSetup;
    }
    std::signal(SIGPIPE, SIG_IGN); // a vanished client shows up as a write error, not a signal
    umask(077);

    const ParsedHelperOptions parsed = parseHelperOptions(argc, argv);
    if (!parsed.options) {
        std::fprintf(stderr, "chronoscope-helper: %s\n%s", parsed.error.c_str(), helperUsage());
        return ExitUsage;
    }
    const HelperOptions &options = *parsed.options;
    if (options.action == HelperOptions::Action::Help) {
        std::fputs(helperUsage(), stdout);
        return ExitOk;
    }
    if (options.action == HelperOptions::Action::Version) {
        std::printf("chronoscope-helper %s (protocol %u)\n", CHRONOSCOPE_VERSION, unsigned(chronoscope::protocol::VERSION));
        return ExitOk;
    }

    if (options.timeService)
        return serveTimeService(options, environment);

    const HelperConfig config = defaultHelperConfig();
    RateLimiter limiter(config.minChangeIntervalNs, config.rateWindowNs, config.maxChangesPerWindow);
    ReplayGuard replays(std::int64_t(config.maxAgeMs) * 1'000'000);
    std::unique_ptr<ClockOps> clock;
    if (options.fakeClock) {
        // The in-memory clock's history lives and dies with this process.
        clock = std::make_unique<FakeClockOps>(FakeClockOps::followingSystemClock());
    } else if (options.dryRun) {
        clock = std::make_unique<DryRunClockOps>();
        limiter.setHistoryDirectory(CHRONOSCOPE_HELPER_STATE_DIR, true);
        replays.setHistoryDirectory(CHRONOSCOPE_HELPER_STATE_DIR, true);
    } else {
        // Test suites set this so that no mistake in a test can ever reach the real clock.
        if (environment.forbidClockChanges) {
            std::fputs("chronoscope-helper: clock changes are forbidden in this environment "
                       "(CHRONOSCOPE_FORBID_CLOCK_CHANGES); use --dry-run\n", stderr);
            return ExitRefusedSetup;
        }
        clock = createPlatformClockOps();
        if (geteuid() == 0) {
            limiter.setHistoryDirectory(CHRONOSCOPE_HELPER_STATE_DIR, false);
            replays.setHistoryDirectory(CHRONOSCOPE_HELPER_STATE_DIR, false);
        }
    }

    SyslogAuditSink audit;
    HelperService service(options.verb, *clock, config, limiter, audit, callerIdentity(environment));
    service.setReplayGuard(replays);
    return serveFrames(service, STDIN_FILENO, STDOUT_FILENO, FrameTimeouts{});
}

// SPDX-License-Identifier: GPL-3.0-or-later
// chronoscope-helper as the macOS launchd daemon (HELPER.md §2.1): launchd owns the listening Unix
// socket (the plist's Sockets/Listeners, packaging/macos/helper-daemon.plist.in) and starts this
// program as root when a client connects; it serves connections (SocketServer) and exits after a
// minute without one. Plain POSIX except launch_activate_socket, so the same program is built on
// Linux as chronoscope-helper-socketd, with --socket PATH, for the tests (tests/macos).
//   chronoscope-helper [--socket PATH] [--group NAME] [--dry-run]
//   tests only: --test-fake-clock (the in-memory clock), --audit-file PATH (instead of syslog)
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include <sys/stat.h>
#include <unistd.h>

#ifdef __APPLE__
#  include <launch.h>
#endif

#include "app/helper/dryrunclockops.h"
#include "app/helper/fakeclockops.h"
#include "app/helper/fileauditsink.h"
#include "app/helper/frameio.h"
#include "app/helper/helperconfig.h"
#include "app/helper/platformclockops.h"
#include "app/helper/ratelimiter.h"
#include "app/helper/replayguard.h"
#include "app/helper/socketserver.h"
#include "app/helper/syslogauditsink.h"

using namespace chronoscope::helper;

namespace {

constexpr std::size_t MAX_ARGUMENT_LENGTH = 256;
constexpr int IDLE_EXIT_MS = 60'000;
int g_stopPipe[2] = {-1, -1};

struct Options
{
    std::string socketPath;
    std::string group;
    std::string auditFile;
    bool dryRun = false;
    bool fakeClock = false;
};

const char USAGE[] = "Usage: chronoscope-helper [--socket PATH] [--group NAME] [--dry-run]\n"
                     "The privileged half of Chronoscope on macOS, started by launchd on demand: answers\n"
                     "fixed-size binary requests on a Unix socket. Root and members of the admin group\n"
                     "(and of --group) may step or slew the clock; other users may only read its state.\n";

bool parse(int argc, char **argv, Options &options, std::string &error)
{
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        auto value = [&](std::string &out) {
            if (i + 1 >= argc || std::string_view(argv[i + 1]).empty()
                || std::string_view(argv[i + 1]).size() > MAX_ARGUMENT_LENGTH) {
                error = std::string(arg) + " needs a value of 1 to 256 characters";
                return false;
            }
            out = argv[++i];
            return true;
        };
        if (arg == "--socket" || arg == "--group" || arg == "--audit-file") {
            if (!value(arg == "--socket" ? options.socketPath : arg == "--group" ? options.group : options.auditFile))
                return false;
        } else if (arg == "--dry-run") {
            options.dryRun = true;
        } else if (arg == "--test-fake-clock") {
            options.fakeClock = true;
        } else {
            error = "unknown argument (" + std::to_string(arg.size()) + " characters)"; // not echoed
            return false;
        }
    }
    if (options.dryRun && options.fakeClock) {
        error = "--dry-run and --test-fake-clock exclude each other";
        return false;
    }
    return true;
}

// The listening socket: launchd's (macOS, no --socket) or one created at --socket PATH.
int listeningSocket(const Options &options)
{
    if (!options.socketPath.empty())
        return listenUnixSocket(options.socketPath, 0666); // everyone may connect; peers are judged
#ifdef __APPLE__
    int *fds = nullptr;
    size_t count = 0;
    if (launch_activate_socket("Listeners", &fds, &count) != 0 || count == 0)
        return -1;
    const int fd = fds[0];
    for (size_t i = 1; i < count; ++i)
        close(fds[i]);
    std::free(fds);
    return fd;
#else
    return -1;
#endif
}

void onTerminate(int)
{
    const char byte = 0;
    [[maybe_unused]] const ssize_t n = write(g_stopPipe[1], &byte, 1);
}

} // namespace

int main(int argc, char *argv[])
{
    std::signal(SIGPIPE, SIG_IGN);
    umask(077);
    Options options;
    std::string error;
    if (!parse(argc, argv, options, error)) {
        std::fprintf(stderr, "chronoscope-helper: %s\n%s", error.c_str(), USAGE);
        return ExitUsage;
    }

    const HelperConfig config = defaultHelperConfig();
    RateLimiter limiter(config.minChangeIntervalNs, config.rateWindowNs, config.maxChangesPerWindow);
    ReplayGuard replays(std::int64_t(config.maxAgeMs) * 1'000'000); // the daemon outlives sessions
    std::unique_ptr<ClockOps> clock;
    if (options.fakeClock) {
        clock = std::make_unique<FakeClockOps>(FakeClockOps::followingSystemClock());
    } else if (options.dryRun) {
        clock = std::make_unique<DryRunClockOps>();
    } else {
        // Test suites set this so that no mistake in a test can ever reach the real clock.
        if (std::getenv("CHRONOSCOPE_FORBID_CLOCK_CHANGES")) {
            std::fputs("chronoscope-helper: clock changes are forbidden in this environment "
                       "(CHRONOSCOPE_FORBID_CLOCK_CHANGES); use --dry-run\n", stderr);
            return ExitRefusedSetup;
        }
        clock = createPlatformClockOps();
    }
    std::unique_ptr<AuditSink> audit;
    if (!options.auditFile.empty())
        audit = std::make_unique<FileAuditSink>(options.auditFile, false);
    else
        audit = std::make_unique<SyslogAuditSink>();

    const int listenFd = listeningSocket(options);
    if (listenFd < 0) {
        std::perror("chronoscope-helper: no listening socket (launchd's Listeners, or --socket PATH)");
        return ExitRefusedSetup;
    }
    if (pipe(g_stopPipe) != 0)
        return ExitIo;
    std::signal(SIGTERM, onTerminate);
    std::signal(SIGINT, onTerminate);

    SocketServer::Options serverOptions;
    serverOptions.configuredGroup = options.group;
    serverOptions.idleExitMs = options.socketPath.empty() ? IDLE_EXIT_MS : -1;
    SocketServer server(*clock, config, limiter, replays, *audit, serverOptions);
    const int status = server.run(listenFd, g_stopPipe[0]);
    close(listenFd);
    if (!options.socketPath.empty())
        unlink(options.socketPath.c_str());
    return status == 0 ? ExitOk : ExitIo;
}

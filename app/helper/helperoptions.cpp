// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/helperoptions.h"

#include <charconv>
#include <string_view>

#include "core/protocol/timeservice.h"

namespace chronoscope::helper {
namespace {

constexpr std::size_t MAX_SHOWN_ARGUMENT = 40;

// An argument as it may appear in an error message: printable ASCII only (anything else as '?'),
// at most MAX_SHOWN_ARGUMENT characters, so that no argument can write terminal escapes or a
// megabyte of text into the caller's terminal or log.
std::string shown(std::string_view arg)
{
    std::string out;
    for (char c : arg.substr(0, MAX_SHOWN_ARGUMENT))
        out += (c >= 0x20 && c < 0x7F) ? c : '?';
    if (arg.size() > MAX_SHOWN_ARGUMENT)
        out += "...";
    return out;
}

// configure-time-service|read-time-service [--dry-run] [--test-root DIR] [--test-chronyd-socket PATH] [--test-grace-ms N]
ParsedHelperOptions parseTimeServiceOptions(int argc, const char *const *argv, bool readOnly)
{
    ParsedHelperOptions parsed;
    HelperOptions options;
    options.timeService = true;
    options.timeServiceReadOnly = readOnly;
    for (int i = 2; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "--dry-run") {
            options.dryRun = true;
        } else if (arg == "--test-root" && hasValue && argv[i + 1][0] == '/') {
            options.testRoot = argv[++i];
        } else if (arg == "--test-chronyd-socket" && hasValue && argv[i + 1][0] == '/') {
            options.testChronydSocket = argv[++i];
        } else if (arg == "--test-grace-ms" && hasValue) {
            const std::string_view value = argv[++i];
            int ms = -1;
            const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), ms);
            if (error != std::errc() || end != value.data() + value.size() || ms < 0 || ms > 600'000) {
                parsed.error = "--test-grace-ms takes 0 ... 600000, not '" + shown(value) + "'";
                return parsed;
            }
            options.testGraceMs = ms;
        } else {
            parsed.error = "unknown argument '" + shown(arg) + "'";
            return parsed;
        }
    }
    if (!options.testChronydSocket.empty() && options.testRoot.empty()) {
        parsed.error = "--test-chronyd-socket needs --test-root";
        return parsed;
    }
    parsed.options = options;
    return parsed;
}

} // namespace

ParsedHelperOptions parseHelperOptions(int argc, const char *const *argv)
{
    ParsedHelperOptions parsed;
    HelperOptions options;
    if (argc < 2) {
        parsed.error = "missing verb (step, slew or read-state)";
        return parsed;
    }
    const std::string_view first = argv[1];
    if (first == "--help" || first == "-h") {
        options.action = HelperOptions::Action::Help;
        parsed.options = options;
        return parsed;
    }
    if (first == "--version") {
        options.action = HelperOptions::Action::Version;
        parsed.options = options;
        return parsed;
    }
    if (first == protocol::timeservice::VERB || first == protocol::timeservice::READ_VERB)
        return parseTimeServiceOptions(argc, argv, first == protocol::timeservice::READ_VERB);
    const std::optional<protocol::Verb> verb = protocol::parseVerb(first);
    if (!verb) {
        parsed.error = "unknown verb '" + shown(first) + "' (expected step, slew, read-state, configure-time-service or read-time-service)";
        return parsed;
    }
    options.verb = *verb;
    for (int i = 2; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--dry-run") {
            options.dryRun = true;
        } else if (arg == "--test-fake-clock") {
            options.fakeClock = true;
        } else {
            parsed.error = "unknown argument '" + shown(arg) + "'";
            return parsed;
        }
    }
    if (options.dryRun && options.fakeClock) {
        parsed.error = "--dry-run and --test-fake-clock exclude each other";
        return parsed;
    }
    parsed.options = options;
    return parsed;
}

const char *helperUsage()
{
    return "Usage: chronoscope-helper step|slew|read-state|configure-time-service|read-time-service [--dry-run]\n"
           "\n"
           "The privileged half of Chronoscope. It is started by the Chronoscope app through\n"
           "pkexec and reads fixed-size binary requests on standard input, answering each on\n"
           "standard output, until its input closes. It is not meant to be run by hand.\n"
           "\n"
           "  --dry-run   validate and log every request, read the real clock, change nothing\n"
           "\n"
           "Every change and every refusal is logged to syslog (authpriv) and to stderr.\n";
}

} // namespace chronoscope::helper

// SPDX-License-Identifier: GPL-3.0-or-later
// WindowsClockOps, the Windows backend of the helper service, over FakeWindowsTimeApi (an
// in-memory clock that records calls): step via SetSystemTime after reading the precise time
// (rounded to the millisecond SetSystemTime keeps), slew via the time adjustment (rate, duration,
// restoring the original when done, on stop and after a crash through the state file), the
// W32Time refusal, error paths, and the whole request path through HelperService. The real
// SystemWindowsTimeApi is never created here.
#include <cstdio>
#include <fstream>
#include <string>

#include "app/helper/auditrecord.h"
#include "app/helper/auditsink.h"
#include "app/helper/helperconfig.h"
#include "app/helper/helperservice.h"
#include "app/helper/ratelimiter.h"
#include "app/helper/windowsclockops.h"
#include "core/protocol/codec.h"
#include "tests/windows/fakewindowstimeapi.h"
#include "tests/windows/minitest.h"

using namespace chronoscope;
using namespace chronoscope::helper;
using chronoscope::testing::FakeWindowsTimeApi;
using Call = FakeWindowsTimeApi::Call;

namespace {

constexpr std::int64_t MS = 1'000'000; // ns
constexpr std::int64_t S = 1000 * MS;
constexpr std::int64_t FILETIME_UNIX_EPOCH = 116'444'736'000'000'000LL;
constexpr int ERROR_ACCESS_DENIED_CODE = 5;

// Per interrupt the slew adds or removes 500 ppm of 15.625 ms, in 100 ns units: 78.
constexpr std::uint64_t SLEW_DELTA = 78;

std::string readFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

bool fileExists(const std::string &path)
{
    return std::ifstream(path).good();
}

class CapturingSink final : public AuditSink
{
public:
    void write(const AuditRecord &record) override { lines.push_back(formatAuditLine(record)); }
    std::vector<std::string> lines;
};

} // namespace

TEST(fileTimeConvertsToUnixNanoseconds)
{
    CHECK_EQ(WindowsClockOps::unixNsFromFileTime(FILETIME_UNIX_EPOCH), std::int64_t(0));
    CHECK_EQ(WindowsClockOps::unixNsFromFileTime(FILETIME_UNIX_EPOCH + 1), std::int64_t(100));
    CHECK_EQ(WindowsClockOps::fileTimeFromUnixNs(0), FILETIME_UNIX_EPOCH);
    CHECK_EQ(WindowsClockOps::fileTimeFromUnixNs(149), FILETIME_UNIX_EPOCH + 1);  // rounded
    CHECK_EQ(WindowsClockOps::fileTimeFromUnixNs(150), FILETIME_UNIX_EPOCH + 2);  // half away from 0
    CHECK_EQ(WindowsClockOps::fileTimeFromUnixNs(-150), FILETIME_UNIX_EPOCH - 2);
    // 2030-01-01T00:00:00Z
    CHECK_EQ(WindowsClockOps::unixNsFromFileTime(135'379'296'000'000'000LL), std::int64_t(1'893'456'000) * S);
}

TEST(stepReadsThePreciseTimeAndSetsTheNearestMillisecond)
{
    FakeWindowsTimeApi api;
    api.fileTime += 3'456; // 0.3456 ms past a whole second
    const std::int64_t before = api.fileTime;
    WindowsClockOps ops(api, {});
    CHECK_EQ(ops.realtimeNs(), WindowsClockOps::unixNsFromFileTime(before));
    CHECK_EQ(ops.step(250 * MS + 400'000), 0); // +250.4 ms
    CHECK_EQ(api.calls.size(), std::size_t(1));
    CHECK(api.calls[0].kind == Call::SetSystemTime);
    // before + 250.4 ms + 0.3456 ms = …250.7456 ms past the second, rounded to …251 ms.
    const std::int64_t wholeSecond = before - 3'456;
    CHECK_EQ(api.calls[0].fileTime, wholeSecond + 251 * 10'000);
    const std::int64_t errorUnits = api.calls[0].fileTime - (before + 2'504'000);
    CHECK(errorUnits >= -5'000 && errorUnits <= 5'000); // within 0.5 ms

    CHECK_EQ(ops.step(-2 * S), 0);
    CHECK_EQ(api.calls.back().fileTime, wholeSecond + 251 * 10'000 - 2 * 10'000'000);
}

TEST(stepAndSlewRefuseWhileW32TimeRuns)
{
    FakeWindowsTimeApi api;
    api.timeServiceUp = true;
    WindowsClockOps ops(api, {});
    std::int64_t previous = 0;
    CHECK_EQ(ops.step(S), WIN_ERROR_SERVICE_ALREADY_RUNNING);
    CHECK_EQ(ops.slew(100 * MS, previous), WIN_ERROR_SERVICE_ALREADY_RUNNING);
    CHECK(api.calls.empty()); // not even an attempt to stop it
}

TEST(w32TimeIsStoppedOnlyWhenTheUserChoseSo)
{
    FakeWindowsTimeApi api;
    api.timeServiceUp = true;
    WindowsClockOps::Options options;
    options.mayStopTimeService = true;
    WindowsClockOps ops(api, options);
    CHECK_EQ(ops.step(S), 0);
    CHECK_EQ(api.calls.size(), std::size_t(2));
    CHECK(api.calls[0].kind == Call::StopTimeService);
    CHECK(api.calls[1].kind == Call::SetSystemTime);
    CHECK(!api.timeServiceUp);

    // It will not stop: nothing is changed, the error is reported.
    FakeWindowsTimeApi stubborn;
    stubborn.timeServiceUp = true;
    stubborn.stopFailure = ERROR_ACCESS_DENIED_CODE;
    WindowsClockOps ops2(stubborn, options);
    CHECK_EQ(ops2.step(S), ERROR_ACCESS_DENIED_CODE);
    CHECK_EQ(stubborn.calls.size(), std::size_t(1));
    CHECK(stubborn.calls[0].kind == Call::StopTimeService);
}

TEST(slewChangesTheRateForExactlyAsLongAsNeededThenRestores)
{
    FakeWindowsTimeApi api;
    WindowsClockOps ops(api, {});
    CHECK_EQ(ops.poll(), -1); // nothing running
    std::int64_t previous = -1;
    CHECK_EQ(ops.slew(100 * MS, previous), 0);
    CHECK_EQ(previous, std::int64_t(0));
    CHECK_EQ(api.calls.size(), std::size_t(1));
    CHECK(api.calls[0].kind == Call::SetAdjustment);
    CHECK_EQ(api.calls[0].adjustment, FakeWindowsTimeApi::INCREMENT + SLEW_DELTA);
    CHECK(!api.calls[0].disabled);

    // 100 ms at 78 units per 156250: 100 ms × 156250 / 78 = 200.32 s.
    const std::int64_t duration = 100 * MS * std::int64_t(FakeWindowsTimeApi::INCREMENT) / std::int64_t(SLEW_DELTA);
    CHECK(duration > 200 * S && duration < 201 * S);
    CHECK_EQ(ops.remainingSlewNs(), 100 * MS);
    api.advance(duration / 2);
    const std::int64_t half = ops.remainingSlewNs();
    CHECK(half > 49 * MS && half < 51 * MS);
    protocol::KernelState state;
    CHECK_EQ(ops.readState(state), 0);
    CHECK(state.offsetNs > 49 * MS && state.offsetNs < 51 * MS);
    // (156328 / 156250 − 1) × 1e6 = 499.2 ppm, scaled by 2^16.
    CHECK(state.freqScaledPpm > 499 * 65536 && state.freqScaledPpm < 500 * 65536);
    const int untilEnd = ops.poll();
    CHECK(untilEnd > 100'000 && untilEnd <= 100'161); // ms
    CHECK_EQ(api.calls.size(), std::size_t(1));

    api.advance(duration - duration / 2);
    CHECK_EQ(ops.poll(), -1);
    CHECK_EQ(api.calls.size(), std::size_t(2));
    CHECK(api.calls[1].kind == Call::SetAdjustment);
    CHECK_EQ(api.calls[1].adjustment, FakeWindowsTimeApi::INCREMENT);
    CHECK(api.calls[1].disabled); // the original setting: no adjustment
    CHECK_EQ(ops.remainingSlewNs(), std::int64_t(0));
}

TEST(negativeSlewSlowsTheClock)
{
    FakeWindowsTimeApi api;
    WindowsClockOps ops(api, {});
    std::int64_t previous = 0;
    CHECK_EQ(ops.slew(-20 * MS, previous), 0);
    CHECK_EQ(api.calls.back().adjustment, FakeWindowsTimeApi::INCREMENT - SLEW_DELTA);
    CHECK_EQ(ops.remainingSlewNs(), -20 * MS);
    CHECK_EQ(ops.slew(0, previous), WIN_ERROR_INVALID_PARAMETER);
}

TEST(aNewSlewReplacesTheRunningOneAndKeepsTheOriginal)
{
    FakeWindowsTimeApi api;
    api.adjustment = {156'260, FakeWindowsTimeApi::INCREMENT, false}; // someone's own trim
    {
        WindowsClockOps ops(api, {});
        std::int64_t previous = 0;
        CHECK_EQ(ops.slew(200 * MS, previous), 0);
        api.advance(100 * S); // about a quarter done
        CHECK_EQ(ops.slew(-10 * MS, previous), 0);
        CHECK(previous > 149 * MS && previous < 151 * MS); // what was left of the first
        CHECK_EQ(api.calls.back().adjustment, FakeWindowsTimeApi::INCREMENT - SLEW_DELTA);
    } // the service stops: its destructor puts the original back
    CHECK_EQ(api.calls.size(), std::size_t(3));
    CHECK_EQ(api.calls.back().adjustment, std::uint64_t(156'260));
    CHECK(!api.calls.back().disabled);
}

TEST(stateFileRecordsTheOriginalWhileASlewRuns)
{
    const std::string path = "tst_win_clockops-slew-state";
    std::remove(path.c_str());
    FakeWindowsTimeApi api;
    WindowsClockOps::Options options;
    options.stateFile = path;
    WindowsClockOps ops(api, options);
    CHECK(api.calls.empty()); // no state file: nothing to recover
    std::int64_t previous = 0;
    CHECK_EQ(ops.slew(MS, previous), 0);
    CHECK_EQ(readFile(path), std::string("156250 156250 1\n"));
    CHECK_EQ(ops.restore(), 0);
    CHECK(!fileExists(path));
}

TEST(theNextStartRestoresAfterACrash)
{
    const std::string path = "tst_win_clockops-crash-state";
    {
        std::ofstream(path, std::ios::binary | std::ios::trunc) << "156200 156250 0\n";
    }
    FakeWindowsTimeApi api;
    api.adjustment = {FakeWindowsTimeApi::INCREMENT + SLEW_DELTA, FakeWindowsTimeApi::INCREMENT, false}; // left running
    WindowsClockOps::Options options;
    options.stateFile = path;
    WindowsClockOps ops(api, options);
    CHECK_EQ(api.calls.size(), std::size_t(1));
    CHECK(api.calls[0].kind == Call::SetAdjustment);
    CHECK_EQ(api.calls[0].adjustment, std::uint64_t(156'200));
    CHECK(!api.calls[0].disabled);
    CHECK(!fileExists(path));
}

TEST(anUnreadableStateFileIsIgnoredAndRemoved)
{
    const char *const bad[] = {"", "garbage\n", "1 0 1\n", "156250 156250 7\n", "-5 156250 1\n"};
    for (const char *text : bad) {
        const std::string path = "tst_win_clockops-bad-state";
        {
            std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
        }
        FakeWindowsTimeApi api;
        WindowsClockOps::Options options;
        options.stateFile = path;
        WindowsClockOps ops(api, options);
        CHECK(api.calls.empty());
        CHECK(!fileExists(path));
    }
    // Longer than the 256 bytes read: only the start is parsed, the rest never read.
    const std::string path = "tst_win_clockops-long-state";
    {
        std::ofstream(path, std::ios::binary | std::ios::trunc) << "156250 156250 1" << std::string(100'000, ' ');
    }
    FakeWindowsTimeApi api;
    WindowsClockOps::Options options;
    options.stateFile = path;
    WindowsClockOps ops(api, options);
    CHECK_EQ(api.calls.size(), std::size_t(1));
    CHECK(!fileExists(path));
}

TEST(aFailedAdjustmentOwnsNothing)
{
    const std::string path = "tst_win_clockops-failed-state";
    std::remove(path.c_str());
    FakeWindowsTimeApi api;
    api.failure = ERROR_ACCESS_DENIED_CODE;
    WindowsClockOps::Options options;
    options.stateFile = path;
    {
        WindowsClockOps ops(api, options);
        std::int64_t previous = 0;
        CHECK_EQ(ops.slew(MS, previous), ERROR_ACCESS_DENIED_CODE);
        CHECK_EQ(ops.remainingSlewNs(), std::int64_t(0));
        CHECK(!fileExists(path));
        CHECK_EQ(ops.step(S), ERROR_ACCESS_DENIED_CODE);
    }
    CHECK_EQ(api.calls.size(), std::size_t(2)); // no restore: nothing was owned
}

TEST(requestsReachTheFakeBackendAndSayWhichRan)
{
    FakeWindowsTimeApi api;
    WindowsClockOps ops(api, {});
    const HelperConfig config = defaultHelperConfig();
    RateLimiter limiter(config.minChangeIntervalNs, config.rateWindowNs, config.maxChangesPerWindow);
    CapturingSink audit;
    HelperService service(protocol::Verb::Step, ops, config, limiter, audit, CallerIdentity{-1, 77, "TEST\\admin"});
    protocol::Request request;
    request.op = protocol::Op::Step;
    request.requestId = 1;
    request.offsetNs = 300 * MS;
    request.errorBoundNs = 2 * MS;
    request.measuredMonoNs = std::uint64_t(api.monoNs - 100 * MS);
    request.maxAgeMs = 5000;
    const protocol::Response response = service.handle(protocol::encodeRequest(request));
    CHECK(response.status == protocol::Status::Ok);
    CHECK_EQ(response.flags, protocol::RESPONSE_SIMULATED);
    CHECK_EQ(api.calls.size(), std::size_t(1));
    CHECK(api.calls[0].kind == Call::SetSystemTime);
    CHECK_EQ(audit.lines.size(), std::size_t(1));
    const std::string line = audit.lines.empty() ? std::string() : audit.lines[0];
    CHECK(line.find("backend=fake-windows") != std::string::npos);
    CHECK(line.find("result=applied") != std::string::npos);
}

MINITEST_MAIN()

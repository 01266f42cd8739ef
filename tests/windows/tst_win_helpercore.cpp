// SPDX-License-Identifier: GPL-3.0-or-later
// The platform-neutral helper code as the Windows build compiles it (mingw-w64, run under wine):
// the protocol codec, the decoder's refusals, the validator's bounds, confirmations, staleness
// and dates, the rate limit, the audit line, the caller policy and the Windows options. The
// backend is FakeClockOps (an in-memory clock): nothing here can reach SetSystemTime, and
// windows_test_imports checks that this program does not even import it.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "app/helper/auditrecord.h"
#include "app/helper/auditsink.h"
#include "app/helper/callerpolicy.h"
#include "app/helper/fakeclockops.h"
#include "app/helper/fileauditsink.h"
#include "app/helper/helperconfig.h"
#include "app/helper/helperservice.h"
#include "app/helper/ratelimiter.h"
#include "app/helper/windowshelperoptions.h"
#include "core/protocol/codec.h"
#include "core/protocol/limits.h"
#include "core/protocol/names.h"
#include "tests/helper/helperrig.h"
#include "tests/helper/hostileframes.h"
#include "tests/windows/minitest.h"

using namespace chronoscope;
using namespace chronoscope::helper;
using protocol::Op;
using protocol::Status;
using namespace chronoscope::testing; // S, START_*, CapturingSink, HelperRig (helperrig.h)

namespace {

// The helper service as a Windows caller reaches it (the account is logged on Windows).
struct Rig : testing::HelperRig
{
    explicit Rig(protocol::Verb verb = protocol::Verb::Step)
        : HelperRig(verb, CallerIdentity{1000, 4242, "TEST\\user (S-1-5-21-1)"})
    {
    }
};

std::string statusText(Status status)
{
    return std::string(protocol::statusName(status));
}

ParsedWindowsHelperOptions parse(std::vector<const char *> args)
{
    args.insert(args.begin(), "chronoscope-helper.exe");
    return parseWindowsHelperOptions(int(args.size()), args.data());
}

} // namespace

TEST(protocolRoundTrips)
{
    protocol::Request request;
    request.op = Op::Slew;
    request.requestId = 0x0123456789abcdefULL;
    request.offsetNs = -123'456'789;
    request.errorBoundNs = 5'000'000;
    request.measuredMonoNs = 77 * S;
    request.maxAgeMs = 4000;
    const protocol::RequestFrame frame = protocol::encodeRequest(request);
    CHECK_EQ(frame.size(), protocol::REQUEST_SIZE);
    CHECK(frame[0] == 'N' && frame[1] == 'T' && frame[2] == 'P' && frame[3] == 'H');
    CHECK_EQ(unsigned(frame[8]), 0xefu); // little-endian request id
    const protocol::DecodedRequest decoded = protocol::decodeRequest(frame);
    CHECK(decoded.error == protocol::DecodeError::None);
    CHECK(decoded.request == request);

    protocol::Response response;
    response.status = Status::Ok;
    response.op = Op::Slew;
    response.requestId = request.requestId;
    response.flags = protocol::RESPONSE_SIMULATED;
    response.previousSlewNs = -5;
    const protocol::DecodedResponse back = protocol::decodeResponse(protocol::encodeResponse(response));
    CHECK(back.error == protocol::DecodeError::None);
    CHECK(back.response == response);
}

TEST(hostileFramesAreRefusedWithTheirReasons)
{
    for (const testing::HostileFrame &c : testing::hostileFrames(Rig().change(Op::Step, S / 4))) {
        Rig rig;
        const protocol::Response r = c.bytes.size() < protocol::REQUEST_SIZE
            ? rig.service.handleTruncated(c.bytes.size(), true)
            : rig.service.handle(c.bytes);
        CHECK_EQ(statusText(r.status), statusText(c.expected));
        CHECK(HelperService::endsSession(r));
        CHECK(rig.clock.calls().empty());
        CHECK_EQ(rig.audit.records.size(), std::size_t(1));
        CHECK(rig.audit.lines.back().find(c.auditDetail) != std::string::npos);
    }
}

TEST(boundsAndConfirmations)
{
    struct Case
    {
        Op op;
        std::int64_t offsetNs;
        std::uint32_t flags;
        Status expected;
    };
    const std::uint32_t c1 = protocol::FLAG_CONFIRMED, c2 = protocol::FLAG_CONFIRMED | protocol::FLAG_CONFIRMED_TWICE;
    const Case cases[] = {
        {Op::Step, S / 2, 0, Status::Ok},
        {Op::Step, S / 2 + 1, 0, Status::NeedsConfirmation},
        {Op::Step, -3 * S, 0, Status::NeedsConfirmation},
        {Op::Step, -3 * S, c1, Status::Ok},
        {Op::Step, 3600 * S + 1, c1, Status::NeedsSecondConfirmation},
        {Op::Step, 7200 * S, protocol::FLAG_CONFIRMED_TWICE, Status::NeedsConfirmation},
        {Op::Step, 7200 * S, c2, Status::Ok},
        {Op::Step, 999'999, 0, Status::OutOfRange},
        {Op::Step, protocol::limits::MAX_STEP_NS + 1, c2, Status::OutOfRange},
        {Op::Slew, S / 2, 0, Status::Ok},
        {Op::Slew, -S / 4, 0, Status::Ok},
        {Op::Slew, S / 2 + 1, 0, Status::OutOfRange},
        {Op::Slew, 0, 0, Status::OutOfRange},
    };
    for (const Case &c : cases) {
        Rig rig(c.op == Op::Step ? protocol::Verb::Step : protocol::Verb::Slew);
        const protocol::Response r = rig.send(rig.change(c.op, c.offsetNs, c.flags));
        CHECK_EQ(statusText(r.status), statusText(c.expected));
        CHECK_EQ(rig.clock.calls().size(), std::size_t(c.expected == Status::Ok ? 1 : 0));
        CHECK_EQ(rig.audit.records.size(), std::size_t(1));
    }
}

TEST(staleFutureAndOutOfRangeDates)
{
    Rig rig;
    CHECK_EQ(statusText(rig.send(rig.change(Op::Step, S / 4, 0, 5 * S + 1)).status), statusText(Status::Stale));
    CHECK_EQ(statusText(rig.send(rig.change(Op::Step, S / 4, 0, -1)).status), statusText(Status::Stale));
    const std::int64_t toBuildDate = START_REALTIME - buildDateUnixSeconds() * S;
    CHECK_EQ(statusText(rig.send(rig.change(Op::Step, -(toBuildDate + S), protocol::FLAG_CONFIRMED
                                                | protocol::FLAG_CONFIRMED_TWICE)).status),
             statusText(Status::DateOutOfRange));
    CHECK(rig.clock.calls().empty());
}

TEST(rateLimitsChanges)
{
    Rig rig;
    CHECK_EQ(statusText(rig.send(rig.change(Op::Step, S / 4)).status), statusText(Status::Ok));
    CHECK_EQ(statusText(rig.send(rig.change(Op::Step, S / 4)).status), statusText(Status::RateLimited));
    for (int i = 0; i < 9; ++i) {
        rig.clock.advance(2 * S + 1);
        CHECK_EQ(statusText(rig.send(rig.change(Op::Step, S / 4)).status), statusText(Status::Ok));
    }
    rig.clock.advance(2 * S + 1);
    CHECK_EQ(statusText(rig.send(rig.change(Op::Step, S / 4)).status), statusText(Status::RateLimited));
    CHECK_EQ(rig.clock.calls().size(), std::size_t(10));
}

TEST(theFakeBackendIsMarkedInResponseAndAudit)
{
    Rig rig;
    const protocol::Response r = rig.send(rig.change(Op::Step, 2 * S, protocol::FLAG_CONFIRMED));
    CHECK_EQ(statusText(r.status), statusText(Status::Ok));
    CHECK_EQ(r.flags, protocol::RESPONSE_SIMULATED);
    CHECK_EQ(rig.clock.steppedNs(), 2 * S);
    const std::string &line = rig.audit.lines.back();
    CHECK(line.find("result=applied") != std::string::npos);
    CHECK(line.find("backend=fake") != std::string::npos);
    CHECK(line.find("account=\"TEST\\user (S-1-5-21-1)\"") != std::string::npos);
    CHECK(line.find("old_time=2030-01-01T00:00:00") != std::string::npos); // gmtime_s path
}

TEST(callerPolicy)
{
    CallerToken admin;
    admin.administrator = true;
    CallerToken member;
    member.inConfiguredGroup = true;
    CallerToken user;
    user.account = "PC\\eve\"\n";
    user.sid = "S-1-5-21-7";

    CHECK(decideCaller(admin, CallerMode::Service, false).mayChange);
    CHECK(!decideCaller(member, CallerMode::Service, false).mayChange); // no group configured
    CHECK(decideCaller(member, CallerMode::Service, true).mayChange);
    const CallerDecision refused = decideCaller(user, CallerMode::Service, true);
    CHECK(!refused.mayChange);
    CHECK(refused.verbForOp(Op::Step) == protocol::Verb::ReadState);
    CHECK(!protocol::verbAllows(refused.verbForOp(Op::Step), Op::Step));
    CHECK(protocol::verbAllows(refused.verbForOp(Op::Hello), Op::Hello));
    const CallerDecision allowed = decideCaller(admin, CallerMode::Service, false);
    CHECK(allowed.verbForOp(Op::Step) == protocol::Verb::Step);
    CHECK(allowed.verbForOp(Op::Slew) == protocol::Verb::Slew);
    CHECK_EQ(allowed.capabilities(), protocol::CAP_READ_STATE | protocol::CAP_STEP | protocol::CAP_SLEW);
    CHECK_EQ(refused.capabilities(), protocol::CAP_READ_STATE);
    // One-shot: whoever consented, and only them (even an administrator of another account).
    CallerToken consenting;
    consenting.sameUserAsHelper = true;
    CHECK(decideCaller(consenting, CallerMode::ElevatedOneShot, false).mayChange);
    CHECK(!decideCaller(admin, CallerMode::ElevatedOneShot, false).mayChange);
    // The audit text cannot break out of its quotes or the line.
    const std::string text = describeCaller(user, refused);
    CHECK(text.find('"') == std::string::npos && text.find('\n') == std::string::npos);
    CHECK(text.find("not authorised") != std::string::npos);
}

TEST(windowsOptions)
{
    const ParsedWindowsHelperOptions console = parse({"--console", "--test-fake-clock", "--pipe", "\\\\.\\pipe\\x-1"});
    CHECK(console.options.has_value());
    CHECK(console.options && console.options->fakeClock && console.options->pipeName == "\\\\.\\pipe\\x-1");
    // The service itself never runs on the fake clock, and test options are not for it.
    CHECK(!parse({"--service", "--test-fake-clock"}).options);
    CHECK(!parse({"--service", "--audit-file", "x"}).options);
    CHECK(!parse({"--console", "--pipe", "\\\\.\\pipe\\a/b"}).options);
    CHECK(!parse({"--console", "--pipe", "pipe"}).options);
    CHECK(!parse({"--console", "--dry-run", "--test-fake-clock"}).options);
    CHECK(!parse({"--install-service", "--group", "a\"b"}).options);
    CHECK(!parse({"--console", "--group"}).options);
    CHECK(!parse({}).options);
    const ParsedWindowsHelperOptions install = parse({"--install-service", "--group", "Time Operators", "--stop-w32time"});
    CHECK(install.options.has_value());
    CHECK_EQ(serviceArguments(*install.options), std::string("--service --group \"Time Operators\" --stop-w32time"));
    const ParsedWindowsHelperOptions dryRun = parse({"--install-service", "--dry-run", "--pipe", "\\\\.\\pipe\\t-1"});
    CHECK(dryRun.options.has_value());
    if (dryRun.options)
        CHECK_EQ(serviceArguments(*dryRun.options), std::string("--service --pipe \\\\.\\pipe\\t-1 --dry-run"));
    CHECK(!parse({"--install-service", "--test-fake-clock"}).options);
    CHECK(!parse({"--install-service", "--audit-file", "x"}).options);
    const ParsedWindowsHelperOptions bad = parse({"--console", "--frobnicate"});
    CHECK(bad.error.find("--frobnicate") != std::string::npos);
}

TEST(fileAuditSinkAppendsLines)
{
    const std::string path = "tst_win_helpercore-audit.log";
    std::remove(path.c_str());
    {
        FileAuditSink sink(path, false);
        CHECK(sink.isOpen());
        Rig rig;
        rig.send(rig.change(Op::Step, S / 4));
        sink.write(rig.audit.records.back());
        sink.write(rig.audit.records.back());
    }
    std::ifstream in(path);
    std::string line;
    int lines = 0;
    while (std::getline(in, line)) {
        ++lines;
        CHECK(line.find(" chronoscope-helper: result=applied status=ok verb=step op=step") != std::string::npos);
    }
    CHECK_EQ(lines, 2);
    in.close();
    std::remove(path.c_str());
}

MINITEST_MAIN()

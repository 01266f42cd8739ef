// SPDX-License-Identifier: GPL-3.0-or-later
// The real chronoscope-helper.exe (argv[1]) in console mode on its in-memory clock
// (--test-fake-clock), driven over its real named pipe from this process, under wine (README
// "Windows helper service"):
//  - every hostile frame of tests/helper/hostileframes.h (the Linux helper's list) is refused with
//    the same status and audit reason as on Linux, ends the session, and changes nothing;
//  - a well-formed STEP is applied to the fake clock (RESPONSE_SIMULATED, audit backend=fake),
//    and the same frame sent again on another connection is refused as a replay;
//  - a caller whose token is not an administrator's gets HELLO and READ_STATE but its STEP is
//    refused as not_permitted, as the Linux helper refuses an op its verb does not allow; a
//    member of the configured --group may step;
//  - --one-shot serves one connection of the user who started it, then exits by itself.
// Wine hands a pipe server its own token when it impersonates a client (its FSCTL_PIPE_IMPERSONATE
// ignores the client's token), so the unauthorised caller is made by starting the helper itself
// under a restricted token (Administrators deny-only): the helper then reads that token through
// ImpersonateNamedPipeClient, and the token check, caller policy and audit run as they would for
// such a client on Windows. ctest sets CHRONOSCOPE_FORBID_CLOCK_CHANGES; the real backend is never
// selected here.
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include <windows.h>

#include "app/helper/systemclockreader.h"
#include "core/protocol/codec.h"
#include "core/protocol/names.h"
#include "tests/helper/hostileframes.h"
#include "tests/windows/helperprocess.h"
#include "tests/windows/minitest.h"
#include "tests/windows/pipeclient.h"

using namespace chronoscope;
using chronoscope::testing::HelperProcess;
using chronoscope::testing::PipeClient;
using protocol::Op;
using protocol::Status;

namespace {

constexpr std::int64_t S = 1'000'000'000;
std::string g_helperExe;

std::string statusText(Status status)
{
    return std::string(protocol::statusName(status));
}

// A fresh, well-formed change request measured "now" on the clock the helper reads.
protocol::Request changeRequest(Op op, std::int64_t offsetNs, std::uint64_t id)
{
    protocol::Request request;
    request.op = op;
    request.requestId = id;
    request.offsetNs = offsetNs;
    request.errorBoundNs = 2'000'000;
    request.measuredMonoNs = std::uint64_t(helper::SystemClockReader::monotonicNs() - S / 10);
    request.maxAgeMs = 5000;
    return request;
}

protocol::Request simpleRequest(Op op, std::uint64_t id)
{
    protocol::Request request;
    request.op = op;
    request.requestId = id;
    return request;
}

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

// This process's token with BUILTIN\Administrators deny-only: a primary token for a helper that
// must see its callers as non-administrators (see the top of the file).
HANDLE nonAdministratorToken()
{
    HANDLE own = nullptr;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_ALL_ACCESS, &own))
        return nullptr;
    BYTE admins[SECURITY_MAX_SID_SIZE];
    DWORD size = sizeof admins;
    CreateWellKnownSid(WinBuiltinAdministratorsSid, nullptr, admins, &size);
    SID_AND_ATTRIBUTES disable{admins, 0};
    HANDLE restricted = nullptr;
    if (!CreateRestrictedToken(own, 0, 1, &disable, 0, nullptr, 0, nullptr, &restricted))
        restricted = nullptr;
    CloseHandle(own);
    return restricted;
}

} // namespace

TEST(hostileFramesOverThePipeAreRefusedAsOnLinux)
{
    HelperProcess helper(g_helperExe, "hostile", "--test-fake-clock");
    CHECK(helper.started());
    std::vector<testing::HostileFrame> cases = testing::hostileFrames(changeRequest(Op::Step, S / 4, 7));
    // Only a message transport can deliver these: a much longer message, and an empty one.
    std::vector<std::uint8_t> huge(4000, 0xa5);
    std::copy_n(cases.back().bytes.begin(), protocol::REQUEST_SIZE, huge.begin());
    cases.push_back({"oversized_4000", huge, Status::Malformed, "wrong_size", false});
    cases.push_back({"empty", {}, Status::Truncated, "0 of 48 bytes", false});

    std::size_t auditBefore = 0;
    std::uint64_t id = 100;
    for (const testing::HostileFrame &c : cases) {
        std::fprintf(stderr, "  case %s\n", c.name.c_str());
        {
            PipeClient client(helper.pipeName());
            CHECK(client.connected());
            CHECK(client.send(c.bytes));
            const std::optional<protocol::Response> response = client.receive();
            CHECK(response.has_value());
            if (response) {
                CHECK_EQ(statusText(response->status), statusText(c.expected));
                CHECK_EQ(response->flags, protocol::RESPONSE_SIMULATED); // the fake clock answered
                CHECK_EQ(response->appliedNs, std::int64_t(0));
            }
            // The session is over: the helper answers nothing more on this connection (it reads
            // and drops up to 64 messages, then disconnects).
            for (int i = 0; i < 64; ++i)
                client.send(simpleRequest(Op::Hello, ++id));
            CHECK(!client.receive().has_value());
            CHECK(client.lastError == ERROR_PIPE_NOT_CONNECTED || client.lastError == ERROR_BROKEN_PIPE
                  || client.lastError == ERROR_NO_DATA);
        }
        const std::vector<std::string> audit = helper.auditLines();
        CHECK_EQ(audit.size(), auditBefore + 1); // one line per refusal, none for the dropped ones
        if (audit.size() == auditBefore + 1) {
            const std::string &line = audit.back();
            CHECK(contains(line, "result=refused status=" + statusText(c.expected)));
            CHECK(contains(line, c.auditDetail));
            CHECK(contains(line, "backend=fake"));
            CHECK(contains(line, "authorised: administrator")); // wine's user is an administrator
        }
        auditBefore = audit.size();
    }

    // The helper still serves, and the fake clock was never moved by any of it.
    PipeClient client(helper.pipeName());
    const std::optional<protocol::Response> state = client.transact(simpleRequest(Op::ReadState, ++id));
    CHECK(state.has_value() && state->status == Status::Ok);
    CHECK_EQ(helper.auditLines().size(), auditBefore); // reads are not audited
    CHECK_EQ(helper.stop(), 0);
}

TEST(aValidStepChangesOnlyTheFakeClock)
{
    HelperProcess helper(g_helperExe, "step", "--test-fake-clock");
    CHECK(helper.started());
    PipeClient client(helper.pipeName());
    CHECK(client.connected());
    const std::optional<protocol::Response> hello = client.transact(simpleRequest(Op::Hello, 1));
    CHECK(hello.has_value());
    if (hello) {
        CHECK_EQ(statusText(hello->status), statusText(Status::Ok));
        CHECK_EQ(hello->info.capabilities, protocol::CAP_READ_STATE | protocol::CAP_STEP | protocol::CAP_SLEW);
    }
    const protocol::Request request = changeRequest(Op::Step, S / 4, 2);
    const std::optional<protocol::Response> step = client.transact(request);
    CHECK(step.has_value());
    if (step) {
        CHECK_EQ(statusText(step->status), statusText(Status::Ok));
        CHECK_EQ(step->flags, protocol::RESPONSE_SIMULATED);
        CHECK_EQ(step->appliedNs, S / 4);
        CHECK_EQ(step->requestId, std::uint64_t(2));
    }
    // The same connection goes on after a change.
    const std::optional<protocol::Response> state = client.transact(simpleRequest(Op::ReadState, 3));
    CHECK(state.has_value() && state->status == Status::Ok && state->requestId == 3);
    // The same frame again, on a new connection: a replay, refused whatever the rate limit says
    // (the service's replay guard outlives connections). One connection at a time: close first.
    client.close();
    PipeClient replayer(helper.pipeName());
    const std::optional<protocol::Response> replay = replayer.transact(request);
    CHECK(replay.has_value());
    if (replay)
        CHECK_EQ(statusText(replay->status), statusText(Status::Stale));
    const std::vector<std::string> audit = helper.auditLines();
    CHECK_EQ(audit.size(), std::size_t(2));
    if (audit.size() == 2) {
        CHECK(contains(audit[0], "result=applied status=ok verb=step op=step"));
        CHECK(contains(audit[0], "applied=+0.250000000s"));
        CHECK(contains(audit[0], "backend=fake"));
        CHECK(contains(audit[1], "result=refused status=stale"));
        CHECK(contains(audit[1], "replayed"));
    }
}

TEST(aNonAdministratorMayReadButNotChange)
{
    const HANDLE token = nonAdministratorToken();
    CHECK(token != nullptr);
    HelperProcess helper(g_helperExe, "user", "--test-fake-clock", token);
    CHECK(helper.started());
    PipeClient client(helper.pipeName());
    CHECK(client.connected());
    const std::optional<protocol::Response> hello = client.transact(simpleRequest(Op::Hello, 1));
    CHECK(hello.has_value());
    if (hello)
        CHECK_EQ(hello->info.capabilities, protocol::CAP_READ_STATE);
    const std::optional<protocol::Response> state = client.transact(simpleRequest(Op::ReadState, 2));
    CHECK(state.has_value() && state->status == Status::Ok);
    for (Op op : {Op::Step, Op::Slew}) {
        const std::optional<protocol::Response> change = client.transact(changeRequest(op, S / 4, 3));
        CHECK(change.has_value());
        if (change) {
            CHECK_EQ(statusText(change->status), statusText(Status::NotPermitted));
            CHECK_EQ(change->appliedNs, std::int64_t(0));
        }
    }
    const std::vector<std::string> audit = helper.auditLines();
    CHECK_EQ(audit.size(), std::size_t(2)); // the two refusals; reads are not audited
    for (const std::string &line : audit) {
        CHECK(contains(line, "result=refused status=" + statusText(Status::NotPermitted)));
        CHECK(contains(line, "op not allowed for this verb")); // the Linux helper's reason
        CHECK(contains(line, "not authorised: not an administrator"));
        CHECK(contains(line, "backend=fake"));
    }
    CloseHandle(token);
}

TEST(aMemberOfTheConfiguredGroupMayChange)
{
    const HANDLE token = nonAdministratorToken();
    CHECK(token != nullptr);
    // BUILTIN\Users: wine's user is an enabled member of it.
    HelperProcess helper(g_helperExe, "group", "--test-fake-clock --group S-1-5-32-545", token);
    CHECK(helper.started());
    PipeClient client(helper.pipeName());
    const std::optional<protocol::Response> step = client.transact(changeRequest(Op::Step, S / 4, 1));
    CHECK(step.has_value());
    if (step)
        CHECK_EQ(statusText(step->status), statusText(Status::Ok));
    const std::vector<std::string> audit = helper.auditLines();
    CHECK_EQ(audit.size(), std::size_t(1));
    if (!audit.empty()) {
        CHECK(contains(audit[0], "result=applied"));
        CHECK(contains(audit[0], "authorised: configured group"));
    }
    CloseHandle(token);
}

TEST(oneShotServesOneConnectionOfTheConsentingUser)
{
    // Wine's user is elevated, as the UAC prompt would have made it; the pipe client is that user.
    HelperProcess helper(g_helperExe, "oneshot", "--test-fake-clock", nullptr, "--one-shot");
    CHECK(helper.started());
    {
        PipeClient client(helper.pipeName());
        CHECK(client.connected());
        const std::optional<protocol::Response> step = client.transact(changeRequest(Op::Step, S / 4, 1));
        CHECK(step.has_value());
        if (step) {
            CHECK_EQ(statusText(step->status), statusText(Status::Ok));
            CHECK_EQ(step->flags, protocol::RESPONSE_SIMULATED);
        }
    }
    CHECK_EQ(helper.waitForExit(), 0); // by itself, after that one connection
    const std::vector<std::string> audit = helper.auditLines();
    CHECK_EQ(audit.size(), std::size_t(1));
    if (!audit.empty())
        CHECK(contains(audit[0], "authorised: the user who consented (UAC)"));
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: tst_win_pipeservice.exe PATH-OF-chronoscope-helper.exe [TEST...]\n");
        return 2;
    }
    g_helperExe = argv[1];
    argv[1] = argv[0];
    return minitest::runAll(argc - 1, argv + 1);
}

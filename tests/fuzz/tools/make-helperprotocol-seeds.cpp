// SPDX-License-Identifier: GPL-3.0-or-later
// Writes seeds for fuzz_helperprotocol: one valid frame per request op and flag combination and
// one response per op and status, encoded by the real codec (core/protocol), and the same for
// the time-service frames (apply for each daemon, revert, every whitelisted cmdmon read). Build and run:
//   g++ -std=c++20 -I. tests/fuzz/tools/make-helperprotocol-seeds.cpp core/protocol/*.cpp \
//       -o /tmp/make-seeds && /tmp/make-seeds tests/fuzz/seeds/helperprotocol
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/protocol/codec.h"
#include "core/protocol/names.h"
#include "core/protocol/timeservicecodec.h"
#include "core/protocol/timeservicenames.h"
#include "core/sysservice/cmdmonprotocol.h"

using namespace chronoscope::protocol;

namespace {

bool decodes(const RequestFrame &frame)
{
    return decodeRequest(frame).error == DecodeError::None;
}

bool decodes(const ResponseFrame &frame)
{
    return decodeResponse(frame).error == DecodeError::None;
}

// A time-service frame (HELPER.md §4.5): a request or a response.
bool decodes(const std::vector<std::uint8_t> &frame)
{
    return timeservice::decodeRequest(frame).error == DecodeError::None
        || timeservice::decodeResponse(frame).error == DecodeError::None;
}

// Every seed is a frame the codec accepts (the fuzzer mutates from valid frames).
template<typename Frame>
void write(const std::string &dir, const std::string &name, const Frame &frame)
{
    if (!decodes(frame)) {
        std::fprintf(stderr, "%s does not decode\n", name.c_str());
        std::exit(1);
    }
    const std::string path = dir + "/" + name;
    if (FILE *f = std::fopen(path.c_str(), "wb")) {
        std::fwrite(frame.data(), 1, frame.size(), f);
        std::fclose(f);
    }
}

void writeTimeServiceSeeds(const std::string &dir)
{
    namespace ts = timeservice;
    ts::ServerEntry pool;
    pool.host = "0.pool.ntp.org";
    pool.flags = ts::SERVER_IBURST | ts::SERVER_POLL;
    pool.minPoll = 6;
    pool.maxPoll = 10;
    ts::ServerEntry keyed;
    keyed.host = "192.0.2.1";
    keyed.keyId = 17;
    keyed.flags = ts::SERVER_PREFER;
    ts::ServerEntry nts;
    nts.host = "2001:db8::123";
    nts.flags = ts::SERVER_NTS;
    ts::ServerEntry local;
    local.host = "127.0.0.1";
    local.port = 11123;
    local.flags = ts::SERVER_POLL;
    local.minPoll = 3;
    local.maxPoll = 4;
    for (ts::Daemon daemon : {ts::Daemon::Chronyd, ts::Daemon::Timesyncd, ts::Daemon::Ntpd}) {
        ts::Request apply;
        apply.op = ts::Op::ApplySources;
        apply.requestId = 100 + unsigned(daemon);
        apply.daemon = daemon;
        if (daemon == ts::Daemon::Timesyncd)
            apply.servers = {ts::ServerEntry{"time.example.org"}, ts::ServerEntry{"::1"}};
        else if (daemon == ts::Daemon::Ntpd)
            apply.servers = {pool, keyed, nts};
        else
            apply.servers = {pool, keyed, nts, local};
        const std::string name(ts::daemonName(daemon));
        write(dir, "ts_request_apply_" + name, ts::encodeRequest(apply));
        ts::Request revert;
        revert.op = ts::Op::RevertSources;
        revert.requestId = 200 + unsigned(daemon);
        revert.daemon = daemon;
        write(dir, "ts_request_revert_" + name, ts::encodeRequest(revert));
    }
    for (std::uint16_t command : {chronoscope::sysservice::cmdmon::REQ_N_SOURCES, chronoscope::sysservice::cmdmon::REQ_SOURCE_DATA,
                                  chronoscope::sysservice::cmdmon::REQ_TRACKING, chronoscope::sysservice::cmdmon::REQ_SOURCESTATS,
                                  chronoscope::sysservice::cmdmon::REQ_SELECT_DATA, chronoscope::sysservice::cmdmon::REQ_NTP_SOURCE_NAME}) {
        ts::Request read;
        read.op = ts::Op::ReadChronyd;
        read.requestId = 300 + command;
        read.cmdmonCommand = command;
        read.cmdmonData.assign(std::size_t(ts::cmdmonRequestDataSize(command)), 0);
        if (!read.cmdmonData.empty())
            read.cmdmonData.back() = 1;
        write(dir, "ts_request_read_" + std::to_string(command), ts::encodeRequest(read));
    }
    ts::Response ok;
    ok.op = ts::Op::ApplySources;
    ok.requestId = 101;
    ok.backup = ts::BackupState::PreviousFile;
    ok.sourcesSeen = 4;
    ok.reachable = 2;
    write(dir, "ts_response_apply_ok", ts::encodeResponse(ok));
    for (std::uint16_t s = 1; s < ts::STATUS_COUNT; ++s) {
        ts::Response refused = ok;
        refused.status = ts::Status(s);
        refused.reason = refused.status == ts::Status::RolledBack ? std::uint16_t(ts::RollbackReason::NoneReachable) : 0;
        write(dir, "ts_response_" + std::string(ts::statusName(refused.status)), ts::encodeResponse(refused));
    }
    ts::Response read;
    read.op = ts::Op::ReadChronyd;
    read.requestId = 314;
    read.cmdmonReply = {6, 2, 0, 0, 0, 14, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3};
    write(dir, "ts_response_read_n_sources", ts::encodeResponse(read));
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: make-helperprotocol-seeds OUTDIR\n");
        return 2;
    }
    const std::string dir = argv[1];
    Request hello;
    hello.op = Op::Hello;
    hello.requestId = 1;
    write(dir, "request_hello", encodeRequest(hello));
    Request read = hello;
    read.op = Op::ReadState;
    read.requestId = 2;
    write(dir, "request_read_state", encodeRequest(read));
    Request step;
    step.op = Op::Step;
    step.requestId = 0x0123456789abcdefull;
    step.offsetNs = -2'500'000'000;
    step.errorBoundNs = 1'200'000;
    step.measuredMonoNs = 987'654'321'000;
    step.maxAgeMs = 5000;
    write(dir, "request_step", encodeRequest(step));
    step.flags = FLAG_CONFIRMED;
    write(dir, "request_step_confirmed", encodeRequest(step));
    step.flags = FLAG_CONFIRMED | FLAG_CONFIRMED_TWICE;
    step.offsetNs = 86'400'000'000'000;
    write(dir, "request_step_confirmed_twice", encodeRequest(step));
    Request slew = step;
    slew.op = Op::Slew;
    slew.flags = 0;
    slew.offsetNs = 12'345'678;
    write(dir, "request_slew", encodeRequest(slew));

    Response response;
    response.requestId = 7;
    response.op = Op::Hello;
    response.realtimeBeforeNs = 1'795'651'200'000'000'000;
    response.info.capabilities = CAP_STEP | CAP_SLEW | CAP_READ_STATE;
    response.info.confirmBoundNs = 500'000'000;
    response.info.veryLargeBoundNs = 86'400'000'000'000;
    response.info.earliestDateUnixS = 1'795'651'200;
    write(dir, "response_hello", encodeResponse(response));
    Response state;
    state.requestId = 8;
    state.op = Op::ReadState;
    state.realtimeBeforeNs = response.realtimeBeforeNs;
    state.state.offsetNs = -1500;
    state.state.freqScaledPpm = 12 << 16;
    state.state.maxErrorUs = 16000;
    state.state.estErrorUs = 12;
    state.state.status = 0x2001;
    write(dir, "response_read_state", encodeResponse(state));
    Response applied;
    applied.requestId = 9;
    applied.op = Op::Slew;
    applied.flags = RESPONSE_DRY_RUN;
    applied.realtimeBeforeNs = response.realtimeBeforeNs;
    applied.realtimeAfterNs = response.realtimeBeforeNs + 1000;
    applied.appliedNs = 12'345'678;
    applied.previousSlewNs = -4000;
    write(dir, "response_slew_dry_run", encodeResponse(applied));
    for (std::uint16_t s = 1; s < STATUS_COUNT; ++s) {
        Response refused;
        refused.requestId = 10 + s;
        refused.op = Op::Step;
        refused.status = Status(s);
        refused.realtimeBeforeNs = response.realtimeBeforeNs;
        refused.sysErrno = refused.status == Status::Failed ? 1 : 0;
        write(dir, "response_" + std::string(statusName(refused.status)), encodeResponse(refused));
    }
    writeTimeServiceSeeds(dir);
    return 0;
}

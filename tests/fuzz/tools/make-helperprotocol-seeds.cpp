// SPDX-License-Identifier: GPL-3.0-or-later
// Writes seeds for fuzz_helperprotocol: one valid frame per request op and flag combination and
// one response per op and status, encoded by the real codec (core/protocol). Build and run:
//   g++ -std=c++20 -I. tests/fuzz/tools/make-helperprotocol-seeds.cpp core/protocol/*.cpp \
//       -o /tmp/make-seeds && /tmp/make-seeds tests/fuzz/seeds/helperprotocol
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/protocol/codec.h"
#include "core/protocol/names.h"

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
    return 0;
}

// SPDX-License-Identifier: GPL-3.0-or-later
// core/protocol: encode/decode round trips, the exact byte layout, and a battery of malformed
// frames that must all be rejected with the right reason.
#include <vector>

#include <QTest>

#include "core/protocol/codec.h"
#include "core/protocol/names.h"
#include "core/protocol/verb.h"

using namespace chronoscope::protocol;

Q_DECLARE_METATYPE(chronoscope::protocol::Request)
Q_DECLARE_METATYPE(chronoscope::protocol::Response)
Q_DECLARE_METATYPE(chronoscope::protocol::DecodeError)

namespace {

Request stepRequest()
{
    Request r;
    r.op = Op::Step;
    r.requestId = 0x0123456789abcdefULL;
    r.offsetNs = -2'500'000'001;
    r.errorBoundNs = 12'000'000;
    r.measuredMonoNs = 987'654'321'000ULL;
    r.maxAgeMs = 5000;
    r.flags = FLAG_CONFIRMED;
    return r;
}

std::vector<std::uint8_t> bytes(const RequestFrame &frame)
{
    return {frame.begin(), frame.end()};
}

} // namespace

class TstHelperProtocol : public QObject
{
    Q_OBJECT
private slots:
    void roundTripsRequests_data()
    {
        QTest::addColumn<Request>("request");
        Request hello;
        hello.op = Op::Hello;
        hello.requestId = 1;
        QTest::newRow("hello") << hello;
        Request read = hello;
        read.op = Op::ReadState;
        read.requestId = ~0ULL;
        QTest::newRow("read_state") << read;
        QTest::newRow("step") << stepRequest();
        Request twice = stepRequest();
        twice.flags = FLAG_CONFIRMED | FLAG_CONFIRMED_TWICE;
        twice.offsetNs = INT64_MAX;
        QTest::newRow("step_max") << twice;
        Request slew = stepRequest();
        slew.op = Op::Slew;
        slew.flags = 0;
        slew.offsetNs = 499'999'999;
        QTest::newRow("slew") << slew;
    }
    void roundTripsRequests()
    {
        QFETCH(Request, request);
        const RequestFrame frame = encodeRequest(request);
        const DecodedRequest decoded = decodeRequest(frame);
        QCOMPARE(decodeErrorName(decoded.error), decodeErrorName(DecodeError::None));
        QVERIFY(decoded.request == request);
    }

    void roundTripsResponses_data()
    {
        QTest::addColumn<Response>("response");
        Response hello;
        hello.op = Op::Hello;
        hello.requestId = 42;
        hello.flags = RESPONSE_SIMULATED;
        hello.realtimeBeforeNs = 1'795'651'200'123'456'789;
        hello.info = {CAP_STEP | CAP_READ_STATE, 500'000'000, 3'600'000'000'000, 1'795'651'200};
        QTest::newRow("hello") << hello;
        Response state;
        state.op = Op::ReadState;
        state.requestId = 7;
        state.realtimeBeforeNs = -5; // before 1970: still encodes
        state.state = {-123'000, -65536 * 12, 16'000'000, 1'500, 0x2041, 5};
        QTest::newRow("read_state") << state;
        Response step;
        step.op = Op::Step;
        step.requestId = 9;
        step.flags = RESPONSE_DRY_RUN;
        step.realtimeBeforeNs = 1;
        step.realtimeAfterNs = 2;
        step.appliedNs = -3;
        QTest::newRow("step") << step;
        Response slew;
        slew.op = Op::Slew;
        slew.status = Status::Failed;
        slew.sysErrno = 1;
        slew.previousSlewNs = 250'000;
        QTest::newRow("slew_failed") << slew;
        Response refused;
        refused.op = Op::None;
        refused.status = Status::Malformed;
        QTest::newRow("malformed") << refused;
    }
    void roundTripsResponses()
    {
        QFETCH(Response, response);
        const ResponseFrame frame = encodeResponse(response);
        const DecodedResponse decoded = decodeResponse(frame);
        QCOMPARE(decodeErrorName(decoded.error), decodeErrorName(DecodeError::None));
        QVERIFY(decoded.response == response);
    }

    // The documented layout, byte by byte (little-endian), so that a change is deliberate.
    void encodesTheDocumentedRequestLayout()
    {
        const RequestFrame f = encodeRequest(stepRequest());
        QCOMPARE(f.size(), std::size_t(48));
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(f.data()), 4), QByteArray("NTPH"));
        QCOMPARE(int(f[4]), 1);            // version
        QCOMPARE(int(f[6]), 3);            // op STEP
        QCOMPARE(int(f[8]), 0xef);         // request id, lowest byte first
        QCOMPARE(int(f[15]), 0x01);
        QCOMPARE(int(f[23]), 0xff);        // negative offset: sign byte
        QCOMPARE(int(f[40]), 5000 & 0xff); // max age
        QCOMPARE(int(f[44]), 1);           // FLAG_CONFIRMED
    }

    void rejectsMalformedRequests_data()
    {
        QTest::addColumn<std::vector<std::uint8_t>>("frame");
        QTest::addColumn<DecodeError>("expected");
        const std::vector<std::uint8_t> good = bytes(encodeRequest(stepRequest()));

        QTest::newRow("empty") << std::vector<std::uint8_t>{} << DecodeError::WrongSize;
        for (std::size_t n : {1u, 4u, 47u, 49u, 64u, 80u}) {
            std::vector<std::uint8_t> f = good;
            f.resize(n, 0);
            QTest::addRow("size_%zu", n) << f << DecodeError::WrongSize;
        }
        auto mutate = [&](const char *name, auto change, DecodeError error) {
            std::vector<std::uint8_t> f = good;
            change(f);
            QTest::newRow(name) << f << error;
        };
        mutate("bad_magic", [](auto &f) { f[0] = 'X'; }, DecodeError::BadMagic);
        mutate("lowercase_magic", [](auto &f) { f[3] = 'h'; }, DecodeError::BadMagic);
        mutate("version_0", [](auto &f) { f[4] = 0; }, DecodeError::UnsupportedVersion);
        mutate("version_2", [](auto &f) { f[4] = 2; }, DecodeError::UnsupportedVersion);
        mutate("version_high_byte", [](auto &f) { f[5] = 1; }, DecodeError::UnsupportedVersion);
        mutate("op_0", [](auto &f) { f[6] = 0; }, DecodeError::UnknownOp);
        mutate("op_5", [](auto &f) { f[6] = 5; }, DecodeError::UnknownOp);
        mutate("op_set_freq_style_high", [](auto &f) { f[7] = 1; }, DecodeError::UnknownOp);
        mutate("unknown_flag", [](auto &f) { f[44] |= 4; }, DecodeError::UnknownFlags);
        mutate("flag_high_bit", [](auto &f) { f[47] = 0x80; }, DecodeError::UnknownFlags);
        mutate("negative_error_bound", [](auto &f) { f[31] = 0x80; }, DecodeError::BadArgument);
        mutate("zero_max_age", [](auto &f) { f[40] = f[41] = f[42] = f[43] = 0; }, DecodeError::BadArgument);
        mutate("zero_measurement_time", [](auto &f) { std::fill(f.begin() + 32, f.begin() + 40, 0); },
               DecodeError::BadArgument);
        mutate("int64_min_offset", [](auto &f) {
            std::fill(f.begin() + 16, f.begin() + 24, 0);
            f[23] = 0x80;
        }, DecodeError::BadArgument);
        mutate("slew_with_confirmation", [](auto &f) { f[6] = 4; }, DecodeError::BadArgument);
        mutate("hello_with_offset", [](auto &f) {
            f[6] = 1;
        }, DecodeError::NonZeroReserved);
        mutate("read_state_with_flags", [](auto &f) {
            f[6] = 2;
            std::fill(f.begin() + 16, f.begin() + 44, 0);
        }, DecodeError::NonZeroReserved);
    }
    void rejectsMalformedRequests()
    {
        QFETCH(std::vector<std::uint8_t>, frame);
        QFETCH(DecodeError, expected);
        const DecodedRequest decoded = decodeRequest(frame);
        QCOMPARE(decodeErrorName(decoded.error), decodeErrorName(expected));
        QVERIFY(statusForDecodeError(decoded.error) != Status::Ok);
    }

    void keepsTheRequestIdOfAnUnknownOp()
    {
        RequestFrame f = encodeRequest(stepRequest());
        f[6] = 99;
        const DecodedRequest decoded = decodeRequest(f);
        QCOMPARE(decoded.error, DecodeError::UnknownOp);
        QCOMPARE(decoded.request.requestId, stepRequest().requestId);
        QCOMPARE(statusForDecodeError(decoded.error), Status::UnknownOp);
    }

    void rejectsMalformedResponses()
    {
        Response r;
        r.op = Op::Step;
        r.requestId = 5;
        const ResponseFrame good = encodeResponse(r);
        QCOMPARE(decodeResponse(std::span(good.data(), 79)).error, DecodeError::WrongSize);
        ResponseFrame f = good;
        f[1] = 0;
        QCOMPARE(decodeResponse(f).error, DecodeError::BadMagic);
        f = good;
        f[6] = std::uint8_t(STATUS_COUNT);
        QCOMPARE(decodeResponse(f).error, DecodeError::BadArgument);
        f = good;
        f[16] = 9;
        QCOMPARE(decodeResponse(f).error, DecodeError::UnknownOp);
        f = good;
        f[18] = 0x80;
        QCOMPARE(decodeResponse(f).error, DecodeError::UnknownFlags);
        f = good;
        f[79] = 1; // STEP carries no payload
        QCOMPARE(decodeResponse(f).error, DecodeError::NonZeroReserved);
        f = good;
        f[16] = 0; // op None with status Ok is impossible
        QCOMPARE(decodeResponse(f).error, DecodeError::BadArgument);
    }

    void verbsAllowOnlyTheirOwnChange()
    {
        QVERIFY(verbAllows(Verb::Step, Op::Step));
        QVERIFY(!verbAllows(Verb::Step, Op::Slew));
        QVERIFY(verbAllows(Verb::Slew, Op::Slew));
        QVERIFY(!verbAllows(Verb::Slew, Op::Step));
        QVERIFY(!verbAllows(Verb::ReadState, Op::Step));
        QVERIFY(!verbAllows(Verb::ReadState, Op::Slew));
        for (Verb v : {Verb::Step, Verb::Slew, Verb::ReadState}) {
            QVERIFY(verbAllows(v, Op::Hello));
            QVERIFY(verbAllows(v, Op::ReadState));
            QCOMPARE(parseVerb(verbName(v)), std::optional<Verb>(v));
        }
        QVERIFY(!parseVerb("frequency"));
        QVERIFY(!parseVerb("STEP"));
    }
};

QTEST_GUILESS_MAIN(TstHelperProtocol)
#include "tst_helperprotocol.moc"

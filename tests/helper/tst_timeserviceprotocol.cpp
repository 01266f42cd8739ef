// SPDX-License-Identifier: GPL-3.0-or-later
// core/protocol time-service frames (HELPER.md §4.5) and server rules (§4.6): round trips, the
// exact layout, every bound checked before allocation, malformed frames rejected with the right
// reason, and the host/poll/daemon rules shared by the app and the helper.
#include <vector>

#include <QTest>

#include "core/protocol/names.h"
#include "core/protocol/sourcevalidation.h"
#include "core/protocol/timeservicecodec.h"
#include "core/protocol/timeservicenames.h"
#include "core/sysservice/cmdmonprotocol.h"

using namespace Qt::StringLiterals;
using chronoscope::protocol::DecodeError;
using chronoscope::protocol::decodeErrorName;
using namespace chronoscope::protocol::timeservice;
namespace ts = chronoscope::protocol::timeservice;
namespace cmdmon = chronoscope::sysservice::cmdmon;

Q_DECLARE_METATYPE(chronoscope::protocol::DecodeError)
Q_DECLARE_METATYPE(chronoscope::protocol::timeservice::SourceError)

namespace {

ServerEntry server(const std::string &host, std::uint8_t flags = 0, std::int8_t minPoll = 0, std::int8_t maxPoll = 0)
{
    ServerEntry s;
    s.host = host;
    s.flags = flags;
    s.minPoll = minPoll;
    s.maxPoll = maxPoll;
    return s;
}

ts::Request applyRequest()
{
    ts::Request r;
    r.op = ts::Op::ApplySources;
    r.requestId = 0x1122334455667788ULL;
    r.daemon = Daemon::Chronyd;
    r.servers = {server("ntp.example.org", SERVER_IBURST | SERVER_POLL, 6, 10), server("127.0.0.2", SERVER_PREFER)};
    r.servers[0].keyId = 7;
    r.servers[1].port = 12345;
    return r;
}

QByteArray name(DecodeError e)
{
    return QByteArray(decodeErrorName(e).data(), qsizetype(decodeErrorName(e).size()));
}

DecodeError decodeError(const std::vector<std::uint8_t> &frame)
{
    return ts::decodeRequest(frame).error;
}

void put32(std::vector<std::uint8_t> &f, std::size_t at, std::uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        f[at + std::size_t(i)] = std::uint8_t(v >> (8 * i));
}

} // namespace

class TstTimeServiceProtocol : public QObject
{
    Q_OBJECT
private slots:
    void applyRoundTripsWithItsLayout()
    {
        const ts::Request r = applyRequest();
        const std::vector<std::uint8_t> f = ts::encodeRequest(r);
        QCOMPARE(f.size(), REQUEST_HEADER_SIZE + APPLY_BODY_HEADER_SIZE + 2 * SERVER_ENTRY_HEADER_SIZE + 15 + 9);
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(f.data()), 4), QByteArray("NTPS"));
        QCOMPARE(int(f[6]), 16);                     // op, little-endian
        QCOMPARE(int(f[8]), 0x88);                   // request id, little-endian
        QCOMPARE(int(f[16]), int(f.size() - REQUEST_HEADER_SIZE)); // body length
        QCOMPARE(int(f[24]), 1);                     // daemon chronyd
        QCOMPARE(int(f[25]), 2);                     // count
        QCOMPARE(int(f[28]), 15);                    // host length
        QCOMPARE(int(f[29]), int(SERVER_IBURST | SERVER_POLL));
        QCOMPARE(int(f[32]), 6);                     // minpoll
        QCOMPARE(int(f[33]), 10);                    // maxpoll
        QCOMPARE(int(f[36]), 7);                     // key id
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(f.data() + 40), 15), QByteArray("ntp.example.org"));
        const DecodedRequest d = ts::decodeRequest(f);
        QCOMPARE(name(d.error), name(DecodeError::None));
        QVERIFY(d.request == r);
        const FrameHeader h = decodeRequestHeader(std::span(f).first(REQUEST_HEADER_SIZE));
        QCOMPARE(name(h.error), name(DecodeError::None));
        QCOMPARE(h.bodyLength, f.size() - REQUEST_HEADER_SIZE);
        QCOMPARE(h.requestId, r.requestId);
    }

    void revertAndReadRoundTrip()
    {
        ts::Request revert;
        revert.op = ts::Op::RevertSources;
        revert.daemon = Daemon::Ntpd;
        revert.requestId = 9;
        std::vector<std::uint8_t> f = ts::encodeRequest(revert);
        QCOMPARE(f.size(), REQUEST_HEADER_SIZE + REVERT_BODY_SIZE);
        QVERIFY(ts::decodeRequest(f).request == revert);

        ts::Request read;
        read.op = ts::Op::ReadChronyd;
        read.cmdmonCommand = cmdmon::REQ_SOURCE_DATA;
        read.cmdmonData = {0, 0, 0, 3};
        f = ts::encodeRequest(read);
        QCOMPARE(name(decodeError(f)), name(DecodeError::None));
        QVERIFY(ts::decodeRequest(f).request == read);
        for (std::uint16_t command : {cmdmon::REQ_N_SOURCES, cmdmon::REQ_TRACKING}) {
            read.cmdmonCommand = command;
            read.cmdmonData.clear();
            QCOMPARE(name(decodeError(ts::encodeRequest(read))), name(DecodeError::None));
        }
        read.cmdmonCommand = cmdmon::REQ_NTP_SOURCE_NAME;
        read.cmdmonData.assign(20, 0);
        QCOMPARE(name(decodeError(ts::encodeRequest(read))), name(DecodeError::None));
    }

    void readChronydTakesOnlyTheWhitelist()
    {
        ts::Request read;
        read.op = ts::Op::ReadChronyd;
        read.cmdmonCommand = cmdmon::REQ_RELOAD_SOURCES; // changes chronyd: never passed through
        QCOMPARE(name(decodeError(ts::encodeRequest(read))), name(DecodeError::BadArgument));
        read.cmdmonCommand = 0;
        QCOMPARE(name(decodeError(ts::encodeRequest(read))), name(DecodeError::BadArgument));
        read.cmdmonCommand = cmdmon::REQ_SOURCE_DATA;
        read.cmdmonData = {0, 0, 3};                     // index must be 4 bytes
        QCOMPARE(name(decodeError(ts::encodeRequest(read))), name(DecodeError::WrongSize));
        read.cmdmonCommand = cmdmon::REQ_N_SOURCES;
        read.cmdmonData = {0};                           // takes no data
        QCOMPARE(name(decodeError(ts::encodeRequest(read))), name(DecodeError::WrongSize));
        read.cmdmonData.assign(MAX_CMDMON_REQUEST_DATA + 1, 0);
        QVERIFY(ts::encodeRequest(read).empty());
    }

    void headerIsBoundedBeforeTheBody()
    {
        std::vector<std::uint8_t> f = ts::encodeRequest(applyRequest());
        std::vector<std::uint8_t> header(f.begin(), f.begin() + REQUEST_HEADER_SIZE);
        put32(header, 16, std::uint32_t(MAX_REQUEST_BODY + 1));
        QCOMPARE(name(decodeRequestHeader(header).error), name(DecodeError::WrongSize));
        put32(header, 16, 0xFFFFFFFFu);
        QCOMPARE(name(decodeRequestHeader(header).error), name(DecodeError::WrongSize));
        put32(header, 16, std::uint32_t(MAX_REQUEST_BODY));
        QCOMPARE(name(decodeRequestHeader(header).error), name(DecodeError::None));
        header[20] = 1;                                  // the zero field
        QCOMPARE(name(decodeRequestHeader(header).error), name(DecodeError::NonZeroReserved));
        header[20] = 0;
        header[4] = 2;                                   // version
        QCOMPARE(name(decodeRequestHeader(header).error), name(DecodeError::UnsupportedVersion));
        header[4] = 1;
        header[3] = 'H';                                 // "NTPH": a clock frame
        const FrameHeader h = decodeRequestHeader(header);
        QCOMPARE(name(h.error), name(DecodeError::BadMagic));
        QCOMPARE(decodeRequestHeader(std::span(header).first(23)).error, DecodeError::WrongSize);
        // The largest legal request is exactly MAX_REQUEST_BODY long.
        ts::Request big;
        big.op = ts::Op::ApplySources;
        for (std::size_t i = 0; i < MAX_SERVERS; ++i)
            big.servers.push_back(server(std::string(MAX_HOST_LENGTH - 4, 'a') + std::to_string(1000 + i)));
        const std::vector<std::uint8_t> largest = ts::encodeRequest(big);
        QCOMPARE(largest.size(), REQUEST_HEADER_SIZE + MAX_REQUEST_BODY);
        QCOMPARE(name(decodeError(largest)), name(DecodeError::None));
    }

    void malformedApplyBodies_data()
    {
        QTest::addColumn<std::size_t>("at");
        QTest::addColumn<int>("value");
        QTest::addColumn<DecodeError>("expected");
        // Offsets into the frame: body at 24, first entry at 28.
        QTest::newRow("daemon 0") << std::size_t(24) << 0 << DecodeError::BadArgument;
        QTest::newRow("daemon 4") << std::size_t(24) << 4 << DecodeError::BadArgument;
        QTest::newRow("count 0") << std::size_t(25) << 0 << DecodeError::BadArgument;
        QTest::newRow("count 3 (only 2 entries)") << std::size_t(25) << 3 << DecodeError::WrongSize;
        QTest::newRow("count 1 (bytes left over)") << std::size_t(25) << 1 << DecodeError::WrongSize;
        QTest::newRow("count 33") << std::size_t(25) << 33 << DecodeError::BadArgument;
        QTest::newRow("reserved after count") << std::size_t(26) << 1 << DecodeError::NonZeroReserved;
        QTest::newRow("host length 0") << std::size_t(28) << 0 << DecodeError::WrongSize;
        QTest::newRow("host length past the end") << std::size_t(28) << 250 << DecodeError::WrongSize;
        QTest::newRow("host length 254") << std::size_t(28) << 254 << DecodeError::WrongSize;
        QTest::newRow("unknown flag bit 4") << std::size_t(29) << 0x10 << DecodeError::UnknownFlags;
        QTest::newRow("unknown flag bit 7") << std::size_t(29) << 0x80 << DecodeError::UnknownFlags;
        QTest::newRow("entry reserved") << std::size_t(34) << 1 << DecodeError::NonZeroReserved;
    }
    void malformedApplyBodies()
    {
        QFETCH(std::size_t, at);
        QFETCH(int, value);
        QFETCH(DecodeError, expected);
        std::vector<std::uint8_t> f = ts::encodeRequest(applyRequest());
        f[at] = std::uint8_t(value);
        const DecodedRequest d = ts::decodeRequest(f);
        QCOMPARE(name(d.error), name(expected));
        QCOMPARE(d.request.requestId, applyRequest().requestId);   // a refusal can name it
        QVERIFY(d.request.servers.empty());
        QCOMPARE(statusName(ts::statusForDecodeError(d.error)), statusName(ts::Status::Malformed));
    }

    void pollFieldsNeedTheirFlag()
    {
        ts::Request r = applyRequest();
        r.servers[1].minPoll = 6;                        // no SERVER_POLL on the second server
        QCOMPARE(name(decodeError(ts::encodeRequest(r))), name(DecodeError::NonZeroReserved));
    }

    void frameSizeMustMatch()
    {
        std::vector<std::uint8_t> f = ts::encodeRequest(applyRequest());
        f.push_back(0);
        QCOMPARE(name(decodeError(f)), name(DecodeError::WrongSize));
        f.resize(f.size() - 2);
        QCOMPARE(name(decodeError(f)), name(DecodeError::WrongSize));
        f.resize(10);
        QCOMPARE(name(decodeError(f)), name(DecodeError::WrongSize));
        std::vector<std::uint8_t> g = ts::encodeRequest(applyRequest());
        g[6] = 3;                                        // STEP's number: not an op here
        QCOMPARE(name(decodeError(g)), name(DecodeError::UnknownOp));
        QCOMPARE(statusName(ts::statusForDecodeError(DecodeError::UnknownOp)), statusName(ts::Status::UnknownOp));
    }

    void encodingRefusesWhatCannotBeSent()
    {
        ts::Request r = applyRequest();
        r.servers[0].host = std::string(MAX_HOST_LENGTH + 1, 'a');
        QVERIFY(ts::encodeRequest(r).empty());
        r.servers[0].host.clear();
        QVERIFY(ts::encodeRequest(r).empty());
        r = applyRequest();
        r.servers.assign(MAX_SERVERS + 1, server("a.example"));
        QVERIFY(ts::encodeRequest(r).empty());
    }

    void responsesRoundTrip()
    {
        ts::Response applied;
        applied.op = ts::Op::ApplySources;
        applied.requestId = 5;
        applied.status = ts::Status::RolledBack;
        applied.reason = std::uint16_t(RollbackReason::NoneReachable);
        applied.flags = RESPONSE_TEST_ROOT;
        applied.daemon = Daemon::Timesyncd;
        applied.backup = BackupState::DidNotExist;
        applied.sourcesSeen = 3;
        applied.reachable = 0;
        std::vector<std::uint8_t> f = ts::encodeResponse(applied);
        QCOMPARE(f.size(), RESPONSE_HEADER_SIZE + SOURCES_RESULT_BODY_SIZE);
        QCOMPARE(int(f[24]), int(RollbackReason::NoneReachable));
        QCOMPARE(int(f[26]), 0xFF);                      // no server index
        DecodedResponse d = ts::decodeResponse(f);
        QCOMPARE(name(d.error), name(DecodeError::None));
        QVERIFY(d.response == applied);
        const FrameHeader h = decodeResponseHeader(std::span(f).first(RESPONSE_HEADER_SIZE));
        QCOMPARE(h.bodyLength, SOURCES_RESULT_BODY_SIZE);

        ts::Response read;
        read.op = ts::Op::ReadChronyd;
        read.cmdmonReply = {6, 2, 0, 0, 0, 14};
        f = ts::encodeResponse(read);
        d = ts::decodeResponse(f);
        QCOMPARE(name(d.error), name(DecodeError::None));
        QVERIFY(d.response == read);

        ts::Response refused;
        refused.op = ts::Op::None;
        refused.status = ts::Status::Malformed;
        f = ts::encodeResponse(refused);
        QCOMPARE(f.size(), RESPONSE_HEADER_SIZE);
        QVERIFY(ts::decodeResponse(f).response == refused);
        // Unknown response flags, an OK without an op, a status out of range, a body where none belongs.
        f[18] = 0x80;
        QCOMPARE(name(ts::decodeResponse(f).error), name(DecodeError::UnknownFlags));
        f[18] = 0;
        f[6] = 0;
        QCOMPARE(name(ts::decodeResponse(f).error), name(DecodeError::BadArgument));
        f[6] = std::uint8_t(STATUS_COUNT);
        QCOMPARE(name(ts::decodeResponse(f).error), name(DecodeError::BadArgument));
        f[6] = 1;
        f.push_back(0);
        f[28] = 1;
        QCOMPARE(name(ts::decodeResponse(f).error), name(DecodeError::WrongSize));
        std::vector<std::uint8_t> big = ts::encodeResponse(read);
        put32(big, 28, std::uint32_t(MAX_RESPONSE_BODY + 1));
        QCOMPARE(name(decodeResponseHeader(std::span(big).first(RESPONSE_HEADER_SIZE)).error), name(DecodeError::WrongSize));
    }

    void hosts_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<SourceError>("expected");
        QTest::newRow("ipv4") << u"192.0.2.1"_s << SourceError::None;
        QTest::newRow("ipv6") << u"2001:db8::1"_s << SourceError::None;
        QTest::newRow("ipv6 full") << u"2001:db8:0:0:0:0:0:1"_s << SourceError::None;
        QTest::newRow("ipv6 mapped") << u"::ffff:192.0.2.1"_s << SourceError::None;
        QTest::newRow("name") << u"ntp-1.example.org"_s << SourceError::None;
        QTest::newRow("name with digits first") << u"0.pool.ntp.org"_s << SourceError::None;
        QTest::newRow("empty") << QString() << SourceError::EmptyHost;
        QTest::newRow("too long") << QString(254, u'a') << SourceError::HostTooLong;
        QTest::newRow("space") << u"ntp example"_s << SourceError::BadHostCharacter;
        QTest::newRow("quote") << u"ntp\"x"_s << SourceError::BadHostCharacter;
        QTest::newRow("hash") << u"ntp#1"_s << SourceError::BadHostCharacter;
        QTest::newRow("newline") << u"a.example\nserver evil"_s << SourceError::BadHostCharacter;
        QTest::newRow("underscore") << u"a_b.example"_s << SourceError::BadHostCharacter;
        QTest::newRow("brackets") << u"[::1]"_s << SourceError::BadHostCharacter;
        QTest::newRow("zone") << u"fe80::1%eth0"_s << SourceError::BadHostCharacter;
        QTest::newRow("non-ascii") << u"ntp.exämple.org"_s << SourceError::BadHostCharacter;
        QTest::newRow("leading hyphen") << u"-a.example"_s << SourceError::BadHostLabel;
        QTest::newRow("trailing hyphen") << u"a-.example"_s << SourceError::BadHostLabel;
        QTest::newRow("empty label") << u"a..example"_s << SourceError::BadHostLabel;
        QTest::newRow("trailing dot") << u"a.example."_s << SourceError::BadHostLabel;
        QTest::newRow("label of 64") << QString(64, u'a') + u".example"_s << SourceError::BadHostLabel;
        QTest::newRow("numeric top label") << u"a.123"_s << SourceError::BadHostLabel;
        QTest::newRow("short ipv4") << u"1.2.3"_s << SourceError::BadAddress;
        QTest::newRow("ipv4 part 256") << u"1.2.3.256"_s << SourceError::BadAddress;
        QTest::newRow("ipv4 leading zero") << u"01.2.3.4"_s << SourceError::BadAddress;
        QTest::newRow("ipv6 two ::") << u"1::2::3"_s << SourceError::BadAddress;
        QTest::newRow("ipv6 nine groups") << u"1:2:3:4:5:6:7:8:9"_s << SourceError::BadAddress;
        QTest::newRow("ipv6 group of 5") << u"12345::1"_s << SourceError::BadAddress;
        QTest::newRow("ipv4 unspecified") << u"0.0.0.0"_s << SourceError::BadAddress;
        QTest::newRow("ipv6 unspecified") << u"::"_s << SourceError::BadAddress;
        QTest::newRow("ipv6 unspecified, long") << u"0:0:0:0:0:0:0:0"_s << SourceError::BadAddress;
        QTest::newRow("ipv6 trailing colon") << u"1:2:3:4:5:6:7:"_s << SourceError::BadAddress;
    }
    void hosts()
    {
        QFETCH(QString, host);
        QFETCH(SourceError, expected);
        const std::string utf8 = host.toStdString();
        QCOMPARE(sourceErrorName(checkHost(utf8).error), sourceErrorName(expected));
    }

    void loopbackHosts()
    {
        for (const char *h : {"127.0.0.1", "127.1.2.3", "::1", "0:0:0:0:0:0:0:1", "localhost", "LocalHost"})
            QVERIFY2(isLoopbackHost(h), h);
        for (const char *h : {"128.0.0.1", "::2", "1::1", "localhost.example", "::"})
            QVERIFY2(!isLoopbackHost(h), h);
    }

    void serverRules()
    {
        const auto check = [](Daemon d, std::vector<ServerEntry> list) { return validateSources(d, list); };
        QVERIFY(check(Daemon::Chronyd, {server("a.example", SERVER_IBURST | SERVER_POLL, 6, 10)}).ok());
        QCOMPARE(check(Daemon::Chronyd, {}).error, SourceError::NoServers);
        QCOMPARE(check(Daemon::Chronyd, std::vector<ServerEntry>(MAX_SERVERS + 1, server("a.example"))).error,
                 SourceError::TooManyServers);
        // Pool etiquette: below 6 only for loopback; the range 3 ... 17; order.
        SourcesCheck c = check(Daemon::Chronyd, {server("a.example"), server("b.example", SERVER_POLL, 4, 6)});
        QCOMPARE(c.error, SourceError::PollTooFrequent);
        QCOMPARE(c.index, std::size_t(1));
        QVERIFY(check(Daemon::Chronyd, {server("127.0.0.2", SERVER_POLL, 3, 4)}).ok());
        QCOMPARE(check(Daemon::Chronyd, {server("127.0.0.2", SERVER_POLL, 2, 4)}).error, SourceError::PollOutOfRange);
        QCOMPARE(check(Daemon::Chronyd, {server("a.example", SERVER_POLL, 6, 18)}).error, SourceError::PollOutOfRange);
        QCOMPARE(check(Daemon::Chronyd, {server("a.example", SERVER_POLL, 10, 6)}).error, SourceError::PollOrder);
        QCOMPARE(check(Daemon::Chronyd, {server("a.example", 0, 6, 6)}).error, SourceError::PollWithoutFlag);
        ServerEntry both = server("a.example", SERVER_NTS);
        both.keyId = 3;
        QCOMPARE(check(Daemon::Chronyd, {both}).error, SourceError::NtsWithKey);
        QCOMPARE(check(Daemon::Chronyd, {server("A.example"), server("a.EXAMPLE")}).error, SourceError::DuplicateHost);
        c = check(Daemon::Chronyd, {server("a.example"), server("bad host")});
        QCOMPARE(c.error, SourceError::BadHostCharacter);
        QCOMPARE(c.index, std::size_t(1));
        // timesyncd: a host and nothing else.
        QVERIFY(check(Daemon::Timesyncd, {server("a.example"), server("::1")}).ok());
        QCOMPARE(check(Daemon::Timesyncd, {server("a.example", SERVER_IBURST)}).error, SourceError::NotSupportedByDaemon);
        ServerEntry withPort = server("a.example");
        withPort.port = 1123;
        QCOMPARE(check(Daemon::Timesyncd, {withPort}).error, SourceError::NotSupportedByDaemon);
        // ntpd: no port, keys ≤ 65534; chrony takes both.
        QCOMPARE(check(Daemon::Ntpd, {withPort}).error, SourceError::NotSupportedByDaemon);
        QVERIFY(check(Daemon::Chronyd, {withPort}).ok());
        ServerEntry bigKey = server("a.example");
        bigKey.keyId = 65535;
        QCOMPARE(check(Daemon::Ntpd, {bigKey}).error, SourceError::KeyOutOfRange);
        QVERIFY(check(Daemon::Chronyd, {bigKey}).ok());
    }

    void namesAreStable()
    {
        QCOMPARE(statusName(ts::Status::RolledBack), std::string_view("rolled_back"));
        QCOMPARE(opName(ts::Op::ApplySources), std::string_view("apply_sources"));
        QCOMPARE(daemonName(Daemon::Timesyncd), std::string_view("timesyncd"));
        QCOMPARE(rollbackReasonName(RollbackReason::NoneReachable), std::string_view("none_reachable"));
        for (std::uint16_t s = 0; s < STATUS_COUNT; ++s)
            QVERIFY(statusName(ts::Status(s)) != "unknown");
        for (std::uint16_t e = 0; e < SOURCE_ERROR_COUNT; ++e)
            QVERIFY(sourceErrorName(SourceError(e)) != "unknown");
        for (std::uint16_t r = 0; r < ROLLBACK_REASON_COUNT; ++r)
            QVERIFY(rollbackReasonName(RollbackReason(r)) != "unknown");
    }
};

QTEST_APPLESS_MAIN(TstTimeServiceProtocol)
#include "tst_timeserviceprotocol.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// chronyd's command protocol (core/sysservice): request encoding, the reply header, every reply
// decoder with its bounds, and the client against in-process fakes — a scripted transport, and a
// fake chronyd on a real Unix datagram socket — plus the socket checks (missing, dead, foreign,
// stream, symbolic link).
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <atomic>
#include <cmath>
#include <deque>
#include <functional>
#include <thread>

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "core/sysservice/chronydclient.h"
#include "core/sysservice/chronydjson.h"
#include "core/sysservice/chronydsourcestate.h"
#include "core/sysservice/cmdmonfieldreader.h"
#include "core/sysservice/cmdmonmessage.h"
#include "core/sysservice/cmdmonprotocol.h"
#include "core/sysservice/cmdmondecoders.h"
#include "core/sysservice/unixcmdmontransport.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::sysservice;
using chronoscope::Result;

namespace {

// Big-endian writer for reply data.
struct Bytes
{
    QByteArray data;
    Bytes &u8(quint8 v) { data.append(char(v)); return *this; }
    Bytes &u16(quint16 v) { char b[2]; qToBigEndian(v, b); data.append(b, 2); return *this; }
    Bytes &u32(quint32 v) { char b[4]; qToBigEndian(v, b); data.append(b, 4); return *this; }
    // chrony's float: coefficient × 2^(exponent − 25).
    Bytes &real(int coefficient, int exponent)
    {
        return u32((quint32(exponent & 0x7f) << 25) | (quint32(coefficient) & 0x1ffffff));
    }
    Bytes &ipv4(quint32 address) { u32(address); data.append(12, '\0'); u16(1); u16(0); return *this; }
    Bytes &family(quint16 f) { data.append(16, '\0'); u16(f); u16(0); return *this; }
    Bytes &timespec(quint32 high, quint32 low, quint32 ns) { return u32(high).u32(low).u32(ns); }
};

QByteArray trackingData()
{
    Bytes b;
    b.u32(0x7f00000b).ipv4(0x7f00000b).u16(2).u16(0).timespec(0, 1700000000, 500000000);
    b.real(1, 0).real(-3, 0).real(1, 0).real(-4, 20).real(0, 0).real(1, 0).real(1, 0).real(1, 0).real(1, 26);
    return b.data;
}

QByteArray sourceData(quint32 address, quint16 state, quint16 reach = 0xff)
{
    Bytes b;
    b.ipv4(address).u16(quint16(qint16(-4))).u16(1).u16(state).u16(0).u16(0).u16(reach).u32(3);
    b.real(5, 0).real(-5, 0).real(1, 0);
    return b.data;
}

QByteArray replyDatagram(quint16 command, quint16 replyCode, quint16 status, quint32 sequence, const QByteArray &data)
{
    Bytes b;
    b.u8(6).u8(2).u8(0).u8(0).u16(command).u16(replyCode).u16(status).u16(0).u16(0).u16(0).u32(sequence).u32(0).u32(0);
    return b.data + data;
}

// A scripted transport: answers each request with what `answer` returns (empty: no answer).
class FakeTransport final : public CmdmonTransport
{
public:
    std::function<QList<QByteArray>(quint16 command, quint32 sequence, const QByteArray &request)> answer;
    std::deque<QByteArray> queue;
    QList<QByteArray> requests;

    Result<bool> send(QByteArrayView request) override
    {
        requests.append(request.toByteArray());
        const quint16 command = qFromBigEndian<quint16>(request.data() + 4);
        const quint32 sequence = qFromBigEndian<quint32>(request.data() + 8);
        for (const QByteArray &d : answer(command, sequence, request.toByteArray()))
            queue.push_back(d);
        return true;
    }
    Result<QByteArray> receive(int timeoutMs) override
    {
        if (queue.empty())
            return chronoscope::Error{u"no reply from fake within %1 ms"_s.arg(timeoutMs)};
        QByteArray d = queue.front();
        queue.pop_front();
        return d;
    }
    QString endpoint() const override { return u"fake"_s; }
};

// A fake chronyd on a real Unix datagram socket: answers every request with `reply(request)`.
class FakeChronydSocket
{
public:
    FakeChronydSocket(const QString &path, std::function<QByteArray(const QByteArray &)> reply)
        : m_reply(std::move(reply))
    {
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM, 0);
        sockaddr_un address {};
        address.sun_family = AF_UNIX;
        const QByteArray native = QFile::encodeName(path);
        std::memcpy(address.sun_path, native.constData(), size_t(native.size()));
        m_ok = ::bind(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0;
        m_thread = std::thread([this] { run(); });
    }
    ~FakeChronydSocket()
    {
        m_stop = true;
        m_thread.join();
        ::close(m_fd);
    }
    bool ok() const { return m_ok; }

private:
    void run()
    {
        while (!m_stop) {
            pollfd fds { m_fd, POLLIN, 0 };
            if (::poll(&fds, 1, 20) <= 0)
                continue;
            char buffer[2048];
            sockaddr_un from {};
            socklen_t length = sizeof(from);
            const ssize_t got = ::recvfrom(m_fd, buffer, sizeof(buffer), 0, reinterpret_cast<sockaddr *>(&from), &length);
            if (got <= 0)
                continue;
            const QByteArray answer = m_reply(QByteArray(buffer, got));
            if (!answer.isEmpty())
                ::sendto(m_fd, answer.constData(), size_t(answer.size()), 0, reinterpret_cast<sockaddr *>(&from), length);
        }
    }

    int m_fd = -1;
    bool m_ok = false;
    std::atomic<bool> m_stop {false};
    std::function<QByteArray(const QByteArray &)> m_reply;
    std::thread m_thread;
};

quint32 sequenceOf(const QByteArray &request) { return qFromBigEndian<quint32>(request.constData() + 8); }
quint16 commandOf(const QByteArray &request) { return qFromBigEndian<quint16>(request.constData() + 4); }

} // namespace

class TstCmdmon : public QObject
{
    Q_OBJECT
private slots:
    void floatFormat_data();
    void floatFormat();
    void requestIsPaddedToTheReplyLength();
    void replyHeaderChecks_data();
    void replyHeaderChecks();
    void trackingDecodes();
    void truncatedRepliesAreRefused_data();
    void truncatedRepliesAreRefused();
    void outOfRangeFieldsAreRefused_data();
    void outOfRangeFieldsAreRefused();
    void sourceNameChecks();
    void clientSkipsStaleRepliesAndChecksEchoes();
    void clientSnapshotFromFake();
    void clientReportsStatusAndUnsupportedSelectData();
    void socketChecks();
    void fakeChronydOverUnixSocket();
    void stateWords();
};

void TstCmdmon::floatFormat_data()
{
    QTest::addColumn<quint32>("raw");
    QTest::addColumn<double>("value");
    QTest::newRow("zero") << 0u << 0.0;
    QTest::newRow("one") << ((25u << 25) | 1u) << 1.0;                   // 1 × 2^0
    QTest::newRow("minus one") << ((25u << 25) | 0x1ffffffu) << -1.0;
    QTest::newRow("half") << ((24u << 25) | 1u) << 0.5;
    QTest::newRow("largest exponent") << ((63u << 25) | 1u) << std::ldexp(1.0, 38);
    QTest::newRow("smallest exponent") << ((64u << 25) | 1u) << std::ldexp(1.0, -89);
    QTest::newRow("most negative coefficient") << ((25u << 25) | 0x1000000u) << -16777216.0;
}

void TstCmdmon::floatFormat()
{
    QFETCH(quint32, raw);
    QFETCH(double, value);
    QCOMPARE(CmdmonFieldReader::decodeFloat(raw), value);
}

void TstCmdmon::requestIsPaddedToTheReplyLength()
{
    const QByteArray tracking = encodeCmdmonRequest(cmdmon::REQ_TRACKING, 0x01020304, {}, cmdmon::TRACKING_SIZE);
    QCOMPARE(tracking.size(), cmdmon::REPLY_HEADER_SIZE + cmdmon::TRACKING_SIZE);   // 104, as chronyc sends
    QCOMPARE(quint8(tracking[0]), quint8(6));
    QCOMPARE(quint8(tracking[1]), quint8(1));
    QCOMPARE(commandOf(tracking), cmdmon::REQ_TRACKING);
    QCOMPARE(sequenceOf(tracking), 0x01020304u);
    QVERIFY(tracking.mid(12).count('\0') == tracking.size() - 12);
    const QByteArray ntp = encodeCmdmonRequest(cmdmon::REQ_NTP_DATA, 1, encodeCmdmonAddress(QHostAddress(u"::1"_s)), cmdmon::NTP_DATA_SIZE);
    QCOMPARE(ntp.size(), 28 + 144);
    QCOMPARE(quint8(ntp[20 + 15]), quint8(1));   // ::1
    QCOMPARE(qFromBigEndian<quint16>(ntp.constData() + 20 + 16), cmdmon::FAMILY_INET6);
    const QByteArray v4 = encodeCmdmonAddress(QHostAddress(u"127.0.0.4"_s));
    QCOMPARE(qFromBigEndian<quint32>(v4.constData()), 0x7f000004u);
    QCOMPARE(qFromBigEndian<quint16>(v4.constData() + 16), cmdmon::FAMILY_INET4);
}

void TstCmdmon::replyHeaderChecks_data()
{
    QTest::addColumn<QByteArray>("datagram");
    QTest::addColumn<QString>("error");
    const QByteArray good = replyDatagram(33, 5, 0, 7, trackingData());
    QByteArray version5 = good;
    version5[0] = 5;
    QByteArray request = good;
    request[1] = 1;
    QByteArray reserved = good;
    reserved[3] = 1;
    QTest::newRow("empty") << QByteArray() << u"shorter than the 28-byte header"_s;
    QTest::newRow("short header") << good.left(27) << u"shorter than the 28-byte header"_s;
    QTest::newRow("other version") << version5 << u"protocol version 5"_s;
    QTest::newRow("request type") << request << u"packet type 1"_s;
    QTest::newRow("reserved bytes") << reserved << u"reserved bytes"_s;
    QTest::newRow("oversized") << (good + QByteArray(1024, '\0')) << u"longer than any chronyd reply"_s;
    QTest::newRow("good") << good << QString();
}

void TstCmdmon::replyHeaderChecks()
{
    QFETCH(QByteArray, datagram);
    QFETCH(QString, error);
    const Result<CmdmonReply> reply = decodeCmdmonReply(datagram);
    if (error.isEmpty()) {
        QVERIFY2(reply, qPrintable(reply.errorMessage()));
        QCOMPARE(reply->command, 33);
        QCOMPARE(reply->replyCode, 5);
        QCOMPARE(reply->sequence, 7u);
        QCOMPARE(reply->data.size(), cmdmon::TRACKING_SIZE);
    } else {
        QVERIFY(!reply);
        QVERIFY2(reply.errorMessage().contains(error), qPrintable(reply.errorMessage()));
    }
}

void TstCmdmon::trackingDecodes()
{
    const Result<ChronydTracking> t = decodeTracking(trackingData());
    QVERIFY2(t, qPrintable(t.errorMessage()));
    QCOMPARE(t->referenceId, 0x7f00000bu);
    QCOMPARE(t->address.toString(), u"127.0.0.11"_s);
    QCOMPARE(t->stratum, 2);
    QCOMPARE(t->leapStatus, 0);
    QCOMPARE(t->referenceTime, QDateTime::fromMSecsSinceEpoch(1700000000500, Qt::UTC));
    QCOMPARE(t->currentCorrection, std::ldexp(1.0, -25));
    QCOMPARE(t->lastOffset, -3 * std::ldexp(1.0, -25));
    QCOMPARE(t->frequencyPpm, -4 * std::ldexp(1.0, -5));
    QCOMPARE(t->lastUpdateInterval, 2.0);
    const QJsonObject json = chronydSnapshotJson(ChronydSnapshot{u"fake"_s, *t, {}, true, {}, 0});
    QCOMPARE(json.value(u"tracking"_s).toObject().value(u"referenceId"_s).toString(), u"7F00000B"_s);
    // Chronoscope's sign in "lastOffset", chrony's in "chronyLastOffset".
    QCOMPARE(json.value(u"tracking"_s).toObject().value(u"lastOffset"_s).toDouble(), 3 * std::ldexp(1.0, -25));
    QCOMPARE(json.value(u"tracking"_s).toObject().value(u"chronyLastOffset"_s).toDouble(), -3 * std::ldexp(1.0, -25));
}

void TstCmdmon::truncatedRepliesAreRefused_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<int>("size");
    QTest::newRow("n_sources") << 0 << cmdmon::N_SOURCES_SIZE;
    QTest::newRow("source data") << 1 << cmdmon::SOURCE_DATA_SIZE;
    QTest::newRow("tracking") << 2 << cmdmon::TRACKING_SIZE;
    QTest::newRow("sourcestats") << 3 << cmdmon::SOURCESTATS_SIZE;
    QTest::newRow("selectdata") << 4 << cmdmon::SELECT_DATA_SIZE;
    QTest::newRow("ntpdata") << 5 << cmdmon::NTP_DATA_MIN_SIZE;
    QTest::newRow("authdata") << 6 << cmdmon::AUTH_DATA_SIZE;
    QTest::newRow("source name") << 7 << cmdmon::SOURCE_NAME_SIZE;
}

void TstCmdmon::truncatedRepliesAreRefused()
{
    QFETCH(int, which);
    QFETCH(int, size);
    // One byte short of every report: refused, naming the size; never a read past the end.
    const QByteArray data(size - 1, '\0');
    QString error;
    switch (which) {
    case 0: error = decodeSourceCount(data).errorMessage(); break;
    case 1: error = decodeSourceData(data).errorMessage(); break;
    case 2: error = decodeTracking(data).errorMessage(); break;
    case 3: error = decodeSourceStats(data).errorMessage(); break;
    case 4: error = decodeSelectData(data).errorMessage(); break;
    case 5: error = decodeNtpData(data).errorMessage(); break;
    case 6: error = decodeAuthData(data).errorMessage(); break;
    case 7: error = decodeSourceName(data).errorMessage(); break;
    }
    QVERIFY2(error.contains(u"has %1 data bytes; it needs %2"_s.arg(size - 1).arg(size)), qPrintable(error));
}

void TstCmdmon::outOfRangeFieldsAreRefused_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("which");
    QTest::addColumn<QString>("error");
    QByteArray unknownState = sourceData(0x7f000001, 6);
    QTest::newRow("state 6") << unknownState << 1 << u"state is 6, outside 0..5"_s;
    QByteArray badFamily = sourceData(0x7f000001, 0);
    qToBigEndian<quint16>(9, badFamily.data() + 16);
    QTest::newRow("family 9") << badFamily << 1 << u"address family 9"_s;
    QByteArray reach = sourceData(0x7f000001, 0, 0x100);
    QTest::newRow("reachability 256") << reach << 1 << u"reachability is 256"_s;
    QByteArray negativeError = sourceData(0x7f000001, 0);
    Bytes neg;
    neg.real(-1, 0);
    negativeError.replace(44, 4, neg.data);
    QTest::newRow("negative error") << negativeError << 1 << u"latest_meas_err"_s;
    QByteArray stratum = sourceData(0x7f000001, 0);
    qToBigEndian<quint16>(17, stratum.data() + 22);
    QTest::newRow("stratum 17") << stratum << 1 << u"stratum is 17"_s;
    QByteArray nanoseconds = trackingData();
    qToBigEndian<quint32>(1000000000, nanoseconds.data() + 36);
    QTest::newRow("nanoseconds") << nanoseconds << 2 << u"1000000000 nanoseconds"_s;
    QByteArray farFuture = trackingData();
    qToBigEndian<quint32>(0x80000000, farFuture.data() + 28);   // found by fuzz_cmdmon
    QTest::newRow("seconds beyond 9999") << farFuture << 2 << u"past the year 9999"_s;
    QByteArray leap = trackingData();
    qToBigEndian<quint16>(4, leap.data() + 26);
    QTest::newRow("leap 4") << leap << 2 << u"leap_status is 4"_s;
    QTest::newRow("too many sources") << Bytes().u32(5000).data << 0 << u"5000 sources"_s;
    Bytes stats;
    stats.u32(1).ipv4(0x7f000001).u32(65).u32(3).u32(100);
    for (int i = 0; i < 5; ++i)
        stats.real(1, 0);
    QTest::newRow("65 samples") << stats.data << 3 << u"n_samples is 65"_s;
    Bytes runs;
    runs.u32(1).ipv4(0x7f000001).u32(4).u32(5).u32(100);
    for (int i = 0; i < 5; ++i)
        runs.real(1, 0);
    QTest::newRow("runs > samples") << runs.data << 3 << u"n_runs 5 exceeds n_samples 4"_s;
    Bytes select;
    select.u32(1).ipv4(0x7f000001).u8(0x01).u8(0).u8(0).u8(0).u16(0).u16(0).u32(0).real(1, 0).real(1, 0).real(1, 0);
    QTest::newRow("unprintable state") << select.data << 4 << u"not a printable letter"_s;
    Bytes limits;
    limits.u32(1).ipv4(0x7f000001).u8('*').u8(0).u8(0).u8(0).u16(0).u16(0).u32(0).real(1, 0).real(2, 0).real(1, 0);
    QTest::newRow("lo > hi") << limits.data << 4 << u"lo_limit"_s;
    Bytes auth;
    auth.u16(3).u16(0).u32(0).u16(0).u16(0).u32(0).u16(0).u16(0).u16(0).u16(0);
    QTest::newRow("auth mode 3") << auth.data << 6 << u"mode is 3"_s;
    Bytes ntp;
    ntp.ipv4(0x7f000001).ipv4(0x7f000001).u16(123).u8(0).u8(4).u8(4).u8(1).u8(quint8(-4)).u8(quint8(-20));
    ntp.real(0, 0).real(0, 0).u32(0).timespec(0, 0, 0).real(0, 0).real(0, 0).real(0, 0).real(0, 0).real(0, 0);
    ntp.u16(0).u8('D').u8('Z').u32(1).u32(1).u32(1).u32(1);
    QTest::newRow("timestamp source Z") << ntp.data << 5 << u"timestamp sources"_s;
    QByteArray counters = ntp.data;
    counters[95] = 'K';
    qToBigEndian<quint32>(2, counters.data() + 108);   // good 2 > valid 1
    QTest::newRow("good > valid") << counters << 5 << u"counters"_s;
}

void TstCmdmon::outOfRangeFieldsAreRefused()
{
    QFETCH(QByteArray, data);
    QFETCH(int, which);
    QFETCH(QString, error);
    QString message;
    switch (which) {
    case 0: message = decodeSourceCount(data).errorMessage(); break;
    case 1: message = decodeSourceData(data).errorMessage(); break;
    case 2: message = decodeTracking(data).errorMessage(); break;
    case 3: message = decodeSourceStats(data).errorMessage(); break;
    case 4: message = decodeSelectData(data).errorMessage(); break;
    case 5: message = decodeNtpData(data).errorMessage(); break;
    case 6: message = decodeAuthData(data).errorMessage(); break;
    }
    QVERIFY2(message.contains(error), qPrintable(u"got: "_s + message));
}

void TstCmdmon::sourceNameChecks()
{
    QByteArray name(256, '\0');
    name.replace(0, 15, "ntp.example.org");
    QCOMPARE(decodeSourceName(name).value(), u"ntp.example.org"_s);
    QByteArray unterminated(256, 'a');
    QVERIFY(decodeSourceName(unterminated).errorMessage().contains(u"NUL-terminated"_s));
    QByteArray control = name;
    control[3] = '\n';
    QVERIFY(decodeSourceName(control).errorMessage().contains(u"not printable"_s));
}

void TstCmdmon::clientSkipsStaleRepliesAndChecksEchoes()
{
    FakeTransport transport;
    // A stale answer (another sequence) first, then the right one: the stale one is counted.
    transport.answer = [](quint16 command, quint32 sequence, const QByteArray &) {
        return QList<QByteArray>{replyDatagram(command, 5, 0, sequence + 1, trackingData()),
                                 replyDatagram(command, 5, 0, sequence, trackingData())};
    };
    ChronydClient client(transport, 200);
    QVERIFY(client.tracking());
    QCOMPARE(client.ignoredReplies(), 1);
    QCOMPARE(transport.requests.first().size(), 104);

    transport.queue.clear();
    transport.answer = [](quint16, quint32 sequence, const QByteArray &) {
        return QList<QByteArray>{replyDatagram(cmdmon::REQ_N_SOURCES, 5, 0, sequence, trackingData())};
    };
    QVERIFY(client.tracking().errorMessage().contains(u"answered command 14"_s));

    transport.queue.clear();
    transport.answer = [](quint16 command, quint32 sequence, const QByteArray &) {
        return QList<QByteArray>{replyDatagram(command, cmdmon::RPY_SOURCESTATS, 0, sequence, trackingData())};
    };
    QVERIFY(client.tracking().errorMessage().contains(u"reply type 6"_s));

    transport.queue.clear();
    transport.answer = [](quint16 command, quint32 sequence, const QByteArray &) {
        return QList<QByteArray>{replyDatagram(command, 5, 0, sequence, trackingData().left(40))};
    };
    QVERIFY(client.tracking().errorMessage().contains(u"tracking reply has 40 data bytes"_s));

    // No answer at all: a timeout after every attempt, resent with the attempt counter.
    transport.queue.clear();
    transport.requests.clear();
    transport.answer = [](quint16, quint32, const QByteArray &) { return QList<QByteArray>{}; };
    ChronydClient retrying(transport, 50, 3);
    QVERIFY(retrying.tracking().errorMessage().contains(u"no reply"_s));
    QCOMPARE(transport.requests.size(), 3);
    QCOMPARE(qFromBigEndian<quint16>(transport.requests.last().constData() + 6), quint16(2));
}

void TstCmdmon::clientSnapshotFromFake()
{
    FakeTransport transport;
    transport.answer = [](quint16 command, quint32 sequence, const QByteArray &request) {
        const quint32 index = request.size() >= 24 ? qFromBigEndian<quint32>(request.constData() + 20) : 0;
        const quint32 address = index == 0 ? 0x7f00000b : 0x7f00000e;
        switch (command) {
        case cmdmon::REQ_TRACKING: return QList<QByteArray>{replyDatagram(command, 5, 0, sequence, trackingData())};
        case cmdmon::REQ_N_SOURCES: return QList<QByteArray>{replyDatagram(command, 2, 0, sequence, Bytes().u32(2).data)};
        case cmdmon::REQ_SOURCE_DATA:
            return QList<QByteArray>{replyDatagram(command, 3, 0, sequence, sourceData(address, index == 0 ? 0 : 2))};
        default:
            // sourcestats, selectdata, ntpdata, authdata, name: "no such source" keeps it short.
            return QList<QByteArray>{replyDatagram(command, 1, cmdmon::STT_NOSUCHSOURCE, sequence, {})};
        }
    };
    ChronydClient client(transport, 200);
    const Result<ChronydSnapshot> snapshot = client.snapshot();
    QVERIFY2(snapshot, qPrintable(snapshot.errorMessage()));
    QCOMPARE(snapshot->sources.size(), 2);
    QCOMPARE(snapshot->sources[0].source.state, ChronydSourceState::Selected);
    QCOMPARE(snapshot->sources[1].source.state, ChronydSourceState::Falseticker);
    QVERIFY(!snapshot->sources[0].stats);
    QVERIFY(snapshot->warnings.join(u'\n').contains(u"no such source"_s));
    const QJsonObject json = chronydSnapshotJson(*snapshot);
    QCOMPARE(json.value(u"selectedSource"_s).toString(), u"127.0.0.11"_s);
    const QJsonArray sources = json.value(u"sources"_s).toArray();
    QCOMPARE(sources.at(1).toObject().value(u"state"_s).toString(), u"falseticker"_s);
    QCOMPARE(sources.at(1).toObject().value(u"stateSymbol"_s).toString(), u"x"_s);
    // latest_meas −5 × 2^−25 in chrony's sign is +5 × 2^−25 in Chronoscope's.
    QCOMPARE(sources.at(0).toObject().value(u"offset"_s).toDouble(), 5 * std::ldexp(1.0, -25));
}

void TstCmdmon::clientReportsStatusAndUnsupportedSelectData()
{
    FakeTransport transport;
    transport.answer = [](quint16 command, quint32 sequence, const QByteArray &) {
        if (command == cmdmon::REQ_TRACKING)
            return QList<QByteArray>{replyDatagram(command, 1, cmdmon::STT_BADPKTLENGTH, sequence, {})};
        if (command == cmdmon::REQ_SELECT_DATA)
            return QList<QByteArray>{replyDatagram(command, 1, cmdmon::STT_INVALID, sequence, {})};
        return QList<QByteArray>{replyDatagram(command, 1, cmdmon::STT_UNAUTH, sequence, {})};
    };
    ChronydClient client(transport, 200);
    QVERIFY(client.tracking().errorMessage().contains(u"refused the request length"_s));
    QVERIFY(client.selectData(0).errorMessage().contains(u"not supported by this chronyd"_s));
    QCOMPARE(client.lastStatus(), cmdmon::STT_INVALID);
    QVERIFY(client.reloadSources().errorMessage().contains(u"not authorised"_s));
}

void TstCmdmon::socketChecks()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Missing.
    const QString missing = dir.filePath(u"none.sock"_s);
    QVERIFY(UnixCmdmonTransport::open(missing).errorMessage().contains(u"is chronyd running"_s));
    // A regular file.
    QFile file(dir.filePath(u"file.sock"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QVERIFY(UnixCmdmonTransport::open(file.fileName()).errorMessage().contains(u"not a socket"_s));
    // Dead: bound, then closed (the file stays, nobody listens).
    const QString dead = dir.filePath(u"dead.sock"_s);
    {
        const int fd = ::socket(AF_UNIX, SOCK_DGRAM, 0);
        sockaddr_un address {};
        address.sun_family = AF_UNIX;
        std::memcpy(address.sun_path, QFile::encodeName(dead).constData(), size_t(dead.size()));
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)), 0);
        ::close(fd);
    }
    QVERIFY2(UnixCmdmonTransport::open(dead).errorMessage().contains(u"dead socket"_s), qPrintable(UnixCmdmonTransport::open(dead).errorMessage()));
    // A symbolic link to a live socket: refused before anything is sent.
    const QString live = dir.filePath(u"live.sock"_s);
    FakeChronydSocket fake(live, [](const QByteArray &) { return QByteArray(); });
    QVERIFY(fake.ok());
    const QString link = dir.filePath(u"link.sock"_s);
    QVERIFY(QFile::link(live, link));
    QVERIFY(UnixCmdmonTransport::open(link).errorMessage().contains(u"symbolic link"_s));
    // A stream socket (a foreign service).
    const QString stream = dir.filePath(u"stream.sock"_s);
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, QFile::encodeName(stream).constData(), size_t(stream.size()));
    QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)), 0);
    QCOMPARE(::listen(fd, 1), 0);
    QVERIFY(UnixCmdmonTransport::open(stream).errorMessage().contains(u"stream socket"_s));
    ::close(fd);
    // Owned by another user (only root can make one here).
    if (::geteuid() == 0) {
        QCOMPARE(::chown(QFile::encodeName(live).constData(), 65534, 65534), 0);
        QVERIFY(UnixCmdmonTransport::open(live).errorMessage().contains(u"user id 65534"_s));
        QCOMPARE(::chown(QFile::encodeName(live).constData(), 0, 0), 0);
    }
    // A path too long for sockaddr_un.
    QVERIFY(UnixCmdmonTransport::open(u"/tmp/"_s + QString(200, u'a')).errorMessage().contains(u"longer than"_s));
    // A socket in a directory every user may write to (without the sticky bit).
    QVERIFY(QFile::setPermissions(dir.path(), QFile::Permissions(0x7777)));
    QVERIFY(UnixCmdmonTransport::open(live).errorMessage().contains(u"every user may write"_s));
}

void TstCmdmon::fakeChronydOverUnixSocket()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"chronyd.sock"_s);
    // A daemon of protocol version 5: named as such.
    {
        FakeChronydSocket old(path, [](const QByteArray &request) {
            QByteArray reply = replyDatagram(commandOf(request), 5, 0, sequenceOf(request), trackingData());
            reply[0] = 5;
            return reply;
        });
        QVERIFY(old.ok());
        auto transport = UnixCmdmonTransport::open(path);
        QVERIFY2(transport, qPrintable(transport.errorMessage()));
        ChronydClient client(*transport.value(), 300);
        QVERIFY2(client.tracking().errorMessage().contains(u"protocol version 5"_s), qPrintable(client.tracking().errorMessage()));
        QFile::remove(path);
    }
    // A foreign datagram service that answers garbage, and one that never answers.
    {
        FakeChronydSocket garbage(path, [](const QByteArray &) { return QByteArray("HTTP/1.1 400 Bad Request\r\n"); });
        auto transport = UnixCmdmonTransport::open(path);
        QVERIFY(transport);
        ChronydClient client(*transport.value(), 300);
        QVERIFY(!client.tracking());
        QFile::remove(path);
    }
    {
        FakeChronydSocket silent(path, [](const QByteArray &) { return QByteArray(); });
        auto transport = UnixCmdmonTransport::open(path);
        QVERIFY(transport);
        ChronydClient client(*transport.value(), 100);
        QVERIFY(client.tracking().errorMessage().contains(u"no reply"_s));
        QFile::remove(path);
    }
    // A correct one: the reply comes back to the client's private socket, which is removed after.
    {
        FakeChronydSocket good(path, [](const QByteArray &request) {
            return replyDatagram(commandOf(request), 5, 0, sequenceOf(request), trackingData());
        });
        auto transport = UnixCmdmonTransport::open(path);
        QVERIFY(transport);
        ChronydClient client(*transport.value(), 300);
        const Result<ChronydTracking> tracking = client.tracking();
        QVERIFY2(tracking, qPrintable(tracking.errorMessage()));
        QCOMPARE(tracking->stratum, 2);
    }
}

void TstCmdmon::stateWords()
{
    ChronydSourceView view;
    view.source.state = ChronydSourceState::NonSelectable;
    view.source.reachability = 0;
    QCOMPARE(chronydStateWords(view), u"unreachable"_s);
    view.source.reachability = 1;
    QCOMPARE(chronydStateWords(view), u"not selectable"_s);
    view.selection = ChronydSelectData {};
    view.selection->stateCode = 'M';
    QCOMPARE(chronydStateWords(view), u"not selectable (has too few samples yet)"_s);
    view.source.state = ChronydSourceState::Jittery;
    QCOMPARE(chronydStateWords(view), u"too variable"_s);
    QCOMPARE(chronydStateSymbol(ChronydSourceState::Combined), '+');
    QCOMPARE(chronydStateSymbol(ChronydSourceState::NotCombined), '-');
    QCOMPARE(chronydLeapWords(3), u"not synchronised"_s);
}

QTEST_GUILESS_MAIN(TstCmdmon)
#include "tst_cmdmon.moc"

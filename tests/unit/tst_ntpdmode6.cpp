// SPDX-License-Identifier: GPL-3.0-or-later
// ntpd / ntpsec over mode 6 (core/sysservice): fragment reassembly and its bounds, the READVAR
// variable list, the peer status word in the chronyd view's words, and the client against a
// scripted in-process ntpd (replies shaped like ntpsec 1.2.2's, including the stray bytes it
// puts into its filter variables) — out-of-order, late, foreign, truncated, overlapping,
// oversized and error responses. The CLI's loopback endpoint parser too.
#include <QJsonArray>
#include <QTest>
#include <QUdpSocket>
#include <QtEndian>

#include <deque>
#include <functional>

#include "app/cli/systemoptions.h"
#include "core/diagnostics/controlmessage.h"
#include "core/sysservice/mode6reassembly.h"
#include "core/sysservice/mode6variables.h"
#include "core/sysservice/ntpdclient.h"
#include "core/sysservice/ntpdjson.h"
#include "core/sysservice/ntpdpeerstate.h"
#include "core/sysservice/systemservicereader.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::sysservice;
using chronoscope::Result;
using chronoscope::diagnostics::ControlReply;

namespace {

// What ntpsec 1.2.2 answered on loopback (lab: four chronyd servers, the last 2.5 s ahead).
const QByteArray SYSTEM_VARIABLES =
    "version=\"ntpd ntpsec-1.2.2\", processor=\"x86_64\", system=\"Linux/6.1\", leap=00, stratum=2, "
    "precision=-24, rootdelay=0.01, rootdisp=1.015, refid=10.123.0.21, "
    "reftime=eec01071.3484f153, tc=0, peer=17767, offset=-0.0015, frequency=12.345, sys_jitter=0.01143, "
    "clk_jitter=6e-05, clock=eec01072.ed4445c0, clk_wander=0.0, mintc=0";

QByteArray peerVariables(const QByteArray &address, const QByteArray &offsetMs, const QByteArray &reach)
{
    // ntpsec 1.2.2 really sends bytes like 0x10 and 0x01 in filtdelay/filtoffset/filtdisp.
    return "srcadr=" + address + ", srcport=123, srchost=\"" + address + "\", dstadr=127.0.0.1, dstport=123, leap=00, "
           "hmode=3, stratum=1, ppoll=0, hpoll=0, precision=-26, rootdelay=0.0, rootdisp=0.0, refid=GPS, "
           "reftime=eec01053.87a5d0c1, rec=eec01071.3484f153, xmt=eec01071.34848330, reach=" + reach + ", unreach=0, "
           "delay=0.010056, offset=" + offsetMs + ", jitter=0.000292, dispersion=0.02902, keyid=0, "
           "filtdelay =\x10\x01.\t0.01\t0.01, filtoffset =\x10\x01.\t0.01\t-0.00, pmode=4, "
           "filtdisp =!.\x01\x30q\t0.01, flash=00 ok, headway=0, ntscookies=-1";
}

QByteArray fragment(std::uint8_t opcode, std::uint16_t sequence, std::uint16_t association, int offset,
                    const QByteArray &data, bool more, std::uint16_t status = 0, bool error = false)
{
    QByteArray out(12, '\0');
    out[0] = char((2 << 3) | 6);
    out[1] = char(0x80 | (error ? 0x40 : 0) | (more ? 0x20 : 0) | opcode);
    qToBigEndian(sequence, out.data() + 2);
    qToBigEndian(status, out.data() + 4);
    qToBigEndian(association, out.data() + 6);
    qToBigEndian(std::uint16_t(offset), out.data() + 8);
    qToBigEndian(std::uint16_t(data.size()), out.data() + 10);
    out += data;
    while (out.size() % 4)
        out += '\0';
    return out;
}

// Splits `data` into fragments of at most `size` bytes (ntpd: 468).
QList<QByteArray> fragments(std::uint8_t opcode, std::uint16_t sequence, std::uint16_t association, const QByteArray &data,
                            int size = 468)
{
    QList<QByteArray> out;
    for (int offset = 0; offset < data.size() || out.isEmpty(); offset += size) {
        const QByteArray piece = data.mid(offset, size);
        out.append(fragment(opcode, sequence, association, offset, piece, offset + size < data.size()));
    }
    return out;
}

struct Request
{
    std::uint8_t opcode = 0;
    std::uint16_t sequence = 0;
    std::uint16_t association = 0;
};

// An ntpd in the test process: answers each request through `respond`, which returns the
// datagrams to deliver (in that order); receive() then times out.
class ScriptedNtpd final : public CmdmonTransport
{
public:
    std::function<QList<QByteArray>(const Request &)> respond;
    std::deque<QByteArray> pending;
    int requests = 0;

    Result<bool> send(QByteArrayView request) override
    {
        ++requests;
        if (request.size() != 12)
            return chronoscope::Error{u"request of %1 bytes"_s.arg(request.size())};
        Request r;
        r.opcode = std::uint8_t(request[1] & 0x1f);
        r.sequence = qFromBigEndian<std::uint16_t>(request.data() + 2);
        r.association = qFromBigEndian<std::uint16_t>(request.data() + 6);
        for (const QByteArray &datagram : respond(r))
            pending.push_back(datagram);
        return true;
    }
    Result<QByteArray> receive(int timeoutMs) override
    {
        if (pending.empty())
            return chronoscope::Error{u"no reply from scripted ntpd within %1 ms"_s.arg(timeoutMs)};
        const QByteArray next = pending.front();
        pending.pop_front();
        return next;
    }
    QString endpoint() const override { return u"127.0.0.1:123"_s; }
};

QByteArray associationList(const QList<QPair<std::uint16_t, std::uint16_t>> &entries)
{
    QByteArray out;
    for (const auto &[id, status] : entries) {
        char b[4];
        qToBigEndian(id, b);
        qToBigEndian(status, b + 2);
        out.append(b, 4);
    }
    return out;
}

// A well-behaved ntpd with three peers: sys.peer, candidate, falsetick.
QList<QByteArray> goodNtpd(const Request &r)
{
    if (r.opcode == 1)
        return fragments(1, r.sequence, 0, associationList({{17770, 0xb114}, {17767, 0xb61a}, {17768, 0xb414}}));
    switch (r.association) {
    case 0: return fragments(2, r.sequence, 0, SYSTEM_VARIABLES, 100);
    case 17767: return fragments(2, r.sequence, r.association, peerVariables("10.123.0.21", "-0.001536", "377"));
    case 17768: return fragments(2, r.sequence, r.association, peerVariables("10.123.0.22", "0.0035", "177"));
    case 17770: return fragments(2, r.sequence, r.association, peerVariables("10.123.0.24", "2501.728812", "377"), 200);
    default: return {fragment(2, r.sequence, r.association, 0, {}, false, 4 << 8, true)};
    }
}

ControlReply piece(int offset, const QByteArray &data, bool more)
{
    ControlReply reply;
    reply.offset = std::uint16_t(offset);
    reply.data = data;
    reply.more = more;
    return reply;
}

} // namespace

class TstNtpdMode6 : public QObject
{
    Q_OBJECT
private slots:
    void reassemblesInAnyOrder();
    void refusesOverlapsDuplicatesAndStrays_data();
    void refusesOverlapsDuplicatesAndStrays();
    void boundsFragmentsAndSize();
    void parsesVariables();
    void skipsStrayBytesAndBoundsVariables();
    void peerStatesInTheChronydWords_data();
    void peerStatesInTheChronydWords();
    void snapshotFromAScriptedNtpd();
    void lateAndForeignDatagramsAreSkipped();
    void truncatedFragmentSetIsIncomplete();
    void silentNtpdSaysWhy();
    void malformedAndErrorResponsesAreErrors_data();
    void malformedAndErrorResponsesAreErrors();
    void associationListBounds();
    void peerWithoutVariablesIsAWarning();
    void readingInTheSharedWords();
    void detectionEndsWithTimesyncd();
    void loopbackEndpoints_data();
    void loopbackEndpoints();
};

void TstNtpdMode6::reassemblesInAnyOrder()
{
    Mode6Reassembly a;
    QCOMPARE(*a.add(piece(4, "efgh", true)), false);
    QCOMPARE(*a.add(piece(8, "ij", false)), false);
    QCOMPARE(*a.add(piece(0, "abcd", true)), true);
    QVERIFY(a.isComplete());
    QCOMPARE(a.data(), QByteArray("abcdefghij"));
    QCOMPARE(a.fragmentCount(), 3);

    Mode6Reassembly empty;
    QCOMPARE(*empty.add(piece(0, {}, false)), true);
    QCOMPARE(empty.data(), QByteArray());
}

void TstNtpdMode6::refusesOverlapsDuplicatesAndStrays_data()
{
    QTest::addColumn<QList<ControlReply>>("pieces");
    QTest::addColumn<QString>("error");
    QTest::newRow("duplicate") << QList<ControlReply>{piece(0, "abcd", true), piece(0, "abcd", true)} << u"overlaps"_s;
    QTest::newRow("overlap after") << QList<ControlReply>{piece(4, "efgh", true), piece(2, "cdef", true)} << u"overlaps"_s;
    QTest::newRow("overlap before") << QList<ControlReply>{piece(0, "abcd", true), piece(3, "defg", true)} << u"overlaps"_s;
    QTest::newRow("beyond the end") << QList<ControlReply>{piece(4, "ef", false), piece(6, "gh", true)} << u"past the response end"_s;
    QTest::newRow("second final") << QList<ControlReply>{piece(4, "ef", false), piece(0, "abcd", false)} << u"second final"_s;
    QTest::newRow("final before data") << QList<ControlReply>{piece(8, "ij", true), piece(0, "ab", false)} << u"reaches beyond"_s;
    QTest::newRow("after complete") << QList<ControlReply>{piece(0, "ab", false), piece(2, "cd", false)} << u"after the response was complete"_s;
}

void TstNtpdMode6::refusesOverlapsDuplicatesAndStrays()
{
    QFETCH(QList<ControlReply>, pieces);
    QFETCH(QString, error);
    Mode6Reassembly r;
    QString last;
    for (const ControlReply &p : pieces) {
        const Result<bool> added = r.add(p);
        if (!added) {
            last = added.errorMessage();
            break;
        }
    }
    QVERIFY2(last.contains(error), qPrintable(last));
    QCOMPARE(r.isComplete(), QByteArray(QTest::currentDataTag()) == "after complete");
}

void TstNtpdMode6::boundsFragmentsAndSize()
{
    Mode6Reassembly many;
    QString error;
    for (int i = 0; i <= Mode6Reassembly::MAX_FRAGMENTS && error.isEmpty(); ++i) {
        const Result<bool> added = many.add(piece(i * 2, "ab", true));
        if (!added)
            error = added.errorMessage();
    }
    QVERIFY2(error.contains(u"more than 64 mode 6 fragments"_s), qPrintable(error));
    QCOMPARE(many.fragmentCount(), Mode6Reassembly::MAX_FRAGMENTS);

    Mode6Reassembly far;
    const Result<bool> beyond = far.add(piece(Mode6Reassembly::MAX_RESPONSE_BYTES - 2, "abcd", true));
    QVERIFY2(!beyond && beyond.errorMessage().contains(u"larger than 32768 bytes"_s), qPrintable(beyond.errorMessage()));
    QCOMPARE(far.fragmentCount(), 0);
}

void TstNtpdMode6::parsesVariables()
{
    const auto v = Mode6Variables::parse(SYSTEM_VARIABLES);
    QVERIFY2(v, qPrintable(v.errorMessage()));
    QCOMPARE(v->text(u"version"_s), u"ntpd ntpsec-1.2.2"_s);
    QCOMPARE(v->text(u"refid"_s), u"10.123.0.21"_s);
    QCOMPARE(*v->number(u"offset"_s), -0.0015);
    QCOMPARE(*v->unsignedValue(u"peer"_s), 17767u);
    QVERIFY(!v->number(u"version"_s));
    QVERIFY(!v->contains(u"missing"_s));
    QCOMPARE(v->skipped(), 0);

    const auto quoted = Mode6Variables::parse("a=\"x, y=1\", b=2, flag, c= 3 ");
    QVERIFY(quoted);
    QCOMPARE(quoted->text(u"a"_s), u"x, y=1"_s);
    QCOMPARE(quoted->text(u"b"_s), u"2"_s);
    QVERIFY(quoted->contains(u"flag"_s));
    QCOMPARE(quoted->text(u"c"_s), u"3"_s);
    QCOMPARE(*Mode6Variables::parse("reach=377")->unsignedValue(u"reach"_s, 8), 255u);
    QCOMPARE(*Mode6Variables::parse("reach=0xff")->unsignedValue(u"reach"_s, 16), 255u);
}

void TstNtpdMode6::skipsStrayBytesAndBoundsVariables()
{
    const auto v = Mode6Variables::parse(peerVariables("10.123.0.21", "-0.001536", "377"));
    QVERIFY2(v, qPrintable(v.errorMessage()));
    QCOMPARE(v->skipped(), 3);   // filtdelay, filtoffset, filtdisp
    QCOMPARE(v->text(u"srcadr"_s), u"10.123.0.21"_s);
    QCOMPARE(v->text(u"pmode"_s), u"4"_s);    // after the stray bytes, still read
    QCOMPARE(v->text(u"flash"_s), u"00 ok"_s);

    const auto unterminated = Mode6Variables::parse("a=1, version=\"ntpd");
    QVERIFY(!unterminated);
    QVERIFY2(unterminated.errorMessage().contains(u"unterminated quoted value of 'version' at position 13"_s),
             qPrintable(unterminated.errorMessage()));

    QByteArray many;
    for (int i = 0; i <= Mode6Variables::MAX_VARIABLES; ++i)
        many += "v" + QByteArray::number(i) + "=1,";
    const auto tooMany = Mode6Variables::parse(many);
    QVERIFY(!tooMany);
    QVERIFY2(tooMany.errorMessage().contains(u"more than 512 variables"_s), qPrintable(tooMany.errorMessage()));

    const auto longName = Mode6Variables::parse(QByteArray(65, 'n') + "=1, ok=2");
    QVERIFY(longName);
    QCOMPARE(longName->skipped(), 1);
    QCOMPARE(longName->text(u"ok"_s), u"2"_s);
}

void TstNtpdMode6::peerStatesInTheChronydWords_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("reach");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<QString>("ntpdName");
    QTest::newRow("reject, silent") << 0x8011 << 0 << u"unreachable"_s << u" "_s << u"reject"_s;
    QTest::newRow("reject, answering") << 0x9014 << 0377 << u"not selectable"_s << u" "_s << u"reject"_s;
    QTest::newRow("falsetick") << 0xb114 << 0377 << u"falseticker"_s << u"x"_s << u"falsetick"_s;
    QTest::newRow("excess") << 0x9214 << 0377 << u"not combined"_s << u"."_s << u"excess"_s;
    QTest::newRow("outlier") << 0x9314 << 0377 << u"not combined"_s << u"-"_s << u"outlier"_s;
    QTest::newRow("candidate") << 0xb414 << 0377 << u"combined"_s << u"+"_s << u"candidate"_s;
    QTest::newRow("backup") << 0x9514 << 0377 << u"not combined"_s << u"#"_s << u"backup"_s;
    QTest::newRow("sys.peer") << 0xb61a << 0377 << u"selected"_s << u"*"_s << u"sys.peer"_s;
    QTest::newRow("pps.peer") << 0x9714 << 0377 << u"selected"_s << u"o"_s << u"pps.peer"_s;
}

void TstNtpdMode6::peerStatesInTheChronydWords()
{
    QFETCH(int, status);
    QFETCH(int, reach);
    QFETCH(QString, state);
    QFETCH(QString, symbol);
    QFETCH(QString, ntpdName);
    const NtpdSelection selection = ntpdSelection(std::uint16_t(status));
    QCOMPARE(ntpdStateName(selection, std::uint32_t(reach)), state);
    QCOMPARE(QString(QChar::fromLatin1(ntpdTallyCode(selection))), symbol);
    QCOMPARE(ntpdSelectionName(selection), ntpdName);
    QVERIFY(ntpdStateWords(selection, std::uint32_t(reach)).startsWith(state));
    QVERIFY(ntpdPeerConfigured(std::uint16_t(status)));
}

void TstNtpdMode6::snapshotFromAScriptedNtpd()
{
    ScriptedNtpd ntpd;
    ntpd.respond = goodNtpd;
    NtpdClient client(ntpd, 100, 1);
    const Result<NtpdSnapshot> s = client.snapshot();
    QVERIFY2(s, qPrintable(s.errorMessage()));
    QCOMPARE(ntpd.requests, 5);   // system, READSTAT, three peers
    QCOMPARE(s->version, u"ntpd ntpsec-1.2.2"_s);
    QCOMPARE(s->stratum, 2);
    QCOMPARE(s->leap, 0);
    QCOMPARE(s->systemPeerId, std::uint16_t(17767));
    QCOMPARE(s->offset, -0.0015e-3);
    QCOMPARE(s->frequencyPpm, 12.345);
    QCOMPARE(s->peers.size(), 3);
    // Sorted by association id, as ntpq lists them.
    QCOMPARE(s->peers[0].associationId, std::uint16_t(17767));
    QCOMPARE(s->peers[0].address.toString(), u"10.123.0.21"_s);
    QCOMPARE(s->peers[0].reach, 0377u);
    QCOMPARE(s->peers[1].reach, 0177u);
    QCOMPARE(s->peers[2].offset, 2.501728812);   // ntpd's milliseconds, in seconds, same sign
    QCOMPARE(s->peers[0].referenceId, u"GPS"_s);
    QVERIFY(s->warnings.isEmpty());
    QCOMPARE(ntpdSelectedAddress(*s), u"10.123.0.21"_s);

    const QJsonObject json = ntpdSnapshotJson(*s);
    QCOMPARE(json.value(u"daemon"_s).toString(), u"ntpd"_s);
    QCOMPARE(json.value(u"selectedSource"_s).toString(), u"10.123.0.21"_s);
    const QJsonArray sources = json.value(u"sources"_s).toArray();
    QCOMPARE(sources.size(), 3);
    QCOMPARE(sources[2].toObject().value(u"state"_s).toString(), u"falseticker"_s);
    QCOMPARE(sources[2].toObject().value(u"stateSymbol"_s).toString(), u"x"_s);
    QCOMPARE(sources[1].toObject().value(u"state"_s).toString(), u"combined"_s);
}

void TstNtpdMode6::lateAndForeignDatagramsAreSkipped()
{
    ScriptedNtpd ntpd;
    ntpd.respond = [](const Request &r) {
        QList<QByteArray> out = goodNtpd(r);
        // A late answer to another request, one for another association, then the real ones
        // in reverse order.
        out.prepend(fragment(r.opcode, std::uint16_t(r.sequence + 1), r.association, 0, "x=1", false));
        out.prepend(fragment(r.opcode, r.sequence, std::uint16_t(r.association + 1), 0, "x=1", false));
        std::reverse(out.begin() + 2, out.end());
        return out;
    };
    NtpdClient client(ntpd, 100, 1);
    const Result<NtpdSnapshot> s = client.snapshot();
    QVERIFY2(s, qPrintable(s.errorMessage()));
    QCOMPARE(s->peers.size(), 3);
    QCOMPARE(s->ignoredReplies, 10);
    QCOMPARE(s->version, u"ntpd ntpsec-1.2.2"_s);
}

void TstNtpdMode6::truncatedFragmentSetIsIncomplete()
{
    ScriptedNtpd ntpd;
    ntpd.respond = [](const Request &r) {
        QList<QByteArray> out = goodNtpd(r);
        if (out.size() > 1)
            out.removeAt(1);   // a fragment lost in the middle
        return out;
    };
    NtpdClient client(ntpd, 100, 2);
    const Result<NtpdSnapshot> s = client.snapshot();
    QVERIFY(!s);
    QVERIFY2(s.errorMessage().contains(u"incomplete READVAR response from 127.0.0.1:123"_s), qPrintable(s.errorMessage()));
    QCOMPARE(ntpd.requests, 2);   // retried once, then gave up
}

void TstNtpdMode6::silentNtpdSaysWhy()
{
    // ntpd with `restrict ... noquery` does not answer mode 6 at all.
    ScriptedNtpd ntpd;
    ntpd.respond = [](const Request &) { return QList<QByteArray>{}; };
    NtpdClient client(ntpd, 100, 2);
    const Result<NtpdSnapshot> s = client.snapshot();
    QVERIFY(!s);
    QVERIFY2(s.errorMessage().contains(u"no reply from 127.0.0.1:123 to READVAR within 100 ms (is ntpd running, and do its "
                                        "restrict lines allow queries from this computer?)"_s),
             qPrintable(s.errorMessage()));
    QCOMPARE(ntpd.requests, 2);
}

void TstNtpdMode6::malformedAndErrorResponsesAreErrors_data()
{
    QTest::addColumn<QByteArray>("datagram");
    QTest::addColumn<QString>("error");
    QByteArray big = fragment(2, 0, 0, 0, QByteArray(468, 'a'), false);
    qToBigEndian(std::uint16_t(469), big.data() + 10);
    QTest::newRow("count over 468") << big << u"count 469 exceeds"_s;
    QTest::newRow("short") << QByteArray(8, '\x16') << u"shorter than the 12-byte header"_s;
    QTest::newRow("overlap") << QByteArray("overlap") << u"overlaps"_s;
    QTest::newRow("permission") << fragment(2, 0, 0, 0, {}, false, 2 << 8, true) << u"ntpd refused READVAR: permission denied"_s;
}

void TstNtpdMode6::malformedAndErrorResponsesAreErrors()
{
    QFETCH(QByteArray, datagram);
    QFETCH(QString, error);
    ScriptedNtpd ntpd;
    ntpd.respond = [&](const Request &r) -> QList<QByteArray> {
        if (datagram == "overlap")
            return {fragment(2, r.sequence, 0, 0, "abcdef", true), fragment(2, r.sequence, 0, 4, "efgh", false)};
        QByteArray d = datagram;
        if (d.size() >= 4)
            qToBigEndian(r.sequence, d.data() + 2);
        return {d};
    };
    NtpdClient client(ntpd, 100, 1);
    const Result<NtpdSnapshot> s = client.snapshot();
    QVERIFY(!s);
    QVERIFY2(s.errorMessage().contains(error), qPrintable(s.errorMessage()));
}

void TstNtpdMode6::associationListBounds()
{
    ScriptedNtpd ntpd;
    QByteArray list;
    ntpd.respond = [&](const Request &r) { return fragments(1, r.sequence, 0, list); };
    NtpdClient client(ntpd, 100, 1);
    list = "abc";
    QVERIFY2(client.associations().errorMessage().contains(u"3 bytes is not a list of 4-byte entries"_s),
             qPrintable(client.associations().errorMessage()));
    list = QByteArray(4 * 257, '\x01');
    QVERIFY2(client.associations().errorMessage().contains(u"257 associations (limit 256)"_s),
             qPrintable(client.associations().errorMessage()));
    list = associationList({{0, 0x8011}});
    QVERIFY2(client.associations().errorMessage().contains(u"association id 0"_s), qPrintable(client.associations().errorMessage()));
    list = associationList({{5, 0x8011}, {3, 0x9614}});
    const auto ok = client.associations();
    QVERIFY(ok);
    QCOMPARE(ok->size(), 2);
    QCOMPARE(ok->first().first, std::uint16_t(3));
}

void TstNtpdMode6::peerWithoutVariablesIsAWarning()
{
    ScriptedNtpd ntpd;
    ntpd.respond = [](const Request &r) -> QList<QByteArray> {
        if (r.opcode == 1)
            return fragments(1, r.sequence, 0, associationList({{17767, 0xb61a}, {99, 0x8011}}));
        return goodNtpd(r);   // association 99: "unknown association"
    };
    NtpdClient client(ntpd, 100, 1);
    const Result<NtpdSnapshot> s = client.snapshot();
    QVERIFY2(s, qPrintable(s.errorMessage()));
    QCOMPARE(s->peers.size(), 2);
    QVERIFY(!s->peers[0].variablesRead);
    QCOMPARE(s->peers[0].associationId, std::uint16_t(99));
    QCOMPARE(s->warnings.size(), 1);
    QVERIFY2(s->warnings.first().contains(u"association 99: ntpd refused READVAR: unknown association"_s), qPrintable(s->warnings.first()));
}

void TstNtpdMode6::readingInTheSharedWords()
{
    ScriptedNtpd ntpd;
    ntpd.respond = goodNtpd;
    NtpdClient client(ntpd, 100, 1);
    const Result<NtpdSnapshot> s = client.snapshot();
    QVERIFY(s);
    const SystemServiceReading r = readingFromNtpd(*s);
    QVERIFY(r.ok());
    QCOMPARE(r.daemon, u"ntpd"_s);
    QCOMPARE(r.selectedAddress, u"10.123.0.21"_s);
    QCOMPARE(r.sources.size(), 3);
    QCOMPARE(r.sources[2].state, u"falseticker"_s);
    QCOMPARE(*r.sources[2].offset, 2.501728812);
    QCOMPARE(*r.frequencyPpm, 12.345);
    QCOMPARE(r.leapWords, u"normal"_s);
}

void TstNtpdMode6::detectionEndsWithTimesyncd()
{
    // No chronyd socket, nothing on the command port or the ntpd port: timesyncd is asked last,
    // and when it is not running either the error names all three.
    SystemServiceReaderOptions options;
    options.chronydSocket = u"/nonexistent/chronyd.sock"_s;
    QUdpSocket closed;
    QVERIFY(closed.bind(QHostAddress(QHostAddress::LocalHost), 0));
    const quint16 port = closed.localPort();
    closed.close();
    options.chronydPort = port;
    options.ntpdPort = port;
    int asked = 0;
    options.readTimesyncd = [&asked] {
        ++asked;
        SystemServiceReading r;
        r.daemon = u"systemd-timesyncd"_s;
        r.error = u"systemd-timesyncd is not running (org.freedesktop.timesync1 has no owner on the bus)"_s;
        return r;
    };
    const SystemServiceReading none = readSystemService(options);
    QCOMPARE(asked, 1);
    QVERIFY(!none.ok());
    QVERIFY(none.daemon.isEmpty());
    QVERIFY2(none.error.contains(u"chronyd: no chronyd command socket at /nonexistent/chronyd.sock"_s)
                 // a closed loopback port is refused at once, not waited for (refusedByPeer)
                 && none.error.contains(u"ntpd: nothing listens on 127.0.0.1:%1"_s.arg(port))
                 && none.error.contains(u"nothing listens on [::1]:%1"_s.arg(port))
                 && none.error.contains(u"systemd-timesyncd: systemd-timesyncd is not running"_s),
             qPrintable(none.error));

    options.readTimesyncd = [] {
        SystemServiceReading r;
        r.daemon = u"systemd-timesyncd"_s;
        r.selectedAddress = u"192.0.2.123"_s;
        return r;
    };
    const SystemServiceReading timesyncd = readSystemService(options);
    QVERIFY(timesyncd.ok());
    QCOMPARE(timesyncd.daemon, u"systemd-timesyncd"_s);
}

void TstNtpdMode6::loopbackEndpoints_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("error");
    QTest::newRow("ipv4") << u"127.0.0.1"_s << u"127.0.0.1"_s << 123 << QString();
    QTest::newRow("ipv4 port") << u"127.0.0.5:1123"_s << u"127.0.0.5"_s << 1123 << QString();
    QTest::newRow("ipv6") << u"::1"_s << u"::1"_s << 123 << QString();
    QTest::newRow("ipv6 port") << u"[::1]:1123"_s << u"::1"_s << 1123 << QString();
    QTest::newRow("localhost") << u"localhost"_s << u"127.0.0.1"_s << 123 << QString();
    QTest::newRow("remote") << u"192.0.2.1"_s << QString() << 0 << u"192.0.2.1 is not a loopback address"_s;
    QTest::newRow("name") << u"ntp.example.org"_s << QString() << 0 << u"'ntp.example.org' is not an IP address"_s;
    QTest::newRow("bad port") << u"127.0.0.1:0"_s << QString() << 0 << u"port '0' in '127.0.0.1:0'"_s;
    QTest::newRow("empty port") << u"[::1]:"_s << QString() << 0 << u"empty port"_s;
    QTest::newRow("bracket") << u"[::1"_s << QString() << 0 << u"no closing ']'"_s;
}

void TstNtpdMode6::loopbackEndpoints()
{
    QFETCH(QString, text);
    QFETCH(QString, address);
    QFETCH(int, port);
    QFETCH(QString, error);
    const auto endpoint = chronoscope::cli::parseLoopbackEndpoint(text, 123);
    if (error.isEmpty()) {
        QVERIFY2(endpoint, qPrintable(endpoint.errorMessage()));
        QCOMPARE(endpoint->first.toString(), address);
        QCOMPARE(int(endpoint->second), port);
    } else {
        QVERIFY(!endpoint);
        QVERIFY2(endpoint.errorMessage().contains(error), qPrintable(endpoint.errorMessage()));
    }
}

QTEST_GUILESS_MAIN(TstNtpdMode6)
#include "tst_ntpdmode6.moc"

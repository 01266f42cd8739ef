// SPDX-License-Identifier: GPL-3.0-or-later
// The exposure probe on loopback: a real chronyd (answers neither mode 6 nor mode 7), an
// in-process fake ntpd answering monlist with many datagrams and READVAR in fragments (the
// amplification factor must come out exactly), malformed and error replies, a closed port, a
// name that does not resolve. Every probe must send exactly one request of each kind.
#include <memory>

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include "core/diagnostics/controlmessage.h"
#include "core/diagnostics/exposureprobe.h"
#include "core/diagnostics/privatemessage.h"
#include "tests/fakes/fakecontrolserver.h"
#include "tests/interop/chronydinstance.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::diagnostics;
using chronoscope::testing::ChronydInstance;
using chronoscope::testing::FakeControlServer;

namespace {

constexpr double WINDOW = 0.5; // seconds; loopback replies arrive within microseconds

QString endpoint(const QHostAddress &address, quint16 port)
{
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol ? u"["_s + address.toString() + u"]"_s
                                                                              : address.toString();
    return host + u':' + QString::number(port);
}

// Probes `target` and waits for the report (the caller's event loop keeps fakes answering).
ExposureFindings probe(const QString &target, double window = WINDOW, double *elapsed = nullptr)
{
    ExposureProbe p;
    QSignalSpy spy(&p, &ExposureProbe::finished);
    const chronoscope::Result<chronoscope::engine::ServerSpec> spec = ExposureProbe::parseTarget(target);
    if (!spec) {
        qWarning("bad target %s: %s", qPrintable(target), qPrintable(spec.errorMessage()));
        return {};
    }
    QElapsedTimer timer;
    timer.start();
    if (!p.start(target, *spec, window) || !spy.wait(int(window * 1000) + 10000))
        return {};
    if (elapsed)
        *elapsed = double(timer.elapsed()) / 1000.0;
    return spy.first().first().value<ExposureFindings>();
}

qint64 totalSize(const QList<QByteArray> &datagrams)
{
    qint64 total = 0;
    for (const QByteArray &d : datagrams)
        total += d.size();
    return total;
}

int rejectedCount(const ProbeOutcome &o)
{
    int n = 0;
    for (const int count : o.rejected)
        n += count;
    return n;
}

} // namespace

class TstExposureProbe : public QObject
{
    Q_OBJECT

private slots:
    void chronydAnswersNeitherMode6NorMode7();
    void monlistAcrossManyDatagramsGivesExactFactor_data();
    void monlistAcrossManyDatagramsGivesExactFactor();
    void fragmentedReadVarAnswer();
    void malformedRepliesAreRejectedWithoutCrashing();
    void errorRepliesOnly();
    void closedPortIsRefusedQuickly();
    void unresolvableNameIsNotProbed();
    void ipv6Target();
    void oneProbeAtATime();
};

void TstExposureProbe::chronydAnswersNeitherMode6NorMode7()
{
    ChronydInstance chronyd;
    QVERIFY2(chronyd.start(), qPrintable(chronyd.errorString()));
    const ExposureFindings r = probe(chronyd.endpoint(), 1.0);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.address, u"127.0.0.1"_s);
    QCOMPARE(r.port, chronyd.port());
    QCOMPARE(r.verdict, ExposureVerdict::NoAnswer);
    for (const ProbeOutcome *o : {&r.mode6, &r.mode7}) {
        QVERIFY(!o->answered());
        QVERIFY(!o->refused);   // chronyd listens there; it just ignores modes 6 and 7
        QCOMPARE(o->datagrams, 0);
        QCOMPARE(o->replyBytes, 0);
        QCOMPARE(o->amplificationFactor(), 0.0);
    }
    QCOMPARE(r.mode6.requestBytes, CONTROL_HEADER_SIZE);
    QCOMPARE(r.mode7.requestBytes, PRIVATE_HEADER_SIZE);
    QVERIFY2(r.summary.contains(u"answered neither"_s), qPrintable(r.summary));
    QVERIFY2(chronyd.isRunning(), qPrintable(chronyd.log()));
}

void TstExposureProbe::monlistAcrossManyDatagramsGivesExactFactor_data()
{
    QTest::addColumn<int>("entries");
    QTest::addColumn<int>("datagrams");
    QTest::addColumn<qint64>("bytes");
    // ntpd packs 6 records of 72 bytes per datagram: 8 + 432 = 440 bytes.
    QTest::newRow("20 clients") << 20 << 4 << qint64(3 * 440 + 8 + 2 * 72);     // 1472 bytes: 184×
    QTest::newRow("600 clients") << 600 << 100 << qint64(100 * 440);             // the full list: 5500×
}

void TstExposureProbe::monlistAcrossManyDatagramsGivesExactFactor()
{
    QFETCH(int, entries);
    QFETCH(int, datagrams);
    QFETCH(qint64, bytes);
    FakeControlServer server;
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    const QList<QByteArray> reply = FakeControlServer::monlistReply(entries);
    QCOMPARE(reply.size(), datagrams);
    QCOMPARE(totalSize(reply), bytes);
    server.setPrivateReplies(reply);

    const ExposureFindings r = probe(endpoint(server.address(), server.port()));
    QCOMPARE(r.verdict, ExposureVerdict::AnswersMonlist);
    QCOMPARE(r.mode7.datagrams, datagrams);
    QCOMPARE(r.mode7.validReplies, datagrams);
    QCOMPARE(r.mode7.replyBytes, bytes);
    QCOMPARE(r.mode7.monlistEntries, entries);
    QVERIFY(r.mode7.complete);
    QCOMPARE(r.mode7.requestBytes, 8);
    QCOMPARE(r.mode7.amplificationFactor(), double(bytes) / 8.0);
    QVERIFY(!r.mode6.answered()); // the fake has no mode 6 replies configured
    QVERIFY2(r.summary.contains(u"CVE-2013-5211"_s), qPrintable(r.summary));
    QVERIFY(!r.advice.isEmpty());

    // Exactly one small request of each kind, nothing else.
    QCOMPARE(server.privateRequests().size(), 1);
    QCOMPARE(server.privateRequests().first(), encodeMonListRequest());
    QCOMPARE(server.controlRequests().size(), 1);
    QCOMPARE(server.controlRequests().first().size(), 12);
    QVERIFY(server.otherRequests().isEmpty());
    QCOMPARE(server.bytesSent(), bytes);
}

void TstExposureProbe::fragmentedReadVarAnswer()
{
    FakeControlServer server;
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    const QByteArray text = "version=\"ntpd 4.2.8p15@1.3728-o\", processor=\"x86_64\", system=\"Linux\", "
                            + QByteArray(900, 'v') + ", stratum=2";
    const QList<QByteArray> reply = FakeControlServer::readVarReply(text);
    QCOMPARE(reply.size(), 3);
    server.setControlReplies(reply);

    const ExposureFindings r = probe(endpoint(server.address(), server.port()));
    QCOMPARE(r.verdict, ExposureVerdict::AnswersMode6);
    QCOMPARE(r.mode6.datagrams, 3);
    QCOMPARE(r.mode6.validReplies, 3);
    QVERIFY(r.mode6.complete);
    QCOMPARE(r.mode6.dataBytes, text.size());
    QCOMPARE(r.mode6.replyBytes, totalSize(reply));
    QCOMPARE(r.mode6.amplificationFactor(), double(totalSize(reply)) / 12.0);
    QCOMPARE(r.mode6.serverVersion, u"ntpd 4.2.8p15@1.3728-o"_s);
    QVERIFY2(r.summary.contains(u"ntpd 4.2.8p15"_s), qPrintable(r.summary));
    // The sequence number the server echoed is the one the probe chose.
    QCOMPARE(server.controlRequests().size(), 1);
}

void TstExposureProbe::malformedRepliesAreRejectedWithoutCrashing()
{
    FakeControlServer server;
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    QByteArray countBeyond = FakeControlServer::readVarReply("abcd").first();
    countBeyond[11] = char(200); // count 200, 4 bytes present
    const QList<QByteArray> control{QByteArray("\x16"), QByteArray(40, '\xff'), countBeyond,
                                    FakeControlServer::monlistReply(1).first()};
    QByteArray mbz = FakeControlServer::monlistReply(1).first();
    mbz[6] = char(mbz[6] | 0x30);
    QByteArray overrun = FakeControlServer::monlistReply(6).first();
    overrun.chop(100);
    const QList<QByteArray> priv{QByteArray(3, '\x97'), mbz, overrun, QByteArray(60000, '\x97'),
                                 FakeControlServer::readVarReply("x").first()};
    server.setControlReplies(control, false);
    server.setPrivateReplies(priv);

    const ExposureFindings r = probe(endpoint(server.address(), server.port()));
    QCOMPARE(r.verdict, ExposureVerdict::NoAnswer);
    QCOMPARE(r.mode6.datagrams, control.size());
    QCOMPARE(r.mode7.datagrams, priv.size());
    QCOMPARE(r.mode6.validReplies, 0);
    QCOMPARE(r.mode7.validReplies, 0);
    QCOMPARE(rejectedCount(r.mode6), control.size());
    QCOMPARE(rejectedCount(r.mode7), priv.size());
    // The bytes still count: junk is what a reflector would send a victim too.
    QCOMPARE(r.mode6.replyBytes, totalSize(control));
    QCOMPARE(r.mode7.replyBytes, totalSize(priv));
    QVERIFY2(r.summary.contains(u"9 malformed or unrelated datagram(s) arrived and were ignored"_s), qPrintable(r.summary));
    QVERIFY(r.mode7.rejected.contains(u"must-be-zero bits are 3 in a mode 7 reply"_s));
    QVERIFY(r.mode6.rejected.contains(u"count 200 but only 4 data bytes in the datagram"_s));
}

void TstExposureProbe::errorRepliesOnly()
{
    FakeControlServer server;
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    server.setControlReplies({FakeControlServer::errorReply(6, 2)});
    server.setPrivateReplies({FakeControlServer::errorReply(7, 4)});
    const ExposureFindings r = probe(endpoint(server.address(), server.port()));
    QCOMPARE(r.verdict, ExposureVerdict::ErrorRepliesOnly);
    QCOMPARE(r.mode6.errorCode.value_or(-1), 2);
    QCOMPARE(r.mode7.errorCode.value_or(-1), 4);
    QCOMPARE(r.mode6.amplificationFactor(), 1.0);
    QCOMPARE(r.mode7.amplificationFactor(), 1.0);
}

void TstExposureProbe::closedPortIsRefusedQuickly()
{
    const quint16 port = ChronydInstance::freeUdpPort(QHostAddress(QHostAddress::LocalHost));
    QVERIFY(port != 0);
    double elapsed = 0;
    const ExposureFindings r = probe(endpoint(QHostAddress(QHostAddress::LocalHost), port), 5.0, &elapsed);
    QCOMPARE(r.verdict, ExposureVerdict::PortClosed);
    QVERIFY(r.mode6.refused);
    QVERIFY(r.mode7.refused);
    QVERIFY2(elapsed < 3.0, qPrintable(u"took %1 s: a refusal should end the probe early"_s.arg(elapsed)));
}

void TstExposureProbe::unresolvableNameIsNotProbed()
{
    // RFC 6761: names under .invalid never resolve; no server is contacted.
    const ExposureFindings r = probe(u"name.invalid"_s);
    QCOMPARE(r.verdict, ExposureVerdict::NotProbed);
    QVERIFY2(r.error.contains(u"could not resolve 'name.invalid'"_s), qPrintable(r.error));
    QVERIFY(r.address.isEmpty());
    QCOMPARE(r.mode6.requestBytes, 0);
    QCOMPARE(r.mode7.requestBytes, 0);
}

void TstExposureProbe::ipv6Target()
{
    FakeControlServer server(QHostAddress(QHostAddress::LocalHostIPv6));
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    server.setPrivateReplies(FakeControlServer::monlistReply(7));
    const ExposureFindings r = probe(endpoint(server.address(), server.port()));
    QCOMPARE(r.address, u"::1"_s);
    QCOMPARE(r.verdict, ExposureVerdict::AnswersMonlist);
    QCOMPARE(r.mode7.monlistEntries, 7);
    QCOMPARE(r.mode7.replyBytes, 440 + 8 + 72);
}

void TstExposureProbe::oneProbeAtATime()
{
    FakeControlServer server;
    QVERIFY2(server.isListening(), qPrintable(server.errorString()));
    ExposureProbe p;
    QSignalSpy spy(&p, &ExposureProbe::finished);
    const QString target = endpoint(server.address(), server.port());
    QVERIFY(p.start(target, *ExposureProbe::parseTarget(target), 0.2));
    QVERIFY(p.isRunning());
    QVERIFY(!p.start(target, *ExposureProbe::parseTarget(target), 0.2));
    QVERIFY(spy.wait(5000));
    QCOMPARE(spy.size(), 1);
    QVERIFY(!p.isRunning());
    QCOMPARE(server.controlRequests().size(), 1);
    QCOMPARE(server.privateRequests().size(), 1);
    // Reusable once finished.
    QVERIFY(p.start(target, *ExposureProbe::parseTarget(target), 0.2));
    QVERIFY(spy.wait(5000));
    QCOMPARE(spy.size(), 2);
}

QTEST_GUILESS_MAIN(TstExposureProbe)
#include "tst_exposureprobe.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// NTS-KE records (RFC 8915 §4): the record codec with its critical bit and limits, the client
// request, the client's rules for a server response (every record type; errors, warnings,
// unknown critical records, missing End of Message, absurd cookies), and the exporter context.
#include <QTest>

#include "core/nts/kemessage.h"
#include "core/nts/kerecord.h"
#include "core/nts/keyexport.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::nts;

Q_DECLARE_METATYPE(chronoscope::nts::NtsFailureKind)

namespace {

KeRecord record(KeRecordType type, bool critical, const QByteArray &body)
{
    return KeRecord{critical, std::uint16_t(type), body};
}

KeRecord endOfMessage() { return record(KeRecordType::EndOfMessage, true, {}); }
KeRecord nextProtocol() { return makeUint16Record(KeRecordType::NextProtocol, true, {0}); }
KeRecord aead(std::uint16_t id = 15) { return makeUint16Record(KeRecordType::AeadAlgorithm, true, {id}); }
KeRecord cookie(int size = 100, char fill = 'c') { return record(KeRecordType::NewCookie, false, QByteArray(size, fill)); }

QList<KeRecord> validResponse()
{
    QList<KeRecord> records{nextProtocol(), aead()};
    for (int i = 0; i < 8; ++i)
        records << cookie(100, char('a' + i));
    records << endOfMessage();
    return records;
}

QByteArray encodeAll(const QList<KeRecord> &records)
{
    QByteArray out;
    for (const KeRecord &r : records)
        out += encodeKeRecord(r);
    return out;
}

} // namespace

class TestNtsKeMessage : public QObject
{
    Q_OBJECT
private slots:
    void recordWireFormat()
    {
        const QByteArray bytes = encodeKeRecord(makeUint16Record(KeRecordType::AeadAlgorithm, true, {15, 17}));
        QCOMPARE(bytes.toHex(), QByteArray("800400040" "00f0011"));
        QCOMPARE(encodeKeRecord(record(KeRecordType::NewCookie, false, "ab")).toHex(), QByteArray("000500026162"));
        QCOMPARE(encodeKeRecord(endOfMessage()).toHex(), QByteArray("80000000"));
    }

    void requestIsNextProtocolAeadEnd()
    {
        // Next Protocol [0] critical, AEAD [15] critical, End of Message critical.
        QCOMPARE(buildKeRequest().toHex(), QByteArray("800100020000" "80040002000f" "80000000"));
        const KeRecordScan scan = scanKeRecords(buildKeRequest());
        QCOMPARE(scan.state, KeRecordScan::State::Complete);
        QCOMPARE(scan.records.size(), 3);
        QVERIFY(scan.records.at(0).critical);
    }

    void scanRoundTripsEveryRecordType()
    {
        const QList<KeRecord> records{nextProtocol(),
                                      aead(),
                                      record(KeRecordType::Warning, true, QByteArray::fromHex("0001")),
                                      record(KeRecordType::Error, true, QByteArray::fromHex("0002")),
                                      cookie(8),
                                      record(KeRecordType::NtpServer, false, "ntp.example"),
                                      makeUint16Record(KeRecordType::NtpPort, false, {1123}),
                                      record(KeRecordType(1024), false, {}),
                                      endOfMessage()};
        const KeRecordScan scan = scanKeRecords(encodeAll(records));
        QCOMPARE(scan.state, KeRecordScan::State::Complete);
        QCOMPARE(scan.records, records);
    }

    void scanWaitsForMissingBytes()
    {
        const QByteArray whole = encodeAll(validResponse());
        for (qsizetype cut : {qsizetype(0), qsizetype(3), qsizetype(7), whole.size() - 1}) {
            const KeRecordScan scan = scanKeRecords(QByteArrayView(whole).first(cut));
            QCOMPARE(scan.state, KeRecordScan::State::Incomplete);
        }
    }

    void scanRejectsOversizedInput()
    {
        // A body length above the limit is refused from the header alone, before any copy.
        QByteArray header = QByteArray::fromHex("0005ffff");
        KeRecordScan scan = scanKeRecords(header);
        QCOMPARE(scan.state, KeRecordScan::State::Invalid);
        QVERIFY2(scan.error.contains(u"65535"_s), qPrintable(scan.error));

        // More than MAX_KE_RECORDS records.
        QList<KeRecord> many;
        for (int i = 0; i <= MAX_KE_RECORDS; ++i)
            many << cookie(4);
        scan = scanKeRecords(encodeAll(many));
        QCOMPARE(scan.state, KeRecordScan::State::Invalid);

        // More than MAX_KE_MESSAGE_SIZE bytes in all.
        scan = scanKeRecords(QByteArray(MAX_KE_MESSAGE_SIZE + 1, '\0'));
        QCOMPARE(scan.state, KeRecordScan::State::Invalid);

        // Bytes after End of Message.
        scan = scanKeRecords(QByteArray(encodeAll(validResponse()) + "x"));
        QCOMPARE(scan.state, KeRecordScan::State::Invalid);
        QVERIFY(scan.error.contains(u"after End of Message"_s));
    }

    void validResponseNegotiates()
    {
        QList<KeRecord> records = validResponse();
        records.insert(2, record(KeRecordType::NtpServer, false, "127.0.0.1"));
        records.insert(3, makeUint16Record(KeRecordType::NtpPort, false, {11123}));
        records.insert(4, record(KeRecordType(0x1234), false, "ignored"));
        const KeResponseCheck check = checkKeResponse(records);
        QVERIFY2(check.response, qPrintable(check.failure.detail));
        QCOMPARE(check.response->aead, AEAD_AES_SIV_CMAC_256);
        QCOMPARE(check.response->cookies.size(), 8);
        QCOMPARE(check.response->cookies.first(), QByteArray(100, 'a'));
        QCOMPARE(check.response->ntpServer, u"127.0.0.1"_s);
        QCOMPARE(check.response->ntpPort, std::optional<quint16>(11123));
        QCOMPARE(check.response->ignoredRecords, 1);

        const KeResponseCheck plain = checkKeResponse(validResponse());
        QVERIFY(plain.response);
        QVERIFY(plain.response->ntpServer.isEmpty());
        QVERIFY(!plain.response->ntpPort);
    }

    void moreThanEightCookiesKeepsEight()
    {
        QList<KeRecord> records = validResponse();
        for (int i = 0; i < 20; ++i)
            records.insert(2, cookie(64));
        const KeResponseCheck check = checkKeResponse(records);
        QVERIFY(check.response);
        QCOMPARE(check.response->cookies.size(), MAX_COOKIES);
        QCOMPARE(check.response->ignoredCookies, 20);
    }

    void badResponses_data()
    {
        QTest::addColumn<QList<KeRecord>>("records");
        QTest::addColumn<NtsFailureKind>("kind");
        QTest::addColumn<QString>("detail");

        QList<KeRecord> r = validResponse();
        r.removeLast();
        QTest::newRow("no end of message") << r << NtsFailureKind::KeMalformed << u"End of Message"_s;
        r = validResponse();
        r.insert(1, record(KeRecordType::Error, true, QByteArray::fromHex("0001")));
        QTest::newRow("error record") << r << NtsFailureKind::KeServerError << u"Bad Request"_s;
        r = validResponse();
        r.insert(1, record(KeRecordType::Warning, true, QByteArray::fromHex("0007")));
        QTest::newRow("warning record") << r << NtsFailureKind::KeServerWarning << u"7"_s;
        r = validResponse();
        r.insert(1, record(KeRecordType(0x4000), true, {}));
        QTest::newRow("unknown critical") << r << NtsFailureKind::KeUnknownCritical << u"16384"_s;
        r = validResponse();
        r.removeFirst();
        QTest::newRow("no next protocol") << r << NtsFailureKind::KeNegotiation << u"Next Protocol"_s;
        r = validResponse();
        r[0] = makeUint16Record(KeRecordType::NextProtocol, true, {0x8001});
        QTest::newRow("foreign next protocol") << r << NtsFailureKind::KeNegotiation << u"NTPv4"_s;
        r = validResponse();
        r[0] = makeUint16Record(KeRecordType::NextProtocol, true, {0, 0});
        QTest::newRow("two next protocols") << r << NtsFailureKind::KeNegotiation << u"NTPv4"_s;
        r = validResponse();
        r.removeAt(1);
        QTest::newRow("no aead") << r << NtsFailureKind::KeNegotiation << u"AEAD"_s;
        r = validResponse();
        r[1] = aead(30);
        QTest::newRow("other aead") << r << NtsFailureKind::KeNegotiation << u"30"_s;
        r = validResponse();
        r[1] = record(KeRecordType::AeadAlgorithm, true, QByteArray(1, char(0)));
        QTest::newRow("odd aead body") << r << NtsFailureKind::KeNegotiation << u"AEAD"_s;
        r = {nextProtocol(), aead(), endOfMessage()};
        QTest::newRow("no cookies") << r << NtsFailureKind::KeNegotiation << u"no cookies"_s;
        r = validResponse();
        r.insert(2, cookie(0));
        QTest::newRow("empty cookie") << r << NtsFailureKind::KeMalformed << u"cookie of 0 bytes"_s;
        r = validResponse();
        r.insert(2, cookie(int(MAX_COOKIE_SIZE) + 4));
        QTest::newRow("huge cookie") << r << NtsFailureKind::KeMalformed << u"cookie of 260 bytes"_s;
        r = validResponse();
        r.insert(2, cookie(5));
        QTest::newRow("unaligned cookie") << r << NtsFailureKind::KeMalformed << u"cookie of 5 bytes"_s;
        r = validResponse();
        r.insert(2, record(KeRecordType::NtpServer, false, "bad host"));
        QTest::newRow("server with space") << r << NtsFailureKind::KeMalformed << u"printable"_s;
        r = validResponse();
        r.insert(2, record(KeRecordType::NtpServer, false, {}));
        QTest::newRow("empty server") << r << NtsFailureKind::KeMalformed << u"printable"_s;
        r = validResponse();
        r.insert(2, makeUint16Record(KeRecordType::NtpPort, false, {0}));
        QTest::newRow("port zero") << r << NtsFailureKind::KeMalformed << u"port"_s;
        r = validResponse();
        r.insert(2, record(KeRecordType::NtpPort, false, "abc"));
        QTest::newRow("port of 3 bytes") << r << NtsFailureKind::KeMalformed << u"port"_s;
        r = validResponse();
        r.insert(2, endOfMessage());
        QTest::newRow("early end") << r << NtsFailureKind::KeMalformed << u"before the last"_s;
    }

    void badResponses()
    {
        QFETCH(QList<KeRecord>, records);
        QFETCH(NtsFailureKind, kind);
        QFETCH(QString, detail);
        const KeResponseCheck check = checkKeResponse(records);
        QVERIFY(!check.response);
        QCOMPARE(check.failure.kind, kind);
        QVERIFY2(check.failure.detail.contains(detail), qPrintable(check.failure.detail));
    }

    void unknownNonCriticalIsIgnored()
    {
        QList<KeRecord> records = validResponse();
        records.insert(1, record(KeRecordType(1024), false, {}));
        QVERIFY(checkKeResponse(records).response);
    }

    void exporterContext()
    {
        // RFC 8915 §5.1: Next Protocol (0x0000) ‖ AEAD (0x000F) ‖ 0x00 (C2S) / 0x01 (S2C).
        QCOMPARE(keyExportContext(0, 15, KeyDirection::ClientToServer).toHex(), QByteArray("0000000f00"));
        QCOMPARE(keyExportContext(0, 15, KeyDirection::ServerToClient).toHex(), QByteArray("0000000f01"));
        QCOMPARE(keyExportContext(0x1234, 0xabcd, KeyDirection::ServerToClient).toHex(), QByteArray("1234abcd01"));
        QCOMPARE(QByteArray(NTS_EXPORTER_LABEL), QByteArray("EXPORTER-network-time-security"));
        QCOMPARE(NTS_EXPORTER_LABEL_LENGTH, 30);
    }

    void failureIdsAreDistinct()
    {
        QSet<QString> ids;
        for (int k = int(NtsFailureKind::None); k <= int(NtsFailureKind::MalformedFields); ++k) {
            const QString id = ntsFailureId(NtsFailureKind(k));
            QVERIFY(!ids.contains(id));
            ids.insert(id);
            QVERIFY(!ntsFailureText(NtsFailureKind(k)).isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestNtsKeMessage)
#include "tst_ntskemessage.moc"

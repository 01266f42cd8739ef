// SPDX-License-Identifier: GPL-3.0-or-later
// NtpTimestamp / NtpShort and the on-wire formulas of clockmath.h. Expected values are derived by
// hand from RFC 5905 §6/§8 and NTP-NOTES §1.1, §1.2 and §2.1; the derivations are in comments.
#include <QTest>

#include <cmath>
#include <limits>

#include "core/ntp/clockmath.h"
#include "core/ntp/ntptimestamp.h"
#include "tests/unit/checknear.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::ntp;

namespace {

// Unix time of the NTP era 1 start, 2036-02-07 06:28:16 UTC: 2^32 − 2 208 988 800 = 2 085 978 496.
constexpr qint64 ROLLOVER = 2085978496LL;
constexpr qint64 NOV_2023 = 1700000000LL; // a pivot in era 0 (2023-11-14)
} // namespace

class TstNtpTimestamp : public QObject
{
    Q_OBJECT

private slots:
    void constants();
    void fromUnixFields_data();
    void fromUnixFields();
    void unixRoundTrip_data();
    void unixRoundTrip();
    void fromUnixSeconds_data();
    void fromUnixSeconds();
    void fromSystemTime();
    void differenceAcrossRollover();
    void toUnixSecondsUnfolds_data();
    void toUnixSecondsUnfolds();
    void era_data();
    void era();
    void workedExample();
    void onWireAcrossRollover();
    void offsetRangeIsSixtyEightYears();
    void log2ToSeconds();
    void ntpShortToSeconds_data();
    void ntpShortToSeconds();
    void ntpShortNotesExample();
    void ntpShortFromSeconds_data();
    void ntpShortFromSeconds();
};

void TstNtpTimestamp::constants()
{
    QCOMPARE(NTP_UNIX_EPOCH_DELTA, std::int64_t(2208988800LL));
    QCOMPARE(NTP_ERA1_UNIX, std::int64_t(ROLLOVER));
    // chrony's JAN_1970 constant is the same number in hex.
    QCOMPARE(NtpTimestamp::fromUnix(0, 0).seconds(), 0x83AA7E80u);
    QVERIFY(NtpTimestamp().isZero());
    QVERIFY(!NtpTimestamp::fromParts(0, 1).isZero());
    QCOMPARE(NtpTimestamp::fromParts(0x12345678u, 0x9ABCDEF0u).raw(), 0x123456789ABCDEF0ULL);
    QCOMPARE(NtpTimestamp::fromParts(0x12345678u, 0x9ABCDEF0u).seconds(), 0x12345678u);
    QCOMPARE(NtpTimestamp::fromParts(0x12345678u, 0x9ABCDEF0u).fraction(), 0x9ABCDEF0u);
}

void TstNtpTimestamp::fromUnixFields_data()
{
    QTest::addColumn<qint64>("unixSeconds");
    QTest::addColumn<quint32>("nanoseconds");
    QTest::addColumn<quint32>("expectedSeconds");
    QTest::addColumn<quint32>("expectedFraction");

    // Fraction = floor(ns · 2^32 / 10^9).
    QTest::newRow("unix epoch") << qint64(0) << 0u << 2208988800u << 0u;
    QTest::newRow("half second") << qint64(0) << 500000000u << 2208988800u << 0x80000000u;
    // 1 ns · 4.294967296 = 4.29… → 4
    QTest::newRow("one nanosecond") << qint64(0) << 1u << 2208988800u << 4u;
    // 999 999 999 · 4.294967296 = 4 294 967 296 − 4.294967296 = 4 294 967 291.7… → 0xFFFFFFFB
    QTest::newRow("last nanosecond") << qint64(0) << 999999999u << 2208988800u << 0xFFFFFFFBu;
    // 1 700 000 000 + 2 208 988 800 = 3 908 988 800 (< 2^32, still era 0)
    QTest::newRow("2023") << NOV_2023 << 250000000u << 3908988800u << 0x40000000u;
    QTest::newRow("last second of era 0") << ROLLOVER - 1 << 0u << 0xFFFFFFFFu << 0u;
    // The era is not on the wire: the first second of era 1 folds to all-zero seconds.
    QTest::newRow("era 1 start") << ROLLOVER << 0u << 0u << 0u;
    QTest::newRow("one second into era 1") << ROLLOVER + 1 << 0u << 1u << 0u;
    // 2106-02-07: Unix 2^32 is NTP 2^32 + 2 208 988 800, folded: 2 208 988 800.
    QTest::newRow("unix 2^32") << (qint64(1) << 32) << 0u << 2208988800u << 0u;
    // Before the Unix epoch: 1900-01-01 is NTP 0.
    QTest::newRow("ntp prime epoch") << qint64(-2208988800LL) << 0u << 0u << 0u;
    QTest::newRow("one second before unix epoch") << qint64(-1) << 0u << 2208988799u << 0u;
}

void TstNtpTimestamp::fromUnixFields()
{
    QFETCH(qint64, unixSeconds);
    QFETCH(quint32, nanoseconds);
    QFETCH(quint32, expectedSeconds);
    QFETCH(quint32, expectedFraction);
    const NtpTimestamp ts = NtpTimestamp::fromUnix(unixSeconds, nanoseconds);
    QCOMPARE(ts.seconds(), expectedSeconds);
    QCOMPARE(ts.fraction(), expectedFraction);
    QCOMPARE(ts.raw(), (quint64(expectedSeconds) << 32) | expectedFraction);
}

void TstNtpTimestamp::unixRoundTrip_data()
{
    QTest::addColumn<qint64>("unixSeconds");
    QTest::addColumn<quint32>("nanoseconds");
    QTest::addColumn<qint64>("pivot");

    QTest::newRow("epoch, pivot 1970") << qint64(0) << 0u << qint64(0);
    QTest::newRow("epoch, pivot 2023") << qint64(0) << 123456789u << NOV_2023;
    // (Not .999999999: a double near 1.7e9 resolves only ≈ 0.24 µs and would round up.)
    QTest::newRow("2023, pivot 2023") << NOV_2023 << 999000000u << NOV_2023;
    QTest::newRow("2023, pivot 2050") << NOV_2023 << 1u << qint64(2524608000LL);
    QTest::newRow("2036 before rollover") << ROLLOVER - 1 << 500000000u << NOV_2023;
    QTest::newRow("2036 at rollover") << ROLLOVER << 0u << NOV_2023;
    QTest::newRow("2036 after rollover") << ROLLOVER + 1 << 750000000u << NOV_2023;
    QTest::newRow("2050, pivot 2036") << qint64(2524608000LL) << 42u << ROLLOVER;
    QTest::newRow("2100, pivot 2090") << qint64(4102444800LL) << 0u << qint64(3786912000LL);
    QTest::newRow("1969, pivot 1970") << qint64(-86400) << 5u << qint64(0);
}

void TstNtpTimestamp::unixRoundTrip()
{
    QFETCH(qint64, unixSeconds);
    QFETCH(quint32, nanoseconds);
    QFETCH(qint64, pivot);
    const NtpTimestamp ts = NtpTimestamp::fromUnix(unixSeconds, nanoseconds);
    const double back = ts.toUnixSeconds(pivot);
    // The fraction is truncated to 2^-32 s (≈ 0.23 ns); a double near 4e9 resolves ≈ 0.5 µs, so
    // compare whole seconds exactly and the fraction separately.
    QCOMPARE(qint64(std::floor(back)), unixSeconds);
    CHECK_NEAR(back - double(unixSeconds), nanoseconds * 1e-9, 1e-6);
    // And folding the unfolded value again gives the identical wire timestamp.
    QCOMPARE(NtpTimestamp::fromUnix(qint64(std::floor(back)), nanoseconds), ts);
}

void TstNtpTimestamp::fromUnixSeconds_data()
{
    QTest::addColumn<double>("unixSeconds");
    QTest::addColumn<qint64>("expectedUnix");
    QTest::addColumn<quint32>("expectedNanos");

    QTest::newRow("1.5") << 1.5 << qint64(1) << 500000000u;
    QTest::newRow("0") << 0.0 << qint64(0) << 0u;
    // floor(−0.5) = −1, remainder +0.5 s
    QTest::newRow("-0.5") << -0.5 << qint64(-1) << 500000000u;
    // .9999999999 rounds to 10^9 ns and must carry into the seconds.
    QTest::newRow("carry") << 41.9999999999 << qint64(42) << 0u;
    QTest::newRow("2036 after rollover") << double(ROLLOVER) + 0.25 << ROLLOVER << 250000000u;
}

void TstNtpTimestamp::fromUnixSeconds()
{
    QFETCH(double, unixSeconds);
    QFETCH(qint64, expectedUnix);
    QFETCH(quint32, expectedNanos);
    QCOMPARE(NtpTimestamp::fromUnixSeconds(unixSeconds), NtpTimestamp::fromUnix(expectedUnix, expectedNanos));
}

void TstNtpTimestamp::fromSystemTime()
{
    using namespace std::chrono;
    const system_clock::time_point epoch{};
    QCOMPARE(NtpTimestamp::fromSystemTime(epoch), NtpTimestamp::fromUnix(0, 0));
    const auto t = epoch + duration_cast<system_clock::duration>(seconds(NOV_2023) + milliseconds(250));
    QCOMPARE(NtpTimestamp::fromSystemTime(t), NtpTimestamp::fromUnix(NOV_2023, 250000000u));
    // Half a second before 1970 is (−1 s, +0.5 s), not (0 s, −0.5 s).
    const auto before = epoch - duration_cast<system_clock::duration>(milliseconds(500));
    QCOMPARE(NtpTimestamp::fromSystemTime(before), NtpTimestamp::fromUnix(-1, 500000000u));
}

void TstNtpTimestamp::differenceAcrossRollover()
{
    const NtpTimestamp before = NtpTimestamp::fromUnix(ROLLOVER - 1, 0); // seconds 0xFFFFFFFF
    const NtpTimestamp after = NtpTimestamp::fromUnix(ROLLOVER + 1, 0);  // seconds 0x00000001
    QCOMPARE(before.seconds(), 0xFFFFFFFFu);
    QCOMPARE(after.seconds(), 1u);
    // after − before = 2 s = 2 · 2^32 units, even though after's raw value is the smaller one.
    QCOMPARE(after.rawDifference(before), std::int64_t(2) << 32);
    QCOMPARE(before.rawDifference(after), -(std::int64_t(2) << 32));
    QCOMPARE(after.secondsSince(before), 2.0);
    QCOMPARE(before.secondsSince(after), -2.0);

    // Sub-second steps across the boundary: 0.25 s before and 0.5 s after → 0.75 s.
    const NtpTimestamp a = NtpTimestamp::fromParts(0xFFFFFFFFu, 0xC0000000u); // 0.75 into the last second
    const NtpTimestamp b = NtpTimestamp::fromParts(0u, 0x80000000u);
    QCOMPARE(b.rawDifference(a), std::int64_t(0xC0000000LL)); // 0.75 · 2^32
    QCOMPARE(b.secondsSince(a), 0.75);
    QCOMPARE(a.secondsSince(a), 0.0);
}

void TstNtpTimestamp::toUnixSecondsUnfolds_data()
{
    QTest::addColumn<quint32>("ntpSeconds");
    QTest::addColumn<qint64>("pivot");
    QTest::addColumn<qint64>("expectedUnix");

    // Hand computation: full = pivotNtp + signed32(ntpSeconds − low32(pivotNtp)).
    // One second after the rollover, pivot 2023 (NTP 3 908 988 800):
    //   1 − 3 908 988 800 ≡ 385 978 497 (mod 2^32) → full = 2^32 + 1 → Unix ROLLOVER + 1.
    QTest::newRow("era1 value, era0 pivot") << 1u << NOV_2023 << ROLLOVER + 1;
    QTest::newRow("era0 value, era0 pivot") << 0xFFFFFFFFu << NOV_2023 << ROLLOVER - 1;
    // Pivot 2036-07 (Unix 2 100 000 000, NTP 4 308 988 800, low32 14 021 504).
    QTest::newRow("era1 value, era1 pivot") << 1u << qint64(2100000000LL) << ROLLOVER + 1;
    QTest::newRow("era0 value, era1 pivot") << 0xFFFFFFFFu << qint64(2100000000LL) << ROLLOVER - 1;
    // 1970 (NTP 2 208 988 800) seen from 2036-07: 2 208 988 800 − 14 021 504 = 2 194 967 296 > 2^31,
    // so signed32 = −2 100 000 000 → Unix 0: 1970 is 2.1e9 s back, 2106 would be 2.19e9 s ahead.
    QTest::newRow("1970 from 2036") << 2208988800u << qint64(2100000000LL) << qint64(0);
    // Seen from 2039-09 (Unix 2 200 000 000, low32 114 021 504): the difference 2 094 967 296 is
    // below 2^31, so the same wire value now means 2106-02-07 (Unix 2^32).
    QTest::newRow("2106 from 2039") << 2208988800u << qint64(2200000000LL) << (qint64(1) << 32);
    QTest::newRow("1970 from 2023") << 2208988800u << NOV_2023 << qint64(0);
    // Zero seconds from 2023 is the first second of era 1, not 1900.
    QTest::newRow("zero from 2023") << 0u << NOV_2023 << ROLLOVER;
    QTest::newRow("zero from 1950") << 0u << qint64(-631152000LL) << qint64(-2208988800LL);
}

void TstNtpTimestamp::toUnixSecondsUnfolds()
{
    QFETCH(quint32, ntpSeconds);
    QFETCH(qint64, pivot);
    QFETCH(qint64, expectedUnix);
    const NtpTimestamp ts = NtpTimestamp::fromParts(ntpSeconds, 0x80000000u); // + 0.5 s
    QCOMPARE(ts.toUnixSeconds(pivot), double(expectedUnix) + 0.5);
}

void TstNtpTimestamp::era_data()
{
    QTest::addColumn<quint32>("ntpSeconds");
    QTest::addColumn<qint64>("pivot");
    QTest::addColumn<int>("expectedEra");

    QTest::newRow("2023 from 2023") << 3908988800u << NOV_2023 << 0;
    QTest::newRow("last era0 second") << 0xFFFFFFFFu << NOV_2023 << 0;
    QTest::newRow("first era1 second from 2023") << 0u << NOV_2023 << 1;
    QTest::newRow("era1 from 2023") << 1u << NOV_2023 << 1;
    QTest::newRow("era1 from 2036-07") << 1u << qint64(2100000000LL) << 1;
    QTest::newRow("1970 from 2036-07") << 2208988800u << qint64(2100000000LL) << 0;
    QTest::newRow("2106 from 2039-09") << 2208988800u << qint64(2200000000LL) << 1;
    // 1899-12-31 23:55 from a pivot just before 1900: NTP −300 s is era −1.
    QTest::newRow("before 1900") << quint32(0xFFFFFED4u) << qint64(-2208988800LL - 1000) << -1;
}

void TstNtpTimestamp::era()
{
    QFETCH(quint32, ntpSeconds);
    QFETCH(qint64, pivot);
    QFETCH(int, expectedEra);
    QCOMPARE(NtpTimestamp::fromParts(ntpSeconds, 0).era(pivot), expectedEra);
}

void TstNtpTimestamp::workedExample()
{
    // NTP-NOTES §2.1: T1 = 10.000, T2 = 10.060, T3 = 10.061, T4 = 10.021 (on a 2023 base).
    //   θ = ((T2 − T1) + (T3 − T4)) / 2 = (0.060 + 0.040) / 2 = +0.050 s (server ahead of us)
    //   δ = (T4 − T1) − (T3 − T2) = 0.021 − 0.001 = 0.020 s
    // fromUnix truncates each fraction by < 2^-32 s, so allow 1e-9 s.
    const qint64 base = NOV_2023 + 10;
    const ExchangeTimestamps ts{NtpTimestamp::fromUnix(base, 0), NtpTimestamp::fromUnix(base, 60000000u),
                                NtpTimestamp::fromUnix(base, 61000000u), NtpTimestamp::fromUnix(base, 21000000u)};
    CHECK_NEAR(clockOffset(ts), 0.050, 1e-9);
    CHECK_NEAR(roundTripDelay(ts), 0.020, 1e-9);
    CHECK_NEAR(serverProcessingTime(ts), 0.001, 1e-9);

    // Sign convention (ARCHITECTURE.md §2): a server behind the local clock gives a negative θ.
    // T1 = 10.060, T2 = 10.050, T3 = 10.051, T4 = 10.081:
    const ExchangeTimestamps behind{NtpTimestamp::fromUnix(base, 60000000u), NtpTimestamp::fromUnix(base, 50000000u),
                                    NtpTimestamp::fromUnix(base, 51000000u), NtpTimestamp::fromUnix(base, 81000000u)};
    // (−0.010 + −0.030) / 2 = −0.020 s; delay 0.021 − 0.001 = 0.020 s
    CHECK_NEAR(clockOffset(behind), -0.020, 1e-9);
    CHECK_NEAR(roundTripDelay(behind), 0.020, 1e-9);
}

void TstNtpTimestamp::onWireAcrossRollover()
{
    // The §2.1 example shifted so that T1 is 10 ms before the rollover and T2..T4 after it:
    // T1 = R − 0.010, T2 = R + 0.050, T3 = R + 0.051, T4 = R + 0.011 → θ = +0.050 s, δ = 0.020 s.
    const ExchangeTimestamps ts{NtpTimestamp::fromUnix(ROLLOVER - 1, 990000000u),
                                NtpTimestamp::fromUnix(ROLLOVER, 50000000u),
                                NtpTimestamp::fromUnix(ROLLOVER, 51000000u),
                                NtpTimestamp::fromUnix(ROLLOVER, 11000000u)};
    QVERIFY(ts.t2.raw() < ts.t1.raw()); // the wire values did wrap
    CHECK_NEAR(clockOffset(ts), 0.050, 1e-9);
    CHECK_NEAR(roundTripDelay(ts), 0.020, 1e-9);
    CHECK_NEAR(serverProcessingTime(ts), 0.001, 1e-9);

    // Local clock in era 1, server still 1000 s behind in era 0: θ = −1000 s exactly (symmetric
    // 10 ms paths, no processing): T1 = R + 100, T2 = T3 = R − 900 + 0.010, T4 = R + 100.020.
    const ExchangeTimestamps back{NtpTimestamp::fromUnix(ROLLOVER + 100, 0),
                                  NtpTimestamp::fromUnix(ROLLOVER - 900, 10000000u),
                                  NtpTimestamp::fromUnix(ROLLOVER - 900, 10000000u),
                                  NtpTimestamp::fromUnix(ROLLOVER + 100, 20000000u)};
    CHECK_NEAR(clockOffset(back), -1000.0, 1e-9);
    CHECK_NEAR(roundTripDelay(back), 0.020, 1e-9);
}

void TstNtpTimestamp::offsetRangeIsSixtyEightYears()
{
    // A client whose clock reads 1970-01-01 talks to a server in 2036 era 1 (R + 10 s):
    // T2 − T1 = R + 10 s = 2 085 978 506 s < 2^31, so the 64-bit difference is still positive.
    // θ = ((R + 10) + (R + 10 − 0.020)) / 2 = R + 9.990 s.
    const ExchangeTimestamps ts{NtpTimestamp::fromUnix(0, 0), NtpTimestamp::fromUnix(ROLLOVER + 10, 0),
                                NtpTimestamp::fromUnix(ROLLOVER + 10, 0), NtpTimestamp::fromUnix(0, 20000000u)};
    CHECK_NEAR(clockOffset(ts), double(ROLLOVER) + 9.990, 1e-6);
    CHECK_NEAR(roundTripDelay(ts), 0.020, 1e-9);
}

void TstNtpTimestamp::log2ToSeconds()
{
    QCOMPARE(chronoscope::ntp::log2ToSeconds(0), 1.0);
    QCOMPARE(chronoscope::ntp::log2ToSeconds(6), 64.0);
    QCOMPARE(chronoscope::ntp::log2ToSeconds(-20), 1.0 / 1048576.0);
    QCOMPARE(chronoscope::ntp::log2ToSeconds(-4), 0.0625);
}

void TstNtpTimestamp::ntpShortToSeconds_data()
{
    QTest::addColumn<quint32>("raw");
    QTest::addColumn<double>("seconds");

    // NTP-NOTES §1.1: 0x148 = 328 / 65536 = 0.00500488… s
    QTest::newRow("0x148") << 0x00000148u << 328.0 / 65536.0;
    QTest::newRow("zero") << 0u << 0.0;
    QTest::newRow("one second") << 0x00010000u << 1.0;
    QTest::newRow("1.5 s") << 0x00018000u << 1.5;
    QTest::newRow("max") << 0xFFFFFFFFu << 65536.0 - 1.0 / 65536.0;
}

void TstNtpTimestamp::ntpShortToSeconds()
{
    QFETCH(quint32, raw);
    QFETCH(double, seconds);
    QCOMPARE(NtpShort(raw).toSeconds(), seconds);
    QCOMPARE(NtpShort(raw).raw(), raw);
}

void TstNtpTimestamp::ntpShortNotesExample()
{
    // NTP-NOTES §1.1 as written there: 0x00000148 = 0.0050049 s, and 1 ms encodes as 0x42.
    CHECK_NEAR(NtpShort(0x00000148u).toSeconds(), 0.0050049, 5e-8);
    QCOMPARE(NtpShort::fromSeconds(0.001), NtpShort(0x42u));
    // Encoding rounds to the nearest 2^-16 s, so decoding is within half a step.
    CHECK_NEAR(NtpShort::fromSeconds(0.001).toSeconds(), 0.001, 0.5 / 65536.0);
}

void TstNtpTimestamp::ntpShortFromSeconds_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addColumn<quint32>("raw");

    QTest::newRow("1 ms") << 0.001 << 0x42u;             // 65.536 → 66
    QTest::newRow("5.0049 ms") << 0.0050049 << 0x148u;   // 328.001… → 328
    QTest::newRow("1 s") << 1.0 << 0x10000u;
    QTest::newRow("half step rounds up") << 1.5 / 65536.0 << 2u;
    QTest::newRow("below half step") << 0.4 / 65536.0 << 0u;
    QTest::newRow("largest") << 65535.0 << 0xFFFF0000u;
    QTest::newRow("just below range") << 65536.0 - 1.0 / 65536.0 << 0xFFFFFFFFu;
    QTest::newRow("range end saturates") << 65536.0 << 0xFFFFFFFFu;
    QTest::newRow("far above saturates") << 1e9 << 0xFFFFFFFFu;
    QTest::newRow("infinity saturates") << std::numeric_limits<double>::infinity() << 0xFFFFFFFFu;
    QTest::newRow("zero") << 0.0 << 0u;
    QTest::newRow("negative") << -0.5 << 0u;
    QTest::newRow("negative infinity") << -std::numeric_limits<double>::infinity() << 0u;
    QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << 0u;
}

void TstNtpTimestamp::ntpShortFromSeconds()
{
    QFETCH(double, seconds);
    QFETCH(quint32, raw);
    QCOMPARE(NtpShort::fromSeconds(seconds).raw(), raw);
}

QTEST_APPLESS_MAIN(TstNtpTimestamp)

#include "tst_ntptimestamp.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sysservice/cmdmonreports.h"

#include "core/sysservice/cmdmonfieldreader.h"
#include "core/sysservice/cmdmonprotocol.h"

using namespace Qt::StringLiterals;

namespace chronoscope::sysservice {
namespace {

constexpr int MAX_STRATUM = 16;
constexpr int MAX_POLL = 32;   // chrony's limits are −7..24; anything beyond ±32 is garbage

Error shortError(const char *what, qsizetype size, int needed)
{
    return Error{u"%1 reply has %2 data bytes; it needs %3"_s.arg(QLatin1StringView(what)).arg(size).arg(needed)};
}

template<typename T>
Result<T> finish(const CmdmonFieldReader &reader, T value)
{
    if (!reader.ok())
        return Error{reader.error()};
    return value;
}

bool isTimestampSource(char c)
{
    return c == 'D' || c == 'K' || c == 'H';
}

} // namespace

Result<std::uint32_t> decodeSourceCount(QByteArrayView data)
{
    if (data.size() < cmdmon::N_SOURCES_SIZE)
        return shortError("sources count", data.size(), cmdmon::N_SOURCES_SIZE);
    CmdmonFieldReader reader(data, u"sources count"_s);
    const std::uint32_t count = reader.u32("n_sources");
    if (count > cmdmon::MAX_SOURCES)
        return Error{u"chronyd reports %1 sources, more than the %2 Chronoscope accepts"_s.arg(count).arg(cmdmon::MAX_SOURCES)};
    return count;
}

Result<SourceReport> decodeSourceData(QByteArrayView data)
{
    if (data.size() < cmdmon::SOURCE_DATA_SIZE)
        return shortError("source data", data.size(), cmdmon::SOURCE_DATA_SIZE);
    CmdmonFieldReader reader(data, u"source data"_s);
    SourceReport report;
    report.address = reader.address("ip_addr");
    report.pollLog2 = reader.ranged16("poll", -MAX_POLL, MAX_POLL);
    report.stratum = reader.ranged16("stratum", 0, MAX_STRATUM);
    report.state = ChronydSourceState(reader.ranged16("state", 0, 5));
    report.mode = ChronydSourceMode(reader.ranged16("mode", 0, 2));
    report.flags = reader.u16("flags");
    report.reachability = reader.ranged16("reachability", 0, 0xff);
    report.secondsSinceSample = reader.u32("since_sample");
    report.originalLatestOffset = reader.real("orig_latest_meas");
    report.latestOffset = reader.real("latest_meas");
    report.latestOffsetError = reader.nonNegative("latest_meas_err");
    return finish(reader, report);
}

Result<TrackingReport> decodeTracking(QByteArrayView data)
{
    if (data.size() < cmdmon::TRACKING_SIZE)
        return shortError("tracking", data.size(), cmdmon::TRACKING_SIZE);
    CmdmonFieldReader reader(data, u"tracking"_s);
    TrackingReport report;
    report.referenceId = reader.u32("ref_id");
    report.address = reader.address("ip_addr");
    report.stratum = reader.ranged16("stratum", 0, MAX_STRATUM);
    report.leapStatus = reader.ranged16("leap_status", 0, 3);
    report.referenceTime = reader.timespec("ref_time");
    report.currentCorrection = reader.real("current_correction");
    report.lastOffset = reader.real("last_offset");
    report.rmsOffset = reader.nonNegative("rms_offset");
    report.frequencyPpm = reader.real("freq_ppm");
    report.residualFrequencyPpm = reader.real("resid_freq_ppm");
    report.skewPpm = reader.nonNegative("skew_ppm");
    report.rootDelay = reader.nonNegative("root_delay");
    report.rootDispersion = reader.nonNegative("root_dispersion");
    report.lastUpdateInterval = reader.nonNegative("last_update_interval");
    return finish(reader, report);
}

Result<SourceStatsReport> decodeSourceStats(QByteArrayView data)
{
    if (data.size() < cmdmon::SOURCESTATS_SIZE)
        return shortError("sourcestats", data.size(), cmdmon::SOURCESTATS_SIZE);
    CmdmonFieldReader reader(data, u"sourcestats"_s);
    SourceStatsReport report;
    report.referenceId = reader.u32("ref_id");
    report.address = reader.address("ip_addr");
    report.samples = reader.u32("n_samples");
    report.runs = reader.u32("n_runs");
    report.spanSeconds = reader.u32("span_seconds");
    report.standardDeviation = reader.nonNegative("sd");
    report.residualFrequencyPpm = reader.real("resid_freq_ppm");
    report.skewPpm = reader.nonNegative("skew_ppm");
    report.estimatedOffset = reader.real("est_offset");
    report.estimatedOffsetError = reader.nonNegative("est_offset_err");
    // chrony keeps at most 64 samples per source (MAX_SAMPLES); runs can never exceed samples.
    constexpr std::uint32_t MAX_SAMPLES = 64;
    if (reader.ok() && report.samples > MAX_SAMPLES)
        return Error{u"sourcestats reply: n_samples is %1, more than chrony keeps (%2)"_s.arg(report.samples).arg(MAX_SAMPLES)};
    if (reader.ok() && report.runs > report.samples)
        return Error{u"sourcestats reply: n_runs %1 exceeds n_samples %2"_s.arg(report.runs).arg(report.samples)};
    return finish(reader, report);
}

Result<SelectReport> decodeSelectData(QByteArrayView data)
{
    if (data.size() < cmdmon::SELECT_DATA_SIZE)
        return shortError("selectdata", data.size(), cmdmon::SELECT_DATA_SIZE);
    CmdmonFieldReader reader(data, u"selectdata"_s);
    SelectReport report;
    report.referenceId = reader.u32("ref_id");
    report.address = reader.address("ip_addr");
    const std::uint8_t state = reader.u8("state_char");
    if (reader.ok() && (state < 0x21 || state > 0x7e))
        return Error{u"selectdata reply: state_char is byte %1, not a printable letter"_s.arg(state)};
    report.stateCode = char(state);
    report.authenticated = reader.ranged8("authentication", 0, 1) == 1;
    report.leap = reader.ranged8("leap", 0, 3);
    reader.skip(1, "pad");
    report.configuredOptions = reader.u16("conf_options");
    report.effectiveOptions = reader.u16("eff_options");
    report.secondsSinceSample = reader.u32("last_sample_ago");
    report.score = reader.nonNegative("score");
    report.lowLimit = reader.real("lo_limit");
    report.highLimit = reader.real("hi_limit");
    if (reader.ok() && report.lowLimit > report.highLimit)
        return Error{u"selectdata reply: lo_limit %1 is above hi_limit %2"_s.arg(report.lowLimit).arg(report.highLimit)};
    return finish(reader, report);
}

Result<NtpDataReport> decodeNtpData(QByteArrayView data)
{
    if (data.size() < cmdmon::NTP_DATA_MIN_SIZE)
        return shortError("ntpdata", data.size(), cmdmon::NTP_DATA_MIN_SIZE);
    CmdmonFieldReader reader(data, u"ntpdata"_s);
    NtpDataReport report;
    const ChronydAddress remote = reader.address("remote_addr");
    const ChronydAddress local = reader.address("local_addr");
    report.remoteAddress = remote.ip;
    report.localAddress = local.ip;
    report.remotePort = reader.u16("remote_port");
    report.leap = reader.ranged8("leap", 0, 3);
    report.version = reader.ranged8("version", 0, 7);
    report.mode = reader.ranged8("mode", 0, 7);
    report.stratum = reader.ranged8("stratum", 0, 255);
    report.pollLog2 = reader.ranged8("poll", -MAX_POLL, MAX_POLL);
    report.precisionLog2 = reader.ranged8("precision", -128, 127);
    report.rootDelay = reader.nonNegative("root_delay");
    report.rootDispersion = reader.nonNegative("root_dispersion");
    report.referenceId = reader.u32("ref_id");
    report.referenceTime = reader.timespec("ref_time");
    report.offset = reader.real("offset");
    report.peerDelay = reader.real("peer_delay");
    report.peerDispersion = reader.nonNegative("peer_dispersion");
    report.responseTime = reader.real("response_time");
    report.jitterAsymmetry = reader.real("jitter_asymmetry");
    report.flags = reader.u16("flags");
    report.transmitTimestampSource = char(reader.u8("tx_tss_char"));
    report.receiveTimestampSource = char(reader.u8("rx_tss_char"));
    report.totalTransmitted = reader.u32("total_tx_count");
    report.totalReceived = reader.u32("total_rx_count");
    report.totalValid = reader.u32("total_valid_count");
    report.totalGood = reader.u32("total_good_count");
    if (!reader.ok())
        return Error{reader.error()};
    // A packet's header fields, as received: anything the wire allows, but chrony's own fields
    // (timestamp source letters, counters, asymmetry) have tighter ranges.
    if (!isTimestampSource(report.transmitTimestampSource) || !isTimestampSource(report.receiveTimestampSource))
        return Error{u"ntpdata reply: timestamp sources %1 / %2 (expected D, K or H)"_s
                         .arg(int(std::uint8_t(report.transmitTimestampSource)))
                         .arg(int(std::uint8_t(report.receiveTimestampSource)))};
    if (report.jitterAsymmetry < -0.5 || report.jitterAsymmetry > 0.5)
        return Error{u"ntpdata reply: jitter_asymmetry %1 outside −0.5..0.5"_s.arg(report.jitterAsymmetry)};
    if (report.totalGood > report.totalValid || report.totalValid > report.totalReceived)
        return Error{u"ntpdata reply: counters good %1 ≤ valid %2 ≤ received %3 do not hold"_s
                         .arg(report.totalGood).arg(report.totalValid).arg(report.totalReceived)};
    return report;
}

Result<AuthDataReport> decodeAuthData(QByteArrayView data)
{
    if (data.size() < cmdmon::AUTH_DATA_SIZE)
        return shortError("authdata", data.size(), cmdmon::AUTH_DATA_SIZE);
    CmdmonFieldReader reader(data, u"authdata"_s);
    AuthDataReport report;
    report.mode = AuthDataReport::Mode(reader.ranged16("mode", 0, 2));
    report.keyType = reader.u16("key_type");
    report.keyId = reader.u32("key_id");
    report.keyLengthBits = reader.ranged16("key_length", 0, 4096);
    report.keyEstablishmentAttempts = reader.u16("ke_attempts");
    report.secondsSinceKeyEstablishment = reader.u32("last_ke_ago");
    report.cookies = reader.ranged16("cookies", 0, 64);
    report.cookieLength = reader.ranged16("cookie_length", 0, 4096);
    report.nak = reader.ranged16("nak", 0, 1) == 1;
    return finish(reader, report);
}

Result<QString> decodeSourceName(QByteArrayView data)
{
    if (data.size() < cmdmon::SOURCE_NAME_SIZE)
        return shortError("source name", data.size(), cmdmon::SOURCE_NAME_SIZE);
    const QByteArrayView field = data.first(cmdmon::SOURCE_NAME_SIZE);
    const qsizetype end = field.indexOf('\0');
    if (end < 0)
        return Error{u"source name reply: the name is not NUL-terminated within 256 bytes"_s};
    const QByteArrayView name = field.first(end);
    for (qsizetype i = 0; i < name.size(); ++i) {
        const auto c = std::uint8_t(name[i]);
        if (c < 0x21 || c > 0x7e)
            return Error{u"source name reply: byte %1 at position %2 is not printable ASCII"_s.arg(c).arg(i)};
    }
    return QString::fromLatin1(name);
}

} // namespace chronoscope::sysservice

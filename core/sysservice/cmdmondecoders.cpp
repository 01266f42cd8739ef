// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sysservice/cmdmondecoders.h"

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

Result<ChronydSource> decodeSourceData(QByteArrayView data)
{
    if (data.size() < cmdmon::SOURCE_DATA_SIZE)
        return shortError("source data", data.size(), cmdmon::SOURCE_DATA_SIZE);
    CmdmonFieldReader reader(data, u"source data"_s);
    ChronydSource reply;
    reply.address = reader.address("ip_addr");
    reply.pollLog2 = reader.ranged16("poll", -MAX_POLL, MAX_POLL);
    reply.stratum = reader.ranged16("stratum", 0, MAX_STRATUM);
    reply.state = ChronydSourceState(reader.ranged16("state", 0, 5));
    reply.mode = ChronydSourceMode(reader.ranged16("mode", 0, 2));
    reply.flags = reader.u16("flags");
    reply.reachability = reader.ranged16("reachability", 0, 0xff);
    reply.secondsSinceSample = reader.u32("since_sample");
    reply.originalLatestOffset = reader.real("orig_latest_meas");
    reply.latestOffset = reader.real("latest_meas");
    reply.latestOffsetError = reader.nonNegative("latest_meas_err");
    return finish(reader, reply);
}

Result<ChronydTracking> decodeTracking(QByteArrayView data)
{
    if (data.size() < cmdmon::TRACKING_SIZE)
        return shortError("tracking", data.size(), cmdmon::TRACKING_SIZE);
    CmdmonFieldReader reader(data, u"tracking"_s);
    ChronydTracking reply;
    reply.referenceId = reader.u32("ref_id");
    reply.address = reader.address("ip_addr");
    reply.stratum = reader.ranged16("stratum", 0, MAX_STRATUM);
    reply.leapStatus = reader.ranged16("leap_status", 0, 3);
    reply.referenceTime = reader.timespec("ref_time");
    reply.currentCorrection = reader.real("current_correction");
    reply.lastOffset = reader.real("last_offset");
    reply.rmsOffset = reader.nonNegative("rms_offset");
    reply.frequencyPpm = reader.real("freq_ppm");
    reply.residualFrequencyPpm = reader.real("resid_freq_ppm");
    reply.skewPpm = reader.nonNegative("skew_ppm");
    reply.rootDelay = reader.nonNegative("root_delay");
    reply.rootDispersion = reader.nonNegative("root_dispersion");
    reply.lastUpdateInterval = reader.nonNegative("last_update_interval");
    return finish(reader, reply);
}

Result<ChronydSourceStats> decodeSourceStats(QByteArrayView data)
{
    if (data.size() < cmdmon::SOURCESTATS_SIZE)
        return shortError("sourcestats", data.size(), cmdmon::SOURCESTATS_SIZE);
    CmdmonFieldReader reader(data, u"sourcestats"_s);
    ChronydSourceStats reply;
    reply.referenceId = reader.u32("ref_id");
    reply.address = reader.address("ip_addr");
    reply.samples = reader.u32("n_samples");
    reply.runs = reader.u32("n_runs");
    reply.spanSeconds = reader.u32("span_seconds");
    reply.standardDeviation = reader.nonNegative("sd");
    reply.residualFrequencyPpm = reader.real("resid_freq_ppm");
    reply.skewPpm = reader.nonNegative("skew_ppm");
    reply.estimatedOffset = reader.real("est_offset");
    reply.estimatedOffsetError = reader.nonNegative("est_offset_err");
    // chrony keeps at most 64 samples per source (MAX_SAMPLES); runs can never exceed samples.
    constexpr std::uint32_t MAX_SAMPLES = 64;
    if (reader.ok() && reply.samples > MAX_SAMPLES)
        return Error{u"sourcestats reply: n_samples is %1, more than chrony keeps (%2)"_s.arg(reply.samples).arg(MAX_SAMPLES)};
    if (reader.ok() && reply.runs > reply.samples)
        return Error{u"sourcestats reply: n_runs %1 exceeds n_samples %2"_s.arg(reply.runs).arg(reply.samples)};
    return finish(reader, reply);
}

Result<ChronydSelectData> decodeSelectData(QByteArrayView data)
{
    if (data.size() < cmdmon::SELECT_DATA_SIZE)
        return shortError("selectdata", data.size(), cmdmon::SELECT_DATA_SIZE);
    CmdmonFieldReader reader(data, u"selectdata"_s);
    ChronydSelectData reply;
    reply.referenceId = reader.u32("ref_id");
    reply.address = reader.address("ip_addr");
    const std::uint8_t state = reader.u8("state_char");
    if (reader.ok() && (state < 0x21 || state > 0x7e))
        return Error{u"selectdata reply: state_char is byte %1, not a printable letter"_s.arg(state)};
    reply.stateCode = char(state);
    reply.authenticated = reader.ranged8("authentication", 0, 1) == 1;
    reply.leap = reader.ranged8("leap", 0, 3);
    reader.skip(1, "pad");
    reply.configuredOptions = reader.u16("conf_options");
    reply.effectiveOptions = reader.u16("eff_options");
    reply.secondsSinceSample = reader.u32("last_sample_ago");
    reply.score = reader.nonNegative("score");
    reply.lowLimit = reader.real("lo_limit");
    reply.highLimit = reader.real("hi_limit");
    if (reader.ok() && reply.lowLimit > reply.highLimit)
        return Error{u"selectdata reply: lo_limit %1 is above hi_limit %2"_s.arg(reply.lowLimit).arg(reply.highLimit)};
    return finish(reader, reply);
}

Result<ChronydNtpData> decodeNtpData(QByteArrayView data)
{
    if (data.size() < cmdmon::NTP_DATA_MIN_SIZE)
        return shortError("ntpdata", data.size(), cmdmon::NTP_DATA_MIN_SIZE);
    CmdmonFieldReader reader(data, u"ntpdata"_s);
    ChronydNtpData reply;
    const ChronydAddress remote = reader.address("remote_addr");
    const ChronydAddress local = reader.address("local_addr");
    reply.remoteAddress = remote.ip;
    reply.localAddress = local.ip;
    reply.remotePort = reader.u16("remote_port");
    reply.leap = reader.ranged8("leap", 0, 3);
    reply.version = reader.ranged8("version", 0, 7);
    reply.mode = reader.ranged8("mode", 0, 7);
    reply.stratum = reader.ranged8("stratum", 0, 255);
    reply.pollLog2 = reader.ranged8("poll", -MAX_POLL, MAX_POLL);
    reply.precisionLog2 = reader.ranged8("precision", -128, 127);
    reply.rootDelay = reader.nonNegative("root_delay");
    reply.rootDispersion = reader.nonNegative("root_dispersion");
    reply.referenceId = reader.u32("ref_id");
    reply.referenceTime = reader.timespec("ref_time");
    reply.offset = reader.real("offset");
    reply.peerDelay = reader.real("peer_delay");
    reply.peerDispersion = reader.nonNegative("peer_dispersion");
    reply.responseTime = reader.real("response_time");
    reply.jitterAsymmetry = reader.real("jitter_asymmetry");
    reply.flags = reader.u16("flags");
    reply.transmitTimestampSource = char(reader.u8("tx_tss_char"));
    reply.receiveTimestampSource = char(reader.u8("rx_tss_char"));
    reply.totalTransmitted = reader.u32("total_tx_count");
    reply.totalReceived = reader.u32("total_rx_count");
    reply.totalValid = reader.u32("total_valid_count");
    reply.totalGood = reader.u32("total_good_count");
    if (!reader.ok())
        return Error{reader.error()};
    // A packet's header fields, as received: anything the wire allows, but chrony's own fields
    // (timestamp source letters, counters, asymmetry) have tighter ranges.
    if (!isTimestampSource(reply.transmitTimestampSource) || !isTimestampSource(reply.receiveTimestampSource))
        return Error{u"ntpdata reply: timestamp sources %1 / %2 (expected D, K or H)"_s
                         .arg(int(std::uint8_t(reply.transmitTimestampSource)))
                         .arg(int(std::uint8_t(reply.receiveTimestampSource)))};
    if (reply.jitterAsymmetry < -0.5 || reply.jitterAsymmetry > 0.5)
        return Error{u"ntpdata reply: jitter_asymmetry %1 outside −0.5..0.5"_s.arg(reply.jitterAsymmetry)};
    if (reply.totalGood > reply.totalValid || reply.totalValid > reply.totalReceived)
        return Error{u"ntpdata reply: counters good %1 ≤ valid %2 ≤ received %3 do not hold"_s
                         .arg(reply.totalGood).arg(reply.totalValid).arg(reply.totalReceived)};
    return reply;
}

Result<ChronydAuthData> decodeAuthData(QByteArrayView data)
{
    if (data.size() < cmdmon::AUTH_DATA_SIZE)
        return shortError("authdata", data.size(), cmdmon::AUTH_DATA_SIZE);
    CmdmonFieldReader reader(data, u"authdata"_s);
    ChronydAuthData reply;
    reply.mode = ChronydAuthData::Mode(reader.ranged16("mode", 0, 2));
    reply.keyType = reader.u16("key_type");
    reply.keyId = reader.u32("key_id");
    reply.keyLengthBits = reader.ranged16("key_length", 0, 4096);
    reply.keyEstablishmentAttempts = reader.u16("ke_attempts");
    reply.secondsSinceKeyEstablishment = reader.u32("last_ke_ago");
    reply.cookies = reader.ranged16("cookies", 0, 64);
    reply.cookieLength = reader.ranged16("cookie_length", 0, 4096);
    reply.nak = reader.ranged16("nak", 0, 1) == 1;
    return finish(reader, reply);
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

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QByteArrayView>

#include "core/result.h"
#include "core/sysservice/chronydreplies.h"

// Decoders of the data of cmdmon replies (after the 28-byte header; cmdmonprotocol.h gives the
// sizes). Each checks that the data is at least as long as the reply, and every field against
// its range (an unknown state or address family, a negative deviation, nanoseconds ≥ 10^9, more
// sources than MAX_SOURCES, ...); extra bytes after the reply are ignored (a later chrony may
// append fields). Errors name the reply, the field and the value. Nothing is read past `data`.
namespace chronoscope::sysservice {

Result<std::uint32_t> decodeSourceCount(QByteArrayView data);
Result<ChronydSource> decodeSourceData(QByteArrayView data);
Result<ChronydTracking> decodeTracking(QByteArrayView data);
Result<ChronydSourceStats> decodeSourceStats(QByteArrayView data);
Result<ChronydSelectData> decodeSelectData(QByteArrayView data);
Result<ChronydNtpData> decodeNtpData(QByteArrayView data);
Result<ChronydAuthData> decodeAuthData(QByteArrayView data);
// The source's name as configured (REQ_NTP_SOURCE_NAME): printable ASCII, NUL-terminated.
Result<QString> decodeSourceName(QByteArrayView data);

} // namespace chronoscope::sysservice

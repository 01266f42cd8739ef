// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/helper/helperconfig.h"

#include <string_view>

#include "core/protocol/limits.h"

#ifndef CHRONOSCOPE_HELPER_CONFIRM_BOUND_MS
#  define CHRONOSCOPE_HELPER_CONFIRM_BOUND_MS 500
#endif

namespace chronoscope::helper {
namespace {

// Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil).
constexpr std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + std::int64_t(doe) - 719468;
}

// __DATE__ is "Mmm dd yyyy" (day space-padded).
constexpr std::int64_t parseBuildDate(std::string_view date)
{
    constexpr std::string_view months = "JanFebMarAprMayJunJulAugSepOctNovDec";
    unsigned month = 0;
    for (unsigned i = 0; i < 12; ++i) {
        if (months.substr(i * 3, 3) == date.substr(0, 3))
            month = i + 1;
    }
    const unsigned day = (date[4] == ' ' ? 0 : unsigned(date[4] - '0')) * 10 + unsigned(date[5] - '0');
    const std::int64_t year = (date[7] - '0') * 1000 + (date[8] - '0') * 100 + (date[9] - '0') * 10 + (date[10] - '0');
    return daysFromCivil(year, month, day) * 86400;
}

static_assert(parseBuildDate("Jan  1 1970") == 0);
static_assert(parseBuildDate("Nov 26 2026") == 1795651200);

} // namespace

std::int64_t buildDateUnixSeconds()
{
    return parseBuildDate(__DATE__);
}

HelperConfig defaultHelperConfig()
{
    namespace l = protocol::limits;
    HelperConfig c;
    c.minStepNs = l::MIN_STEP_NS;
    c.maxStepNs = l::MAX_STEP_NS;
    c.maxSlewNs = l::MAX_SLEW_NS;
    c.confirmBoundNs = std::int64_t(CHRONOSCOPE_HELPER_CONFIRM_BOUND_MS) * 1'000'000;
    c.veryLargeBoundNs = l::VERY_LARGE_STEP_NS;
    c.earliestDateUnixS = buildDateUnixSeconds();
    c.latestDateUnixS = l::LATEST_DATE_UNIX_S;
    c.maxAgeMs = l::MAX_MEASUREMENT_AGE_MS;
    c.minChangeIntervalNs = l::MIN_CHANGE_INTERVAL_NS;
    c.rateWindowNs = l::RATE_WINDOW_NS;
    c.maxChangesPerWindow = l::MAX_CHANGES_PER_WINDOW;
    return c;
}

} // namespace chronoscope::helper

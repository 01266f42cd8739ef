// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the settings file's reader (core/config/settingsparser, inireader): the
// input is the file's bytes, parsed in memory (no file I/O). Properties, besides "no crash, no
// sanitizer report":
//   - the problem list is bounded (limits::MAX_REPORTED_PROBLEMS plus a count and the UTF-16 note)
//     and every problem names the file;
//   - every server is valid (validateServer), listed once, at most limits::MAX_SERVERS;
//   - every preference is within its range (paths, window state, numbers);
//   - what was read, written again (formatSettings, the store's writer), reads back to the same
//     settings without a problem.
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "core/config/settingsformatter.h"
#include "core/config/settingslimits.h"
#include "core/config/settingsparser.h"
#include "tests/fuzz/fuzzcheck.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::config;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView content(reinterpret_cast<const char *>(data), qsizetype(size));
    const ParsedSettings parsed = parseSettings(content, u"fuzz.conf"_s);
    fuzzCheck(parsed.problems.size() <= limits::MAX_REPORTED_PROBLEMS + 2);
    for (const QString &problem : parsed.problems)
        fuzzCheck(problem.startsWith(u"fuzz.conf"_s));

    fuzzCheck(parsed.servers.size() <= limits::MAX_SERVERS);
    for (qsizetype i = 0; i < parsed.servers.size(); ++i) {
        fuzzCheck(!validateServer(parsed.servers.at(i)).has_value());
        fuzzCheck(findDuplicate(parsed.servers, parsed.servers.at(i), int(i)) < 0);
    }
    const AppSettings &app = parsed.app;
    fuzzCheck(app.logFilePath.size() <= limits::MAX_PATH_CHARS);
    fuzzCheck(app.windowState.size() <= limits::MAX_WINDOW_STATE_BYTES);
    fuzzCheck(app.windowGeometry.size() <= limits::MAX_WINDOW_STATE_BYTES);
    fuzzCheck(std::isfinite(app.offsetThreshold) && app.offsetThreshold > 0 && app.offsetThreshold <= 3600);
    fuzzCheck(app.logFileMaxBytes >= 4096 && app.theme >= 0 && app.theme <= 2);
    fuzzCheck(app.logFileKeep >= 0 && app.logFileKeep <= 99);
    fuzzCheck(app.eventLogCapacity >= 100 && app.chartRangeSeconds >= 0);

    const QByteArray written = formatSettings(parsed.servers, app);
    const ParsedSettings again = parseSettings(written, u"written.conf"_s);
    fuzzCheck(again.problems.isEmpty());
    fuzzCheck(again.servers == parsed.servers);
    fuzzCheck(again.app == app);
    return 0;
}

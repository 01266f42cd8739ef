// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for what the metrics endpoint takes from outside (core/metrics): the HTTP
// Accept header (negotiateFormat), a --metrics / settings-file address (parseListenAddress), and
// text that ends up in label values (escapeLabelValue, kissCodeLabel). The first byte picks
// the function. Properties, besides "no crash, no sanitizer report":
//   - a parsed address prints as text that parses to the same address and port;
//   - an escaped label value has no raw line feed, every quote is escaped, and unescaping it
//     gives back the UTF-8 of the input;
//   - a kiss code label is one of at most 16 values.
#include <cstddef>
#include <cstdint>

#include <QSet>

#include "core/metrics/kisscodelabel.h"
#include "core/metrics/listenaddress.h"
#include "core/metrics/metricsformat.h"
#include "core/metrics/metricswriter.h"
#include "tests/fuzz/fuzzcheck.h"

using namespace chronoscope::metrics;

namespace {

QByteArray unescape(const QByteArray &escaped)
{
    QByteArray out;
    for (qsizetype i = 0; i < escaped.size(); ++i) {
        char c = escaped.at(i);
        if (c == '"' || c == '\n')
            fuzzCheck(false); // must have been escaped
        if (c == '\\') {
            fuzzCheck(i + 1 < escaped.size());
            const char next = escaped.at(++i);
            fuzzCheck(next == '\\' || next == '"' || next == 'n');
            c = next == 'n' ? '\n' : next;
        }
        out += c;
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const QString text = QString::fromUtf8(bytes);
    switch (data[0] % 4) {
    case 0: {
        const MetricsFormat format = negotiateFormat(bytes);
        fuzzCheck(format == MetricsFormat::PrometheusText || format == MetricsFormat::OpenMetrics);
        break;
    }
    case 1: {
        const auto parsed = parseListenAddress(text);
        if (parsed.ok()) {
            const auto again = parseListenAddress(parsed->toString());
            fuzzCheck(again.ok() && again->address == parsed->address && again->port == parsed->port);
        } else {
            fuzzCheck(!parsed.errorMessage().isEmpty());
        }
        break;
    }
    case 2:
        fuzzCheck(unescape(MetricsWriter::escapeLabelValue(text)) == text.toUtf8());
        break;
    default: {
        static QSet<QString> labels;
        labels.insert(kissCodeLabel(text));
        fuzzCheck(labels.size() <= 16);
        break;
    }
    }
    return 0;
}

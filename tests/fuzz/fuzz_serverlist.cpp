// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the chrony.conf / ntp.conf server-line import (core/config/
// serverlistformat). The first byte picks the dialect (even: chrony, odd: ntp.conf); the rest is
// the file's text. Properties, besides "no crash, no sanitizer report":
//   - every imported server is valid (validateServer) and listed once, at most MAX_IMPORTED_SERVERS;
//   - every issue names a line of the file;
//   - the list exported again (formatServerList) imports to the same servers without issues
//     (ntp.conf: except servers on a port other than 123, which it cannot express).
#include <cstddef>
#include <cstdint>

#include "core/config/serverlistformat.h"
#include "tests/fuzz/fuzzcheck.h"

using namespace Qt::StringLiterals;
using namespace chronoscope::config;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    const ConfFormat format = (data[0] & 1) ? ConfFormat::Ntp : ConfFormat::Chrony;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    const ServerListImport imported = parseServerList(text, format, u"fuzz.conf"_s);
    fuzzCheck(imported.servers.size() <= MAX_IMPORTED_SERVERS);
    const qsizetype lines = text.count(u'\n') + 1;
    for (const ConfIssue &issue : imported.issues)
        fuzzCheck(issue.line >= 0 && issue.line <= lines && !issue.message.isEmpty());
    QList<ConfiguredServer> expressible;
    for (qsizetype i = 0; i < imported.servers.size(); ++i) {
        const ConfiguredServer &server = imported.servers.at(i);
        fuzzCheck(!validateServer(server).has_value());
        fuzzCheck(findDuplicate(imported.servers, server, int(i)) < 0);
        if (format == ConfFormat::Chrony || server.spec.port == 123)
            expressible.append(server);
    }

    const QString exported = formatServerList(imported.servers, format);
    const ServerListImport again = parseServerList(exported, format, u"exported.conf"_s);
    fuzzCheck(again.issues.isEmpty());
    fuzzCheck(again.servers == expressible);
    return 0;
}

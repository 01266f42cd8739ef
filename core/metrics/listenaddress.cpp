// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/metrics/listenaddress.h"

using namespace Qt::StringLiterals;

namespace chronoscope::metrics {

QString ListenAddress::toString() const
{
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol ? u"[%1]"_s.arg(address.toString())
                                                                             : address.toString();
    // One arg() call: a chained .arg(port) would replace a "%1" inside the host (an IPv6 scope
    // id such as "::%1" is one), found by fuzz_metricsinput.
    return u"%1:%2"_s.arg(host, QString::number(port));
}

Result<ListenAddress> parseListenAddress(const QString &text)
{
    const QString trimmed = text.trimmed();
    const auto bad = [&](const QString &why) {
        return Error{u"invalid metrics address '%1': %2 (expected ADDR:PORT, e.g. 127.0.0.1:9123)"_s.arg(text, why)};
    };
    if (trimmed.isEmpty() || trimmed.size() > 64)
        return bad(u"empty or too long"_s);

    QString host;
    QString port;
    if (trimmed.startsWith(u'[')) {
        const qsizetype close = trimmed.indexOf(u"]:"_s);
        if (close < 0)
            return bad(u"an IPv6 address needs the form [ADDR]:PORT"_s);
        host = trimmed.mid(1, close - 1);
        port = trimmed.mid(close + 2);
    } else if (const qsizetype colon = trimmed.lastIndexOf(u':'); colon >= 0) {
        if (trimmed.indexOf(u':') != colon)
            return bad(u"an IPv6 address needs brackets, e.g. [::1]:9123"_s);
        host = trimmed.left(colon);
        port = trimmed.mid(colon + 1);
    } else {
        port = trimmed;
    }

    ListenAddress result;
    if (host == u"localhost"_s) {
        result.address = QHostAddress(QHostAddress::LocalHost);
    } else if (!host.isEmpty()) {
        result.address = QHostAddress(host);
        if (result.address.isNull())
            return bad(u"'%1' is not a numeric address"_s.arg(host));
    }
    bool ok = false;
    const uint number = port.toUInt(&ok);
    if (!ok || number > 65535)
        return bad(u"port '%1' is not 0-65535"_s.arg(port));
    result.port = quint16(number);
    return result;
}

} // namespace chronoscope::metrics

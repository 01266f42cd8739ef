// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/serverspec.h"

#include <QHostAddress>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace chronoscope::engine {
namespace {

Result<quint16> parsePort(const QString &portText, const QString &whole)
{
    bool ok = false;
    const uint port = portText.toUInt(&ok);
    if (!ok || port == 0 || port > 65535)
        return Error{u"invalid port '%1' in '%2' (expected 1-65535)"_s.arg(portText, whole)};
    return quint16(port);
}

bool isValidHostName(const QString &host)
{
    // RFC 1123 labels: letters, digits, hyphens; dots between labels; at most 253 characters.
    static const QRegularExpression pattern(
        u"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?$"_s);
    return pattern.match(host).hasMatch();
}

} // namespace

QString ServerSpec::displayName() const
{
    const bool ipv6 = host.contains(u':');
    if (port == 123)
        return host;
    return (ipv6 ? u"["_s + host + u"]"_s : host) + u":"_s + QString::number(port);
}

Result<ServerSpec> parseServerSpec(const QString &rawText)
{
    const QString text = rawText.trimmed();
    ServerSpec spec;
    if (text.isEmpty())
        return Error{u"empty server name"_s};

    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(u']');
        if (close < 0)
            return Error{u"missing ']' in '%1'"_s.arg(text)};
        spec.host = text.mid(1, close - 1);
        const QString rest = text.mid(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(u':'))
                return Error{u"unexpected '%1' after ']' in '%2'"_s.arg(rest, text)};
            Result<quint16> port = parsePort(rest.mid(1), text);
            if (!port)
                return port.error();
            spec.port = *port;
        }
        if (QHostAddress(spec.host).protocol() != QAbstractSocket::IPv6Protocol)
            return Error{u"'%1' in brackets is not an IPv6 address"_s.arg(spec.host)};
        return spec;
    }

    if (text.count(u':') > 1) {
        // A bare IPv6 literal (a port needs the bracket form).
        if (QHostAddress(text).protocol() != QAbstractSocket::IPv6Protocol)
            return Error{u"'%1' is not a valid IPv6 address (use [address]:port to give a port)"_s.arg(text)};
        spec.host = text;
        return spec;
    }

    const qsizetype colon = text.indexOf(u':');
    spec.host = colon < 0 ? text : text.left(colon);
    if (colon >= 0) {
        Result<quint16> port = parsePort(text.mid(colon + 1), text);
        if (!port)
            return port.error();
        spec.port = *port;
    }
    if (spec.host.isEmpty())
        return Error{u"missing host name in '%1'"_s.arg(text)};
    if (QHostAddress(spec.host).isNull() && !isValidHostName(spec.host))
        return Error{u"'%1' is not a valid host name or address"_s.arg(spec.host)};
    return spec;
}

} // namespace chronoscope::engine

// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/serverspec.h"

#include <optional>

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

namespace {

Result<ServerSpec> parseServerAddress(const QString &rawText);

Result<ServerSpec> applyOption(ServerSpec spec, const QString &option, const QString &whole)
{
    const QString name = option.section(u'=', 0, 0).trimmed().toLower();
    const QString value = option.contains(u'=') ? option.section(u'=', 1).trimmed() : QString();
    auto integer = [&](int low, int high) -> std::optional<int> {
        bool ok = false;
        const int v = value.toInt(&ok);
        return ok && v >= low && v <= high ? std::optional<int>(v) : std::nullopt;
    };
    if (name == u"prefer"_s && value.isEmpty())
        spec.prefer = true;
    else if (name == u"noselect"_s && value.isEmpty())
        spec.noselect = true;
    else if (name == u"trust"_s && value.isEmpty())
        spec.trust = true;
    else if (name == u"require"_s && value.isEmpty())
        spec.require = true;
    else if (name == u"iburst"_s && value.isEmpty())
        spec.iburst = true;
    else if (name == u"noiburst"_s && value.isEmpty())
        spec.iburst = false;
    else if (name == u"xleave"_s && value.isEmpty())
        spec.xleave = true;
    else if (name == u"minpoll"_s) {
        const auto v = integer(-4, 17);
        if (!v)
            return Error{u"invalid minpoll '%1' in '%2' (expected -4 to 17, log2 seconds)"_s.arg(value, whole)};
        spec.minPollLog2 = *v;
    } else if (name == u"maxpoll"_s) {
        const auto v = integer(-4, 17);
        if (!v)
            return Error{u"invalid maxpoll '%1' in '%2' (expected -4 to 17, log2 seconds)"_s.arg(value, whole)};
        spec.maxPollLog2 = *v;
    } else if (name == u"key"_s) {
        const auto v = integer(1, 65534);
        if (!v)
            return Error{u"invalid key id '%1' in '%2' (expected 1-65534)"_s.arg(value, whole)};
        spec.keyId = quint32(*v);
    } else if (name == u"nts"_s && value.isEmpty()) {
        spec.nts = true;
    } else if (name == u"ntsport"_s) {
        const auto v = integer(1, 65535);
        if (!v)
            return Error{u"invalid ntsport '%1' in '%2' (expected 1-65535)"_s.arg(value, whole)};
        spec.nts = true;
        spec.ntsPort = quint16(*v);
    } else {
        return Error{u"unknown server option '%1' in '%2' (known: prefer, noselect, trust, require, iburst, "
                     u"noiburst, xleave, minpoll=N, maxpoll=N, key=ID, nts, ntsport=N)"_s.arg(option, whole)};
    }
    return spec;
}

} // namespace

Result<ServerSpec> parseServerSpec(const QString &rawText)
{
    const QStringList parts = rawText.trimmed().split(u',');
    Result<ServerSpec> spec = parseServerAddress(parts.first());
    if (!spec)
        return spec;
    ServerSpec result = *spec;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        Result<ServerSpec> next = applyOption(result, parts[i], rawText.trimmed());
        if (!next)
            return next;
        result = *next;
    }
    if (result.minPollLog2 > result.maxPollLog2)
        return Error{u"minpoll %1 is above maxpoll %2 in '%3'"_s.arg(result.minPollLog2).arg(result.maxPollLog2).arg(rawText.trimmed())};
    if (result.nts && result.keyId != 0)
        return Error{u"nts and key=%1 exclude each other in '%2' (NTS brings its own keys)"_s.arg(result.keyId).arg(rawText.trimmed())};
    return result;
}

QString serverOptionsText(const ServerSpec &spec)
{
    QStringList options;
    if (spec.prefer)
        options << u"prefer"_s;
    if (spec.noselect)
        options << u"noselect"_s;
    if (spec.trust)
        options << u"trust"_s;
    if (spec.require)
        options << u"require"_s;
    if (!spec.iburst)
        options << u"noiburst"_s;
    if (spec.xleave)
        options << u"xleave"_s;
    if (spec.minPollLog2 != ntp::DEFAULT_MINPOLL)
        options << u"minpoll=%1"_s.arg(spec.minPollLog2);
    if (spec.maxPollLog2 != ntp::DEFAULT_MAXPOLL)
        options << u"maxpoll=%1"_s.arg(spec.maxPollLog2);
    if (spec.keyId != 0)
        options << u"key=%1"_s.arg(spec.keyId);
    if (spec.nts)
        options << u"nts"_s;
    if (spec.nts && spec.ntsPort != 4460)
        options << u"ntsport=%1"_s.arg(spec.ntsPort);
    return options.join(u',');
}

namespace {

Result<ServerSpec> parseServerAddress(const QString &rawText)
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

} // namespace

} // namespace chronoscope::engine

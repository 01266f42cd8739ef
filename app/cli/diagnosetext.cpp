// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/diagnosetext.h"

#include "core/report/humanformat.h"

using namespace Qt::StringLiterals;

namespace chronoscope::cli {
namespace {

constexpr int WIDTH = 100;

// Word-wraps `text` to WIDTH columns; every line starts with `indent`, continuation lines with
// `indent` plus `hanging` spaces. Runs of spaces inside a line (column padding) are kept, and a
// unit ("s", "ms", "ppm", ...) never starts a line.
QString wrap(const QString &text, int indent, int hanging = 0)
{
    static const QStringList units{u"s"_s, u"ms"_s, u"µs"_s, u"ns"_s, u"ppm"_s};
    const QStringList words = text.split(u' ');
    QString out;
    QString line = QString(indent, u' ');
    qsizetype lineStart = line.size();
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString &word = words.at(i);
        const bool atStart = line.size() == lineStart;
        QString unitless = word;
        while (!unitless.isEmpty() && QStringView(u".,:;)").contains(unitless.back()))
            unitless.chop(1);
        const bool isUnit = units.contains(unitless);
        if (!atStart && !isUnit && line.size() + 1 + word.size() > WIDTH) {
            out += line + u'\n';
            line = QString(indent + hanging, u' ');
            lineStart = line.size();
        }
        if (line.size() == lineStart && word.isEmpty())
            continue; // no padding at the start of a continuation line
        if (line.size() != lineStart)
            line += u' ';
        line += word;
    }
    return out + line + u'\n';
}

QString endpointText(const QHostAddress &address, quint16 port)
{
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol ? u"["_s + address.toString() + u"]"_s
                                                                              : address.toString();
    return host + u':' + QString::number(port);
}

QString portSection(const diagnostics::PortUsageFindings &port)
{
    QString out = u"Local UDP port %1\n"_s.arg(port.port);
    out += wrap(port.summary, 2);
    for (qsizetype i = 0; i < port.sockets.size(); ++i)
        out += wrap(u"- %1: %2"_s.arg(endpointText(port.sockets.at(i).localAddress, port.sockets.at(i).localPort),
                                      port.meanings.value(i)),
                    2, 2);
    return out;
}

QString servicesSection(const diagnostics::TimeServicesFindings &services)
{
    QString out = u"\nTime services on this computer\n"_s;
    for (const diagnostics::TimeServiceStatus &s : services.services)
        out += u"  %1 %2\n"_s.arg(s.name, -18).arg(s.running ? u"running"_s : u"not running"_s);
    const diagnostics::KernelClockStatus &k = services.kernel;
    if (k.available) {
        out += wrap(u"kernel clock       %1 (state %2, maximum error %3, estimated error %4, frequency %5 ppm)"_s
                   .arg(k.synchronized ? u"synchronised"_s : u"unsynchronised"_s, k.state,
                        report::formatSeconds(k.maxError), report::formatSeconds(k.estimatedError),
                        QString::number(k.frequencyPpm.value_or(0.0), 'f', 3)),
                    2, 19);
    }
    out += wrap(services.summary, 2);
    return out;
}

QString reachabilitySection(const diagnostics::ReachabilityFindings &reach)
{
    QString out = u"\nReachability of the servers\n"_s;
    for (const diagnostics::ServerReachability &s : reach.servers) {
        const diagnostics::SampleTally &t = s.tally;
        QString counts = u"%1 sent, %2 replies"_s.arg(s.requests).arg(t.accepted + t.unusable);
        if (t.timeouts > 0)
            counts += u", %1 timed out"_s.arg(t.timeouts);
        if (t.refused > 0)
            counts += u", %1 refused"_s.arg(t.refused);
        if (t.invalid > 0)
            counts += u", %1 invalid"_s.arg(t.invalid);
        if (!s.kissCode.isEmpty())
            counts += u", kiss code "_s + s.kissCode;
        out += u"  %1 %2 %3\n"_s.arg(s.name, -28).arg(diagnostics::reachOutcomeId(s.outcome), -17).arg(counts);
        if (!s.detail.isEmpty())
            out += wrap(s.detail, 4);
    }
    out += wrap(u"Conclusion: "_s + reach.summary, 2);
    return out;
}

QString outcomeLine(const QString &label, const diagnostics::ProbeOutcome &o)
{
    QString state;
    if (!o.sendError.isEmpty())
        state = u"not sent: "_s + o.sendError;
    else if (o.answeredWithData())
        state = u"ANSWERED with data"_s;
    else if (o.answered())
        state = u"answered with an error (%1)"_s.arg(o.errorText);
    else if (o.refused)
        state = u"refused (ICMP port unreachable)"_s;
    else
        state = u"no answer"_s;
    QString line = u"%1 %2: %3 bytes back in %4 datagram(s) for %5 sent, amplification %6×"_s.arg(label, -22)
                       .arg(state)
                       .arg(o.replyBytes)
                       .arg(o.datagrams)
                       .arg(o.requestBytes)
                       .arg(o.amplificationFactor(), 0, 'f', 2);
    if (o.request == u"monlist"_s && o.monlistEntries > 0)
        line += u", %1 monlist entries"_s.arg(o.monlistEntries);
    if (!o.serverVersion.isEmpty())
        line += u", version \""_s + o.serverVersion + u'"';
    return wrap(line, 2, 2);
}

QString exposureSection(const diagnostics::ExposureFindings &e)
{
    QString out = u"\nExposure probe of %1\n"_s.arg(e.target);
    if (!e.address.isEmpty()) {
        out += wrap(u"Sent exactly one mode 6 READVAR and one mode 7 MON_GETLIST request to %1 port %2%3, and "
                    "nothing else; replies were collected for %4 s."_s.arg(e.address)
                        .arg(e.port)
                        .arg(e.addressesFound > 1 ? u" (the first of %1 addresses)"_s.arg(e.addressesFound)
                                                  : QString())
                        .arg(e.windowSeconds, 0, 'g', 3),
                    2);
        out += outcomeLine(u"mode 6 READVAR"_s, e.mode6);
        out += outcomeLine(u"mode 7 MON_GETLIST"_s, e.mode7);
        for (const auto *o : {&e.mode6, &e.mode7}) {
            for (auto it = o->rejected.cbegin(); it != o->rejected.cend(); ++it)
                out += wrap(u"ignored %1 datagram(s): %2"_s.arg(it.value()).arg(it.key()), 4, 2);
        }
    }
    out += wrap(e.summary, 2);
    for (const QString &advice : e.advice)
        out += wrap(u"- "_s + advice, 2, 2);
    return out;
}

} // namespace

QString formatDiagnoseReport(const diagnostics::PortUsageFindings &port, const diagnostics::TimeServicesFindings &services,
                             const std::optional<diagnostics::ReachabilityFindings> &reachability,
                             const std::optional<diagnostics::ExposureFindings> &exposure)
{
    QString out = portSection(port) + servicesSection(services);
    if (reachability)
        out += reachabilitySection(*reachability);
    else
        out += u"\nReachability: no SERVER given, not tested.\n"_s;
    if (exposure)
        out += exposureSection(*exposure);
    return out;
}

} // namespace chronoscope::cli

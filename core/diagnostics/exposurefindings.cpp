// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnostics/exposurefindings.h"

using namespace Qt::StringLiterals;

namespace chronoscope::diagnostics {
namespace {

QString factorText(double factor)
{
    return u"%1×"_s.arg(factor, 0, 'f', factor < 10 ? 2 : 1);
}

QString endpoint(const ExposureFindings &r)
{
    const QString host = r.address.contains(u':') ? u"["_s + r.address + u"]"_s : r.address;
    return host + u":"_s + QString::number(r.port);
}

QString errorOnlyPart(const ProbeOutcome &o, const QString &mode)
{
    if (!o.errorCode)
        return u"%1: no answer"_s.arg(mode);
    return u"%1: %2"_s.arg(mode, o.errorText);
}

QString monlistSentence(const ExposureFindings &r)
{
    const ProbeOutcome &o = r.mode7;
    return u"It answers monlist (mode 7, CVE-2013-5211): %1 bytes in %2 datagram(s) came back for one %3-byte "
           "request, an amplification of %4 (%5 client address(es) in its list%6)."_s.arg(o.replyBytes)
        .arg(o.datagrams)
        .arg(o.requestBytes)
        .arg(factorText(o.amplificationFactor()))
        .arg(o.monlistEntries)
        .arg(o.complete ? QString() : u"; the list arrived incomplete"_s);
}

QString mode6Sentence(const ExposureFindings &r)
{
    const ProbeOutcome &o = r.mode6;
    return u"It answers mode 6 control queries (ntpq readvar): %1 bytes in %2 datagram(s) came back for one "
           "%3-byte request, an amplification of %4%5."_s.arg(o.replyBytes)
        .arg(o.datagrams)
        .arg(o.requestBytes)
        .arg(factorText(o.amplificationFactor()))
        .arg(o.serverVersion.isEmpty() ? QString() : u"; it reports version \"%1\""_s.arg(o.serverVersion));
}

} // namespace

QString exposureVerdictId(ExposureVerdict verdict)
{
    switch (verdict) {
    case ExposureVerdict::NotProbed: return u"not_probed"_s;
    case ExposureVerdict::PortClosed: return u"port_closed"_s;
    case ExposureVerdict::NoAnswer: return u"no_answer"_s;
    case ExposureVerdict::ErrorRepliesOnly: return u"error_replies_only"_s;
    case ExposureVerdict::AnswersMode6: return u"answers_mode6"_s;
    case ExposureVerdict::AnswersMonlist: return u"answers_monlist"_s;
    }
    return u"not_probed"_s;
}

void assessExposure(ExposureFindings &r)
{
    r.advice.clear();
    const ProbeOutcome &m6 = r.mode6;
    const ProbeOutcome &m7 = r.mode7;
    const QString where = endpoint(r);
    const QString window = u"%1 s"_s.arg(r.windowSeconds, 0, 'g', 3);

    if (!r.error.isEmpty()) {
        r.verdict = ExposureVerdict::NotProbed;
        r.summary = u"The probe of %1 could not run: %2"_s.arg(r.target, r.error);
        return;
    }
    if (m7.answeredWithData()) {
        r.verdict = ExposureVerdict::AnswersMonlist;
        r.summary = u"%1 can be abused for reflection and amplification attacks. "_s.arg(where) + monlistSentence(r);
        if (m6.answeredWithData())
            r.summary += u" "_s + mode6Sentence(r);
        r.advice << u"Upgrade ntpd to 4.2.7p26 or later (4.2.8 ignores mode 7 unless `enable mode7` is set), or "
                    "replace it with ntpsec or chrony, which do not implement mode 7 at all."_s
                 << u"Until then add `disable monitor` to ntp.conf and restrict queries to localhost: "
                    "`restrict default kod nomodify notrap nopeer noquery limited`, the same for "
                    "`restrict -6 default`, then `restrict 127.0.0.1` and `restrict ::1`."_s;
    } else if (m6.answeredWithData()) {
        r.verdict = ExposureVerdict::AnswersMode6;
        r.summary = u"%1 can be used as a reflector. "_s.arg(where) + mode6Sentence(r)
            + u" It did not answer monlist (mode 7)."_s;
        r.advice << u"Add `noquery` to the default restrictions (`restrict default kod nomodify nopeer noquery "
                    "limited` and the same for `restrict -6 default`) and allow ntpq only from localhost or "
                    "your management hosts (`restrict 127.0.0.1`, `restrict ::1`)."_s
                 << u"Keep ntpd or ntpsec up to date: mode 6 has carried several remotely exploitable bugs."_s;
    } else if (m6.answered() || m7.answered()) {
        r.verdict = ExposureVerdict::ErrorRepliesOnly;
        r.summary = u"%1 answered only with errors (%2; %3): %4 bytes came back for %5 sent, no real "
                    "amplification, but an ntpd is listening to control queries."_s.arg(where,
                                                                                      errorOnlyPart(m6, u"mode 6"_s),
                                                                                      errorOnlyPart(m7, u"mode 7"_s))
                        .arg(m6.replyBytes + m7.replyBytes)
                        .arg(m6.requestBytes + m7.requestBytes);
        r.advice << u"Adding `noquery` to the default restrictions makes ntpd ignore control queries instead of "
                    "answering them with errors."_s;
    } else if (!m6.networkError.isEmpty() || !m7.networkError.isEmpty()) {
        // Host or network unreachable: nothing can be concluded about the server itself.
        r.verdict = ExposureVerdict::NotProbed;
        r.summary = u"The probe could not reach %1: %2"_s.arg(where, m6.networkError.isEmpty() ? m7.networkError
                                                                                            : m6.networkError);
        return;
    } else if (m6.refused || m7.refused) {
        r.verdict = ExposureVerdict::PortClosed;
        r.summary = u"%1 answered with ICMP port unreachable: nothing listens on UDP port %2 there, so it "
                    "cannot amplify NTP requests."_s.arg(r.address)
                        .arg(r.port);
        return;
    } else {
        r.verdict = ExposureVerdict::NoAnswer;
        r.summary = u"%1 answered neither the mode 6 READVAR nor the mode 7 MON_GETLIST request within %2: it "
                    "does not amplify these requests from this address. chrony never answers them; ntpsec "
                    "has no mode 7; a well-configured ntpd ignores both."_s.arg(where, window);
        if (m6.datagrams + m7.datagrams > 0)
            r.summary += u" %1 malformed or unrelated datagram(s) arrived and were ignored."_s.arg(m6.datagrams
                                                                                                 + m7.datagrams);
        r.advice << u"Nothing to fix for amplification. Restrictions are per source address, so a server may "
                    "answer other networks differently: probe from outside too if the server is public."_s;
        return;
    }
    r.advice << u"Ask your network provider for ingress filtering (BCP 38, RFC 2827) so that requests with "
                "spoofed source addresses cannot reach the server, and drop NTP modes 6 and 7 at your border "
                "if nobody outside needs them."_s
             << u"This result holds for requests from this address; restrictions are per source address, so "
                "other networks may get different answers."_s;
}

} // namespace chronoscope::diagnostics
